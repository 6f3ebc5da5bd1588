#include "lakestream/functions.h"

#include "expr/expression.h"
#include "lakestream/error.h"

namespace lakestream::functions {

namespace {
std::vector<ExprPtr> Exprs(const std::vector<Column>& cols) {
  std::vector<ExprPtr> out;
  for (const auto& c : cols) out.push_back(c.expr());
  return out;
}
Column Fn(const char* name, const std::vector<Column>& args) { return Column(Call(name, Exprs(args))); }
Column Agg(const char* name, const std::vector<Column>& args, bool distinct = false) {
  return Column(Aggregate(name, Exprs(args), distinct));
}
std::vector<Column> Prepend(const Column& c, const std::vector<Column>& more) {
  std::vector<Column> all{c};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}
}  // namespace

Column col(const std::string& name) {
  if (name == "*") return Column(Star());
  if (name.size() > 2 && name.compare(name.size() - 2, 2, ".*") == 0) return Column(Star({name.substr(0, name.size() - 2)}));
  return Column(Col(name));
}
Column column(const std::string& name) { return col(name); }
Column lit(const Value& value) { return Column(value); }
Column typedLit(const Value& value, const std::string& type) { return Column(Lit(value, DataType::Parse(type))); }
Column call_function(const std::string& name, const std::vector<Column>& args) {
  return Column(Call(name, Exprs(args)));
}
Column when(const Column& condition, const Column& value) {
  return Column(CaseWhen({condition.expr(), value.expr()}, nullptr));
}

Column count(const Column& c) {
  // count(*) counts rows: Spark names it count(1).
  if (c.expr()->kind == ExprKind::kStar) return Agg("count", {Column(1)});
  return Agg("count", {c});
}
Column count(const std::string& name) { return count(col(name)); }
Column count_distinct(const Column& c, const std::vector<Column>& more) { return Agg("count", Prepend(c, more), true); }
Column countDistinct(const Column& c, const std::vector<Column>& more) { return count_distinct(c, more); }
Column sum(const Column& c) { return Agg("sum", {c}); }
Column sum_distinct(const Column& c) { return Agg("sum", {c}, true); }
Column avg(const Column& c) { return Agg("avg", {c}); }
Column mean(const Column& c) { return Agg("avg", {c}); }
Column min(const Column& c) { return Agg("min", {c}); }
Column max(const Column& c) { return Agg("max", {c}); }
Column first(const Column& c, bool ignore_nulls) { return ignore_nulls ? Agg("first", {c, Column(true)}) : Agg("first", {c}); }
Column last(const Column& c, bool ignore_nulls) { return ignore_nulls ? Agg("last", {c, Column(true)}) : Agg("last", {c}); }
Column collect_list(const Column& c) { return Agg("collect_list", {c}); }
Column collect_set(const Column& c) { return Agg("collect_set", {c}); }
Column stddev(const Column& c) { return Agg("stddev", {c}); }
Column stddev_samp(const Column& c) { return Agg("stddev_samp", {c}); }
Column stddev_pop(const Column& c) { return Agg("stddev_pop", {c}); }
Column variance(const Column& c) { return Agg("variance", {c}); }
Column var_samp(const Column& c) { return Agg("var_samp", {c}); }
Column var_pop(const Column& c) { return Agg("var_pop", {c}); }
Column count_if(const Column& c) { return Agg("count_if", {c}); }
Column any_value(const Column& c) { return Agg("any_value", {c}); }

Column row_number() { return Fn("row_number", {}); }
Column rank() { return Fn("rank", {}); }
Column dense_rank() { return Fn("dense_rank", {}); }
Column percent_rank() { return Fn("percent_rank", {}); }
Column cume_dist() { return Fn("cume_dist", {}); }
Column ntile(int n) { return Fn("ntile", {Column(n)}); }
Column lag(const Column& c, int offset, const Column& default_value, bool ignore_nulls) {
  if (ignore_nulls) return Fn("lag", {c, Column(offset), default_value, Column(true)});
  return Fn("lag", {c, Column(offset), default_value});
}
Column lead(const Column& c, int offset, const Column& default_value, bool ignore_nulls) {
  if (ignore_nulls) return Fn("lead", {c, Column(offset), default_value, Column(true)});
  return Fn("lead", {c, Column(offset), default_value});
}
Column first_value(const Column& c, bool ignore_nulls) {
  return ignore_nulls ? Agg("first_value", {c, Column(true)}) : Agg("first_value", {c});
}
Column last_value(const Column& c, bool ignore_nulls) {
  return ignore_nulls ? Agg("last_value", {c, Column(true)}) : Agg("last_value", {c});
}
Column nth_value(const Column& c, int n, bool ignore_nulls) {
  return ignore_nulls ? Fn("nth_value", {c, Column(n), Column(true)}) : Fn("nth_value", {c, Column(n)});
}

Column coalesce(const std::vector<Column>& cols) { return Fn("coalesce", cols); }
Column nullif(const Column& a, const Column& b) { return Fn("nullif", {a, b}); }
Column nvl(const Column& a, const Column& b) { return Fn("nvl", {a, b}); }
Column isnull(const Column& c) { return Fn("isnull", {c}); }
Column greatest(const std::vector<Column>& cols) { return Fn("greatest", cols); }
Column least(const std::vector<Column>& cols) { return Fn("least", cols); }

Column upper(const Column& c) { return Fn("upper", {c}); }
Column lower(const Column& c) { return Fn("lower", {c}); }
Column length(const Column& c) { return Fn("length", {c}); }
Column trim(const Column& c) { return Fn("trim", {c}); }
Column ltrim(const Column& c) { return Fn("ltrim", {c}); }
Column rtrim(const Column& c) { return Fn("rtrim", {c}); }
Column concat(const std::vector<Column>& cols) { return Fn("concat", cols); }
Column concat_ws(const std::string& sep, const std::vector<Column>& cols) { return Fn("concat_ws", Prepend(Column(sep), cols)); }
Column substring(const Column& c, int pos, int len) { return Fn("substring", {c, pos, len}); }
Column regexp_replace(const Column& c, const std::string& pattern, const std::string& replacement) {
  return Fn("regexp_replace", {c, pattern, replacement});
}
Column regexp_extract(const Column& c, const std::string& pattern, int idx) { return Fn("regexp_extract", {c, pattern, idx}); }
Column split(const Column& c, const std::string& pattern) { return Fn("split", {c, pattern}); }
Column initcap(const Column& c) { return Fn("initcap", {c}); }
Column lpad(const Column& c, int len, const std::string& pad) { return Fn("lpad", {c, len, pad}); }
Column rpad(const Column& c, int len, const std::string& pad) { return Fn("rpad", {c, len, pad}); }

Column abs(const Column& c) { return Fn("abs", {c}); }
Column round(const Column& c, int scale) { return Fn("round", {c, scale}); }
Column floor(const Column& c) { return Fn("floor", {c}); }
Column ceil(const Column& c) { return Fn("ceil", {c}); }
Column sqrt(const Column& c) { return Fn("sqrt", {c}); }
Column pow(const Column& a, const Column& b) { return Fn("pow", {a, b}); }
Column exp(const Column& c) { return Fn("exp", {c}); }
Column log(const Column& c) { return Fn("ln", {c}); }

Column current_date() { return Fn("current_date", {}); }
Column current_timestamp() { return Fn("current_timestamp", {}); }
Column to_date(const Column& c, const std::string& format) {
  return format.empty() ? Fn("to_date", {c}) : Fn("to_date", {c, format});
}
Column to_timestamp(const Column& c, const std::string& format) {
  return format.empty() ? Fn("to_timestamp", {c}) : Fn("to_timestamp", {c, format});
}
Column date_format(const Column& c, const std::string& format) { return Fn("date_format", {c, format}); }
Column date_trunc(const std::string& unit, const Column& c) { return Fn("date_trunc", {unit, c}); }
Column unix_timestamp(const Column& c, const std::string& format) {
  return format.empty() ? Fn("unix_timestamp", {c}) : Fn("unix_timestamp", {c, format});
}
Column from_unixtime(const Column& c, const std::string& format) { return Fn("from_unixtime", {c, format}); }
Column year(const Column& c) { return Fn("year", {c}); }
Column month(const Column& c) { return Fn("month", {c}); }
Column dayofmonth(const Column& c) { return Fn("dayofmonth", {c}); }
Column dayofweek(const Column& c) { return Fn("dayofweek", {c}); }
Column hour(const Column& c) { return Fn("hour", {c}); }
Column minute(const Column& c) { return Fn("minute", {c}); }
Column second(const Column& c) { return Fn("second", {c}); }
Column date_add(const Column& c, int days) { return Fn("date_add", {c, days}); }
Column date_sub(const Column& c, int days) { return Fn("date_sub", {c, days}); }
Column datediff(const Column& end, const Column& start) { return Fn("datediff", {end, start}); }

Column hash(const std::vector<Column>& cols) { return Fn("hash", cols); }
Column xxhash64(const std::vector<Column>& cols) { return Fn("xxhash64", cols); }
Column md5(const Column& c) { return Fn("md5", {c}); }
Column sha2(const Column& c, int bits) { return Fn("sha2", {c, bits}); }

Column array(const std::vector<Column>& cols) { return Fn("array", cols); }
Column struct_(const std::vector<Column>& cols) { return Fn("struct", cols); }
Column create_map(const std::vector<Column>& cols) { return Fn("map", cols); }
Column size(const Column& c) { return Fn("size", {c}); }
Column array_contains(const Column& c, const Column& value) { return Fn("array_contains", {c, value}); }
Column element_at(const Column& c, const Column& key) { return Fn("element_at", {c, key}); }
Column explode(const Column& c) { return Column(Generator("explode", c.expr())); }
Column explode_outer(const Column& c) { return Column(Generator("explode_outer", c.expr())); }
Column posexplode(const Column& c) { return Column(Generator("posexplode", c.expr())); }

Column asc(const std::string& name) { return col(name).asc(); }
Column desc(const std::string& name) { return col(name).desc(); }

}  // namespace lakestream::functions
