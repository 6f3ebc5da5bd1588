#include "cli/progress_bar.h"

#include <algorithm>
#include <cstdio>

namespace lakestream::cli {

namespace {

constexpr int kBarWidth = 20;

// 1234567 -> "1,234,567" (counters are never negative).
std::string WithThousandsSeparators(int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string FormatProgressBar(const QueryProgress* progress, double elapsed_seconds, int width) {
  char seconds[32];
  std::snprintf(seconds, sizeof(seconds), "%.1f s", elapsed_seconds);
  std::string line;
  if (progress == nullptr) {
    line = std::string("[running] ") + seconds;
  } else {
    const int64_t total = progress->morsels.load(std::memory_order_relaxed);
    const int64_t done = std::min(progress->morsels_done.load(std::memory_order_relaxed), total);
    if (total > 0) {
      const int filled = static_cast<int>(done * kBarWidth / total);
      line = "[" + std::string(filled, '=') + (filled < kBarWidth ? ">" : "") +
             std::string(std::max(0, kBarWidth - filled - 1), ' ') + "] " + std::to_string(done * 100 / total) + "% ";
    }
    const int pipelines = progress->pipelines.load(std::memory_order_relaxed);
    const int pipeline = std::min(progress->pipeline.load(std::memory_order_relaxed), pipelines);
    line += "stage " + std::to_string(pipeline) + "/" + std::to_string(pipelines) + " | " +
            WithThousandsSeparators(progress->source_rows.load(std::memory_order_relaxed)) + " rows | " +
            WithThousandsSeparators(progress->source_splits_done.load(std::memory_order_relaxed)) + " splits | " +
            seconds;
  }
  if (width > 0 && line.size() > static_cast<size_t>(width)) line.resize(width);
  return line;
}

}  // namespace lakestream::cli
