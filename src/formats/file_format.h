// File formats (CSV, JSON lines, Parquet) behind one interface.
// Options are Spark's reader/writer options with lower-cased keys.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "columnar/memory_tracker.h"
#include "columnar/record_batch.h"
#include "expr/eval_context.h"
#include "lakestream/value.h"

namespace lakestream {

using FormatOptions = std::map<std::string, std::string>;

// A morsel of input: a whole file or a byte range of one (splittable formats).
//
// Line-based splits follow Hadoop's rule: a split [offset, offset + length)
// reads every record that starts after its first byte (or at byte 0), so a
// split starting mid-line skips to the next line and one ending mid-line reads
// through the end of that line. The CSV header is only in the split at offset 0.
struct FileSplit {
  std::string path;
  int64_t offset = 0;
  int64_t length = -1;  // -1: to the end of the file
  // Hive partition values of the file ("col" -> raw unescaped text, or
  // kHiveDefaultPartition for NULL), from PartitionValuesOf(). Read() fills a
  // schema field whose name matches one (case-insensitively) with that value
  // converted to the field's type, instead of decoding it from the file.
  std::vector<std::pair<std::string, std::string>> partition_values = {};
};

// Receives batches as they are decoded; returns false to stop early (LIMIT).
using BatchSink = std::function<bool(RecordBatchPtr)>;

// One conjunct of a scan's filter, in a form readers can test against
// statistics: `column op values`. The plan still filters every row a reader
// returns, so a reader may use a predicate to skip data that provably has no
// match (row groups, pages, files) and must otherwise ignore it.
struct ColumnPredicate {
  enum class Op { kEq, kLt, kLe, kGt, kGe, kIsNull, kIsNotNull, kIn };
  std::string column;         // a top-level column of the read schema (case-insensitive)
  Op op = Op::kEq;
  std::vector<Value> values;  // non-null, of the column's type: one for comparisons, any for kIn
};

// What a scan asks of a reader beyond the schema: data-skipping predicates and
// where to account decode memory.
struct ScanOptions {
  std::vector<ColumnPredicate> predicates;
  // When set, readers reserve their large decode buffers here and raise
  // MEMORY_LIMIT_EXCEEDED instead of growing past the query's limit.
  MemoryTracker* memory = nullptr;
};

// What a format can tell about files without reading their data, for the
// optimizer's estimates.
struct FileStatistics {
  int64_t num_rows = -1;  // -1: unknown
  // By top-level column name: an upper bound on the column's distinct values
  // (the size of an integer column's min..max range), where the files give one.
  std::map<std::string, int64_t> distinct_bounds;
};

class FileFormat {
 public:
  virtual ~FileFormat() = default;
  virtual std::string name() const = 0;

  // Infers the data schema of `files` (Spark's inferSchema / JSON inference).
  virtual SchemaPtr InferSchema(const std::vector<std::string>& files, const FormatOptions& options,
                                const EvalContext& ctx) const = 0;
  // Splits one file into morsels that can be read independently.
  virtual std::vector<FileSplit> Split(const std::string& file, const FormatOptions& options) const = 0;
  // Decodes one split into batches of `schema` (plus the corrupt-record column
  // when the options ask for it), following options["mode"].
  virtual void Read(const FileSplit& split, const SchemaPtr& schema, const FormatOptions& options,
                    const EvalContext& ctx, const BatchSink& sink) const = 0;
  // True when Read() accepts any subset of the data columns (by name) and
  // decodes only those; otherwise scans pass the whole data schema.
  virtual bool ReadsColumnSubsets() const { return false; }
  // Read() with pushdown. Text formats ignore `scan`.
  virtual void ReadFiltered(const FileSplit& split, const SchemaPtr& schema, const FormatOptions& options,
                            const EvalContext& ctx, const ScanOptions& scan, const BatchSink& sink) const {
    (void)scan;
    Read(split, schema, options, ctx, sink);
  }

  // Statistics of `files` read as `schema`, from metadata only (footers);
  // by default nothing is known. Never throws for unreadable metadata.
  virtual FileStatistics Statistics(const std::vector<std::string>& files, const Schema& schema) const {
    (void)files;
    (void)schema;
    return {};
  }

  // Writes `batches` to a new file at `path`.
  virtual void Write(const std::string& path, const SchemaPtr& schema,
                     const std::vector<RecordBatchPtr>& batches, const FormatOptions& options,
                     const EvalContext& ctx) const = 0;
  // File name extension for written files, e.g. ".csv".
  virtual std::string extension() const = 0;
};

// "csv", "json", "parquet" (case-insensitive). Throws UserError UNSUPPORTED_DATA_SOURCE otherwise.
const FileFormat& FindFileFormat(const std::string& name);

// Expands paths (files, directories walked recursively, glob patterns) into
// data files, skipping hidden files ("_", "." prefixes) as Spark does. Throws
// UserError PATH_NOT_FOUND when a path matches nothing.
std::vector<std::string> ListDataFiles(const std::vector<std::string>& paths);

// Spark's DataFrameWriter save modes.
enum class SaveMode { kErrorIfExists, kAppend, kOverwrite, kIgnore };
SaveMode ParseSaveMode(const std::string& mode);  // "error"/"errorifexists", "append", "overwrite", "ignore"

// Throws UserError UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE when `schema` holds an
// ANSI interval column (at any depth) and `format` is neither CSV nor JSON
// (which store intervals as their display strings).
void CheckWritableSchema(const FileFormat& format, const Schema& schema);

// Writes a result to directory `path` in `format`: part files plus _SUCCESS,
// Hive-style `col=value/` directories for `partition_by` (those columns are
// not written into the files). Follows `mode` when the directory exists.
void WriteDataset(const std::string& path, const FileFormat& format, SaveMode mode,
                  const std::vector<std::string>& partition_by, const SchemaPtr& schema,
                  const std::vector<RecordBatchPtr>& batches, const FormatOptions& options,
                  const EvalContext& ctx);

// Hive partition columns found in `files` paths (col=value segments) with their
// inferred types (int, bigint, double, date, string), for readers.
SchemaPtr InferPartitionSchema(const std::vector<std::string>& files, const std::string& base_path);

// The directory name Hive and Spark use for a NULL (or empty) partition value.
inline constexpr const char* kHiveDefaultPartition = "__HIVE_DEFAULT_PARTITION__";

// The col=value segments of `file` below `base_path`, names and values
// unescaped, outermost first; for FileSplit::partition_values.
std::vector<std::pair<std::string, std::string>> PartitionValuesOf(const std::string& file,
                                                                   const std::string& base_path);

}  // namespace lakestream
