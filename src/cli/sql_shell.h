// SqlShell: the statement loop of `lakestream sql`. Runs each statement
// through Session::sql, prints its rows to stdout in the chosen format
// (result_formatter.h) and its error to stderr as
//
//   Error: [CLASS] message      (the caret block as the message has it)
//   SQLSTATE: 42703             (unless the message already names it)
//
// "Query cancelled." after Ctrl-C. Between statements it reads the shell's
// dot-commands (.help lists them). Main thread only.
#pragma once

#include <string>
#include <string_view>

#include "cli/command_line.h"
#include "cli/interrupt_signal.h"
#include "cli/line_reader.h"
#include "cli/result_formatter.h"
#include "cli/statement_runner.h"
#include "lakestream/session.h"

namespace lakestream::cli {

struct SqlShellOptions {
  OutputFormat format = OutputFormat::kTable;
  // After each statement: "(N rows)" (table format only) and "Time: 0.123 s".
  bool timer = false;
  // Redraw a progress bar on stderr while a statement runs over a second.
  bool progress_bar = false;
};

class SqlShell {
 public:
  // `interrupt` must outlive the shell.
  SqlShell(Session session, const SqlShellOptions& options, InterruptSignal& interrupt);

  // -e and -f: runs the ';'-separated statements of `script` in order and
  // stops at the first that fails. Returns the exit status: 0; 1 when a
  // statement failed; kExitInterrupted after Ctrl-C.
  int RunScript(std::string_view script);

  // A terminal or piped stdin: runs statements and dot-commands read from
  // `reader` until the end of input or .quit. A failing or cancelled
  // statement does not stop it; the exit status is then 1 instead of 0.
  int RunInteractive(LineReader& reader);

 private:
  enum class Outcome { kOk, kFailed, kCancelled };
  Outcome RunStatement(const std::string& sql);
  // Runs a dot-command line (.timer on, \timing, .quit, ...); false to quit.
  bool RunShellCommand(std::string_view line);

  Session session_;
  SqlShellOptions options_;
  InterruptSignal& interrupt_;
  StatementRunner runner_;
};

}  // namespace lakestream::cli
