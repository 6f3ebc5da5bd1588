#include "columnar/memory_tracker.h"

#include <fmt/format.h>

#include "lakestream/error.h"

namespace lakestream {

namespace {
std::string FormatBytes(int64_t bytes) {
  if (bytes >= (int64_t{1} << 30)) return fmt::format("{:.1f} GiB", bytes / double(int64_t{1} << 30));
  if (bytes >= (int64_t{1} << 20)) return fmt::format("{:.1f} MiB", bytes / double(int64_t{1} << 20));
  if (bytes >= 1024) return fmt::format("{:.1f} KiB", bytes / 1024.0);
  return fmt::format("{} bytes", bytes);
}
}  // namespace

bool MemoryTracker::TryReserve(int64_t bytes) {
  int64_t now = used_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (limit_ > 0 && bytes > 0 && now > limit_) {
    used_.fetch_sub(bytes, std::memory_order_relaxed);
    return false;
  }
  int64_t peak = peak_.load(std::memory_order_relaxed);
  while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
  return true;
}

void MemoryTracker::Release(int64_t bytes) { used_.fetch_sub(bytes, std::memory_order_relaxed); }

bool MemoryReservation::TryResize(int64_t bytes) {
  int64_t delta = bytes - bytes_;
  if (delta > 0 && !tracker_->TryReserve(delta)) return false;
  if (delta < 0) tracker_->Release(-delta);
  bytes_ = bytes;
  return true;
}

void MemoryReservation::Resize(int64_t bytes, const std::string& advice) {
  if (!TryResize(bytes)) ThrowMemoryLimitExceeded(operator_name_, bytes - bytes_, *tracker_, advice);
}

void MemoryReservation::Set(int64_t bytes) noexcept {
  if (bytes_ != bytes) tracker_->Release(bytes_ - bytes);
  bytes_ = bytes;
}

void ThrowMemoryLimitExceeded(const std::string& operator_name, int64_t requested, const MemoryTracker& tracker,
                              const std::string& advice) {
  throw UserError("MEMORY_LIMIT_EXCEEDED", "53200",
                  fmt::format("{} needs {} more memory but the query already holds {} of its memory limit of {}. {}",
                              operator_name, FormatBytes(requested), FormatBytes(tracker.used()),
                              FormatBytes(tracker.limit()),
                              advice.empty() ? "Raise the query memory limit or reduce the data the operator holds."
                                             : advice));
}

}  // namespace lakestream
