// Window functions: ranking (row_number, rank, dense_rank, percent_rank,
// cume_dist, ntile) and offsets (lag, lead, nth_value). They only exist with
// OVER; the window operator hands each kernel whole sorted partitions with
// their peer groups and frames (WindowRows), so every kernel is one pass.
//
// Semantics and result types follow Spark: ranks and buckets are INT,
// percent_rank and cume_dist DOUBLE; lag/lead read the row `offset` rows away
// in the partition (the default when there is none), nth_value the n-th row of
// the frame. Constant arguments (offsets, buckets) are read at bind time.
#include <algorithm>
#include <string>

#include "expr/binder.h"
#include "expr/cast.h"
#include "expr/evaluator.h"
#include "expr/function_registry.h"
#include "expr/functions/grouped_state.h"
#include "expr/functions/signature_check.h"
#include "expr/type_coercion.h"
#include "expr/window_frame.h"

namespace lakestream {
namespace {

std::string CallSql(const std::string& name, const std::vector<ExprPtr>& args) {
  std::string out = name + "(";
  for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + args[i]->ToString();
  return out + ")";
}

// Spark's TypeCheckFailure of a window function's arguments.
[[noreturn]] void ThrowTypeCheck(const std::string& name, const std::vector<ExprPtr>& args, const std::string& msg) {
  throw UserError("DATATYPE_MISMATCH.TYPE_CHECK_FAILURE_WITH_HINT", "42K09",
                  "Cannot resolve \"" + CallSql(name, args) + "\" due to data type mismatch: " + msg + ".");
}

// An integral constant argument (an offset or a bucket count) as an INT.
int32_t ConstantInt(const std::string& name, std::vector<ExprPtr>& args, size_t index, const char* not_foldable) {
  const ExprPtr& arg = args[index];
  if (!arg->type->IsIntegral()) signature::ThrowUnexpectedType(name, index, "\"INT\"", arg->type);
  if (!IsFoldable(arg)) ThrowTypeCheck(name, args, std::string(not_foldable) + " '" + arg->ToString() + "' must be a literal");
  Value v = EvaluateConstant(*arg, EvalContext{});
  if (v.is_null() || v.as_int() < INT32_MIN || v.as_int() > INT32_MAX) {
    signature::ThrowUnexpectedType(name, index, "\"INT\"", arg->type);
  }
  args[index] = ImplicitCast(arg, DataType::Int());
  return static_cast<int32_t>(v.as_int());
}

bool ConstantBool(const std::string& name, std::vector<ExprPtr>& args, size_t index) {
  const ExprPtr& arg = args[index];
  if (arg->type->id() != TypeId::kBoolean || !IsFoldable(arg)) {
    signature::ThrowUnexpectedType(name, index, "\"BOOLEAN\" literal", arg->type);
  }
  Value v = EvaluateConstant(*arg, EvalContext{});
  return !v.is_null() && v.as_bool();
}

ArrayPtr IntResult(const std::vector<int32_t>& values) { return grouped::MakeResult(DataType::Int(), values, nullptr); }
ArrayPtr DoubleResult(const std::vector<double>& values) {
  return grouped::MakeResult(DataType::Double(), values, nullptr);
}

// Row positions where `x` is not NULL, ascending (IGNORE NULLS lookups).
std::vector<int64_t> NonNullRows(const Array& x) {
  std::vector<int64_t> rows;
  for (int64_t i = 0; i < x.length(); ++i) {
    if (!x.IsNull(i)) rows.push_back(i);
  }
  return rows;
}

// x[source[i]], or fallback[i] where source[i] < 0 (fallback == nullptr: NULL).
ArrayPtr Gather(const ArrayPtr& x, std::vector<int32_t> source, const ArrayPtr& fallback) {
  const int64_t n = static_cast<int64_t>(source.size());
  bool any_fallback = false;
  for (int32_t s : source) any_fallback |= s < 0;
  if (!fallback || !any_fallback || fallback->null_count() == fallback->length()) return Take(x, source);
  // Both sources in one array: fallback row i sits at x.length() + i.
  ArrayPtr both = Concatenate({x, fallback});
  for (int64_t i = 0; i < n; ++i) {
    if (source[i] < 0) source[i] = static_cast<int32_t>(x->length() + i);
  }
  return Take(both, source);
}

BoundWindowFunction Ranking(WindowFunctionFrame frame, DataTypePtr type, WindowKernel kernel) {
  BoundWindowFunction f;
  f.return_type = std::move(type);
  f.result_nullable = false;
  f.frame = frame;
  f.kernel = std::move(kernel);
  return f;
}

WindowFunction RankingFunction(const std::string& name, FunctionDoc doc, WindowFunctionFrame frame, DataTypePtr type,
                               WindowKernel kernel) {
  return {name, std::move(doc), [name, frame, type, kernel](std::vector<ExprPtr>& args) {
            // rank(b) is accepted as in Spark, which ranks by the window's ORDER BY anyway.
            if (name == "row_number" || name == "cume_dist") signature::CheckArgCount(name, args.size(), 0, 0);
            args.clear();
            return Ranking(frame, type, kernel);
          }};
}

ArrayPtr RowNumber(const WindowRows& w, const EvalContext&) {
  std::vector<int32_t> out(static_cast<size_t>(w.num_rows));
  for (int64_t i = 0; i < w.num_rows; ++i) out[i] = static_cast<int32_t>(i - w.partition_begin[i] + 1);
  return IntResult(out);
}

ArrayPtr Rank(const WindowRows& w, const EvalContext&) {
  std::vector<int32_t> out(static_cast<size_t>(w.num_rows));
  for (int64_t i = 0; i < w.num_rows; ++i) out[i] = static_cast<int32_t>(w.peer_begin[i] - w.partition_begin[i] + 1);
  return IntResult(out);
}

ArrayPtr DenseRank(const WindowRows& w, const EvalContext&) {
  std::vector<int32_t> out(static_cast<size_t>(w.num_rows));
  int32_t rank = 0;
  for (int64_t i = 0; i < w.num_rows; ++i) {
    if (i == w.partition_begin[i]) {
      rank = 1;
    } else if (i == w.peer_begin[i]) {
      ++rank;
    }
    out[i] = rank;
  }
  return IntResult(out);
}

ArrayPtr PercentRank(const WindowRows& w, const EvalContext&) {
  std::vector<double> out(static_cast<size_t>(w.num_rows));
  for (int64_t i = 0; i < w.num_rows; ++i) {
    const int64_t n = w.partition_end[i] - w.partition_begin[i];
    const int64_t rank = w.peer_begin[i] - w.partition_begin[i] + 1;
    out[i] = n > 1 ? static_cast<double>(rank - 1) / static_cast<double>(n - 1) : 0.0;
  }
  return DoubleResult(out);
}

ArrayPtr CumeDist(const WindowRows& w, const EvalContext&) {
  std::vector<double> out(static_cast<size_t>(w.num_rows));
  for (int64_t i = 0; i < w.num_rows; ++i) {
    const int64_t n = w.partition_end[i] - w.partition_begin[i];
    out[i] = static_cast<double>(w.peer_end[i] - w.partition_begin[i]) / static_cast<double>(n);
  }
  return DoubleResult(out);
}

// Spark's NTile: n rows make `buckets` buckets of n / buckets rows, the first
// n % buckets of them one row larger.
BoundWindowFunction BindNtile(std::vector<ExprPtr>& args) {
  signature::CheckArgCount("ntile", args.size(), 0, 1);
  if (args.empty()) args.push_back(Lit(Value(1), DataType::Int()));
  const int32_t buckets = ConstantInt("ntile", args, 0, "Buckets expression");
  if (buckets <= 0) ThrowTypeCheck("ntile", args, "Buckets expression must be positive, but got: " + std::to_string(buckets));
  return Ranking(WindowFunctionFrame::kRowsToCurrentRow, DataType::Int(), [buckets](const WindowRows& w, const EvalContext&) {
    std::vector<int32_t> out(static_cast<size_t>(w.num_rows));
    for (int64_t i = 0; i < w.num_rows; ++i) {
      const int64_t n = w.partition_end[i] - w.partition_begin[i];
      const int64_t row = i - w.partition_begin[i];
      const int64_t size = n / buckets, padded = n % buckets;
      const int64_t in_padded = padded * (size + 1);
      out[i] = static_cast<int32_t>(row < in_padded ? row / (size + 1) + 1 : padded + (row - in_padded) / size + 1);
    }
    return IntResult(out);
  });
}

// lag/lead(input[, offset[, default[, ignoreNulls]]]); `sign` is -1 for lag.
BoundWindowFunction BindOffset(const std::string& name, int sign, std::vector<ExprPtr>& args) {
  signature::CheckArgCount(name, args.size(), 1, 4);
  if (args.size() < 2) args.push_back(Lit(Value(1), DataType::Int()));
  if (args.size() < 3) args.push_back(LitNull());
  const DataTypePtr& type = args[0]->type;
  const int64_t offset = sign * static_cast<int64_t>(ConstantInt(name, args, 1, "Offset expression"));
  if (!TypeEquals(args[2]->type, type)) {
    if (!CanCast(*args[2]->type, *type)) signature::ThrowUnexpectedType(name, 2, QuotedSqlType(*type), args[2]->type);
    args[2] = ImplicitCast(args[2], type);
  }
  const bool ignore_nulls = args.size() > 3 && ConstantBool(name, args, 3);
  BoundWindowFunction f;
  f.return_type = type;
  f.frame = WindowFunctionFrame::kOffset;
  f.offset = offset;
  f.kernel = [offset, ignore_nulls](const WindowRows& w, const EvalContext&) {
    const ArrayPtr& x = w.args[0];
    std::vector<int32_t> source(static_cast<size_t>(w.num_rows), -1);
    if (!ignore_nulls || offset == 0) {
      for (int64_t i = 0; i < w.num_rows; ++i) {
        const int64_t t = i + offset;
        if (t >= w.partition_begin[i] && t < w.partition_end[i]) source[i] = static_cast<int32_t>(t);
      }
    } else {
      // The |offset|-th non-NULL row after (lead) or before (lag) the current row.
      const std::vector<int64_t> valid = NonNullRows(*x);
      const int64_t count = static_cast<int64_t>(valid.size());
      for (int64_t i = 0; i < w.num_rows; ++i) {
        int64_t k;
        if (offset > 0) {
          k = (std::upper_bound(valid.begin(), valid.end(), i) - valid.begin()) + offset - 1;
        } else {
          k = (std::lower_bound(valid.begin(), valid.end(), i) - valid.begin()) + offset;
        }
        if (k >= 0 && k < count && valid[k] >= w.partition_begin[i] && valid[k] < w.partition_end[i]) {
          source[i] = static_cast<int32_t>(valid[k]);
        }
      }
    }
    return Gather(x, std::move(source), w.args[2]);
  };
  return f;
}

// nth_value(input, offset[, ignoreNulls]): the offset-th row of the frame.
BoundWindowFunction BindNthValue(std::vector<ExprPtr>& args) {
  signature::CheckArgCount("nth_value", args.size(), 2, 3);
  const int64_t n = ConstantInt("nth_value", args, 1, "Offset expression");
  if (n <= 0) {
    ThrowTypeCheck("nth_value", args,
                   "The 'offset' argument of nth_value must be greater than zero but it is " + std::to_string(n));
  }
  const bool ignore_nulls = args.size() > 2 && ConstantBool("nth_value", args, 2);
  BoundWindowFunction f;
  f.return_type = args[0]->type;
  f.kernel = [n, ignore_nulls](const WindowRows& w, const EvalContext&) {
    const ArrayPtr& x = w.args[0];
    std::vector<int32_t> source(static_cast<size_t>(w.num_rows), -1);
    const std::vector<int64_t> valid = ignore_nulls ? NonNullRows(*x) : std::vector<int64_t>{};
    for (int64_t i = 0; i < w.num_rows; ++i) {
      const int64_t begin = w.frame_begin[i], end = w.frame_end[i];
      if (!ignore_nulls) {
        if (begin + n - 1 < end) source[i] = static_cast<int32_t>(begin + n - 1);
        continue;
      }
      const size_t k = static_cast<size_t>(std::lower_bound(valid.begin(), valid.end(), begin) - valid.begin() + n - 1);
      if (k < valid.size() && valid[k] < end) source[i] = static_cast<int32_t>(valid[k]);
    }
    return Take(x, source);
  };
  return f;
}

}  // namespace

void RegisterWindowFunctions(FunctionRegistry& r) {
  const char* const kExample = " OVER (PARTITION BY a ORDER BY b) FROM VALUES ('A1', 2), ('A1', 1), ('A2', 3), ('A1', 1) tab(a, b);";
  auto example = [&](const std::string& call, const std::string& result) {
    return "SELECT a, b, " + call + kExample + " -- " + result;
  };
  r.AddWindow(RankingFunction(
      "row_number",
      {"row_number() - Assigns a unique, sequential number to each row, starting with one, according to the ordering "
       "of rows within the window partition.",
       example("row_number()", "A1 1 1; A1 1 2; A1 2 3; A2 3 1")},
      WindowFunctionFrame::kRowsToCurrentRow, DataType::Int(), RowNumber));
  r.AddWindow(RankingFunction(
      "rank",
      {"rank() - Computes the rank of a value in a group of values. The result is one plus the number of rows "
       "preceding or equal to the current row in the ordering of the partition. The values will produce gaps in the "
       "sequence.",
       example("rank()", "A1 1 1; A1 1 1; A1 2 3; A2 3 1")},
      WindowFunctionFrame::kRowsToCurrentRow, DataType::Int(), Rank));
  r.AddWindow(RankingFunction(
      "dense_rank",
      {"dense_rank() - Computes the rank of a value in a group of values. The result is one plus the previously "
       "assigned rank value. Unlike the function rank, dense_rank will not produce gaps in the ranking sequence.",
       example("dense_rank()", "A1 1 1; A1 1 1; A1 2 2; A2 3 1")},
      WindowFunctionFrame::kRowsToCurrentRow, DataType::Int(), DenseRank));
  r.AddWindow(RankingFunction(
      "percent_rank",
      {"percent_rank() - Computes the percentage ranking of a value in a group of values: (rank - 1) / (rows in the "
       "partition - 1), 0 for a single row.",
       example("percent_rank()", "A1 1 0.0; A1 1 0.0; A1 2 1.0; A2 3 0.0")},
      WindowFunctionFrame::kRowsToCurrentRow, DataType::Double(), PercentRank));
  r.AddWindow(RankingFunction(
      "cume_dist",
      {"cume_dist() - Computes the position of a value relative to all values in the partition: the rows preceding "
       "or peer with the current row divided by the rows in the partition.",
       example("cume_dist()", "A1 1 0.6666666666666666; A1 1 0.6666666666666666; A1 2 1.0; A2 3 1.0")},
      WindowFunctionFrame::kRangeToCurrentRow, DataType::Double(), CumeDist));
  r.AddWindow({"ntile",
               {"ntile(n) - Divides the rows for each window partition into `n` buckets ranging from 1 to at most `n`.",
                example("ntile(2)", "A1 1 1; A1 1 1; A1 2 2; A2 3 1")},
               BindNtile});
  r.AddWindow({"lag",
               {"lag(input[, offset[, default[, ignoreNulls]]]) - Returns the value of `input` at the `offset`th row "
                "before the current row in the window. The default value of `offset` is 1 and the default value of "
                "`default` is null. If there is no such offset row (e.g., when the offset is 1, the first row of the "
                "window does not have any previous row), `default` is returned.",
                example("lag(b)", "A1 1 NULL; A1 1 1; A1 2 1; A2 3 NULL")},
               [](std::vector<ExprPtr>& args) { return BindOffset("lag", -1, args); }});
  r.AddWindow({"lead",
               {"lead(input[, offset[, default[, ignoreNulls]]]) - Returns the value of `input` at the `offset`th row "
                "after the current row in the window. The default value of `offset` is 1 and the default value of "
                "`default` is null. If there is no such offset row (e.g., when the offset is 1, the last row of the "
                "window does not have any subsequent row), `default` is returned.",
                example("lead(b)", "A1 1 1; A1 1 2; A1 2 NULL; A2 3 NULL")},
               [](std::vector<ExprPtr>& args) { return BindOffset("lead", 1, args); }});
  r.AddWindow({"nth_value",
               {"nth_value(input, offset[, ignoreNulls]) - Returns the value of `input` at the row that is the "
                "`offset`th row from beginning of the window frame. Offset starts at 1. If ignoreNulls is true, nulls "
                "are skipped when finding the `offset`th row. If there is no such row, null is returned.",
                example("nth_value(b, 2)", "A1 1 1; A1 1 1; A1 2 1; A2 3 NULL")},
               BindNthValue});
}

}  // namespace lakestream
