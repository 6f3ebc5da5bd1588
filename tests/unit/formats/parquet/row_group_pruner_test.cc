// Row-group skipping from statistics, the column index, dictionaries and
// bloom filters, on corpus files that carry each; and the soundness property:
// a predicate matching a value the row group holds never skips it.
#include "formats/parquet/row_group_pruner.h"

#include <gtest/gtest.h>

#include <cmath>

#include "formats/parquet/parquet_format.h"
#include "unit/formats/parquet/corpus_file.h"

namespace lakestream::parquet {
namespace {

using Op = ColumnPredicate::Op;

ColumnPredicate P(const std::string& column, Op op, std::vector<Value> values = {}) {
  return ColumnPredicate{column, op, std::move(values)};
}

PruningEvidence Only(bool PruningEvidence::*which) {
  PruningEvidence e{false, false, false, false};
  e.*which = true;
  return e;
}

// Whether row group `g` of corpus file `name` is skipped for `p`, with the
// file's inferred schema.
bool Skips(const std::string& name, const ColumnPredicate& p, PruningEvidence evidence = {}, int g = 0) {
  ParquetFileReader reader(CorpusFile(name));
  SchemaPtr schema = ParquetFormat().InferSchema({CorpusFile(name)}, {}, EvalContext{});
  std::vector<ColumnPredicate> predicates{p};
  return RowGroupPruner(reader, predicates, schema, evidence).CanSkip(g);
}

TEST(RowGroupPrunerTest, StatisticsBoundComparisons) {
  LS_REQUIRE_CORPUS_FILE("alltypes_tiny_pages.parquet");
  const std::string f = "alltypes_tiny_pages.parquet";  // id 0..7299
  auto stats = Only(&PruningEvidence::statistics);
  EXPECT_TRUE(Skips(f, P("id", Op::kEq, {100000}), stats));
  EXPECT_FALSE(Skips(f, P("id", Op::kEq, {5}), stats));
  EXPECT_TRUE(Skips(f, P("ID", Op::kLt, {0}), stats));
  EXPECT_FALSE(Skips(f, P("id", Op::kLe, {0}), stats));
  EXPECT_TRUE(Skips(f, P("id", Op::kGt, {7299}), stats));
  EXPECT_FALSE(Skips(f, P("id", Op::kGe, {7299}), stats));
  EXPECT_TRUE(Skips(f, P("id", Op::kIn, {-1, 9000}), stats));
  EXPECT_FALSE(Skips(f, P("id", Op::kIn, {-1, 9000, 17}), stats));
  EXPECT_TRUE(Skips(f, P("id", Op::kIsNull), stats));  // null_count 0
  EXPECT_FALSE(Skips(f, P("id", Op::kIsNotNull), stats));
  // Predicates on columns the file lacks never skip.
  EXPECT_FALSE(Skips(f, P("missing", Op::kEq, {1}), stats));
}

TEST(RowGroupPrunerTest, NaNStatisticsAreIgnored) {
  LS_REQUIRE_CORPUS_FILE("nan_in_stats.parquet");  // max statistic is NaN
  EXPECT_FALSE(Skips("nan_in_stats.parquet", P("x", Op::kEq, {1e300})));
  EXPECT_FALSE(Skips("nan_in_stats.parquet", P("x", Op::kGt, {1e300})));
}

TEST(RowGroupPrunerTest, ColumnIndexExcludesEveryPage) {
  LS_REQUIRE_CORPUS_FILE("int32_with_null_pages.parquet");
  const std::string f = "int32_with_null_pages.parquet";  // max 2145722375, a page of NULLs
  auto index = Only(&PruningEvidence::column_index);
  EXPECT_TRUE(Skips(f, P("int32_field", Op::kGt, {int64_t{2145722375}}), index));
  EXPECT_FALSE(Skips(f, P("int32_field", Op::kGe, {int64_t{2145722375}}), index));
  EXPECT_FALSE(Skips(f, P("int32_field", Op::kIsNull), index));
}

TEST(RowGroupPrunerTest, DictionaryExcludesAbsentValues) {
  LS_REQUIRE_CORPUS_FILE("alltypes_tiny_pages.parquet");
  const std::string f = "alltypes_tiny_pages.parquet";  // string_col "0".."9", dictionary-encoded
  auto dictionary = Only(&PruningEvidence::dictionary);
  EXPECT_TRUE(Skips(f, P("string_col", Op::kEq, {"5a"}), dictionary));
  EXPECT_FALSE(Skips(f, P("string_col", Op::kEq, {"5"}), dictionary));
  EXPECT_TRUE(Skips(f, P("string_col", Op::kIn, {"x", "55"}), dictionary));
  EXPECT_FALSE(Skips(f, P("string_col", Op::kGt, {"5a"}), dictionary));  // only = and IN
  EXPECT_FALSE(Skips(f, P("id", Op::kEq, {-5}), dictionary));            // PLAIN pages
}

TEST(RowGroupPrunerTest, BloomFilterExcludesAbsentValues) {
  for (std::string f : {"data_index_bloom_encoding_stats.parquet", "data_index_bloom_encoding_with_length.parquet"}) {
    LS_REQUIRE_CORPUS_FILE(f);
    auto bloom = Only(&PruningEvidence::bloom_filter);
    // Inside the statistics' ["Hello", "today"], so only the filter can tell.
    EXPECT_TRUE(Skips(f, P("String", Op::kEq, {"brown cow"}), bloom)) << f;
    EXPECT_FALSE(Skips(f, P("String", Op::kEq, {"brown fox"}), bloom)) << f;
    EXPECT_TRUE(Skips(f, P("String", Op::kIn, {"cat", "brown cow"}), bloom)) << f;
    EXPECT_FALSE(Skips(f, P("String", Op::kIn, {"cat", "dog"}), bloom)) << f;
    EXPECT_FALSE(Skips(f, P("String", Op::kEq, {"brown cow"}), Only(&PruningEvidence::statistics))) << f;
  }
}

TEST(RowGroupPrunerTest, ReadFilteredSkipsWholeRowGroups) {
  LS_REQUIRE_CORPUS_FILE("sort_columns.parquet");
  std::string f = CorpusFile("sort_columns.parquet");
  ParquetFormat format;
  SchemaPtr schema = format.InferSchema({f}, {}, EvalContext{});
  ScanOptions scan;
  scan.predicates = {P("b", Op::kEq, {"zzz"})};
  int64_t rows = 0;
  format.ReadFiltered(FileSplit{f}, schema, {}, EvalContext{}, scan, [&](RecordBatchPtr b) {
    rows += b->num_rows();
    return true;
  });
  EXPECT_EQ(rows, 0);
  scan.predicates = {P("b", Op::kEq, {"b"})};
  format.ReadFiltered(FileSplit{f}, schema, {}, EvalContext{}, scan, [&](RecordBatchPtr b) {
    rows += b->num_rows();
    return true;
  });
  EXPECT_EQ(rows, 6);
}

// For every value a row group holds, =, <= and >= that value must keep the
// row group, whatever the statistics' truncation, NaN, sign or type quirks.
TEST(RowGroupPrunerTest, NeverSkipsARowGroupHoldingAMatch) {
  std::vector<std::string> files = {"alltypes_tiny_pages.parquet",
                                    "binary_truncated_min_max.parquet",
                                    "float16_nonzeros_and_nans.parquet",
                                    "float16_zeros_and_nans.parquet",
                                    "floating_orders_nan_count.parquet",
                                    "int32_with_null_pages.parquet",
                                    "data_index_bloom_encoding_stats.parquet",
                                    "nan_in_stats.parquet",
                                    "fixed_length_decimal.parquet",
                                    "int32_decimal.parquet",
                                    "byte_array_decimal.parquet",
                                    "delta_encoding_optional_column.parquet",
                                    "sort_columns.parquet",
                                    "concatenated_gzip_members.parquet",
                                    "fixed_length_byte_array.parquet",
                                    "int96_from_spark.parquet",
                                    "alltypes_dictionary.parquet",
                                    "rle-dict-snappy-checksum.parquet"};
  EvalContext ctx;
  for (const auto& name : files) {
    LS_REQUIRE_CORPUS_FILE(name);
    ParquetFileReader reader(CorpusFile(name));
    SchemaPtr schema = ParquetFormat().InferSchema({CorpusFile(name)}, {}, ctx);
    for (int g = 0; g < static_cast<int>(reader.metadata().row_groups.size()); ++g) {
      std::vector<std::vector<Value>> columns(schema->num_fields());
      reader.Read({g}, schema->fields(), nullptr, ctx, [&](std::vector<ArrayPtr> arrays, int64_t rows) {
        for (size_t c = 0; c < arrays.size(); ++c) {
          for (int64_t r = 0; r < rows && columns[c].size() < 64; ++r) columns[c].push_back(arrays[c]->GetValue(r));
        }
        return true;
      });
      for (size_t c = 0; c < schema->num_fields(); ++c) {
        const Field& field = schema->field(c);
        if (field.type->IsNested()) continue;
        for (const auto& v : columns[c]) {
          std::vector<ColumnPredicate> predicates;
          if (v.is_null()) {
            predicates.push_back(P(field.name, Op::kIsNull));
          } else {
            for (Op op : {Op::kEq, Op::kLe, Op::kGe, Op::kIn}) predicates.push_back(P(field.name, op, {v}));
            predicates.push_back(P(field.name, Op::kIsNotNull));
          }
          for (const auto& p : predicates) {
            std::vector<ColumnPredicate> one{p};
            EXPECT_FALSE(RowGroupPruner(reader, one, schema).CanSkip(g))
                << name << " row group " << g << " column " << field.name << " op " << static_cast<int>(p.op)
                << " value " << v.ToString();
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace lakestream::parquet
