// MemoryTracker: per-query byte accounting against QueryContext::memory_limit_bytes.
// Operators reserve before they grow hash tables or sort buffers; a reservation
// that does not fit either makes the operator spill or raises
// MEMORY_LIMIT_EXCEEDED (SQLSTATE 53200) naming the operator and the limit.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace lakestream {

class MemoryTracker {
 public:
  // limit <= 0: unlimited.
  explicit MemoryTracker(int64_t limit) : limit_(limit) {}

  // Adds `bytes` if the total stays within the limit. Thread-safe.
  bool TryReserve(int64_t bytes);
  void Release(int64_t bytes);

  int64_t limit() const { return limit_; }
  int64_t used() const { return used_.load(std::memory_order_relaxed); }
  int64_t peak() const { return peak_.load(std::memory_order_relaxed); }

 private:
  const int64_t limit_;
  std::atomic<int64_t> used_{0};
  std::atomic<int64_t> peak_{0};
};

// One operator instance's share of the query's memory (e.g. one thread's hash
// table). Releases what it holds on destruction. Used by one thread at a time.
class MemoryReservation {
 public:
  MemoryReservation(MemoryTracker& tracker, std::string operator_name)
      : tracker_(&tracker), operator_name_(std::move(operator_name)) {}
  ~MemoryReservation() { Set(0); }
  MemoryReservation(const MemoryReservation&) = delete;
  MemoryReservation& operator=(const MemoryReservation&) = delete;

  int64_t bytes() const { return bytes_; }
  // Sets the held amount to `bytes`; returns false (holding the old amount) if
  // growing does not fit the limit.
  bool TryResize(int64_t bytes);
  // Like TryResize but raises MEMORY_LIMIT_EXCEEDED when it does not fit.
  // `advice` completes the message ("Raise the memory limit or ...").
  void Resize(int64_t bytes, const std::string& advice = "");

 private:
  void Set(int64_t bytes) noexcept;
  MemoryTracker* tracker_;
  std::string operator_name_;
  int64_t bytes_ = 0;
};

// Raises UserError MEMORY_LIMIT_EXCEEDED (53200) for `operator_name`.
[[noreturn]] void ThrowMemoryLimitExceeded(const std::string& operator_name, int64_t requested,
                                           const MemoryTracker& tracker, const std::string& advice);

}  // namespace lakestream
