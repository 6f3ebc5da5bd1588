#include "cli/interrupt_signal.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>

namespace lakestream::cli {

namespace {

// Presses since the last Clear(). A lock-free atomic is safe to touch from a
// signal handler.
std::atomic<int> presses{0};
static_assert(std::atomic<int>::is_always_lock_free);

struct sigaction previous_action;

void OnInterrupt(int) {
  if (presses.fetch_add(1) + 1 >= 3) {
    // Nothing answered two presses: leave as a shell-killed process would.
    const char message[] = "\nInterrupted.\n";
    (void)!write(STDERR_FILENO, message, sizeof(message) - 1);
    _exit(130);
  }
}

void Install(bool restart) {
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = restart ? SA_RESTART : 0;
  sigaction(SIGINT, &action, nullptr);
}

// Blocks or unblocks SIGINT in the calling thread; returns whether it was blocked.
bool SetBlocked(bool blocked) {
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  pthread_sigmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &set, &old);
  return sigismember(&old, SIGINT) == 1;
}

}  // namespace

InterruptSignal::InterruptSignal() {
  sigaction(SIGINT, nullptr, &previous_action);
  presses = 0;
  Install(/*restart=*/true);
}

InterruptSignal::~InterruptSignal() { sigaction(SIGINT, &previous_action, nullptr); }

bool InterruptSignal::Pending() const { return presses.load() > 0; }

void InterruptSignal::Clear() { presses = 0; }

InterruptSignal::InterruptingCalls::InterruptingCalls() { Install(/*restart=*/false); }

InterruptSignal::InterruptingCalls::~InterruptingCalls() { Install(/*restart=*/true); }

InterruptSignal::Blocked::Blocked() : was_blocked_(SetBlocked(true)) {}

InterruptSignal::Blocked::~Blocked() {
  if (!was_blocked_) SetBlocked(false);
}

}  // namespace lakestream::cli
