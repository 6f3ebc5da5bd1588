// ParquetFormat::Statistics: what the footers say about a table, for the
// optimizer's cardinality estimates. Row counts come from the file metadata;
// for integer and date columns the column chunk statistics give a min..max
// range whose size bounds the distinct values (a foreign key such as
// c_nationkey in 0..24 has at most 25, however many rows hold it).
#include <algorithm>
#include <exception>
#include <map>
#include <set>

#include "formats/parquet/parquet_file_reader.h"
#include "formats/parquet/parquet_format.h"
#include "formats/parquet/value_range.h"

namespace lakestream {
namespace {

bool IntegerLike(const DataType& type) {
  switch (type.id()) {
    case TypeId::kByte:
    case TypeId::kShort:
    case TypeId::kInt:
    case TypeId::kLong:
    case TypeId::kDate: return true;
    default: return false;
  }
}

struct Range {
  int64_t min = 0, max = 0;
  bool seen = false;
};

// Folds the statistics of every row group of `reader` into `ranges`; a
// column any row group has no usable statistics for goes to `unknown`.
void AddRanges(const parquet::ParquetFileReader& reader, const Schema& schema, std::map<std::string, Range>* ranges,
               std::set<std::string>* unknown) {
  for (const Field& field : schema.fields()) {
    if (!IntegerLike(*field.type) || unknown->count(field.name) != 0) continue;
    const parquet::ParquetNode* node = reader.FindField(field.name);
    if (!node || node->kind != parquet::ParquetNode::Kind::kLeaf) {
      unknown->insert(field.name);
      continue;
    }
    const parquet::LeafDescriptor& leaf = reader.schema().leaves()[node->leaf];
    Range& range = (*ranges)[field.name];
    for (const parquet::RowGroup& group : reader.metadata().row_groups) {
      const auto& meta = group.columns.at(leaf.column_index).meta_data;
      if (group.num_rows == 0) continue;
      if (!meta || !meta->statistics) {
        unknown->insert(field.name);
        break;
      }
      const parquet::Statistics& s = *meta->statistics;
      // Signed integers order the same under the legacy min/max.
      const auto& lo_bytes = s.min_value ? s.min_value : s.min;
      const auto& hi_bytes = s.max_value ? s.max_value : s.max;
      std::optional<Value> lo, hi;
      if (lo_bytes && hi_bytes) {
        lo = parquet::DecodeStatisticsValue(leaf, *lo_bytes, *field.type);
        hi = parquet::DecodeStatisticsValue(leaf, *hi_bytes, *field.type);
      }
      if (!lo || !hi || lo->kind() != Value::Kind::kInt || hi->kind() != Value::Kind::kInt) {
        unknown->insert(field.name);
        break;
      }
      range.min = range.seen ? std::min(range.min, lo->as_int()) : lo->as_int();
      range.max = range.seen ? std::max(range.max, hi->as_int()) : hi->as_int();
      range.seen = true;
    }
  }
}

}  // namespace

FileStatistics ParquetFormat::Statistics(const std::vector<std::string>& files, const Schema& schema) const {
  FileStatistics stats;
  std::map<std::string, Range> ranges;
  std::set<std::string> unknown;
  int64_t rows = 0;
  try {
    for (const std::string& file : files) {
      const parquet::ParquetFileReader reader(file);
      rows += reader.metadata().num_rows;
      AddRanges(reader, schema, &ranges, &unknown);
    }
  } catch (const std::exception&) {
    return {};  // estimates only: the scan itself reports unreadable files
  }
  stats.num_rows = rows;
  for (const auto& [name, range] : ranges) {
    if (unknown.count(name) != 0 || !range.seen) continue;
    // max - min + 1 without overflow: a range as wide as int64 bounds nothing.
    const uint64_t span = static_cast<uint64_t>(range.max) - static_cast<uint64_t>(range.min);
    if (span < static_cast<uint64_t>(INT64_MAX)) stats.distinct_bounds[name] = static_cast<int64_t>(span) + 1;
  }
  return stats;
}

}  // namespace lakestream
