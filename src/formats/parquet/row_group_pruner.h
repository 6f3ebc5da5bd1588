// RowGroupPruner: decides from a file's metadata whether a row group can hold
// no row matching a scan's predicates, so that it is not read at all.
//
// Evidence, cheapest first, each consulted only while the earlier ones leave
// the row group in: the column chunk statistics (min_value/max_value; the
// legacy min/max only for types whose signed order is right; NaN bounds
// ignored), the column index (every page excluded), the dictionary (every
// entry fails an = or IN) and the split-block bloom filter (= and IN).
// Predicates on nested, missing or type-changed columns are ignored.
#pragma once

#include <optional>
#include <vector>

#include "formats/file_format.h"
#include "formats/parquet/parquet_file_reader.h"

namespace lakestream::parquet {

// Which evidence RowGroupPruner consults (all by default; tests single one out).
struct PruningEvidence {
  bool statistics = true;
  bool column_index = true;
  bool dictionary = true;
  bool bloom_filter = true;
};

class RowGroupPruner {
 public:
  // `read_schema` is the scan's schema: predicate values have the Value kind
  // of its column types. `reader` must outlive the pruner; the predicates
  // are copied.
  RowGroupPruner(const ParquetFileReader& reader, const std::vector<ColumnPredicate>& predicates,
                 const SchemaPtr& read_schema, PruningEvidence evidence = {});

  // True when some predicate provably matches no row of row group `g`.
  // Unreadable or malformed optional structures (indexes, bloom filters)
  // count as absent rather than failing the scan.
  bool CanSkip(int g) const;

  // The rows of row group `g` that may match every predicate, from the page
  // index (column index and offset index) of the predicate columns:
  // ascending, disjoint ranges, empty when no row can match; nullopt when no
  // page index narrows the row group (read it whole).
  std::optional<std::vector<RowRange>> MatchingRows(int g) const;

 private:
  // A predicate on a top-level primitive column of the file.
  struct Target {
    ColumnPredicate predicate;
    const LeafDescriptor* leaf;
    DataTypePtr type;  // the scan's type of the column
  };

  bool StatisticsExclude(const Target& t, const ColumnChunk& chunk) const;
  bool ColumnIndexExcludes(const Target& t, const ColumnChunk& chunk) const;
  // Per page of the chunk's column index, whether it may hold a matching
  // row; nullopt when the chunk has no usable column index.
  std::optional<std::vector<bool>> PagesMayMatch(const Target& t, const ColumnChunk& chunk) const;
  bool DictionaryExcludes(const Target& t, const ColumnChunk& chunk, int g) const;
  bool BloomFilterExcludes(const Target& t, const ColumnChunk& chunk) const;
  bool TypeDefinedOrder(const LeafDescriptor& leaf) const;

  const ParquetFileReader& reader_;
  PruningEvidence evidence_;
  std::vector<Target> targets_;
};

}  // namespace lakestream::parquet
