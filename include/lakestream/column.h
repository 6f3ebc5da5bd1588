// Column: an expression in the DataFrame API (Spark's Column). Cheap to copy;
// immutable. Build with functions::col / lit / the functions in functions.h,
// combine with operators.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lakestream/types.h"
#include "lakestream/value.h"

namespace lakestream {

class Expr;
namespace expressions {
class WindowSpec;
}

class Column {
 public:
  explicit Column(std::shared_ptr<const Expr> expr);
  // A literal column: Column(1), Column("text"), Column(2.5).
  Column(const Value& literal);  // NOLINT: implicit, as Spark's lit() is in operators
  Column(int v) : Column(Value(v)) {}                // NOLINT
  Column(int64_t v) : Column(Value(v)) {}            // NOLINT
  Column(double v) : Column(Value(v)) {}             // NOLINT
  Column(const char* v) : Column(Value(v)) {}        // NOLINT
  Column(const std::string& v) : Column(Value(v)) {} // NOLINT
  Column(bool v) : Column(Value(v)) {}               // NOLINT

  Column operator+(const Column& o) const;
  Column operator-(const Column& o) const;
  Column operator*(const Column& o) const;
  Column operator/(const Column& o) const;
  Column operator%(const Column& o) const;
  Column operator-() const;
  Column operator==(const Column& o) const;  // SQL '=' (NULL if either side is NULL)
  Column operator!=(const Column& o) const;
  Column operator<(const Column& o) const;
  Column operator<=(const Column& o) const;
  Column operator>(const Column& o) const;
  Column operator>=(const Column& o) const;
  Column operator&&(const Column& o) const;  // AND
  Column operator||(const Column& o) const;  // OR
  Column operator!() const;                  // NOT

  Column eqNullSafe(const Column& o) const;  // <=>
  Column isNull() const;
  Column isNotNull() const;
  Column isNaN() const;
  Column isin(const std::vector<Column>& values) const;
  Column between(const Column& lower, const Column& upper) const;
  Column like(const std::string& pattern) const;
  Column ilike(const std::string& pattern) const;
  Column rlike(const std::string& regex) const;
  Column startswith(const Column& prefix) const;
  Column endswith(const Column& suffix) const;
  Column contains(const Column& other) const;
  Column substr(const Column& pos, const Column& len) const;
  Column getItem(const Column& key) const;     // array index (0-based) or map key
  Column getField(const std::string& name) const;

  Column alias(const std::string& name) const;
  Column as(const std::string& name) const { return alias(name); }
  Column name(const std::string& name) const { return alias(name); }
  // CAST to a type given as Spark type string ("int", "decimal(10,2)") or DataType.
  Column cast(const std::string& type) const;
  Column cast(const DataTypePtr& type) const;
  Column try_cast(const std::string& type) const;

  // Sort orders (Spark: asc puts NULLs first, desc puts NULLs last).
  Column asc() const;
  Column asc_nulls_first() const;
  Column asc_nulls_last() const;
  Column desc() const;
  Column desc_nulls_first() const;
  Column desc_nulls_last() const;

  // CASE chains: when(c1, v1).when(c2, v2).otherwise(v3).
  Column when(const Column& condition, const Column& value) const;
  Column otherwise(const Column& value) const;

  // This aggregate or window function (window.h, functions.h) evaluated over
  // a window: sum(col("x")).over(Window::partitionBy("k")). over() is OVER ().
  Column over(const expressions::WindowSpec& window) const;
  Column over() const;

  // Spark's auto-generated name of the expression, e.g. "(a + 1)".
  std::string toString() const;
  const std::shared_ptr<const Expr>& expr() const { return expr_; }

 private:
  std::shared_ptr<const Expr> expr_;
};

}  // namespace lakestream
