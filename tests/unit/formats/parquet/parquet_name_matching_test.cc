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

// struct<a, A> read from a file whose struct has only `a`: both requested
// fields match the one leaf, whose values the assembler hands out once (this
// used to fail LS_CHECK in record_assembler.cc with INTERNAL_ERROR).
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
