// ParquetFooterCache: decoded footers shared by every reader of the same
// file, so that scanning a file split by split (one split per row group)
// decodes its footer once rather than once per split.
#pragma once

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "columnar/thread_annotations.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/parquet_schema.h"

namespace lakestream::parquet {

// A file's decoded footer and the schema converted from it. Immutable.
struct ParquetFooter {
  FileMetaData metadata;
  std::unique_ptr<ParquetSchema> schema;
};

class ParquetFooterCache {
 public:
  // The process-wide cache (at most kCapacityBytes of footer bytes).
  static ParquetFooterCache& Global();

  explicit ParquetFooterCache(int64_t capacity_bytes) : capacity_bytes_(capacity_bytes) {}

  // The footer of `path` whose encoded bytes are `bytes`: the cached one when
  // the same path last had exactly these bytes (so a rewritten file is never
  // served stale), else `decode()`'s result, remembered least-recently-used
  // first out. Exceptions from `decode` propagate and cache nothing.
  // Thread-safe; `decode` runs without the lock held.
  std::shared_ptr<const ParquetFooter> Get(const std::string& path, std::string_view bytes,
                                           const std::function<std::shared_ptr<const ParquetFooter>()>& decode);

  static constexpr int64_t kCapacityBytes = 64LL << 20;

 private:
  struct Entry {
    std::string path;
    std::string bytes;
    std::shared_ptr<const ParquetFooter> footer;
  };

  const int64_t capacity_bytes_;
  std::mutex mu_;
  std::list<Entry> entries_ GUARDED_BY(mu_);  // most recently used first
  // Path -> its entry, so a scan of many small files stays linear.
  std::unordered_map<std::string, std::list<Entry>::iterator> by_path_ GUARDED_BY(mu_);
  int64_t held_bytes_ GUARDED_BY(mu_) = 0;
};

}  // namespace lakestream::parquet
