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
    auto found = by_path_.find(path);
    if (found != by_path_.end() && found->second->bytes == bytes) {
      entries_.splice(entries_.begin(), entries_, found->second);
      return found->second->footer;
    }
  }
  std::shared_ptr<const ParquetFooter> footer = decode();
  int64_t size = static_cast<int64_t>(bytes.size() + path.size());
  if (size > capacity_bytes_) return footer;
  std::lock_guard<std::mutex> lock(mu_);
  if (auto old = by_path_.find(path); old != by_path_.end()) {  // an older version of the file
    held_bytes_ -= static_cast<int64_t>(old->second->bytes.size() + old->second->path.size());
    entries_.erase(old->second);
    by_path_.erase(old);
  }
  entries_.push_front(Entry{path, std::string(bytes), footer});
  by_path_[path] = entries_.begin();
  held_bytes_ += size;
  while (held_bytes_ > capacity_bytes_) {
    held_bytes_ -= static_cast<int64_t>(entries_.back().bytes.size() + entries_.back().path.size());
    by_path_.erase(entries_.back().path);
    entries_.pop_back();
  }
  return footer;
}

}  // namespace lakestream::parquet
