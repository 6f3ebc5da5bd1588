#include "expr/window_frame.h"

#include <cctype>

#include "expr/cast.h"
#include "expr/evaluator.h"
#include "expr/function_registry.h"
#include "expr/type_coercion.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

using Kind = FrameBound::Kind;
using FrameType = WindowSpec::FrameType;

FrameBound MakeBound(Kind kind, ExprPtr offset = nullptr) {
  FrameBound b;
  b.kind = kind;
  b.offset = std::move(offset);
  return b;
}

void SetFrame(WindowSpec& spec, FrameType type, FrameBound start, FrameBound end) {
  spec.frame_type = type;
  spec.frame_start = std::move(start);
  spec.frame_end = std::move(end);
}

bool IsValueBound(const FrameBound& b) { return b.kind == Kind::kPreceding || b.kind == Kind::kFollowing; }

bool SameBound(const FrameBound& a, const FrameBound& b) {
  if (a.kind != b.kind) return false;
  if (!IsValueBound(a)) return true;
  return a.offset->value == b.offset->value;
}

bool SameFrame(const WindowSpec& a, const WindowSpec& b) {
  return a.frame_type == b.frame_type && SameBound(a.frame_start, b.frame_start) && SameBound(a.frame_end, b.frame_end);
}

[[noreturn]] void ThrowMismatch(const std::string& subclass, const std::string& window_sql, const std::string& detail) {
  throw UserError("DATATYPE_MISMATCH." + subclass, "42K09",
                  "Cannot resolve \"" + window_sql + "\" due to data type mismatch: " + detail);
}

// The signed offset as a number, to compare a frame's two bounds.
long double Numeric(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kInt: return static_cast<long double>(v.as_int());
    case Value::Kind::kDouble: return v.as_double();
    case Value::Kind::kDecimal: return static_cast<long double>(v.as_decimal());
    default: return 0;
  }
}

bool EqualsIgnoreCaseAscii(const std::string& a, const char* b) {
  size_t i = 0;
  for (; i < a.size() && b[i] != '\0'; ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return i == a.size() && b[i] == '\0';
}

// The offset of `b` evaluated and cast to `type`, as a typed literal.
void FoldOffset(FrameBound& b, const DataTypePtr& type, const char* location, const std::string& window_sql) {
  if (!IsValueBound(b)) return;
  if (!IsFoldable(b.offset)) {
    ThrowMismatch("SPECIFIED_WINDOW_FRAME_WITHOUT_FOLDABLE", window_sql,
                  std::string("Window frame ") + location + " bound \"" + b.offset->ToString() + "\" is not a literal.");
  }
  ExprPtr cast = b.offset;
  if (!TypeEquals(cast->type, type)) {
    auto c = std::make_shared<Expr>(*CastTo(b.offset, type));
    cast = c;
  }
  Value v = EvaluateConstant(*cast, EvalContext{});
  if (v.is_null()) {
    ThrowMismatch("SPECIFIED_WINDOW_FRAME_WITHOUT_FOLDABLE", window_sql,
                  std::string("Window frame ") + location + " bound \"" + b.offset->ToString() + "\" is not a literal.");
  }
  b.offset = Lit(std::move(v), type);
}

void CheckOffsetType(const FrameBound& b, bool rows, const char* location, const std::string& window_sql) {
  if (!IsValueBound(b)) return;
  const DataType& t = *b.offset->type;
  const bool ok = rows ? (t.IsIntegral() && t.id() != TypeId::kLong) : (t.IsNumeric() || t.IsInterval());
  if (!ok) {
    ThrowMismatch("SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", window_sql,
                  std::string("The data type of the ") + location + " bound " + QuotedSqlType(t) +
                      " does not match the expected data type " + (rows ? "\"INT\"" : "\"NUMERIC\"") + ".");
  }
}

// Spark's required frames of window functions (WindowFunction.frame).
bool RequiredFrame(const BoundWindowFunction& f, WindowSpec& required) {
  switch (f.frame) {
    case WindowFunctionFrame::kAny: return false;
    case WindowFunctionFrame::kRowsToCurrentRow:
      SetFrame(required, FrameType::kRows, MakeBound(Kind::kUnboundedPreceding), MakeBound(Kind::kCurrentRow));
      return true;
    case WindowFunctionFrame::kRangeToCurrentRow:
      SetFrame(required, FrameType::kRange, MakeBound(Kind::kUnboundedPreceding), MakeBound(Kind::kCurrentRow));
      return true;
    case WindowFunctionFrame::kOffset: {
      ExprPtr offset = Lit(Value(f.offset), DataType::Int());
      SetFrame(required, FrameType::kRows, MakeBound(Kind::kFollowing, offset), MakeBound(Kind::kFollowing, offset));
      return true;
    }
  }
  return false;
}

void CheckRangeFrame(WindowSpec& spec, const std::string& window_sql) {
  const bool unbounded =
      spec.frame_start.kind == Kind::kUnboundedPreceding && spec.frame_end.kind == Kind::kUnboundedFollowing;
  if (spec.order_by.empty() && !unbounded) {
    ThrowMismatch("RANGE_FRAME_WITHOUT_ORDER", window_sql,
                  "A range window frame cannot be used in an unordered window specification.");
  }
  if (!IsValueBound(spec.frame_start) && !IsValueBound(spec.frame_end)) return;
  if (spec.order_by.size() > 1) {
    std::string keys;
    for (const auto& o : spec.order_by) keys += (keys.empty() ? "" : ",") + o->ToString();
    ThrowMismatch("RANGE_FRAME_MULTI_ORDER", window_sql,
                  "A range window frame with value boundaries cannot be used in a window specification with multiple "
                  "order by expressions: " + keys + ".");
  }
  CheckOffsetType(spec.frame_start, false, "lower", window_sql);
  CheckOffsetType(spec.frame_end, false, "upper", window_sql);
  const DataTypePtr& key = spec.order_by[0]->children[0]->type;
  const FrameBound& value_bound = IsValueBound(spec.frame_start) ? spec.frame_start : spec.frame_end;
  // Spark casts a numeric offset to the key's type; a DATE key moves by INT days.
  // Over a TIMESTAMP key a day-time interval offset moves by microseconds, over a
  // DATE key an INTERVAL DAY by whole days (year-month offsets are not linear).
  DataTypePtr offset_type = key;
  const DataType& given = *value_bound.offset->type;
  const bool day_offset = given.id() == TypeId::kDayTimeInterval && given.end_field() == IntervalField::kDay;
  if (key->id() == TypeId::kDate && (given.IsIntegral() || day_offset)) {
    offset_type = given.IsIntegral() ? DataType::Int() : DataType::DayTimeInterval(IntervalField::kDay, IntervalField::kDay);
  } else if (key->IsTimestampLike() && given.id() == TypeId::kDayTimeInterval) {
    offset_type = DataType::DayTimeInterval();
  } else if (!key->IsNumeric() || given.IsInterval()) {
    ThrowMismatch("RANGE_FRAME_INVALID_TYPE", window_sql,
                  "The data type " + QuotedSqlType(*key) + " used in the order specification does not support the "
                  "data type " + QuotedSqlType(*value_bound.offset->type) + " which is used in the range frame.");
  }
  FoldOffset(spec.frame_start, offset_type, "lower", window_sql);
  FoldOffset(spec.frame_end, offset_type, "upper", window_sql);
  if (key->id() == TypeId::kDate && day_offset) {
    for (FrameBound* b : {&spec.frame_start, &spec.frame_end}) {
      if (!IsValueBound(*b)) continue;
      constexpr int64_t kMicrosPerDay = 86400LL * 1000000;
      b->offset = Lit(Value(b->offset->value.as_int() / kMicrosPerDay), DataType::Int());
    }
  }
}

}  // namespace

bool IsFoldable(const ExprPtr& e) {
  return !ContainsKind(e, ExprKind::kColumn) && !ContainsKind(e, ExprKind::kAggregate) &&
         !ContainsKind(e, ExprKind::kWindow);
}

Value SignedFrameOffset(const FrameBound& bound, const DataType& type) {
  const Value& v = bound.offset->value;
  if (bound.kind != Kind::kPreceding) return v;
  switch (v.kind()) {
    case Value::Kind::kInt: return Value(-v.as_int());
    case Value::Kind::kDouble: return Value(-v.as_double());
    case Value::Kind::kDecimal: return Value::Decimal(-v.as_decimal());
    default: throw InternalError("window frame offset of type " + type.ToString() + " cannot be negated");
  }
}

void ResolveWindowFrame(WindowSpec& spec, const Expr& function, const std::string& window_sql) {
  if (function.window_function) {
    if (spec.order_by.empty()) {
      throw UserError("_LEGACY_ERROR_TEMP_1037", "42601",
                      "Window function " + function.ToString() + " requires window to be ordered, please add ORDER BY "
                      "clause. For example SELECT " + function.ToString() + " OVER (PARTITION BY window_partition "
                      "ORDER BY window_ordering) from table.");
    }
    WindowSpec required;
    if (RequiredFrame(*function.window_function, required)) {
      if (spec.frame_type != FrameType::kDefault) {
        FoldOffset(spec.frame_start, DataType::Int(), "lower", window_sql);
        FoldOffset(spec.frame_end, DataType::Int(), "upper", window_sql);
      }
      if (spec.frame_type != FrameType::kDefault && !SameFrame(spec, required)) {
        if (function.window_function->frame == WindowFunctionFrame::kOffset) {
          throw UserError("WINDOW_FUNCTION_AND_FRAME_MISMATCH", "42K0E",
                          function.ToString() + " function can only be evaluated in an ordered row-based window "
                          "frame with a single offset: " + window_sql + ".");
        }
        throw UserError("_LEGACY_ERROR_TEMP_1036", "42601",
                        "Window Frame " + FrameName(spec) + " must match the required frame " + FrameName(required) + ".");
      }
      SetFrame(spec, required.frame_type, required.frame_start, required.frame_end);
      return;
    }
  }
  if (spec.frame_type == FrameType::kDefault) {
    if (spec.order_by.empty()) {
      SetFrame(spec, FrameType::kRows, MakeBound(Kind::kUnboundedPreceding), MakeBound(Kind::kUnboundedFollowing));
    } else {
      SetFrame(spec, FrameType::kRange, MakeBound(Kind::kUnboundedPreceding), MakeBound(Kind::kCurrentRow));
    }
  } else {
    if (spec.frame_start.kind == Kind::kUnboundedFollowing || spec.frame_end.kind == Kind::kUnboundedPreceding) {
      ThrowMismatch("SPECIFIED_WINDOW_FRAME_INVALID_BOUND", window_sql,
                    "Window frame upper bound does not follow the lower bound in " + FrameName(spec) + ".");
    }
    if (spec.frame_type == FrameType::kRows) {
      CheckOffsetType(spec.frame_start, true, "lower", window_sql);
      CheckOffsetType(spec.frame_end, true, "upper", window_sql);
      FoldOffset(spec.frame_start, DataType::Int(), "lower", window_sql);
      FoldOffset(spec.frame_end, DataType::Int(), "upper", window_sql);
    } else {
      CheckRangeFrame(spec, window_sql);
    }
    if (IsValueBound(spec.frame_start) && IsValueBound(spec.frame_end)) {
      const DataType& t = *spec.frame_start.offset->type;
      if (Numeric(SignedFrameOffset(spec.frame_start, t)) > Numeric(SignedFrameOffset(spec.frame_end, t))) {
        ThrowMismatch("SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON", window_sql,
                      "The lower bound of a window frame must be less than or equal to the upper bound.");
      }
    }
  }
  // Percentiles with ORDER BY mean WITHIN GROUP in Spark; over a window they need the whole partition.
  if (function.kind == ExprKind::kAggregate && EqualsIgnoreCaseAscii(function.name, "median")) {
    const bool whole = spec.frame_type == FrameType::kRows && spec.frame_start.kind == Kind::kUnboundedPreceding &&
                       spec.frame_end.kind == Kind::kUnboundedFollowing;
    if (!spec.order_by.empty() || !whole) {
      throw UserError("INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC", "42601",
                      "Cannot specify ORDER BY or a window frame for " + function.ToString() + ".");
    }
  }
}

}  // namespace lakestream
