#include "expr/functions/arithmetic_functions.h"

#include "expr/binder.h"
#include "expr/functions/arithmetic_kernels.h"
#include "expr/functions/bind_errors.h"
#include "expr/functions/interval_arithmetic.h"
#include "expr/kernel_builder.h"
#include "expr/type_coercion.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

// ANSI promotion of a STRING or NULL operand against the other operand.
DataTypePtr PromoteOperand(const DataTypePtr& t, const DataTypePtr& other) {
  if (t->id() == TypeId::kNull) {
    if (other->id() == TypeId::kNull || other->id() == TypeId::kString) return DataType::Double();
    return other;
  }
  if (t->id() == TypeId::kString) {
    if (other->IsNumeric()) return WiderType(t, other);
    return DataType::Double();
  }
  return t;
}

DataTypePtr DecimalResult(ArithmeticOp op, const DataType& a, const DataType& b) {
  const int p1 = a.precision(), s1 = a.scale(), p2 = b.precision(), s2 = b.scale();
  switch (op) {
    case ArithmeticOp::kAdd:
    case ArithmeticOp::kSubtract: {
      int s = std::max(s1, s2);
      return AdjustedDecimal(std::max(p1 - s1, p2 - s2) + s + 1, s);
    }
    case ArithmeticOp::kMultiply: return AdjustedDecimal(p1 + p2 + 1, s1 + s2);
    case ArithmeticOp::kDivide: {
      int s = std::max(6, s1 + p2 + 1);
      return AdjustedDecimal(p1 - s1 + s2 + s, s);
    }
    case ArithmeticOp::kRemainder:
    case ArithmeticOp::kPmod: {
      int s = std::max(s1, s2);
      return AdjustedDecimal(std::min(p1 - s1, p2 - s2) + s, s);
    }
    case ArithmeticOp::kIntegralDivide: return DataType::Long();
  }
  return nullptr;
}

BoundScalarFunction PrimitiveBinding(DataTypePtr type, DataTypePtr result, ArithmeticSpec spec) {
  BoundScalarFunction f;
  f.arg_types = {type, type};
  f.return_type = result;
  f.kernel = [type, spec](const std::vector<ArrayPtr>& args, int64_t, const EvalContext& ctx) {
    return PrimitiveArithmetic(args[0], args[1], type, spec, ctx);
  };
  return f;
}

// DATE +/- days (Spark's date_add / date_sub).
BoundScalarFunction DateBinding(bool date_first, bool subtract) {
  BoundScalarFunction f;
  f.arg_types = date_first ? std::vector<DataTypePtr>{DataType::Date(), DataType::Int()}
                           : std::vector<DataTypePtr>{DataType::Int(), DataType::Date()};
  f.return_type = DataType::Date();
  f.kernel = [subtract](const std::vector<ArrayPtr>& args, int64_t, const EvalContext&) {
    return MapBinary<int32_t, int32_t, int32_t>(args[0], args[1], DataType::Date(), [&](int32_t x, int32_t y) {
      int32_t r;
      if (subtract ? __builtin_sub_overflow(x, y, &r) : __builtin_add_overflow(x, y, &r)) {
        ThrowArithmeticOverflow("integer overflow", "");
      }
      return r;
    });
  };
  return f;
}

BoundScalarFunction BindBinary(const std::string& name, ArithmeticSpec spec, const std::vector<DataTypePtr>& types) {
  CheckArgCount(name, types, 2, 2);
  if (auto interval = BindIntervalArithmetic(name, spec, types)) return *interval;
  const ArithmeticOp op = spec.op;
  // Dates move by whole days.
  const bool additive = op == ArithmeticOp::kAdd || op == ArithmeticOp::kSubtract;
  if (additive && types[0]->id() == TypeId::kDate && (types[1]->IsIntegral() || types[1]->id() == TypeId::kNull)) {
    return DateBinding(true, op == ArithmeticOp::kSubtract);
  }
  if (op == ArithmeticOp::kAdd && types[1]->id() == TypeId::kDate && types[0]->IsIntegral()) {
    BoundScalarFunction f = DateBinding(false, false);
    f.kernel = [](const std::vector<ArrayPtr>& args, int64_t, const EvalContext&) {
      return MapBinary<int32_t, int32_t, int32_t>(args[0], args[1], DataType::Date(), [](int32_t n, int32_t d) {
        int32_t r;
        if (__builtin_add_overflow(n, d, &r)) ThrowArithmeticOverflow("integer overflow", "");
        return r;
      });
    };
    return f;
  }
  DataTypePtr a = PromoteOperand(types[0], types[1]);
  DataTypePtr b = PromoteOperand(types[1], a);
  if (!a->IsNumeric() || !b->IsNumeric()) ThrowBinaryOpDiffTypes(*types[0], *types[1]);

  const bool decimal = (a->id() == TypeId::kDecimal && !b->IsFloating()) || (b->id() == TypeId::kDecimal && !a->IsFloating());
  if (decimal) {
    DataTypePtr da = DecimalForIntegral(*a), db = DecimalForIntegral(*b);
    DataTypePtr result = DecimalResult(op, *da, *db);
    BoundScalarFunction f;
    f.arg_types = {da, db};
    f.return_type = result;
    f.kernel = [result, spec](const std::vector<ArrayPtr>& args, int64_t, const EvalContext& ctx) {
      return DecimalArithmetic(args[0], args[1], result, spec, ctx);
    };
    return f;
  }
  DataTypePtr common = WiderType(a, b);
  if (op == ArithmeticOp::kDivide) return PrimitiveBinding(DataType::Double(), DataType::Double(), spec);
  if (op == ArithmeticOp::kIntegralDivide) {
    if (!common->IsIntegral()) ThrowUnexpectedInputType(name, a->IsIntegral() ? 1 : 0, "\"BIGINT\" or \"DECIMAL\"", a->IsIntegral() ? *b : *a);
    return PrimitiveBinding(DataType::Long(), DataType::Long(), spec);
  }
  return PrimitiveBinding(common, common, spec);
}

BoundScalarFunction BindUnary(const std::string& name, UnaryArithmeticOp op, bool identity,
                              const std::vector<DataTypePtr>& types) {
  CheckArgCount(name, types, 1, 1);
  if (auto interval = BindIntervalUnary(op, identity, types[0])) return *interval;
  DataTypePtr t = types[0];
  if (t->id() == TypeId::kNull || t->id() == TypeId::kString) t = DataType::Double();
  if (!t->IsNumeric()) ThrowUnexpectedInputType(name, 0, "\"NUMERIC\"", *t);
  BoundScalarFunction f;
  f.arg_types = {t};
  f.return_type = t;
  f.kernel = [op, identity](const std::vector<ArrayPtr>& args, int64_t, const EvalContext& ctx) {
    return identity ? args[0] : UnaryArithmetic(args[0], op, ctx);
  };
  return f;
}

void AddBinary(FunctionRegistry& r, const std::string& name, ArithmeticSpec spec, const std::string& usage,
               const std::string& example) {
  r.AddScalar(ScalarFunction{name, FunctionDoc{usage, example}, [name, spec](const std::vector<DataTypePtr>& types) {
                               return BindBinary(name, spec, types);
                             }});
}

void AddUnary(FunctionRegistry& r, const std::string& name, UnaryArithmeticOp op, bool identity, const std::string& usage,
              const std::string& example) {
  r.AddScalar(ScalarFunction{name, FunctionDoc{usage, example}, [name, op, identity](const std::vector<DataTypePtr>& types) {
                               return BindUnary(name, op, identity, types);
                             }});
}

}  // namespace

BoundScalarFunction BindLegacyIntegerDivide() {
  return PrimitiveBinding(DataType::Long(), DataType::Long(),
                          ArithmeticSpec{ArithmeticOp::kIntegralDivide, false, /*null_on_zero=*/true});
}

void RegisterArithmeticFunctions(FunctionRegistry& r) {
  using Op = ArithmeticOp;
  AddBinary(r, "+", {Op::kAdd}, "expr1 + expr2 - Returns `expr1`+`expr2`.", "SELECT 1 + 2; -- 3");
  AddBinary(r, "-", {Op::kSubtract}, "expr1 - expr2 - Returns `expr1`-`expr2`.", "SELECT 2 - 1; -- 1");
  AddBinary(r, "*", {Op::kMultiply}, "expr1 * expr2 - Returns `expr1`*`expr2`.", "SELECT 2 * 3; -- 6");
  AddBinary(r, "/", {Op::kDivide}, "expr1 / expr2 - Returns `expr1`/`expr2`. It always performs floating point division.",
            "SELECT 3 / 2; -- 1.5");
  AddBinary(r, "%", {Op::kRemainder}, "expr1 % expr2 - Returns the remainder after `expr1`/`expr2`.",
            "SELECT 2 % 1.8; -- 0.2");
  r.AddAlias("mod", "%");
  AddBinary(r, "div", {Op::kIntegralDivide}, "expr1 div expr2 - Divide `expr1` by `expr2`. It returns NULL if an operand "
            "is NULL or `expr2` is 0. The result is casted to long.", "SELECT 3 div 2; -- 1");
  AddBinary(r, "pmod", {Op::kPmod}, "pmod(expr1, expr2) - Returns the positive value of `expr1` mod `expr2`.",
            "SELECT pmod(-10, 3); -- 2");
  AddBinary(r, "try_add", {Op::kAdd, true}, "try_add(expr1, expr2) - Returns the sum of `expr1`and `expr2` and the "
            "result is null on overflow.", "SELECT try_add(2147483647, 1); -- NULL");
  AddBinary(r, "try_subtract", {Op::kSubtract, true}, "try_subtract(expr1, expr2) - Returns `expr1`-`expr2` and the "
            "result is null on overflow.", "SELECT try_subtract(-2147483648, 1); -- NULL");
  AddBinary(r, "try_multiply", {Op::kMultiply, true}, "try_multiply(expr1, expr2) - Returns `expr1`*`expr2` and the "
            "result is null on overflow.", "SELECT try_multiply(2147483647, 2); -- NULL");
  AddBinary(r, "try_divide", {Op::kDivide, true}, "try_divide(dividend, divisor) - Returns `dividend`/`divisor`. It "
            "always performs floating point division. Its result is always null if `divisor` is 0.",
            "SELECT try_divide(1, 0); -- NULL");
  AddBinary(r, "try_mod", {Op::kRemainder, true}, "try_mod(dividend, divisor) - Returns the remainder after "
            "`expr1`/`expr2`. Its result is always null if `divisor` is 0.", "SELECT try_mod(3, 0); -- NULL");
  AddUnary(r, "negative", UnaryArithmeticOp::kNegate, false, "negative(expr) - Returns the negated value of `expr`.",
           "SELECT negative(1); -- -1");
  AddUnary(r, "positive", UnaryArithmeticOp::kNegate, true, "positive(expr) - Returns the value of `expr`.",
           "SELECT positive(1); -- 1");
  AddUnary(r, "abs", UnaryArithmeticOp::kAbs, false, "abs(expr) - Returns the absolute value of the numeric value.",
           "SELECT abs(-1); -- 1");
  RegisterIntervalFunctions(r);
}

}  // namespace lakestream
