// Comparison operators, boolean logic and null tests.
#include <cmath>

#include "columnar/array_builder.h"
#include "expr/array_compare.h"
#include "expr/binder.h"
#include "expr/function_registry.h"
#include "expr/functions/bind_errors.h"
#include "expr/functions/pattern_functions.h"
#include "expr/kernel_builder.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

enum class CmpOp { kEq, kNe, kLt, kLe, kGt, kGe };

bool Test(CmpOp op, int c) {
  switch (op) {
    case CmpOp::kEq: return c == 0;
    case CmpOp::kNe: return c != 0;
    case CmpOp::kLt: return c < 0;
    case CmpOp::kLe: return c <= 0;
    case CmpOp::kGt: return c > 0;
    case CmpOp::kGe: return c >= 0;
  }
  return false;
}

template <typename T>
int Compare3(T x, T y) {
  if constexpr (std::is_floating_point_v<T>) {
    return CompareDoubles(x, y);
  } else if constexpr (std::is_same_v<T, std::string_view>) {
    int c = x.compare(y);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  } else {
    return x < y ? -1 : (x > y ? 1 : 0);
  }
}

// Integers, dates and decimals without NULLs: one loop per operator writing
// the result bits directly.
template <typename T>
ArrayPtr CompareIntegersNoNulls(const Array& a, const Array& b, CmpOp op) {
  const int64_t n = a.length();
  BufferPtr bits = Buffer::Allocate(bit_util::BytesForBits(n));
  uint8_t* out = bits->mutable_data();
  const T* x = a.values<T>();
  const T* y = b.values<T>();
  auto run = [&](auto test) {
    for (int64_t i = 0; i < n; ++i) out[i >> 3] |= static_cast<uint8_t>(test(x[i], y[i])) << (i & 7);
  };
  switch (op) {
    case CmpOp::kEq: run([](T p, T q) { return p == q; }); break;
    case CmpOp::kNe: run([](T p, T q) { return p != q; }); break;
    case CmpOp::kLt: run([](T p, T q) { return p < q; }); break;
    case CmpOp::kLe: run([](T p, T q) { return p <= q; }); break;
    case CmpOp::kGt: run([](T p, T q) { return p > q; }); break;
    case CmpOp::kGe: run([](T p, T q) { return p >= q; }); break;
  }
  return std::make_shared<Array>(DataType::Boolean(), n, std::vector<BufferPtr>{nullptr, bits},
                                 std::vector<ArrayPtr>{}, 0);
}

ArrayPtr CompareArrays(const ArrayPtr& a, const ArrayPtr& b, CmpOp op) {
  const DataTypePtr out = DataType::Boolean();
  const TypeId id = a->type_id();
  if (id == TypeId::kNull) return MakeNullArray(out, a->length());
  if (a->type()->IsNested()) {
    BooleanBuilder bld(a->length());
    for (int64_t i = 0; i < a->length(); ++i) {
      if (a->IsNull(i) || b->IsNull(i)) {
        bld.AppendNull();
      } else {
        bld.Append(Test(op, CompareArrayValues(*a, i, *b, i)));
      }
    }
    return bld.Finish();
  }
  return VisitPhysicalType(id, [&](auto tag) -> ArrayPtr {
    using T = decltype(tag);
    if constexpr ((std::is_integral_v<T> && !std::is_same_v<T, bool>) || std::is_same_v<T, int128_t>) {
      if (a->null_count() == 0 && b->null_count() == 0) return CompareIntegersNoNulls<T>(*a, *b, op);
    }
    return MapBinary<bool, T, T>(a, b, out, [op](T x, T y) { return Test(op, Compare3<T>(x, y)); });
  });
}

ArrayPtr NullSafeEqual(const ArrayPtr& a, const ArrayPtr& b) {
  BooleanBuilder bld(a->length());
  for (int64_t i = 0; i < a->length(); ++i) {
    const bool an = a->IsNull(i), bn = b->IsNull(i);
    if (an || bn) {
      bld.Append(an && bn);
    } else {
      bld.Append(CompareArrayValues(*a, i, *b, i) == 0);
    }
  }
  return bld.Finish();
}

BoundScalarFunction BindComparison(const std::string& name, CmpOp op, bool null_safe,
                                   const std::vector<DataTypePtr>& types) {
  CheckArgCount(name, types, 2, 2);
  DataTypePtr common = WiderType(types[0], types[1]);
  if (!common) ThrowBinaryOpDiffTypes(*types[0], *types[1]);
  if (common->id() == TypeId::kMap) {
    throw UserError("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", "42K09",
                    "the " + name + " does not support ordering on type \"" + common->ToSql() + "\".");
  }
  BoundScalarFunction f;
  f.arg_types = {common, common};
  f.return_type = DataType::Boolean();
  f.kernel = [op, null_safe](const std::vector<ArrayPtr>& args, int64_t, const EvalContext&) {
    return null_safe ? NullSafeEqual(args[0], args[1]) : CompareArrays(args[0], args[1], op);
  };
  return f;
}

// Eager three-valued AND/OR; the evaluator short-circuits instead when it sees
// the call, so only direct kernel users get here.
ArrayPtr Logical(const ArrayPtr& a, const ArrayPtr& b, bool is_and) {
  BooleanBuilder bld(a->length());
  for (int64_t i = 0; i < a->length(); ++i) {
    const bool an = a->IsNull(i), bn = b->IsNull(i);
    const bool x = !an && a->GetBool(i), y = !bn && b->GetBool(i);
    // A decisive operand (false for AND, true for OR) wins over NULL.
    if ((!an && x != is_and) || (!bn && y != is_and)) {
      bld.Append(!is_and);
    } else if (an || bn) {
      bld.AppendNull();
    } else {
      bld.Append(is_and);
    }
  }
  return bld.Finish();
}

BoundScalarFunction BoolFunction(const std::string& name, size_t arity, const std::vector<DataTypePtr>& types,
                                 ScalarKernel kernel) {
  CheckArgCount(name, types, arity, arity);
  for (size_t i = 0; i < types.size(); ++i) {
    if (types[i]->id() != TypeId::kBoolean && types[i]->id() != TypeId::kNull) {
      ThrowUnexpectedInputType(name, i, "\"BOOLEAN\"", *types[i]);
    }
  }
  BoundScalarFunction f;
  f.arg_types.assign(arity, DataType::Boolean());
  f.return_type = DataType::Boolean();
  f.kernel = std::move(kernel);
  return f;
}

BoundScalarFunction NullTest(const std::string& name, const std::vector<DataTypePtr>& types, bool want_null) {
  CheckArgCount(name, types, 1, 1);
  BoundScalarFunction f;
  f.arg_types = {types[0]};
  f.return_type = DataType::Boolean();
  f.kernel = [want_null](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    BooleanBuilder bld(rows);
    for (int64_t i = 0; i < rows; ++i) bld.Append(args[0]->IsNull(i) == want_null);
    return bld.Finish();
  };
  return f;
}

BoundScalarFunction IsNan(const std::vector<DataTypePtr>& types) {
  CheckArgCount("isnan", types, 1, 1);
  DataTypePtr t = types[0]->id() == TypeId::kFloat ? DataType::Float() : DataType::Double();
  if (!types[0]->IsNumeric() && types[0]->id() != TypeId::kNull) ThrowUnexpectedInputType("isnan", 0, "\"DOUBLE\"", *types[0]);
  BoundScalarFunction f;
  f.arg_types = {t};
  f.return_type = DataType::Boolean();
  f.kernel = [](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    // isnan(NULL) is false, not NULL.
    BooleanBuilder bld(rows);
    const Array& a = *args[0];
    for (int64_t i = 0; i < rows; ++i) {
      bool nan = a.IsValid(i) &&
                 (a.type_id() == TypeId::kFloat ? std::isnan(a.values<float>()[i]) : std::isnan(a.values<double>()[i]));
      bld.Append(nan);
    }
    return bld.Finish();
  };
  return f;
}

void AddComparison(FunctionRegistry& r, const std::string& name, CmpOp op, bool null_safe, const std::string& usage) {
  r.AddScalar(ScalarFunction{name, FunctionDoc{usage, ""}, [name, op, null_safe](const std::vector<DataTypePtr>& t) {
                               return BindComparison(name, op, null_safe, t);
                             }});
}

}  // namespace

void RegisterComparisonFunctions(FunctionRegistry& r) {
  AddComparison(r, "=", CmpOp::kEq, false, "expr1 = expr2 - Returns true if `expr1` equals `expr2`, or false otherwise.");
  AddComparison(r, "==", CmpOp::kEq, false, "expr1 == expr2 - Returns true if `expr1` equals `expr2`, or false otherwise.");
  AddComparison(r, "<=>", CmpOp::kEq, true,
                "expr1 <=> expr2 - Returns same result as the EQUAL(=) operator for non-null operands, but returns true "
                "if both are null, false if one of the them is null.");
  AddComparison(r, "!=", CmpOp::kNe, false, "expr1 != expr2 - Returns true if `expr1` is not equal to `expr2`.");
  AddComparison(r, "<>", CmpOp::kNe, false, "expr1 <> expr2 - Returns true if `expr1` is not equal to `expr2`.");
  AddComparison(r, "<", CmpOp::kLt, false, "expr1 < expr2 - Returns true if `expr1` is less than `expr2`.");
  AddComparison(r, "<=", CmpOp::kLe, false, "expr1 <= expr2 - Returns true if `expr1` is less than or equal to `expr2`.");
  AddComparison(r, ">", CmpOp::kGt, false, "expr1 > expr2 - Returns true if `expr1` is greater than `expr2`.");
  AddComparison(r, ">=", CmpOp::kGe, false, "expr1 >= expr2 - Returns true if `expr1` is greater than or equal to `expr2`.");

  r.AddScalar(ScalarFunction{"and", FunctionDoc{"expr1 and expr2 - Logical AND.", ""}, [](const std::vector<DataTypePtr>& t) {
                               return BoolFunction("and", 2, t, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                                 return Logical(a[0], a[1], true);
                               });
                             }});
  r.AddScalar(ScalarFunction{"or", FunctionDoc{"expr1 or expr2 - Logical OR.", ""}, [](const std::vector<DataTypePtr>& t) {
                               return BoolFunction("or", 2, t, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                                 return Logical(a[0], a[1], false);
                               });
                             }});
  r.AddScalar(ScalarFunction{"not", FunctionDoc{"not expr - Logical not.", ""}, [](const std::vector<DataTypePtr>& t) {
                               return BoolFunction("not", 1, t, [](const std::vector<ArrayPtr>& a, int64_t, const EvalContext&) {
                                 return MapUnary<bool, bool>(a[0], DataType::Boolean(), [](bool x) { return !x; });
                               });
                             }});
  r.AddAlias("!", "not");
  r.AddScalar(ScalarFunction{"isnull", FunctionDoc{"isnull(expr) - Returns true if `expr` is null, or false otherwise.", ""},
                             [](const std::vector<DataTypePtr>& t) { return NullTest("isnull", t, true); }});
  r.AddScalar(ScalarFunction{"isnotnull",
                             FunctionDoc{"isnotnull(expr) - Returns true if `expr` is not null, or false otherwise.", ""},
                             [](const std::vector<DataTypePtr>& t) { return NullTest("isnotnull", t, false); }});
  r.AddScalar(ScalarFunction{"isnan", FunctionDoc{"isnan(expr) - Returns true if `expr` is NaN, or false otherwise.", ""},
                             IsNan});
  RegisterPatternFunctions(r);
}

}  // namespace lakestream
