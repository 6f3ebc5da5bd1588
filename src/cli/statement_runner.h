// StatementRunner: runs one statement's work on its own thread while the main
// thread watches it: a Ctrl-C (InterruptSignal) becomes Session::interruptAll,
// repeated until the work ends so that queries the statement starts after
// the press are cancelled too; and once the work has run for a second, a
// progress bar (progress_bar.h) is redrawn on stderr, if stderr is a
// terminal, and erased before Run returns.
#pragma once

#include <functional>

#include "cli/interrupt_signal.h"
#include "lakestream/session.h"

namespace lakestream::cli {

class StatementRunner {
 public:
  // `session` and `interrupt` must outlive the runner.
  StatementRunner(const Session& session, InterruptSignal& interrupt, bool show_progress)
      : session_(session), interrupt_(interrupt), show_progress_(show_progress) {}

  // Runs `work` to its end on a new thread (with SIGINT blocked) and rethrows
  // what it threw: CancelledError when Ctrl-C cancelled it. Main thread only.
  void Run(const std::function<void()>& work);

 private:
  const Session& session_;
  InterruptSignal& interrupt_;
  bool show_progress_;
};

}  // namespace lakestream::cli
