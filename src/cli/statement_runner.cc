#include "cli/statement_runner.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <iostream>
#include <thread>

#include "api/session_state.h"
#include "cli/progress_bar.h"

namespace lakestream::cli {

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(100);
constexpr auto kProgressDelay = std::chrono::seconds(1);

int TerminalWidth() {
  struct winsize size {};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace

void StatementRunner::Run(const std::function<void()>& work) {
  std::packaged_task<void()> task(work);
  std::future<void> done = task.get_future();
  std::thread thread;
  {
    InterruptSignal::Blocked blocked;
    thread = std::thread(std::move(task));
  }
  const auto start = std::chrono::steady_clock::now();
  bool interrupted = false;
  bool bar_shown = false;
  while (done.wait_for(kPollInterval) != std::future_status::ready) {
    interrupted = interrupted || interrupt_.Pending();
    if (interrupted) {
      session_.interruptAll();
      continue;
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    if (!show_progress_ || elapsed < kProgressDelay) continue;
    std::shared_ptr<const QueryProgress> progress = session_.state()->RunningQueryProgress();
    const double seconds = std::chrono::duration<double>(elapsed).count();
    // Leave the last column free: writing there wraps some terminals.
    std::cerr << "\r" << FormatProgressBar(progress.get(), seconds, TerminalWidth() - 1) << "\x1b[K" << std::flush;
    bar_shown = true;
  }
  thread.join();
  if (bar_shown) std::cerr << "\r\x1b[K" << std::flush;
  done.get();
}

}  // namespace lakestream::cli
