// Command-line parsing for `lakestream`: each subcommand declares its flags in
// a CommandSpec; ParseArgs checks arguments against it and renders its --help.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lakestream::cli {

// Exit codes, as for most Unix tools.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;  // the engine refused: lakestream::Error
inline constexpr int kExitUsage = 2;  // the command line is wrong
inline constexpr int kExitInterrupted = 130;  // stopped by Ctrl-C, as a shell reports SIGINT

struct FlagSpec {
  std::string name;        // without dashes: "threads" (--threads), "e" (-e)
  std::string value_name;  // "N"; empty for a switch that takes no value
  std::string help;
};

struct CommandSpec {
  std::string name;         // "demo"
  std::string positionals;  // usage of positional arguments, "NAME"; empty when none
  size_t min_positionals = 0;
  size_t max_positionals = 0;
  std::string summary;      // one line, for `lakestream --help`
  std::string description;  // a paragraph, for `lakestream NAME --help`
  std::vector<FlagSpec> flags;
};

// The command line is malformed; the message names what is wrong. Callers
// print it with the usage and exit with kExitUsage.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ParsedArgs {
  bool help = false;                         // --help or -h was given
  std::map<std::string, std::string> flags;  // switches map to ""
  std::vector<std::string> positionals;

  bool Has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::optional<std::string> Get(const std::string& flag) const;
  // The flag's value as a positive integer; UsageError when it is not one.
  std::optional<int> GetPositiveInt(const std::string& flag) const;
};

// Parses the arguments after the subcommand name: --flag VALUE, --flag=VALUE,
// -f VALUE for one-letter flags, switches, positionals, and "--" ending the
// flags. Throws UsageError for an
// unknown flag, a missing value or a wrong number of positionals (except with
// --help, which needs nothing else to be right).
ParsedArgs ParseArgs(const CommandSpec& spec, const std::vector<std::string>& args);

// The `lakestream NAME --help` text.
std::string CommandHelp(const CommandSpec& spec);
// The one-line "usage: lakestream NAME [--flag VALUE]... POSITIONALS".
std::string CommandUsageLine(const CommandSpec& spec);

}  // namespace lakestream::cli
