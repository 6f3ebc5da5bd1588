// CSV malformed records under PERMISSIVE, DROPMALFORMED and FAILFAST.
#include "format_test_fixture.h"

namespace lakestream {
namespace {

using CsvModeTest = FormatTest;

constexpr const char* kInput = "1,a\n2\nx,b\n3,c,extra\n4,d\n";

TEST_F(CsvModeTest, PermissiveKeepsConvertedFieldsAndNullsTheRest) {
  auto f = WriteText("a.csv", kInput);
  EXPECT_ROWS(Read("csv", f, Ddl("i INT, s STRING")),
              {Row{1, "a"}, Row{2, Value()}, Row{Value(), "b"}, Row{3, "c"}, Row{4, "d"}});
}

TEST_F(CsvModeTest, PermissiveFillsTheCorruptRecordColumnForMalformedRowsOnly) {
  auto f = WriteText("a.csv", kInput);
  EXPECT_ROWS(Read("csv", f, Ddl("i INT, s STRING, _corrupt_record STRING")),
              {Row{1, "a", Value()}, Row{2, Value(), "2"}, Row{Value(), "b", "x,b"}, Row{3, "c", "3,c,extra"},
               Row{4, "d", Value()}});
  // The column may sit anywhere and have another name.
  EXPECT_ROWS(Read("csv", f, Ddl("bad STRING, i INT, s STRING"), {{"columnNameOfCorruptRecord", "bad"}}),
              {Row{Value(), 1, "a"}, Row{"2", 2, Value()}, Row{"x,b", Value(), "b"}, Row{"3,c,extra", 3, "c"},
               Row{Value(), 4, "d"}});
}

TEST_F(CsvModeTest, CorruptRecordColumnMustBeAString) {
  auto f = WriteText("a.csv", kInput);
  try {
    Read("csv", f, Ddl("i INT, s STRING, _corrupt_record INT"));
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "INVALID_CORRUPT_RECORD_TYPE");
  }
}

TEST_F(CsvModeTest, DropMalformedDropsTheRows) {
  auto f = WriteText("a.csv", kInput);
  EXPECT_ROWS(Read("csv", f, Ddl("i INT, s STRING"), {{"mode", "DROPMALFORMED"}}), {Row{1, "a"}, Row{4, "d"}});
  EXPECT_ROWS(Read("csv", f, Ddl("i INT, s STRING, _corrupt_record STRING"), {{"mode", "dropMalformed"}}),
              {Row{1, "a", Value()}, Row{4, "d", Value()}});
}

TEST_F(CsvModeTest, FailFastNamesTheFileAndTheRecord) {
  auto f = WriteText("a.csv", "1,a\nx,b\n");
  try {
    Read("csv", f, Ddl("i INT, s STRING"), {{"mode", "FAILFAST"}});
    FAIL() << "expected an error";
  } catch (const UserError& e) {
    EXPECT_EQ(e.error_class(), "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
    EXPECT_EQ(e.sql_state(), "22023");
    EXPECT_NE(e.message().find("x,b"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("a.csv"), std::string::npos) << e.message();
  }
  auto g = WriteText("b.csv", "1,a\n2\n");
  EXPECT_THROW(Read("csv", g, Ddl("i INT, s STRING"), {{"mode", "FAILFAST"}}), UserError);
  auto ok = WriteText("c.csv", "1,a\n");
  EXPECT_ROWS(Read("csv", ok, Ddl("i INT, s STRING"), {{"mode", "FAILFAST"}}), {Row{1, "a"}});
}

TEST_F(CsvModeTest, OverflowAndBadDatesAreMalformed) {
  auto f = WriteText("a.csv", "2147483648,2024-13-01,128\n");
  EXPECT_ROWS(Read("csv", f, Ddl("i INT, d DATE, t TINYINT, _corrupt_record STRING")),
              {Row{Value(), Value(), Value(), "2147483648,2024-13-01,128"}});
  EXPECT_ROWS(Read("csv", f, Ddl("i INT, d DATE, t TINYINT"), {{"mode", "DROPMALFORMED"}}), {});
}

}  // namespace
}  // namespace lakestream
