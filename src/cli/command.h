// The `lakestream` subcommands: each pairs its CommandSpec (flags, help) with
// the function that runs it. One file per command (demo_command.cc, ...).
#pragma once

#include <vector>

#include "cli/command_line.h"

namespace lakestream::cli {

struct Command {
  CommandSpec spec;
  // Returns the exit code. May throw lakestream::Error (exit 1) or UsageError
  // (exit 2); main() reports both.
  int (*run)(const ParsedArgs& args);
};

Command DemoCommand();
Command FunctionsCommand();
Command SqlCommand();

// Every subcommand, in the order `lakestream --help` lists them.
const std::vector<Command>& AllCommands();

}  // namespace lakestream::cli
