// `lakestream sql`: the Spark SQL shell. Runs the statements of -e or -f and
// exits; otherwise reads statements from stdin: interactively through
// libedit on a terminal, line by line without prompts from a pipe.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/command.h"
#include "cli/interrupt_signal.h"
#include "cli/line_editor.h"
#include "cli/sql_shell.h"
#include "lakestream/lakestream.h"

namespace lakestream::cli {

namespace {

// LAKESTREAM_HISTORY when set ("" for none), else ~/.lakestream_history.
std::string HistoryPath() {
  if (const char* path = std::getenv("LAKESTREAM_HISTORY")) return path;
  const char* home = std::getenv("HOME");
  return home != nullptr && *home != '\0' ? std::string(home) + "/.lakestream_history" : "";
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int RunSql(const ParsedArgs& args) {
  if (args.Has("e") && args.Has("f")) throw UsageError("-e and -f cannot be used together");
  SqlShellOptions options;
  if (std::optional<std::string> format = args.Get("format")) {
    std::optional<OutputFormat> parsed = ParseOutputFormat(*format);
    if (!parsed) throw UsageError("--format expects table, csv or json, got '" + *format + "'");
    options.format = *parsed;
  }
  options.timer = args.Has("timer");
  options.progress_bar = isatty(STDERR_FILENO) == 1;
  std::optional<std::string> script = args.Get("e");
  if (std::optional<std::string> file = args.Get("f")) {
    script = ReadFile(*file);
    if (!script) {
      std::cerr << "lakestream sql: cannot read '" << *file << "': " << std::strerror(errno) << "\n";
      return kExitError;
    }
  }

  InterruptSignal interrupt;
  SessionBuilder builder = Session::builder();
  builder.appName("lakestream sql");
  if (std::optional<std::string> dir = args.Get("warehouse")) builder.warehouseDir(*dir);
  if (std::optional<int> threads = args.GetPositiveInt("threads")) builder.threads(*threads);
  std::optional<Session> session;
  {
    // The worker pool's threads must never take Ctrl-C (interrupt_signal.h).
    InterruptSignal::Blocked blocked;
    session = builder.getOrCreate();
  }
  SqlShell shell(*session, options, interrupt);
  if (script) return shell.RunScript(*script);
  if (isatty(STDIN_FILENO) != 1) {
    StreamLineReader reader(std::cin);
    return shell.RunInteractive(reader);
  }
  if (isatty(STDOUT_FILENO) == 1) {
    std::cout << "Lakestream " << kVersion << " SQL shell. End statements with ';'; .help lists the commands.\n";
  }
  LineEditor editor(interrupt, HistoryPath());
  return shell.RunInteractive(editor);
}

}  // namespace

Command SqlCommand() {
  CommandSpec spec;
  spec.name = "sql";
  spec.summary = "the Spark SQL shell: interactive, -e SQL or -f FILE";
  spec.description =
      "Runs Spark SQL. With -e or -f it runs the ';'-separated statements in order and\n"
      "stops at the first that fails (exit status 1). Otherwise it reads statements from\n"
      "stdin: on a terminal with line editing, history (~/.lakestream_history, or\n"
      "$LAKESTREAM_HISTORY) and statements spanning lines until ';'; from a pipe line by\n"
      "line without prompts, going on after a failing statement (exit status 1 at the\n"
      "end). Results go to stdout, errors to stderr. Ctrl-C cancels the running\n"
      "statement. Dot-commands between statements: .help, .timer on|off, .format, .quit.";
  spec.flags = {
      {"e", "SQL", "run these statements and exit"},
      {"f", "FILE", "run the statements of FILE and exit"},
      {"format", "FORMAT", "table (default), csv or json"},
      {"warehouse", "DIR", "where tables are stored (default: ./spark-warehouse)"},
      {"timer", "", "print the row count and elapsed time after each statement"},
      {"threads", "N", "worker threads (default: all cores)"},
  };
  return {spec, RunSql};
}

}  // namespace lakestream::cli
