// ParquetFileReader: one open Parquet file — its footer, schema and row
// groups — read as batches of requested top-level columns.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "columnar/array.h"
#include "columnar/memory_tracker.h"
#include "expr/eval_context.h"
#include "formats/file_system.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/parquet_footer_cache.h"
#include "formats/parquet/parquet_schema.h"

namespace lakestream::parquet {

// Rows per batch the reader produces at most.
inline constexpr int64_t kParquetBatchRows = 64 * 1024;

// Rows [begin, end) of a row group.
struct RowRange {
  int64_t begin = 0;
  int64_t end = 0;
};

class ParquetFileReader {
 public:
  // Opens `path` and decodes its footer. Throws UserError PATH_NOT_FOUND,
  // ParquetCorruptError naming the file (too short, bad magic, a footer
  // length outside the file, an undecodable footer or schema, row groups
  // whose column count differs from the schema's) and ParquetUnsupportedError
  // for encrypted files ("PARE" magic or an encrypted plaintext footer).
  explicit ParquetFileReader(const std::string& path);

  const std::string& path() const { return file_->path(); }
  const RandomAccessFile& file() const { return *file_; }
  const FileMetaData& metadata() const { return footer_->metadata; }
  const ParquetSchema& schema() const { return *footer_->schema; }

  // Where row group `i`'s first column chunk starts, and its compressed bytes.
  int64_t RowGroupStart(int i) const;
  int64_t RowGroupBytes(int i) const;

  // Receives one batch: a column per requested field and the row count;
  // returns false to stop.
  using ColumnsSink = std::function<bool(std::vector<ArrayPtr> columns, int64_t rows)>;

  // Reads `row_groups` in order, in batches of at most kParquetBatchRows rows
  // holding one column per entry of `fields`: file columns are matched by
  // name (exactly, else case-insensitively) and read as the field's type
  // (RecordAssembler's rules); fields the file lacks read as NULL. Only the
  // column chunks the fields need are read. `memory` (optional) accounts
  // decode buffers. Throws ParquetUnsupportedError for encrypted or external
  // column chunks.
  // `row_ranges` (optional, one entry per row group) narrows each row group
  // to ascending, disjoint ranges of its rows; pages outside them are not
  // decoded where the column's offset index locates them.
  void Read(const std::vector<int>& row_groups, const std::vector<Field>& fields, MemoryTracker* memory,
            const EvalContext& ctx, const ColumnsSink& sink,
            const std::vector<std::vector<RowRange>>* row_ranges = nullptr) const;

  // The offset index of column chunk `leaf` of row group `g`, or nullopt
  // when the file has none or it is unreadable or inconsistent (page
  // locations out of order, outside the chunk, or not starting at row 0).
  std::optional<OffsetIndex> ReadOffsetIndex(int g, int leaf) const;

  // The top-level node of the file's field named `name` (exactly, else
  // case-insensitively), or nullptr.
  const ParquetNode* FindField(const std::string& name) const;

 private:
  void ReadFooter();
  std::shared_ptr<const ParquetFooter> DecodeFooter(const uint8_t* data, size_t size) const;
  [[noreturn]] void Fail(const std::string& what) const;

  std::unique_ptr<RandomAccessFile> file_;
  std::shared_ptr<const ParquetFooter> footer_;  // shared through ParquetFooterCache
};

}  // namespace lakestream::parquet
