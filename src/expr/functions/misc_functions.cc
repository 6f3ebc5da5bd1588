// Miscellaneous functions: typeof() and the session's current catalog and
// database (current_database(), current_schema(), current_catalog()).
#include <string>

#include "columnar/array.h"
#include "expr/function_registry.h"
#include "expr/functions/signature_check.h"

namespace lakestream {

namespace {

// A function of no arguments whose value comes from the query's EvalContext:
// fixed for one query, so not deterministic across queries.
void RegisterSessionValue(FunctionRegistry& r, const std::string& name, const std::string& usage,
                          const std::string& example, std::string (*compute)(const EvalContext& ctx)) {
  r.AddScalar({name, {usage, example}, [name, compute](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount(name, args.size(), 0, 0);
                 BoundScalarFunction f;
                 f.return_type = DataType::String();
                 f.deterministic = false;
                 f.kernel = [compute](const std::vector<ArrayPtr>&, int64_t rows, const EvalContext& ctx) {
                   return MakeConstantArray(DataType::String(), Value(compute(ctx)), rows);
                 };
                 return f;
               }});
}

}  // namespace

void RegisterMiscFunctions(FunctionRegistry& r) {
  r.AddScalar({"typeof",
               {"typeof(expr) - Return DDL-formatted type string for the data type of the input.",
                "SELECT typeof(1); -- int"},
               [](const std::vector<DataTypePtr>& args) {
                 signature::CheckArgCount("typeof", args.size(), 1, 1);
                 BoundScalarFunction f;
                 f.arg_types = {args[0]};
                 f.return_type = DataType::String();
                 const std::string name = args[0]->ToString();
                 f.kernel = [name](const std::vector<ArrayPtr>&, int64_t rows, const EvalContext&) {
                   return MakeConstantArray(DataType::String(), Value(name), rows);
                 };
                 return f;
               }});
  RegisterSessionValue(r, "current_database", "current_database() - Returns the current database.",
                       "SELECT current_database(); -- default",
                       [](const EvalContext& ctx) { return ctx.current_database; });
  RegisterSessionValue(r, "current_schema", "current_schema() - Returns the current database.",
                       "SELECT current_schema(); -- default",
                       [](const EvalContext& ctx) { return ctx.current_database; });
  RegisterSessionValue(r, "current_catalog", "current_catalog() - Returns the current catalog.",
                       "SELECT current_catalog(); -- spark_catalog",
                       [](const EvalContext&) { return std::string("spark_catalog"); });
}

}  // namespace lakestream
