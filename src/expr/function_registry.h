// The registry of built-in functions, by Spark's names (case-insensitive).
//
// A scalar function *binds* to argument types: it picks the types its
// arguments must be cast to (the binder inserts the casts) and its result
// type, and returns a vectorized kernel. An aggregate function binds to a
// GroupedAccumulator factory used by the hash aggregate. A window function
// (ranking, offset) binds to a kernel over sorted window partitions.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "columnar/array.h"
#include "expr/eval_context.h"
#include "expr/expression.h"

namespace lakestream {

// Evaluates a function over `rows` rows. Every argument array has `rows`
// entries and the type chosen at bind time. Kernels must handle NULLs (most
// functions return NULL when any argument is NULL) and raise UserError with a
// Spark error class on bad values when ctx.ansi is set.
using ScalarKernel = std::function<ArrayPtr(const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext& ctx)>;

struct BoundScalarFunction {
  std::vector<DataTypePtr> arg_types;  // the binder casts argument i to arg_types[i]
  DataTypePtr return_type;
  ScalarKernel kernel;
  bool deterministic = true;
};

struct FunctionDoc {
  std::string usage;    // "length(expr) - Returns the character length of string data."
  std::string example;  // "SELECT length('Spark SQL'); -- 9"
};

struct ScalarFunction {
  std::string name;
  FunctionDoc doc;
  // Throws UserError (WRONG_NUM_ARGS, DATATYPE_MISMATCH.*) when no signature fits.
  std::function<BoundScalarFunction(const std::vector<DataTypePtr>& arg_types)> bind;
};

// Per-group state of one aggregate, stored column-wise and indexed by group id.
// One accumulator is used by one thread; Merge combines thread-local results.
class GroupedAccumulator {
 public:
  virtual ~GroupedAccumulator() = default;
  // Makes room for group ids [0, num_groups); new groups start empty.
  virtual void Resize(int64_t num_groups) = 0;
  // Adds row r of `args` to group group_ids[r], for r in [0, rows).
  virtual void Update(const std::vector<ArrayPtr>& args, const uint32_t* group_ids, int64_t rows) = 0;
  // Adds other's group g into this accumulator's group group_map[g]. `other`
  // comes from the same bound function.
  virtual void Merge(GroupedAccumulator& other, const uint32_t* group_map) = 0;
  // One result per group, in group-id order.
  virtual ArrayPtr Finalize(const EvalContext& ctx) = 0;
  // Bytes held, for the query memory limit.
  virtual int64_t MemoryUsage() const = 0;
};

struct BoundAggregateFunction {
  std::vector<DataTypePtr> arg_types;
  DataTypePtr return_type;
  bool result_nullable = true;
  std::function<std::unique_ptr<GroupedAccumulator>()> make_accumulator;
};

struct AggregateFunction {
  std::string name;
  FunctionDoc doc;
  std::function<BoundAggregateFunction(const std::vector<DataTypePtr>& arg_types, bool distinct)> bind;
};

// Rows a window function evaluates at once: one or more whole window
// partitions, each sorted by the window's ORDER BY. For row i, half-open row
// ranges: its partition, its peers (equal ORDER BY keys; the partition when
// unordered) and its frame (empty when begin >= end).
struct WindowRows {
  int64_t num_rows = 0;
  std::vector<ArrayPtr> args;  // the bound arguments, num_rows values each
  const int64_t* partition_begin = nullptr;
  const int64_t* partition_end = nullptr;
  const int64_t* peer_begin = nullptr;
  const int64_t* peer_end = nullptr;
  const int64_t* frame_begin = nullptr;
  const int64_t* frame_end = nullptr;
};

// Returns rows.num_rows results of the bound return type. Thread-safe.
using WindowKernel = std::function<ArrayPtr(const WindowRows& rows, const EvalContext& ctx)>;

// The frame a window function runs in (Spark's WindowFunction.frame).
enum class WindowFunctionFrame : uint8_t {
  kAny,                // the OVER clause's frame, or the default one (nth_value)
  kRowsToCurrentRow,   // ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (row_number, rank, ntile, ...)
  kRangeToCurrentRow,  // RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (cume_dist)
  kOffset,             // ROWS BETWEEN offset FOLLOWING AND offset FOLLOWING; no frame may be given (lag, lead)
};

struct BoundWindowFunction {
  DataTypePtr return_type;
  bool result_nullable = true;
  WindowFunctionFrame frame = WindowFunctionFrame::kAny;
  int64_t offset = 0;  // kOffset: rows after the current row (lag: negative)
  WindowKernel kernel;
};

// A ranking or offset function, valid only with OVER (aggregates over a window
// are AggregateFunctions, evaluated over frames by the window operator).
struct WindowFunction {
  std::string name;
  FunctionDoc doc;
  // Binds to the bound arguments: may append omitted optional arguments and
  // cast them (`args` is updated in place), reads constant ones (offsets,
  // bucket counts). Throws UserError (WRONG_NUM_ARGS, DATATYPE_MISMATCH.*).
  std::function<BoundWindowFunction(std::vector<ExprPtr>& args)> bind;
};

class FunctionRegistry {
 public:
  // All built-in functions; built once, then read-only and thread-safe.
  static const FunctionRegistry& Default();

  void AddScalar(ScalarFunction f);
  void AddAggregate(AggregateFunction f);
  void AddWindow(WindowFunction f);
  // Registers `alias` as another name for an existing function.
  void AddAlias(const std::string& alias, const std::string& target);

  const ScalarFunction* FindScalar(std::string_view name) const;
  const AggregateFunction* FindAggregate(std::string_view name) const;
  const WindowFunction* FindWindow(std::string_view name) const;
  // All function names, sorted (SHOW FUNCTIONS, suggestions).
  std::vector<std::string> Names() const;

 private:
  std::unordered_map<std::string, std::shared_ptr<const ScalarFunction>> scalars_;
  std::unordered_map<std::string, std::shared_ptr<const AggregateFunction>> aggregates_;
  std::unordered_map<std::string, std::shared_ptr<const WindowFunction>> windows_;
};

// Registration entry points, one per function family (each in its own file).
void RegisterArithmeticFunctions(FunctionRegistry& r);
void RegisterComparisonFunctions(FunctionRegistry& r);
void RegisterConditionalFunctions(FunctionRegistry& r);
void RegisterStringFunctions(FunctionRegistry& r);
void RegisterMathFunctions(FunctionRegistry& r);
void RegisterDatetimeFunctions(FunctionRegistry& r);
void RegisterHashFunctions(FunctionRegistry& r);
void RegisterCollectionFunctions(FunctionRegistry& r);
void RegisterAggregateFunctions(FunctionRegistry& r);
void RegisterWindowFunctions(FunctionRegistry& r);
void RegisterMiscFunctions(FunctionRegistry& r);  // typeof, current_database, ...

}  // namespace lakestream
