#include "expr/conjuncts.h"

namespace lakestream {

void SplitConjuncts(const ExprPtr& e, std::vector<ExprPtr>* out) {
  if (e->kind == ExprKind::kCall && e->name == "and" && e->children.size() == 2) {
    SplitConjuncts(e->children[0], out);
    SplitConjuncts(e->children[1], out);
    return;
  }
  out->push_back(e);
}

ExprPtr Conjoin(const std::vector<ExprPtr>& conjuncts) {
  ExprPtr out;
  for (const auto& c : conjuncts) {
    if (!out) {
      out = c;
      continue;
    }
    // The evaluator runs AND by name (three-valued, short-circuit): no bound function.
    auto both = std::make_shared<Expr>(*Call("and", {out, c}));
    both->type = DataType::Boolean();
    both->nullable = out->nullable || c->nullable;
    out = both;
  }
  return out;
}

}  // namespace lakestream
