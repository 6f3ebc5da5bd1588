// GROUPING SETS, ROLLUP and CUBE: the aggregate runs once per grouping set,
// with the grouping expressions outside the set reading as NULL, and the
// results are combined with UNION ALL. grouping(col) and grouping_id() become
// per-set constants (Spark: grouping() is TINYINT 1 when the column is
// aggregated away; grouping_id() is a BIGINT bit vector, first grouping
// expression most significant).
#include "lakestream/error.h"
#include "plan/analyzer_impl.h"

namespace lakestream {
namespace {

// Grouping expressions are matched by their SQL text, as written.
int IndexOf(const std::vector<ExprPtr>& list, const ExprPtr& e) {
  const std::string key = e->ToString();
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i]->ToString() == key) return static_cast<int>(i);
  }
  return -1;
}

std::string LowerName(const std::string& s) {
  std::string out = s;
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct SetRewrite {
  const std::vector<ExprPtr>& all;       // every grouping expression, once
  const std::vector<bool>& in_set;       // per grouping expression
  const std::vector<ExprPtr>& nulls;     // typed NULL per grouping expression

  ExprPtr Apply(const ExprPtr& e) const {
    if (e->kind == ExprKind::kCall && (LowerName(e->name) == "grouping" || LowerName(e->name) == "grouping_id")) {
      return GroupingCall(*e);
    }
    if (e->kind != ExprKind::kAlias && e->kind != ExprKind::kAggregate) {
      int i = IndexOf(all, e);
      if (i >= 0 && !in_set[i]) return nulls[i];
    }
    if (e->kind == ExprKind::kAggregate || e->children.empty()) return e;
    std::vector<ExprPtr> children;
    for (const auto& c : e->children) children.push_back(Apply(c));
    return WithChildren(*e, std::move(children));
  }

  ExprPtr GroupingCall(const Expr& e) const {
    if (LowerName(e.name) == "grouping") {
      int i = e.children.size() == 1 ? IndexOf(all, e.children[0]) : -1;
      if (i < 0) {
        throw UserError("GROUPING_COLUMN_MISMATCH", "42803",
                        "Column of grouping (" + (e.children.empty() ? std::string() : e.children[0]->ToString()) +
                            ") can't be found in grouping columns.");
      }
      return Lit(Value(in_set[i] ? 0 : 1), DataType::Byte());
    }
    // grouping_id(): all grouping expressions; grouping_id(a, b): those, in that order.
    std::vector<int> columns;
    if (e.children.empty()) {
      for (size_t i = 0; i < all.size(); ++i) columns.push_back(static_cast<int>(i));
    } else {
      for (const auto& c : e.children) {
        int i = IndexOf(all, c);
        if (i < 0) {
          throw UserError("GROUPING_ID_COLUMN_MISMATCH", "42803",
                          "Columns of grouping_id (" + c->ToString() + ") does not match grouping columns.");
        }
        columns.push_back(i);
      }
    }
    int64_t id = 0;
    for (int i : columns) id = (id << 1) | (in_set[i] ? 0 : 1);
    return Lit(Value(id), DataType::Long());
  }
};

}  // namespace

Resolved Analyzer::GroupingSets(const LogicalPlan& p) {
  // The grouping expressions' types, for typed NULLs.
  Resolved input = Analyze(p.children[0]);
  std::vector<ExprPtr> nulls;
  for (const auto& g : p.groupings) nulls.push_back(Lit(Value(), Bind(g, input.columns)->type));

  std::vector<LogicalPlanPtr> branches;
  for (const auto& set : p.grouping_sets) {
    std::vector<bool> in_set(p.groupings.size(), false);
    for (const auto& s : set) {
      int i = IndexOf(p.groupings, s);
      if (i >= 0) in_set[i] = true;
    }
    SetRewrite rewrite{p.groupings, in_set, nulls};
    std::vector<ExprPtr> outputs;
    for (const auto& e : p.exprs) {
      ExprPtr out = rewrite.Apply(e);
      // A grouping column replaced by NULL keeps its output name.
      if (out != e && e->kind != ExprKind::kAlias) out = Alias(out, e->OutputName());
      outputs.push_back(out);
    }
    auto branch = std::make_shared<LogicalPlan>(*MakeAggregate(p.children[0], set, outputs));
    branch->plan_id = p.plan_id;
    branches.push_back(branch);
  }
  if (branches.size() == 1) return Analyze(branches[0]);
  return Analyze(MakeUnion(std::move(branches)));
}

}  // namespace lakestream
