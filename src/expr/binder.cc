#include "expr/binder.h"

#include <algorithm>
#include <cctype>

#include "expr/cast.h"
#include "expr/functions/arithmetic_functions.h"
#include "expr/functions/interval_arithmetic.h"
#include "expr/functions/named_struct.h"
#include "expr/functions/signature_check.h"
#include "expr/struct_field.h"
#include "expr/type_coercion.h"
#include "expr/window_frame.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

// The type a cast function (Spark's boolean(x), int(x), date(x), ...) casts
// to; nullptr for other names.
DataTypePtr CastAliasType(const std::string& name) {
  if (name == "boolean") return DataType::Boolean();
  if (name == "tinyint") return DataType::Byte();
  if (name == "smallint") return DataType::Short();
  if (name == "int") return DataType::Int();
  if (name == "bigint") return DataType::Long();
  if (name == "float") return DataType::Float();
  if (name == "double") return DataType::Double();
  if (name == "decimal") return DataType::Decimal(10, 0);
  if (name == "date") return DataType::Date();
  if (name == "timestamp") return DataType::Timestamp();
  if (name == "binary") return DataType::Binary();
  if (name == "string") return DataType::String();
  return nullptr;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool IsGeneratorName(const std::string& n) {
  return n == "explode" || n == "explode_outer" || n == "posexplode" || n == "posexplode_outer" || n == "inline" ||
         n == "inline_outer";
}

[[noreturn]] void ThrowMismatch(const std::string& subclass, const Expr& e, const std::string& detail) {
  throw UserError("DATATYPE_MISMATCH." + subclass, "42K09",
                  "Cannot resolve \"" + e.ToString() + "\" due to data type mismatch: " + detail);
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// `+x` under BindOptions.legacy_unary_plus: x as it is, of any type.
BoundScalarFunction BindIdentity(const DataTypePtr& type) {
  BoundScalarFunction f;
  f.arg_types = {type};
  f.return_type = type;
  f.kernel = [](const std::vector<ArrayPtr>& args, int64_t, const EvalContext&) { return args[0]; };
  return f;
}

[[noreturn]] void ThrowUnresolvedRoutine(const std::string& name, const FunctionRegistry& registry) {
  std::string msg = "Cannot resolve routine `" + name +
                    "` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].";
  // Only near misses are worth suggesting among hundreds of functions.
  const std::string target = Lower(name);
  std::vector<std::pair<size_t, std::string>> ranked;
  for (const std::string& n : registry.Names()) {
    size_t d = EditDistance(target, n);
    if (d <= std::max<size_t>(1, target.size() / 3)) ranked.emplace_back(d, n);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (!ranked.empty()) {
    msg += " Did you mean one of the following? [";
    for (size_t i = 0; i < ranked.size() && i < 5; ++i) msg += (i ? ", `" : "`") + ranked[i].second + "`";
    msg += "].";
  }
  throw UserError("UNRESOLVED_ROUTINE", "42883", msg);
}

class Binder {
 public:
  Binder(const Scope& scope, const FunctionRegistry& registry, const BindOptions& options)
      : scope_(scope), registry_(registry), options_(options) {}

  // allow_agg / allow_gen: whether this node may be an aggregate / generator;
  // in_agg: inside an aggregate's arguments (a nested aggregate is an error).
  ExprPtr Bind(const ExprPtr& e, bool allow_agg, bool allow_gen, bool in_agg) {
    switch (e->kind) {
      case ExprKind::kColumn: return BindColumn(*e);
      case ExprKind::kLiteral: {
        auto out = std::make_shared<Expr>(*e);
        if (!out->type) out->type = DataType::Null();
        out->nullable = out->value.is_null();
        return out;
      }
      case ExprKind::kStar:
        throw UserError("INVALID_USAGE_OF_STAR_OR_REGEX", "42000",
                        "Invalid usage of '" + e->ToString() + "' in expression.");
      case ExprKind::kAlias:
      case ExprKind::kSortOrder: {
        ExprPtr child = Bind(e->children[0], allow_agg, allow_gen && e->kind == ExprKind::kAlias, in_agg);
        auto out = std::make_shared<Expr>(*e);
        out->children = {child};
        out->type = child->type;
        out->nullable = child->nullable;
        return out;
      }
      case ExprKind::kCall: return BindCall(e, allow_agg, allow_gen, in_agg);
      case ExprKind::kCast: return BindCast(*e, allow_agg, in_agg);
      case ExprKind::kCase: return BindCase(*e, allow_agg, in_agg);
      case ExprKind::kIn: return BindIn(*e, allow_agg, in_agg);
      case ExprKind::kAggregate: return BindAggregate(*e, allow_agg, in_agg);
      case ExprKind::kGenerator: return BindGenerator(*e, allow_gen, allow_agg, in_agg);
      // The analyzer plans subqueries and windows into joins and window
      // operators; one reaching the binder sits where none is allowed.
      case ExprKind::kSubquery:
        if (options_.bind_subquery && !in_agg) return options_.bind_subquery(*e, scope_);
        throw UserError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY", "0A000",
                        "Subquery " + e->ToString() + " is not supported in this position.");
      case ExprKind::kWindow: return BindWindow(*e, allow_agg, in_agg);
    }
    throw InternalError("Binder: unknown expression kind");
  }

 private:
  std::vector<ExprPtr> BindChildren(const Expr& e, bool allow_agg, bool in_agg) {
    std::vector<ExprPtr> out;
    out.reserve(e.children.size());
    for (const ExprPtr& c : e.children) out.push_back(Bind(c, allow_agg, false, in_agg));
    return out;
  }

  ExprPtr BindColumn(const Expr& e) {
    // Columns the analyzer already bound by position stay as they are: a name
    // lookup could be ambiguous (e.g. both key columns of a USING join).
    if (e.column_index >= 0 && e.type) return std::make_shared<Expr>(e);
    int index = scope_.TryResolve(e.name_parts, e.plan_id);
    if (index < 0 && e.name_parts.size() > 1) {
      // "s.f" may name field f of struct column s (or "t.s.f" with a qualifier).
      for (size_t prefix = e.name_parts.size() - 1; prefix >= 1; --prefix) {
        std::vector<std::string> head(e.name_parts.begin(), e.name_parts.begin() + prefix);
        int base = scope_.TryResolve(head, e.plan_id);
        if (base < 0) continue;
        ExprPtr bound = BoundColumn(base, head);
        for (size_t i = prefix; i < e.name_parts.size(); ++i) bound = BindStructField(bound, e.name_parts[i]);
        return bound;
      }
    }
    if (index < 0 && options_.outer_scopes) {
      const auto& outer = *options_.outer_scopes;
      for (size_t depth = 1; depth <= outer.size(); ++depth) {
        const Scope& scope = outer[outer.size() - depth];
        int at = scope.TryResolve(e.name_parts, e.plan_id);
        if (at < 0) continue;
        ExprPtr bound = BoundColumn(at, e.name_parts, e.plan_id, &scope);
        auto ref = std::make_shared<Expr>(*bound);
        ref->outer_depth = static_cast<int>(depth);
        return ref;
      }
    }
    if (index < 0) index = scope_.Resolve(e.name_parts, e.plan_id);
    return BoundColumn(index, e.name_parts, e.plan_id);
  }

  ExprPtr BoundColumn(int index, const std::vector<std::string>& parts, int64_t plan_id = -1,
                      const Scope* scope = nullptr) {
    const ScopeColumn& c = (scope ? *scope : scope_).columns()[index];
    auto out = std::make_shared<Expr>();
    out->kind = ExprKind::kColumn;
    out->name_parts = parts;
    out->name_parts.back() = c.name;  // the schema's spelling, as Spark's output names show
    out->plan_id = plan_id;
    out->column_index = index;
    out->type = c.type;
    out->nullable = c.nullable;
    return out;
  }

  // Calls whose binding needs more than argument types: struct field names,
  // subscripts. Returns null for every other call.
  ExprPtr BindSpecialCall(const ExprPtr& e, const std::string& name, bool allow_agg, bool in_agg) {
    if (DataTypePtr to = CastAliasType(name); to && !registry_.FindScalar(name)) {
      // Spark's cast functions: int(x) is CAST(x AS INT), named int(x).
      signature::CheckArgCount(name, e->children.size(), 1, 1);
      auto cast = std::make_shared<Expr>(*CastTo(e->children[0], to));
      cast->name = name;
      return BindCast(*cast, allow_agg, in_agg);
    }
    if (name == "struct") {
      // Spark names struct fields after aliases and column names, col<i> otherwise.
      std::vector<ExprPtr> named;
      for (size_t i = 0; i < e->children.size(); ++i) {
        const ExprPtr& c = e->children[i];
        std::string field = c->kind == ExprKind::kAlias                            ? c->name
                            : c->kind == ExprKind::kColumn && !c->name_parts.empty() ? c->name_parts.back()
                                                                                     : "col" + std::to_string(i + 1);
        named.push_back(Lit(Value(field), DataType::String()));
        named.push_back(c->kind == ExprKind::kAlias ? c->children[0] : c);
      }
      return BindCall(Call("named_struct", std::move(named)), allow_agg, false, in_agg);
    }
    if (name == kGetFieldName && e->children.size() == 2) {
      const Expr& field = *e->children[1];
      std::string text = field.kind == ExprKind::kColumn && !field.name_parts.empty() ? field.name_parts.back()
                         : field.kind == ExprKind::kLiteral && field.value.kind() == Value::Kind::kString
                             ? field.value.as_string()
                             : "";
      if (text.empty()) {
        throw UserError("INVALID_EXTRACT_FIELD", "42601", "Cannot extract " + field.ToString() + " from " +
                                                              e->children[0]->ToString() + ".");
      }
      return BindStructField(Bind(e->children[0], allow_agg, false, in_agg), text);
    }
    if (name == "get_item" && e->children.size() == 2) {
      ExprPtr base = Bind(e->children[0], allow_agg, false, in_agg);
      const ExprPtr& key = e->children[1];
      switch (base->type->id()) {
        case TypeId::kStruct:
          if (key->kind == ExprKind::kLiteral && key->value.kind() == Value::Kind::kString) {
            return BindStructField(base, key->value.as_string());
          }
          break;
        case TypeId::kArray:  // a[i] is 0-based; element_at counts from 1
          return BindCall(Call("element_at", {base, Call("+", {key, Lit(Value(1), DataType::Int())})}), allow_agg,
                          false, in_agg);
        case TypeId::kMap:  // m[k] is NULL for a missing key
          return BindCall(Call("try_element_at", {base, key}), allow_agg, false, in_agg);
        default: break;
      }
      throw UserError("INVALID_EXTRACT_BASE_FIELD_TYPE", "42000",
                      "Can't extract a value from " + e->children[0]->ToString() + ". Need a complex type [STRUCT, ARRAY, MAP] but got \"" +
                          base->type->ToSql() + "\".");
    }
    return nullptr;
  }

  ExprPtr BindCall(const ExprPtr& e, bool allow_agg, bool allow_gen, bool in_agg) {
    const std::string name = Lower(e->name);
    if (ExprPtr special = BindSpecialCall(e, name, allow_agg, in_agg)) return special;
    const ScalarFunction* fn = registry_.FindScalar(name);
    if (!fn && IsGeneratorName(name) && e->children.size() == 1) {
      return BindGenerator(*Generator(name, e->children[0]), allow_gen, allow_agg, in_agg);
    }
    if (!fn && registry_.FindAggregate(name)) {
      // SQL and expr() write sum(x) as a call; it is an aggregate.
      return BindAggregate(*Aggregate(e->name, e->children), allow_agg, in_agg);
    }
    if (!fn && registry_.FindWindow(name)) {
      throw UserError("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", "42601",
                      "Window function \"" + e->ToString() + "\" requires an OVER clause.");
    }
    if (!fn) ThrowUnresolvedRoutine(e->name, registry_);
    std::vector<ExprPtr> args = BindChildren(*e, allow_agg, in_agg);
    std::vector<DataTypePtr> types;
    for (const auto& a : args) types.push_back(a->type);

    BoundScalarFunction bound;
    if (name == "/" && options_.legacy_integer_division && types.size() == 2 &&
        (types[0]->IsIntegral() || types[0]->id() == TypeId::kNull) &&
        (types[1]->IsIntegral() || types[1]->id() == TypeId::kNull)) {
      bound = BindLegacyIntegerDivide();
    } else if (name == "positive" && options_.legacy_unary_plus && types.size() == 1) {
      bound = BindIdentity(types[0]);
    } else if (name == "named_struct") {
      bound = BindNamedStruct(args);
    } else if ((name == "date_part" || name == "datepart") && types.size() == 2 && types[1]->IsInterval()) {
      // The result type depends on the field (SECOND is a decimal), which must be a literal.
      const Expr& field = *args[0];
      if (field.kind == ExprKind::kLiteral && field.value.is_null()) {
        // Spark: a NULL field gives a NULL DOUBLE.
        bound.arg_types = types;
        bound.return_type = DataType::Double();
        bound.kernel = [](const std::vector<ArrayPtr>&, int64_t rows, const EvalContext&) {
          return MakeNullArray(DataType::Double(), rows);
        };
      } else if (field.kind != ExprKind::kLiteral || field.value.kind() != Value::Kind::kString) {
        throw UserError("INVALID_EXTRACT_FIELD", "42601",
                        "Cannot extract " + field.ToString() + " from " + args[1]->ToString() + ".");
      } else {
        bound = BindIntervalExtract(field.value.as_string(), types[1], args[1]->ToString());
        bound.arg_types = types;
      }
    } else {
      try {
        bound = fn->bind(types);
      } catch (const UserError& err) {
        // Function binders state only the mismatch; the expression goes in front.
        if (err.error_class().rfind("DATATYPE_MISMATCH", 0) != 0 || err.message().rfind("Cannot resolve", 0) == 0) throw;
        auto shown = std::make_shared<Expr>(*e);
        shown->children = args;
        throw UserError(err.error_class(), err.sql_state(),
                        "Cannot resolve \"" + shown->ToString() + "\" due to data type mismatch: " + err.message());
      }
    }
    if (bound.arg_types.size() != args.size()) {
      throw InternalError("function '" + name + "' bound " + std::to_string(bound.arg_types.size()) +
                          " argument types for " + std::to_string(args.size()) + " arguments");
    }
    for (size_t i = 0; i < args.size(); ++i) args[i] = CastArg(args[i], bound.arg_types[i], *e);
    auto out = std::make_shared<Expr>(*e);
    out->children = std::move(args);
    out->type = bound.return_type;
    // Functions may yield NULL even on non-NULL input (try_ forms, ANSI off),
    // so only the null tests themselves are known never to be NULL.
    out->nullable = !(name == "isnull" || name == "isnotnull" || name == "<=>");
    out->function = std::make_shared<const BoundScalarFunction>(std::move(bound));
    if (name == "round" || name == "bround") return NarrowRoundedDecimal(out);
    return out;
  }

  // Spark types round(decimal, scale) by the literal scale, which function
  // binders (types only) cannot see: they return DECIMAL(38, s); this casts
  // to Spark's type, which holds every rounded value exactly.
  static ExprPtr NarrowRoundedDecimal(const ExprPtr& call) {
    if (call->children.size() != 2 || call->type->id() != TypeId::kDecimal) return call;
    const Expr* scale_arg = call->children[1].get();
    if (scale_arg->kind == ExprKind::kCast && scale_arg->implicit_cast) scale_arg = scale_arg->children[0].get();
    if (scale_arg->kind != ExprKind::kLiteral || scale_arg->value.kind() != Value::Kind::kInt) return call;
    const DataType& in = *call->children[0]->type;
    if (in.id() != TypeId::kDecimal) return call;
    const int64_t scale = scale_arg->value.as_int();
    const int integral_digits = in.precision() - in.scale() + 1;
    int precision, new_scale;
    if (scale < 0) {
      precision = std::max<int64_t>(integral_digits, 1 - scale) > DataType::kMaxDecimalPrecision
                      ? DataType::kMaxDecimalPrecision
                      : static_cast<int>(std::max<int64_t>(integral_digits, 1 - scale));
      new_scale = 0;
    } else {
      new_scale = static_cast<int>(std::min<int64_t>(scale, in.scale()));
      precision = std::min(integral_digits + new_scale, DataType::kMaxDecimalPrecision);
    }
    return ImplicitCast(call, DataType::Decimal(precision, new_scale));
  }

  ExprPtr CastArg(const ExprPtr& arg, const DataTypePtr& to, const Expr& call) {
    if (TypeEquals(arg->type, to)) return arg;
    // Intervals and numbers cast only explicitly (Spark's implicit casts never convert them).
    const bool interval_number = (arg->type->IsInterval() && to->IsNumeric()) ||
                                 (arg->type->IsNumeric() && to->IsInterval());
    if (interval_number || !CanCast(*arg->type, *to)) {
      ThrowMismatch("UNEXPECTED_INPUT_TYPE", call,
                    "the input " + arg->ToString() + " has the type " + QuotedSqlType(*arg->type) +
                        " which cannot be implicitly cast to " + QuotedSqlType(*to) + ".");
    }
    return ImplicitCast(arg, to);
  }

  ExprPtr BindCast(const Expr& e, bool allow_agg, bool in_agg) {
    ExprPtr child = Bind(e.children[0], allow_agg, false, in_agg);
    if (!CanCast(*child->type, *e.type)) {
      ThrowMismatch("CAST_WITHOUT_SUGGESTION", e,
                    "cannot cast " + QuotedSqlType(*child->type) + " to " + QuotedSqlType(*e.type) + ".");
    }
    auto out = std::make_shared<Expr>(e);
    out->children = {child};
    out->nullable = child->nullable || e.is_try;
    return out;
  }

  ExprPtr BindCase(const Expr& e, bool allow_agg, bool in_agg) {
    std::vector<ExprPtr> c = BindChildren(e, allow_agg, in_agg);
    const size_t pairs = (c.size() - (e.has_else ? 1 : 0)) / 2;
    std::vector<size_t> value_idx;
    for (size_t i = 0; i < pairs; ++i) {
      ExprPtr& cond = c[2 * i];
      if (cond->type->id() == TypeId::kNull) {
        cond = ImplicitCast(cond, DataType::Boolean());
      } else if (cond->type->id() != TypeId::kBoolean) {
        ThrowMismatch("UNEXPECTED_INPUT_TYPE", e,
                      "the input " + cond->ToString() + " has the type " + QuotedSqlType(*cond->type) +
                          " but a \"BOOLEAN\" condition is required.");
      }
      value_idx.push_back(2 * i + 1);
    }
    if (e.has_else) value_idx.push_back(c.size() - 1);
    std::vector<DataTypePtr> types;
    for (size_t i : value_idx) types.push_back(c[i]->type);
    DataTypePtr t = WiderTypeOf(types);
    if (!t) ThrowMismatch("DATA_DIFF_TYPES", e, "Input to `casewhen` should all be the same type.");
    bool nullable = !e.has_else;
    for (size_t i : value_idx) {
      c[i] = ImplicitCast(c[i], t);
      nullable = nullable || c[i]->nullable;
    }
    auto out = std::make_shared<Expr>(e);
    out->children = std::move(c);
    out->type = t;
    out->nullable = nullable;
    return out;
  }

  ExprPtr BindIn(const Expr& e, bool allow_agg, bool in_agg) {
    std::vector<ExprPtr> c = BindChildren(e, allow_agg, in_agg);
    if (c.size() == 1) {
      // `x IN ()` (the parser's ParserOptions.legacy_empty_in_list): SQLite's
      // FALSE, even for a NULL x; x is bound only to check it.
      auto out = std::make_shared<Expr>(*Lit(Value(false), DataType::Boolean()));
      out->nullable = false;
      return out;
    }
    std::vector<DataTypePtr> types;
    for (const auto& x : c) types.push_back(x->type);
    DataTypePtr t = WiderTypeOf(types);
    if (!t) {
      ThrowMismatch("DATA_DIFF_TYPES", e, "Input to `in` should all be the same type.");
    }
    bool nullable = false;
    for (auto& x : c) {
      x = ImplicitCast(x, t);
      nullable = nullable || x->nullable;
    }
    auto out = std::make_shared<Expr>(e);
    out->children = std::move(c);
    out->type = DataType::Boolean();
    out->nullable = nullable;
    return out;
  }

  [[noreturn]] void ThrowUnsupportedForOperator(const Expr& e) {
    throw UserError("UNSUPPORTED_EXPR_FOR_OPERATOR", "42K0E",
                    "A query operator contains one or more unsupported expressions. Consider to rewrite it to "
                    "avoid window functions, aggregate functions, and generator functions in the WHERE clause. "
                    "Invalid expressions: [" + e.ToString() + "]");
  }

  ExprPtr BindAggregate(const Expr& e, bool allow_agg, bool in_agg) {
    if (in_agg) {
      throw UserError("NESTED_AGGREGATE_FUNCTION", "42607",
                      "It is not allowed to use an aggregate function in the argument of another aggregate "
                      "function. Please use the inner aggregate function in a sub-query.");
    }
    if (!allow_agg) ThrowUnsupportedForOperator(e);
    return BindAggregateCall(e, false);
  }

  // An aggregate's arguments hold no aggregate, except for an aggregate over
  // a window in an aggregate's output (`args_allow_agg`): sum(sum(x)) OVER ().
  ExprPtr BindAggregateCall(const Expr& e, bool args_allow_agg) {
    const AggregateFunction* fn = registry_.FindAggregate(e.name);
    if (!fn) ThrowUnresolvedRoutine(e.name, registry_);
    std::vector<ExprPtr> children = e.children;
    // count(*) counts rows: Spark's parser makes it count(1).
    if (children.size() == 1 && children[0]->kind == ExprKind::kStar && Lower(e.name) == "count") {
      children[0] = Lit(Value(1), DataType::Int());
    }
    std::vector<ExprPtr> args;
    for (const ExprPtr& c : children) args.push_back(Bind(c, args_allow_agg, false, !args_allow_agg));
    std::vector<DataTypePtr> types;
    for (const auto& a : args) types.push_back(a->type);
    BoundAggregateFunction bound = fn->bind(types, e.distinct);
    if (bound.arg_types.size() != args.size()) {
      throw InternalError("aggregate '" + e.name + "' bound a wrong number of argument types");
    }
    for (size_t i = 0; i < args.size(); ++i) args[i] = CastArg(args[i], bound.arg_types[i], e);
    auto out = std::make_shared<Expr>(e);
    out->kind = ExprKind::kAggregate;
    out->children = std::move(args);
    out->type = bound.return_type;
    out->nullable = bound.result_nullable;
    out->aggregate = std::make_shared<const BoundAggregateFunction>(std::move(bound));
    return out;
  }

  // f OVER (PARTITION BY ... ORDER BY ... frame): f is an aggregate or a
  // window function; its arguments and the keys may hold aggregates where
  // the context allows them (a window over GROUP BY output).
  ExprPtr BindWindow(const Expr& e, bool allow_agg, bool in_agg) {
    if (!options_.allow_windows || in_window_ || in_agg) ThrowUnsupportedForOperator(e);
    in_window_ = true;
    struct Reset {
      bool& flag;
      ~Reset() { flag = false; }
    } reset{in_window_};
    ExprPtr fn = BindWindowFunction(e, allow_agg);
    WindowSpec spec;
    for (const ExprPtr& p : e.window->partition_by) spec.partition_by.push_back(Bind(p, allow_agg, false, false));
    for (const ExprPtr& o : e.window->order_by) {
      spec.order_by.push_back(Bind(o->kind == ExprKind::kSortOrder ? o : SortOrder(o, true, true), allow_agg, false, false));
    }
    spec.frame_type = e.window->frame_type;
    spec.frame_start = e.window->frame_start;
    spec.frame_end = e.window->frame_end;
    for (FrameBound* b : {&spec.frame_start, &spec.frame_end}) {
      if (b->offset) b->offset = Bind(b->offset, false, false, false);
    }
    ResolveWindowFrame(spec, *fn, e.ToString());
    auto out = std::make_shared<Expr>(e);
    out->children = {fn};
    out->window = std::make_shared<const WindowSpec>(std::move(spec));
    out->type = fn->type;
    out->nullable = fn->nullable;
    return out;
  }

  ExprPtr BindWindowFunction(const Expr& window, bool allow_agg) {
    const Expr& f = *window.children[0];
    const std::string name = Lower(f.name);
    const bool is_call = f.kind == ExprKind::kCall && !registry_.FindScalar(name);
    if (f.kind == ExprKind::kAggregate || (is_call && registry_.FindAggregate(name))) {
      if (f.distinct) {
        throw UserError("DISTINCT_WINDOW_FUNCTION_UNSUPPORTED", "0A000",
                        "Distinct window functions are not supported: " + window.ToString() + ".");
      }
      return BindAggregateCall(f, allow_agg);
    }
    const WindowFunction* wf = is_call ? registry_.FindWindow(name) : nullptr;
    if (!wf) {
      throw UserError("UNSUPPORTED_EXPR_FOR_WINDOW", "42P20",
                      "Expression \"" + f.ToString() + "\" not supported within a window function.");
    }
    std::vector<ExprPtr> args = BindChildren(f, allow_agg, false);
    BoundWindowFunction bound = wf->bind(args);
    auto out = std::make_shared<Expr>(f);
    out->name = name;
    out->children = std::move(args);
    out->type = bound.return_type;
    out->nullable = bound.result_nullable;
    out->window_function = std::make_shared<const BoundWindowFunction>(std::move(bound));
    return out;
  }

  ExprPtr BindGenerator(const Expr& e, bool allow_gen, bool allow_agg, bool in_agg) {
    if (!allow_gen) {
      throw UserError("UNSUPPORTED_GENERATOR.OUTSIDE_SELECT", "42K0E",
                      "The generator is not supported: outside the SELECT clause, found: " + e.ToString() + ".");
    }
    ExprPtr child = Bind(e.children[0], allow_agg, false, in_agg);
    if (ContainsKind(child, ExprKind::kGenerator)) {
      throw UserError("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS", "42K0E",
                      "The generator is not supported: nested in expressions \"" + e.ToString() + "\".");
    }
    const std::string name = Lower(e.name);
    const DataType& t = *child->type;
    const bool pos = name.rfind("posexplode", 0) == 0;
    DataTypePtr out_type;
    if (name.rfind("inline", 0) == 0) {
      if (t.id() != TypeId::kArray || t.element_type()->id() != TypeId::kStruct) {
        ThrowMismatch("UNEXPECTED_INPUT_TYPE", e, "the input should be an \"ARRAY<STRUCT>\", got " +
                                                      QuotedSqlType(t) + ".");
      }
      out_type = t.element_type();
    } else if (t.id() == TypeId::kArray) {
      out_type = pos ? DataType::Struct({Field("pos", DataType::Int(), false), Field("col", t.element_type())})
                     : t.element_type();
    } else if (t.id() == TypeId::kMap) {
      std::vector<Field> fields;
      if (pos) fields.emplace_back("pos", DataType::Int(), false);
      fields.emplace_back("key", t.key_type(), false);
      fields.emplace_back("value", t.value_type());
      out_type = DataType::Struct(std::move(fields));
    } else {
      ThrowMismatch("UNEXPECTED_INPUT_TYPE", e,
                    "the input " + child->ToString() + " should be an \"ARRAY\" or \"MAP\", got " +
                        QuotedSqlType(t) + ".");
    }
    auto out = std::make_shared<Expr>(e);
    out->kind = ExprKind::kGenerator;
    out->name = name;
    out->children = {child};
    out->type = out_type;
    out->nullable = true;
    return out;
  }

  const Scope& scope_;
  const FunctionRegistry& registry_;
  BindOptions options_;
  bool in_window_ = false;  // binding a window expression's parts: no window may nest
};

}  // namespace

ExprPtr BindExpression(const ExprPtr& expr, const Scope& scope, const FunctionRegistry& registry,
                       const BindOptions& options) {
  Binder binder(scope, registry, options);
  return binder.Bind(expr, options.allow_aggregates, options.allow_generators, false);
}

}  // namespace lakestream
