// The registry of built-in functions, by Spark's names (case-insensitive).
//
// A scalar function *binds* to argument types: it picks the types its
// arguments must be cast to (the binder inserts the casts) and its result
// type, and returns a vectorized kernel. An aggregate function binds to a
// GroupedAccumulator factory used by the hash aggregate.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "columnar/array.h"
#include "expr/eval_context.h"

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

class FunctionRegistry {
 public:
  // All built-in functions; built once, then read-only and thread-safe.
  static const FunctionRegistry& Default();

  void AddScalar(ScalarFunction f);
  void AddAggregate(AggregateFunction f);
  // Registers `alias` as another name for an existing function.
  void AddAlias(const std::string& alias, const std::string& target);

  const ScalarFunction* FindScalar(std::string_view name) const;
  const AggregateFunction* FindAggregate(std::string_view name) const;
  // All function names, sorted (SHOW FUNCTIONS, suggestions).
  std::vector<std::string> Names() const;

 private:
  std::unordered_map<std::string, std::shared_ptr<const ScalarFunction>> scalars_;
  std::unordered_map<std::string, std::shared_ptr<const AggregateFunction>> aggregates_;
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

}  // namespace lakestream
