// DataFrame actions: the calls that plan and run a query.
#include <cstdio>
#include <iostream>

#include "api/session_state.h"
#include "api/table_formatter.h"
#include "columnar/arrow_c_data.h"
#include "expr/cast.h"
#include "lakestream/dataframe.h"

#include "plan/optimizer.h"
#include "lakestream/error.h"
#include "lakestream/functions.h"
#include "plan/logical_plan.h"
#include "plan/optimizer.h"

namespace lakestream {

namespace {

std::string CellText(const Value& v, const DataType& type, const EvalContext& ctx) {
  if (v.is_null()) return "NULL";
  if (type.id() == TypeId::kBinary) {
    // Spark shows binary as upper-case hex bytes in brackets.
    static const char* kHex = "0123456789ABCDEF";
    std::string s = "[";
    for (size_t i = 0; i < v.as_string().size(); ++i) {
      unsigned char c = static_cast<unsigned char>(v.as_string()[i]);
      if (i) s += ' ';
      s += kHex[c >> 4];
      s += kHex[c & 15];
    }
    return s + "]";
  }
  return ValueToString(v, type, ctx);
}

}  // namespace

std::vector<Row> DataFrame::collect() const { return BatchesToRows(session_->Execute(Analyzed())); }

std::vector<Row> DataFrame::take(int64_t n) const { return limit(n).collect(); }

Row DataFrame::first() const {
  auto rows = take(1);
  if (rows.empty()) throw UserError("NO_ROWS", "22000", "first() was called on an empty DataFrame.");
  return rows[0];
}

int64_t DataFrame::count() const {
  auto rows = agg({functions::count(functions::lit(1))}).collect();
  return rows.at(0)[0].as_int();
}

std::string DataFrame::showString(int n, int truncate, bool vertical) const {
  if (n < 0) n = 0;
  auto rows = limit(static_cast<int64_t>(n) + 1).collect();
  bool more = rows.size() > static_cast<size_t>(n);
  if (more) rows.resize(n);
  const Schema& s = schema();
  QueryContext ctx = session_->MakeQueryContext();
  std::vector<std::vector<std::string>> cells;
  cells.push_back(s.FieldNames());
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (size_t c = 0; c < s.num_fields(); ++c) line.push_back(CellText(row[c], *s.field(c).type, ctx.eval));
    cells.push_back(std::move(line));
  }
  std::string out = vertical ? FormatVertical(cells, truncate) : FormatTable(cells, truncate);
  if (more) out += "only showing top " + std::to_string(n) + " row" + (n == 1 ? "" : "s") + "\n";
  return out;
}

void DataFrame::show(int n, int truncate, bool vertical) const {
  std::cout << showString(n, truncate, vertical) << std::flush;
}

void DataFrame::toArrow(ArrowSchema* out_schema, ArrowArray* out_array) const {
  auto batches = session_->Execute(Analyzed());
  SchemaPtr schema = Analyzed()->schema;
  auto batch = ConcatenateBatches(schema, batches);
  ExportSchema(*schema, out_schema);
  ExportRecordBatch(batch, out_array);
}

std::string DataFrame::explainString(bool extended) const {
  std::string out;
  if (extended) {
    out += "== Parsed Logical Plan ==\n" + plan_->TreeString() + "\n";
    out += "== Analyzed Logical Plan ==\n" + Analyzed()->TreeString() + "\n";
    out += "== Optimized Logical Plan ==\n" + Optimize(Analyzed(), session_->MakeQueryContext().eval)->TreeString() + "\n";
  }
  out += "== Physical Plan ==\n" + session_->ExplainPhysical(Analyzed());
  if (out.back() != '\n') out += "\n";
  return out;
}

void DataFrame::explain(bool extended) const { std::cout << explainString(extended) << std::flush; }

void DataFrame::printSchema() const { std::cout << schema().TreeString() << std::flush; }

}  // namespace lakestream
