// ReadParquetForFuzzing: everything a scan can ask of the Parquet reader, done
// to one file — the schema, the splits, every column of every row group under
// a memory limit, the first row group again as wider types (Spark's type
// widening), and row-group pruning with predicates on every top-level column.
// Shared by the libFuzzer target (parquet_reader_fuzzer.cc) and the regression
// test that replays its findings (tests/unit/formats/parquet/
// fuzz_regression_test.cc), so both run exactly the same reads.
//
// Contract: returns a checksum of every value read (callers keep it so the
// reads are not optimized away), or throws lakestream::UserError (a corrupt or
// unsupported file). Anything else — another exception, a crash, a sanitizer
// report, a batch whose arrays break the columnar layout (thrown as
// MalformedBatchError) — is a reader bug.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace lakestream::fuzz {

// A batch that breaks array.h's layout rules; never a UserError.
class MalformedBatchError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Decode buffers beyond this raise MEMORY_LIMIT_EXCEEDED (a UserError).
inline constexpr int64_t kFuzzMemoryLimit = 256LL << 20;

uint64_t ReadParquetForFuzzing(const std::string& path);

}  // namespace lakestream::fuzz
