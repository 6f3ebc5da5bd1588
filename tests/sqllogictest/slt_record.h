// One record of a sqllogictest script: a statement, a query or a control line
// (hash-threshold, halt), with the skipif/onlyif conditions that precede it.
#pragma once

#include <string>
#include <vector>

namespace lakestream::slt {

enum class SortMode { kNoSort, kRowSort, kValueSort };

struct Condition {
  bool only_if = false;  // onlyif <engine>; otherwise skipif <engine>
  std::string engine;
};

struct Record {
  enum class Kind {
    kStatement,      // statement ok | statement error [<regex>]
    kQuery,          // query <types> [<sort>] [<label>]
    kHashThreshold,  // hash-threshold <n>
    kHalt,           // halt
    kUnknown,        // a record type this runner does not know (counted as a failure)
  };

  Kind kind = Kind::kUnknown;
  int line = 0;  // 1-based line of the record's header in the script
  std::vector<Condition> conditions;
  std::string sql;

  // kStatement: whether the statement must fail, and optionally how. The
  // message must contain a match of `error_regex` (sqllogictest-rs's
  // `statement error <regex>`) or the text after `----` (DuckDB's form).
  bool expect_error = false;
  std::string error_regex;

  // kQuery
  std::string types;  // one letter per column: I, R or T
  SortMode sort_mode = SortMode::kNoSort;
  std::string label;
  std::vector<std::string> expected;  // lines after "----" (CR stripped)

  int hash_threshold = 0;  // kHashThreshold
  std::string header;      // the header line as written, for reports
};

}  // namespace lakestream::slt
