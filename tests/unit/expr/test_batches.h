// Helpers for expr unit tests: batches from rows and one-call evaluation.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "expr/binder.h"
#include "expr/evaluator.h"
#include "lakestream/error.h"

namespace lakestream::expr_test {

inline RecordBatchPtr MakeBatch(const std::string& ddl, const std::vector<Row>& rows) {
  SchemaPtr schema = Schema::ParseDdl(ddl);
  std::vector<ArrayPtr> columns;
  for (size_t c = 0; c < schema->num_fields(); ++c) {
    std::vector<Value> values;
    for (const Row& r : rows) values.push_back(r[c]);
    columns.push_back(MakeArrayFromValues(schema->field(c).type, values));
  }
  return std::make_shared<RecordBatch>(schema, columns, static_cast<int64_t>(rows.size()));
}

inline ExprPtr BindOn(const ExprPtr& e, const RecordBatch& batch, BindOptions options = {}) {
  return BindExpression(e, Scope::FromSchema(*batch.schema()), FunctionRegistry::Default(), options);
}

// Binds and evaluates `e` on `batch`, returning the values.
inline std::vector<Value> EvalValues(const ExprPtr& e, const RecordBatch& batch, const EvalContext& ctx = {}) {
  ExprPtr bound = BindOn(e, batch);
  ArrayPtr out = Evaluate(*bound, batch, ctx);
  std::vector<Value> values;
  for (int64_t i = 0; i < out->length(); ++i) values.push_back(out->GetValue(i));
  return values;
}

// Evaluates a column-free expression.
inline Value EvalConst(const ExprPtr& e, const EvalContext& ctx = {}) {
  ExprPtr bound = BindExpression(e, Scope(), FunctionRegistry::Default());
  return EvaluateConstant(*bound, ctx);
}

inline ExprPtr I(int64_t v) { return Lit(Value(v), DataType::Int()); }
inline ExprPtr L(int64_t v) { return Lit(Value(v), DataType::Long()); }
inline ExprPtr D(double v) { return Lit(Value(v), DataType::Double()); }
inline ExprPtr S(const std::string& v) { return Lit(Value(v), DataType::String()); }
inline ExprPtr B(bool v) { return Lit(Value(v), DataType::Boolean()); }

// Runs `f`, expecting a lakestream::Error of `error_class`; returns its message.
template <typename F>
std::string ErrorOf(F&& f, const std::string& error_class) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.error_class(), error_class) << e.what();
    return e.message();
  }
  ADD_FAILURE() << "expected error " << error_class;
  return "";
}

}  // namespace lakestream::expr_test
