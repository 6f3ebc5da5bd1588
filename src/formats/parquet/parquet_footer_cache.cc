#include "formats/parquet/parquet_footer_cache.h"

namespace lakestream::parquet {

ParquetFooterCache& ParquetFooterCache::Global() {
  static ParquetFooterCache cache(kCapacityBytes);
  return cache;
}

std::shared_ptr<const ParquetFooter> ParquetFooterCache::Get(
    const std::string& path, std::string_view bytes,
    const std::function<std::shared_ptr<const ParquetFooter>()>& decode) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->path == path && it->bytes == bytes) {
        entries_.splice(entries_.begin(), entries_, it);
        return it->footer;
      }
    }
  }
  std::shared_ptr<const ParquetFooter> footer = decode();
  int64_t size = static_cast<int64_t>(bytes.size() + path.size());
  if (size > capacity_bytes_) return footer;
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->path == path) {  // an older version of the file
      held_bytes_ -= static_cast<int64_t>(it->bytes.size() + it->path.size());
      entries_.erase(it);
      break;
    }
  }
  entries_.push_front(Entry{path, std::string(bytes), footer});
  held_bytes_ += size;
  while (held_bytes_ > capacity_bytes_) {
    held_bytes_ -= static_cast<int64_t>(entries_.back().bytes.size() + entries_.back().path.size());
    entries_.pop_back();
  }
  return footer;
}

}  // namespace lakestream::parquet
