// Requested fields matched to a file's fields by name (exactly, else
// case-insensitively) when several requested fields could claim the same
// file field. Whatever the rule, the read must end in rows or a UserError,
// never an engine invariant failure.
#include <gtest/gtest.h>

#include "formats/parquet/parquet_writer.h"
#include "unit/formats/format_test_fixture.h"

namespace lakestream::parquet {
namespace {

using ParquetNameMatchingTest = FormatTest;

// Open (reported by pq_fuzz_bench): struct<a, A> read from a file whose struct
// has only `a` matches both requested fields to the one leaf; the second
// finds its values already taken and fails LS_CHECK in record_assembler.cc
// (INTERNAL_ERROR "values->size() >= v.length * width (0 vs 4)").
TEST_F(ParquetNameMatchingTest, TwoRequestedFieldsMatchingOneFileFieldIsNoInternalError) {
  std::string file = Path("s.parquet");
  SchemaPtr written = Ddl("s STRUCT<a: INT>");
  WriteParquetFile(file, written, RowsToBatches(written, {Row{Value::List({Value(1)})}}), {});
  try {
    auto rows = Read("parquet", file, Ddl("s STRUCT<a: INT, A: INT>"));
    EXPECT_EQ(rows.size(), 1u);
  } catch (const UserError& e) {
    SUCCEED() << e.what();
  }
}

}  // namespace
}  // namespace lakestream::parquet
