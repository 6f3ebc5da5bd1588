// InterruptSignal: Ctrl-C in the SQL shell. A SIGINT handler only records the
// press (it may do nothing else safely); the main thread turns it into an
// action: Session::interruptAll while a statement runs (StatementRunner), a
// cleared input line at the prompt (LineEditor). A third press while the
// first is still unanswered ends the process, for a statement that never
// checks for cancellation.
//
// Process-wide: one instance at a time, made and used by the main thread. The
// signal must reach only the main thread, so every other thread must start
// with SIGINT blocked (see Blocked).
#pragma once

namespace lakestream::cli {

class InterruptSignal {
 public:
  // Installs the handler; system calls interrupted by it restart.
  InterruptSignal();
  // Restores the handler found at construction.
  ~InterruptSignal();
  InterruptSignal(const InterruptSignal&) = delete;
  InterruptSignal& operator=(const InterruptSignal&) = delete;

  // True once Ctrl-C was pressed since the last Clear().
  bool Pending() const;
  void Clear();

  // Waits until `fd` has input to read or Ctrl-C is pressed; true when
  // input is ready, false on a press (pending or new). Call it with SIGINT
  // blocked (Blocked): the wait unblocks it atomically (ppoll), so a press
  // that lands just before the wait still ends it instead of being lost.
  bool WaitForInput(int fd) const;

  // While alive, SIGINT is blocked in the calling thread, and so in every
  // thread it starts meanwhile (threads inherit the mask): create worker
  // pools and statement threads under it.
  class Blocked {
   public:
    Blocked();
    ~Blocked();
    Blocked(const Blocked&) = delete;
    Blocked& operator=(const Blocked&) = delete;

   private:
    bool was_blocked_;
  };
};

}  // namespace lakestream::cli
