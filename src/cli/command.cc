#include "cli/command.h"

namespace lakestream::cli {

const std::vector<Command>& AllCommands() {
  static const std::vector<Command> commands = {DemoCommand(), FunctionsCommand(), SqlCommand()};
  return commands;
}

}  // namespace lakestream::cli
