// Conditional functions: coalesce, nvl/ifnull, if/iff, nvl2, nullif,
// greatest, least, nanvl. The evaluator runs coalesce, nvl, ifnull, if and
// nvl2 lazily (a branch only sees the rows that reach it); the kernels here
// are the eager forms for inputs that are already computed.
#include <cmath>

#include "columnar/array_builder.h"
#include "expr/array_compare.h"
#include "expr/binder.h"
#include "expr/cast.h"
#include "expr/function_registry.h"
#include "expr/functions/bind_errors.h"
#include "expr/kernel_builder.h"
#include "expr/type_coercion.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

// Row i of the result is candidates[which[i]][i], or NULL where which[i] < 0.
ArrayPtr Choose(const std::vector<ArrayPtr>& candidates, const std::vector<int>& which, int64_t rows) {
  std::vector<int32_t> index(rows);
  for (int64_t i = 0; i < rows; ++i) index[i] = which[i] < 0 ? -1 : static_cast<int32_t>(which[i] * rows + i);
  return Take(Concatenate(candidates), index);
}

DataTypePtr CommonType(const std::string& name, const std::vector<DataTypePtr>& types) {
  DataTypePtr t = WiderTypeOf(types);
  if (!t) {
    std::string list;
    for (size_t i = 0; i < types.size(); ++i) list += (i ? ", \"" : "\"") + types[i]->ToSql() + "\"";
    throw UserError("DATATYPE_MISMATCH.DATA_DIFF_TYPES", "42K09",
                    "Input to `" + name + "` should all be the same type, but it's [" + list + "].");
  }
  return t;
}

BoundScalarFunction BindCoalesce(const std::string& name, size_t min, size_t max, const std::vector<DataTypePtr>& types) {
  CheckArgCount(name, types, min, max);
  DataTypePtr t = CommonType(name, types);
  BoundScalarFunction f;
  f.arg_types.assign(types.size(), t);
  f.return_type = t;
  f.kernel = [](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    std::vector<int> which(rows, -1);
    for (int64_t i = 0; i < rows; ++i) {
      for (size_t k = 0; k < args.size(); ++k) {
        if (args[k]->IsValid(i)) {
          which[i] = static_cast<int>(k);
          break;
        }
      }
    }
    return Choose(args, which, rows);
  };
  return f;
}

BoundScalarFunction BindIf(const std::string& name, const std::vector<DataTypePtr>& types) {
  CheckArgCount(name, types, 3, 3);
  if (types[0]->id() != TypeId::kBoolean && types[0]->id() != TypeId::kNull) {
    ThrowUnexpectedInputType(name, 0, "\"BOOLEAN\"", *types[0]);
  }
  DataTypePtr t = CommonType(name, {types[1], types[2]});
  BoundScalarFunction f;
  f.arg_types = {DataType::Boolean(), t, t};
  f.return_type = t;
  f.kernel = [](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    std::vector<int> which(rows);
    for (int64_t i = 0; i < rows; ++i) which[i] = args[0]->IsValid(i) && args[0]->GetBool(i) ? 0 : 1;
    return Choose({args[1], args[2]}, which, rows);
  };
  return f;
}

BoundScalarFunction BindNvl2(const std::vector<DataTypePtr>& types) {
  CheckArgCount("nvl2", types, 3, 3);
  DataTypePtr t = CommonType("nvl2", {types[1], types[2]});
  BoundScalarFunction f;
  f.arg_types = {types[0], t, t};
  f.return_type = t;
  f.kernel = [](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    std::vector<int> which(rows);
    for (int64_t i = 0; i < rows; ++i) which[i] = args[0]->IsValid(i) ? 0 : 1;
    return Choose({args[1], args[2]}, which, rows);
  };
  return f;
}

// nullif(a, b): NULL where a = b, else a (keeping a's type, as Spark's rewrite
// to if(a = b, null, a) does).
BoundScalarFunction BindNullIf(const std::vector<DataTypePtr>& types) {
  CheckArgCount("nullif", types, 2, 2);
  DataTypePtr common = CommonType("nullif", types);
  BoundScalarFunction f;
  f.arg_types = types;
  f.return_type = types[0];
  f.kernel = [common](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext& ctx) {
    ArrayPtr x = CastArray(args[0], common, false, ctx);
    ArrayPtr y = CastArray(args[1], common, false, ctx);
    std::vector<int> which(rows);
    for (int64_t i = 0; i < rows; ++i) {
      bool equal = x->IsValid(i) && y->IsValid(i) && CompareArrayValues(*x, i, *y, i) == 0;
      which[i] = equal ? -1 : 0;
    }
    return Choose({args[0]}, which, rows);
  };
  return f;
}

// greatest / least skip NULLs; the result is NULL only when all are.
BoundScalarFunction BindExtreme(const std::string& name, bool greatest, const std::vector<DataTypePtr>& types) {
  CheckArgCount(name, types, 2, SIZE_MAX);
  DataTypePtr t = CommonType(name, types);
  if (t->id() == TypeId::kMap) ThrowUnexpectedInputType(name, 0, "orderable", *t);
  BoundScalarFunction f;
  f.arg_types.assign(types.size(), t);
  f.return_type = t;
  f.kernel = [greatest](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    std::vector<int> which(rows, -1);
    for (int64_t i = 0; i < rows; ++i) {
      for (size_t k = 0; k < args.size(); ++k) {
        if (args[k]->IsNull(i)) continue;
        if (which[i] < 0) {
          which[i] = static_cast<int>(k);
          continue;
        }
        int c = CompareArrayValues(*args[k], i, *args[which[i]], i);
        if (greatest ? c > 0 : c < 0) which[i] = static_cast<int>(k);
      }
    }
    return Choose(args, which, rows);
  };
  return f;
}

BoundScalarFunction BindNanvl(const std::vector<DataTypePtr>& types) {
  CheckArgCount("nanvl", types, 2, 2);
  for (size_t i = 0; i < 2; ++i) {
    if (!types[i]->IsNumeric() && types[i]->id() != TypeId::kNull) {
      ThrowUnexpectedInputType("nanvl", i, "(\"DOUBLE\" or \"FLOAT\")", *types[i]);
    }
  }
  const bool both_float = types[0]->id() == TypeId::kFloat && types[1]->id() == TypeId::kFloat;
  DataTypePtr t = both_float ? DataType::Float() : DataType::Double();
  BoundScalarFunction f;
  f.arg_types = {t, t};
  f.return_type = t;
  f.kernel = [](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    std::vector<int> which(rows);
    const Array& a = *args[0];
    for (int64_t i = 0; i < rows; ++i) {
      bool nan = a.IsValid(i) &&
                 (a.type_id() == TypeId::kFloat ? std::isnan(a.values<float>()[i]) : std::isnan(a.values<double>()[i]));
      which[i] = a.IsNull(i) ? -1 : (nan ? 1 : 0);
    }
    return Choose({args[0], args[1]}, which, rows);
  };
  return f;
}

void Add(FunctionRegistry& r, const std::string& name, const std::string& usage, const std::string& example,
         std::function<BoundScalarFunction(const std::vector<DataTypePtr>&)> bind) {
  r.AddScalar(ScalarFunction{name, FunctionDoc{usage, example}, std::move(bind)});
}

}  // namespace

void RegisterConditionalFunctions(FunctionRegistry& r) {
  Add(r, "coalesce", "coalesce(expr1, expr2, ...) - Returns the first non-null argument if exists. Otherwise, null.",
      "SELECT coalesce(NULL, 1, NULL); -- 1",
      [](const std::vector<DataTypePtr>& t) { return BindCoalesce("coalesce", 1, SIZE_MAX, t); });
  Add(r, "nvl", "nvl(expr1, expr2) - Returns `expr2` if `expr1` is null, or `expr1` otherwise.",
      "SELECT nvl(NULL, array('2')); -- [\"2\"]",
      [](const std::vector<DataTypePtr>& t) { return BindCoalesce("nvl", 2, 2, t); });
  Add(r, "ifnull", "ifnull(expr1, expr2) - Returns `expr2` if `expr1` is null, or `expr1` otherwise.",
      "SELECT ifnull(NULL, array('2')); -- [\"2\"]",
      [](const std::vector<DataTypePtr>& t) { return BindCoalesce("ifnull", 2, 2, t); });
  Add(r, "if", "if(expr1, expr2, expr3) - If `expr1` evaluates to true, then returns `expr2`; otherwise returns `expr3`.",
      "SELECT if(1 < 2, 'a', 'b'); -- a", [](const std::vector<DataTypePtr>& t) { return BindIf("if", t); });
  Add(r, "iff", "iff(expr1, expr2, expr3) - If `expr1` evaluates to true, then returns `expr2`; otherwise returns `expr3`.",
      "SELECT iff(1 < 2, 'a', 'b'); -- a", [](const std::vector<DataTypePtr>& t) { return BindIf("iff", t); });
  Add(r, "nvl2", "nvl2(expr1, expr2, expr3) - Returns `expr2` if `expr1` is not null, or `expr3` otherwise.",
      "SELECT nvl2(NULL, 2, 1); -- 1", BindNvl2);
  Add(r, "nullif", "nullif(expr1, expr2) - Returns null if `expr1` equals to `expr2`, or `expr1` otherwise.",
      "SELECT nullif(2, 2); -- NULL", BindNullIf);
  Add(r, "greatest", "greatest(expr, ...) - Returns the greatest value of all parameters, skipping null values.",
      "SELECT greatest(10, 9, 2, 4, 3); -- 10",
      [](const std::vector<DataTypePtr>& t) { return BindExtreme("greatest", true, t); });
  Add(r, "least", "least(expr, ...) - Returns the least value of all parameters, skipping null values.",
      "SELECT least(10, 9, 2, 4, 3); -- 2",
      [](const std::vector<DataTypePtr>& t) { return BindExtreme("least", false, t); });
  Add(r, "nanvl", "nanvl(expr1, expr2) - Returns `expr1` if it's not NaN, or `expr2` otherwise.",
      "SELECT nanvl(cast('NaN' as double), 123); -- 123.0", BindNanvl);
}

}  // namespace lakestream
