#include "cli/interrupt_signal.h"

#include <errno.h>
#include <poll.h>
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

void Install() {
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
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
  Install();
}

InterruptSignal::~InterruptSignal() { sigaction(SIGINT, &previous_action, nullptr); }

bool InterruptSignal::Pending() const { return presses.load() > 0; }

void InterruptSignal::Clear() { presses = 0; }

bool InterruptSignal::WaitForInput(int fd) const {
  sigset_t during_wait;
  pthread_sigmask(SIG_BLOCK, nullptr, &during_wait);
  sigdelset(&during_wait, SIGINT);
  while (!Pending()) {
    struct pollfd input {fd, POLLIN, 0};
    const int ready = ppoll(&input, 1, nullptr, &during_wait);
    // Other errors than EINTR (a signal: check again) are left to the read.
    if (ready > 0 || (ready < 0 && errno != EINTR)) return true;
  }
  return false;
}

InterruptSignal::Blocked::Blocked() : was_blocked_(SetBlocked(true)) {}

InterruptSignal::Blocked::~Blocked() {
  if (!was_blocked_) SetBlocked(false);
}

}  // namespace lakestream::cli
