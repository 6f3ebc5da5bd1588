#include "expr/evaluator.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <set>

#include "columnar/array_builder.h"
#include "columnar/check.h"
#include "expr/array_compare.h"
#include "expr/cast.h"
#include "expr/function_registry.h"
#include "expr/in_list.h"

namespace lakestream {

namespace {

using Columns = std::vector<ArrayPtr>;
using Rows = std::vector<int32_t>;

// A batch's columns as seen by one subtree: columns the subtree does not
// reference may be null (they are not gathered for row subsets).
struct Frame {
  const Columns& columns;
  int64_t rows;
};

ArrayPtr Eval(const Expr& e, const Frame& f, const EvalContext& ctx);

void CollectColumns(const Expr& e, std::set<int>* out) {
  if (e.kind == ExprKind::kColumn) out->insert(e.column_index);
  for (const auto& c : e.children) CollectColumns(*c, out);
}

// Evaluates `e` on the subset `rows` of the frame's rows. The result has
// rows.size() entries, in the order of `rows`.
ArrayPtr EvalOn(const Expr& e, const Frame& f, const Rows& rows, const EvalContext& ctx) {
  if (static_cast<int64_t>(rows.size()) == f.rows) return Eval(e, f, ctx);  // rows are always ascending
  std::set<int> used;
  CollectColumns(e, &used);
  Columns sub(f.columns.size());
  for (int i : used) {
    LS_CHECK(f.columns[i] != nullptr);
    sub[i] = Take(f.columns[i], rows);
  }
  Frame sf{sub, static_cast<int64_t>(rows.size())};
  return Eval(e, sf, ctx);
}

// One branch's values for some rows of the output.
struct Piece {
  ArrayPtr values;
  Rows rows;
};

// Scatters pieces into one array of `rows` rows; rows no piece covers are NULL.
ArrayPtr Merge(std::vector<Piece> pieces, int64_t rows, const DataTypePtr& type) {
  pieces.erase(std::remove_if(pieces.begin(), pieces.end(), [](const Piece& p) { return p.rows.empty(); }),
               pieces.end());
  if (pieces.size() == 1 && static_cast<int64_t>(pieces[0].rows.size()) == rows) return pieces[0].values;
  if (pieces.empty()) return MakeNullArray(type, rows);
  std::vector<ArrayPtr> arrays;
  Rows position(rows, -1);
  int32_t offset = 0;
  for (const Piece& p : pieces) {
    LS_CHECK_EQ(p.values->length(), static_cast<int64_t>(p.rows.size()));
    arrays.push_back(p.values);
    for (size_t k = 0; k < p.rows.size(); ++k) position[p.rows[k]] = offset + static_cast<int32_t>(k);
    offset += static_cast<int32_t>(p.rows.size());
  }
  ArrayPtr all = arrays.size() == 1 ? arrays[0] : Concatenate(arrays);
  return Take(all, position);
}

Rows AllRows(int64_t n) {
  Rows r(n);
  std::iota(r.begin(), r.end(), 0);
  return r;
}

bool IsTrue(const Array& a, int64_t i) { return a.IsValid(i) && a.GetBool(i); }

ArrayPtr EvalCase(const Expr& e, const Frame& f, const EvalContext& ctx) {
  const size_t pairs = (e.children.size() - (e.has_else ? 1 : 0)) / 2;
  Rows remaining = AllRows(f.rows);
  std::vector<Piece> pieces;
  for (size_t i = 0; i < pairs && !remaining.empty(); ++i) {
    ArrayPtr cond = EvalOn(*e.children[2 * i], f, remaining, ctx);
    Rows match, rest;
    for (size_t k = 0; k < remaining.size(); ++k) (IsTrue(*cond, k) ? match : rest).push_back(remaining[k]);
    if (!match.empty()) pieces.push_back({EvalOn(*e.children[2 * i + 1], f, match, ctx), std::move(match)});
    remaining = std::move(rest);
  }
  if (e.has_else && !remaining.empty()) {
    pieces.push_back({EvalOn(*e.children.back(), f, remaining, ctx), std::move(remaining)});
  }
  return Merge(std::move(pieces), f.rows, e.type);
}

// AND / OR: the right side runs only on rows the left side does not decide.
ArrayPtr EvalLogical(const Expr& e, bool is_and, const Frame& f, const EvalContext& ctx) {
  ArrayPtr left = Eval(*e.children[0], f, ctx);
  Rows undecided;
  for (int64_t i = 0; i < f.rows; ++i) {
    if (!left->IsValid(i) || left->GetBool(i) == is_and) undecided.push_back(static_cast<int32_t>(i));
  }
  if (undecided.empty()) return left;
  ArrayPtr right = EvalOn(*e.children[1], f, undecided, ctx);
  BooleanBuilder b(f.rows);
  size_t k = 0;
  for (int64_t i = 0; i < f.rows; ++i) {
    if (k < undecided.size() && undecided[k] == i) {
      const bool lnull = !left->IsValid(i);
      const bool rnull = !right->IsValid(k);
      const bool r = !rnull && right->GetBool(k);
      ++k;
      // The left side is NULL or the neutral value; three-valued logic decides.
      if (!rnull && r != is_and) {
        b.Append(r);
      } else if (lnull || rnull) {
        b.AppendNull();
      } else {
        b.Append(is_and);
      }
    } else {
      b.Append(!is_and);
    }
  }
  return b.Finish();
}

ArrayPtr EvalIf(const Expr& e, const Frame& f, const EvalContext& ctx) {
  ArrayPtr cond = Eval(*e.children[0], f, ctx);
  Rows yes, no;
  for (int64_t i = 0; i < f.rows; ++i) (IsTrue(*cond, i) ? yes : no).push_back(static_cast<int32_t>(i));
  std::vector<Piece> pieces;
  if (!yes.empty()) pieces.push_back({EvalOn(*e.children[1], f, yes, ctx), yes});
  if (!no.empty()) pieces.push_back({EvalOn(*e.children[2], f, no, ctx), no});
  return Merge(std::move(pieces), f.rows, e.type);
}

ArrayPtr EvalCoalesce(const Expr& e, const Frame& f, const EvalContext& ctx) {
  Rows remaining = AllRows(f.rows);
  std::vector<Piece> pieces;
  for (const auto& arg : e.children) {
    if (remaining.empty()) break;
    ArrayPtr v = EvalOn(*arg, f, remaining, ctx);
    if (v->null_count() == 0) {
      pieces.push_back({v, std::move(remaining)});
      remaining.clear();
      break;
    }
    Rows valid_pos, valid_rows, rest;
    for (size_t k = 0; k < remaining.size(); ++k) {
      if (v->IsValid(k)) {
        valid_pos.push_back(static_cast<int32_t>(k));
        valid_rows.push_back(remaining[k]);
      } else {
        rest.push_back(remaining[k]);
      }
    }
    if (!valid_rows.empty()) pieces.push_back({Take(v, valid_pos), std::move(valid_rows)});
    remaining = std::move(rest);
  }
  return Merge(std::move(pieces), f.rows, e.type);
}

ArrayPtr EvalNvl2(const Expr& e, const Frame& f, const EvalContext& ctx) {
  ArrayPtr test = Eval(*e.children[0], f, ctx);
  Rows set, unset;
  for (int64_t i = 0; i < f.rows; ++i) (test->IsValid(i) ? set : unset).push_back(static_cast<int32_t>(i));
  std::vector<Piece> pieces;
  if (!set.empty()) pieces.push_back({EvalOn(*e.children[1], f, set, ctx), set});
  if (!unset.empty()) pieces.push_back({EvalOn(*e.children[2], f, unset, ctx), unset});
  return Merge(std::move(pieces), f.rows, e.type);
}

// x IN (a, b, ...): true on a match, else NULL if x or any item is NULL, else false.
ArrayPtr EvalIn(const Expr& e, const Frame& f, const EvalContext& ctx) {
  ArrayPtr value = Eval(*e.children[0], f, ctx);
  if (ArrayPtr set_lookup = EvalInLiteralList(e, value)) return set_lookup;
  std::vector<ArrayPtr> items;
  for (size_t i = 1; i < e.children.size(); ++i) items.push_back(Eval(*e.children[i], f, ctx));
  BooleanBuilder b(f.rows);
  for (int64_t r = 0; r < f.rows; ++r) {
    if (value->IsNull(r)) {
      b.AppendNull();
      continue;
    }
    bool found = false, saw_null = false;
    for (const ArrayPtr& item : items) {
      if (item->IsNull(r)) {
        saw_null = true;
      } else if (CompareArrayValues(*value, r, *item, r) == 0) {
        found = true;
        break;
      }
    }
    if (found) {
      b.Append(true);
    } else if (saw_null) {
      b.AppendNull();
    } else {
      b.Append(false);
    }
  }
  return b.Finish();
}

std::string LowerName(const std::string& s) {
  std::string out = s;
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

ArrayPtr EvalCall(const Expr& e, const Frame& f, const EvalContext& ctx) {
  const std::string name = LowerName(e.name);
  if (name == "and" && e.children.size() == 2) return EvalLogical(e, true, f, ctx);
  if (name == "or" && e.children.size() == 2) return EvalLogical(e, false, f, ctx);
  if ((name == "if" || name == "iff") && e.children.size() == 3) return EvalIf(e, f, ctx);
  if (name == "coalesce" || name == "nvl" || name == "ifnull") return EvalCoalesce(e, f, ctx);
  if (name == "nvl2" && e.children.size() == 3) return EvalNvl2(e, f, ctx);
  if (!e.function) throw InternalError("Evaluate: function '" + e.name + "' is not bound");
  std::vector<ArrayPtr> args;
  args.reserve(e.children.size());
  for (const auto& c : e.children) args.push_back(Eval(*c, f, ctx));
  ArrayPtr out = e.function->kernel(args, f.rows, ctx);
  LS_CHECK_EQ(out->length(), f.rows);
  return out;
}

ArrayPtr Eval(const Expr& e, const Frame& f, const EvalContext& ctx) {
  switch (e.kind) {
    case ExprKind::kColumn: {
      LS_CHECK(e.column_index >= 0 && e.column_index < static_cast<int>(f.columns.size()));
      const ArrayPtr& col = f.columns[e.column_index];
      LS_CHECK(col != nullptr);
      return col;
    }
    case ExprKind::kLiteral:
      if (e.value.is_null()) return MakeNullArray(e.type ? e.type : DataType::Null(), f.rows);
      return MakeConstantArray(e.type, e.value, f.rows);
    case ExprKind::kAlias:
    case ExprKind::kSortOrder:
      return Eval(*e.children[0], f, ctx);
    case ExprKind::kCall:
      return EvalCall(e, f, ctx);
    case ExprKind::kCast:
      return CastArray(Eval(*e.children[0], f, ctx), e.type, e.is_try, ctx);
    case ExprKind::kCase:
      return EvalCase(e, f, ctx);
    case ExprKind::kIn:
      return EvalIn(e, f, ctx);
    case ExprKind::kStar:
    case ExprKind::kAggregate:
    case ExprKind::kGenerator:
    case ExprKind::kSubquery:
    case ExprKind::kWindow:
      break;
  }
  throw InternalError("Evaluate: expression '" + e.ToString() + "' cannot be evaluated per row");
}

}  // namespace

ArrayPtr Evaluate(const Expr& expr, const RecordBatch& batch, const EvalContext& ctx) {
  Frame f{batch.columns(), batch.num_rows()};
  return Eval(expr, f, ctx);
}

namespace {

enum class SelectCmp { kEq, kNe, kLt, kLe, kGt, kGe };

bool ParseSelectCmp(const std::string& name, bool swapped, SelectCmp* op) {
  if (name == "=") *op = SelectCmp::kEq;
  else if (name == "!=" || name == "<>") *op = SelectCmp::kNe;
  else if (name == "<") *op = swapped ? SelectCmp::kGt : SelectCmp::kLt;
  else if (name == "<=") *op = swapped ? SelectCmp::kGe : SelectCmp::kLe;
  else if (name == ">") *op = swapped ? SelectCmp::kLt : SelectCmp::kGt;
  else if (name == ">=") *op = swapped ? SelectCmp::kLe : SelectCmp::kGe;
  else return false;
  return true;
}

template <typename T, SelectCmp kOp>
void SelectFixed(const Array& a, T lit, const Rows& rows, Rows& kept) {
  const T* v = a.values<T>();
  const uint8_t* valid = a.null_count() == 0 ? nullptr : a.validity();
  for (int32_t r : rows) {
    const T x = v[r];
    bool hit;
    if constexpr (kOp == SelectCmp::kEq) hit = x == lit;
    else if constexpr (kOp == SelectCmp::kNe) hit = x != lit;
    else if constexpr (kOp == SelectCmp::kLt) hit = x < lit;
    else if constexpr (kOp == SelectCmp::kLe) hit = x <= lit;
    else if constexpr (kOp == SelectCmp::kGt) hit = x > lit;
    else hit = x >= lit;
    if (hit && (valid == nullptr || bit_util::GetBit(valid, r))) kept.push_back(r);
  }
}

template <typename T>
void SelectFixed(const Array& a, T lit, SelectCmp op, const Rows& rows, Rows& kept) {
  switch (op) {
    case SelectCmp::kEq: SelectFixed<T, SelectCmp::kEq>(a, lit, rows, kept); break;
    case SelectCmp::kNe: SelectFixed<T, SelectCmp::kNe>(a, lit, rows, kept); break;
    case SelectCmp::kLt: SelectFixed<T, SelectCmp::kLt>(a, lit, rows, kept); break;
    case SelectCmp::kLe: SelectFixed<T, SelectCmp::kLe>(a, lit, rows, kept); break;
    case SelectCmp::kGt: SelectFixed<T, SelectCmp::kGt>(a, lit, rows, kept); break;
    case SelectCmp::kGe: SelectFixed<T, SelectCmp::kGe>(a, lit, rows, kept); break;
  }
}

// The rows of `rows` where `column <op> literal` is true, computed on the
// column in place (no gather, no boolean mask): the shape of most filter
// conjuncts. False where the conjunct has another shape or type; the
// caller evaluates it in general then.
bool SelectComparison(const Expr& c, const Columns& columns, const Rows& rows, Rows& kept) {
  if (c.kind != ExprKind::kCall || c.children.size() != 2) return false;
  const bool swapped = c.children[0]->kind == ExprKind::kLiteral;
  const Expr* col = c.children[swapped ? 1 : 0].get();
  const Expr* lit = c.children[swapped ? 0 : 1].get();
  SelectCmp op;
  if (!ParseSelectCmp(c.name, swapped, &op)) return false;
  if (lit->kind != ExprKind::kLiteral || lit->value.is_null()) return false;
  // Decimals of one scale compare by their unscaled values, whatever the precision.
  if (col->kind == ExprKind::kCast && col->implicit_cast && col->type->id() == TypeId::kDecimal &&
      col->children[0]->type->id() == TypeId::kDecimal && col->children[0]->type->scale() == col->type->scale()) {
    col = col->children[0].get();
  }
  if (col->kind != ExprKind::kColumn || col->outer_depth != 0 || col->column_index < 0 ||
      col->column_index >= static_cast<int>(columns.size()) || !columns[col->column_index]) {
    return false;
  }
  const Array& a = *columns[col->column_index];
  const TypeId id = a.type_id();
  if (id != lit->type->id()) return false;
  if (id == TypeId::kDecimal ? a.type()->scale() != lit->type->scale() : !TypeEquals(a.type(), lit->type)) return false;
  kept.reserve(rows.size());
  switch (id) {
    case TypeId::kByte:
    case TypeId::kShort:
    case TypeId::kInt:
    case TypeId::kDate:
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz:
    case TypeId::kDecimal: {
      // The literal's physical value, as the evaluator would materialize it.
      ArrayPtr one = MakeConstantArray(lit->type, lit->value, 1);
      switch (a.type()->byte_width()) {
        case 1: SelectFixed<int8_t>(a, one->values<int8_t>()[0], op, rows, kept); return true;
        case 2: SelectFixed<int16_t>(a, one->values<int16_t>()[0], op, rows, kept); return true;
        case 4: SelectFixed<int32_t>(a, one->values<int32_t>()[0], op, rows, kept); return true;
        case 8: SelectFixed<int64_t>(a, one->values<int64_t>()[0], op, rows, kept); return true;
        case 16: SelectFixed<int128_t>(a, one->values<int128_t>()[0], op, rows, kept); return true;
        default: return false;
      }
    }
    case TypeId::kString: {
      if (op != SelectCmp::kEq && op != SelectCmp::kNe) return false;
      const std::string& want = lit->value.as_string();
      const bool eq = op == SelectCmp::kEq;
      for (int32_t r : rows) {
        if (a.IsValid(r) && (a.GetView(r) == want) == eq) kept.push_back(r);
      }
      return true;
    }
    default: return false;
  }
}

}  // namespace

std::vector<int32_t> EvaluateSelection(const Expr& predicate, const RecordBatch& batch, const EvalContext& ctx) {
  // An AND runs conjunct by conjunct, each on the rows the earlier ones kept
  // (as AND's short circuit would), without building the AND's own result.
  std::vector<const Expr*> conjuncts, pending{&predicate};
  while (!pending.empty()) {
    const Expr* e = pending.back();
    pending.pop_back();
    if (e->kind == ExprKind::kCall && LowerName(e->name) == "and" && e->children.size() == 2) {
      pending.push_back(e->children[1].get());
      pending.push_back(e->children[0].get());
    } else {
      conjuncts.push_back(e);
    }
  }
  Frame f{batch.columns(), batch.num_rows()};
  Rows selected = AllRows(batch.num_rows());
  for (const Expr* c : conjuncts) {
    Rows kept;
    if (SelectComparison(*c, batch.columns(), selected, kept)) {
      selected = std::move(kept);
      if (selected.empty()) break;
      continue;
    }
    ArrayPtr mask = EvalOn(*c, f, selected, ctx);
    kept.reserve(selected.size());
    if (mask->type_id() == TypeId::kBoolean && mask->null_count() == 0) {
      const uint8_t* bits = mask->buffers()[1]->data();
      for (size_t k = 0; k < selected.size(); ++k) {
        if ((bits[k >> 3] >> (k & 7)) & 1) kept.push_back(selected[k]);
      }
    } else {
      for (size_t k = 0; k < selected.size(); ++k) {
        if (IsTrue(*mask, static_cast<int64_t>(k))) kept.push_back(selected[k]);
      }
    }
    selected = std::move(kept);
    if (selected.empty()) break;
  }
  return selected;
}

Value EvaluateConstant(const Expr& expr, const EvalContext& ctx) {
  Columns none;
  Frame f{none, 1};
  return Eval(expr, f, ctx)->GetValue(0);
}

}  // namespace lakestream
