// The `lakestream` command: picks the subcommand, runs it, and turns every
// failure into a message and an exit code (0 ok, 1 engine error, 2 usage),
// never a stack dump.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "lakestream/lakestream.h"

namespace lakestream::cli {
namespace {

std::string TopLevelUsage() {
  std::string text =
      "usage: lakestream [--version] [--help] COMMAND [ARGS]\n\n"
      "Lakestream " + std::string(kVersion) + ", a Spark-compatible lakehouse engine.\n\ncommands:\n";
  for (const Command& command : AllCommands()) {
    text += "  " + command.spec.name + std::string(12 - command.spec.name.size(), ' ') + command.spec.summary + "\n";
  }
  return text + "\nRun 'lakestream COMMAND --help' for a command's options.\n";
}

const Command* FindCommand(const std::string& name) {
  for (const Command& command : AllCommands()) {
    if (command.spec.name == name) return &command;
  }
  return nullptr;
}

int RunCommand(const Command& command, const std::vector<std::string>& args) {
  try {
    ParsedArgs parsed = ParseArgs(command.spec, args);
    if (parsed.help) {
      std::cout << CommandHelp(command.spec);
      return kExitOk;
    }
    return command.run(parsed);
  } catch (const UsageError& e) {
    std::cerr << "lakestream " << command.spec.name << ": " << e.what() << "\n"
              << CommandUsageLine(command.spec) << "\n";
    return kExitUsage;
  }
}

int Main(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    // Asking for help succeeds; giving no command at all is a usage error.
    (args.empty() ? std::cerr : std::cout) << TopLevelUsage();
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "lakestream " << kVersion << "\n";
    return kExitOk;
  }
  const Command* command = FindCommand(args[0]);
  if (command == nullptr) {
    std::cerr << "lakestream: unknown " << (args[0][0] == '-' ? "option" : "command") << " '" << args[0]
              << "'\n\n" << TopLevelUsage();
    return kExitUsage;
  }
  return RunCommand(*command, std::vector<std::string>(args.begin() + 1, args.end()));
}

}  // namespace
}  // namespace lakestream::cli

int main(int argc, char** argv) {
  using namespace lakestream;
  try {
    return cli::Main(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const CancelledError&) {
    std::cerr << "cancelled\n";
    return cli::kExitInterrupted;
  } catch (const InternalError& e) {
    std::cerr << "internal error: " << e.what() << "\nSQLSTATE: " << e.sql_state()
              << "\nThis is a bug in Lakestream; please report it with the command that caused it.\n";
    return cli::kExitError;
  } catch (const Error& e) {
    std::cerr << "error: [" << e.error_class() << "] " << e.message() << "\nSQLSTATE: " << e.sql_state() << "\n";
    return cli::kExitError;
  } catch (const std::exception& e) {
    // Outside the engine's hierarchy: file system and allocation failures.
    std::cerr << "error: " << e.what() << "\n";
    return cli::kExitError;
  }
}
