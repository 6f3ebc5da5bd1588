#include "expr/expression_builders.h"

namespace lakestream {

ExprPtr Between(ExprPtr x, ExprPtr lo, ExprPtr hi) {
  return Call("and", {Call(">=", {x, std::move(lo)}), Call("<=", {x, std::move(hi)})});
}

}  // namespace lakestream
