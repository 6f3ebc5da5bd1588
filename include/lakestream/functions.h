// Spark's org.apache.spark.sql.functions for C++: `using namespace lakestream::functions;`.
// Every built-in function is reachable through call_function(name, args); the
// most used ones also have a named wrapper here.
#pragma once

#include <string>
#include <vector>

#include "lakestream/column.h"

namespace lakestream::functions {

Column col(const std::string& name);
Column column(const std::string& name);
Column lit(const Value& value);
// A SQL expression, e.g. expr("price * (1 - discount) AS net").
Column expr(const std::string& sql);
// A typed NULL or typed literal: lit(Value(), "int").
Column typedLit(const Value& value, const std::string& type);
// Any registered function by Spark's name (scalar or aggregate).
Column call_function(const std::string& name, const std::vector<Column>& args);
// CASE WHEN condition THEN value [...] — continue with .when(...).otherwise(...).
Column when(const Column& condition, const Column& value);

// Aggregates.
Column count(const Column& c);
Column count(const std::string& name);  // count("*") counts rows
Column count_distinct(const Column& c, const std::vector<Column>& more = {});
Column countDistinct(const Column& c, const std::vector<Column>& more = {});
Column sum(const Column& c);
Column sum_distinct(const Column& c);
Column avg(const Column& c);
Column mean(const Column& c);
Column min(const Column& c);
Column max(const Column& c);
Column first(const Column& c, bool ignore_nulls = false);
Column last(const Column& c, bool ignore_nulls = false);
Column collect_list(const Column& c);
Column collect_set(const Column& c);
Column stddev(const Column& c);
Column stddev_samp(const Column& c);
Column stddev_pop(const Column& c);
Column variance(const Column& c);
Column var_samp(const Column& c);
Column var_pop(const Column& c);
Column count_if(const Column& c);
Column any_value(const Column& c);

// Window functions, evaluated with .over(window) (window.h):
// rank().over(Window::partitionBy("dept").orderBy(col("salary").desc())).
// Ranks and buckets are INT, percent_rank and cume_dist DOUBLE; all but
// first_value/last_value need an ordered window.
Column row_number();
Column rank();
Column dense_rank();
Column percent_rank();
Column cume_dist();
Column ntile(int n);
// The value `offset` rows before (lag) or after (lead) the current row in its
// partition, or `default_value` where there is no such row.
Column lag(const Column& c, int offset = 1, const Column& default_value = Column(Value()), bool ignore_nulls = false);
Column lead(const Column& c, int offset = 1, const Column& default_value = Column(Value()), bool ignore_nulls = false);
// The first, last and n-th (from 1) value of the frame.
Column first_value(const Column& c, bool ignore_nulls = false);
Column last_value(const Column& c, bool ignore_nulls = false);
Column nth_value(const Column& c, int n, bool ignore_nulls = false);

// Conditional and null handling.
Column coalesce(const std::vector<Column>& cols);
Column nullif(const Column& a, const Column& b);
Column nvl(const Column& a, const Column& b);
Column isnull(const Column& c);
Column greatest(const std::vector<Column>& cols);
Column least(const std::vector<Column>& cols);

// Strings.
Column upper(const Column& c);
Column lower(const Column& c);
Column length(const Column& c);
Column trim(const Column& c);
Column ltrim(const Column& c);
Column rtrim(const Column& c);
Column concat(const std::vector<Column>& cols);
Column concat_ws(const std::string& sep, const std::vector<Column>& cols);
Column substring(const Column& c, int pos, int len);
Column regexp_replace(const Column& c, const std::string& pattern, const std::string& replacement);
Column regexp_extract(const Column& c, const std::string& pattern, int idx);
Column split(const Column& c, const std::string& pattern);
Column initcap(const Column& c);
Column lpad(const Column& c, int len, const std::string& pad);
Column rpad(const Column& c, int len, const std::string& pad);

// Math.
Column abs(const Column& c);
Column round(const Column& c, int scale = 0);
Column floor(const Column& c);
Column ceil(const Column& c);
Column sqrt(const Column& c);
Column pow(const Column& a, const Column& b);
Column exp(const Column& c);
Column log(const Column& c);

// Date and time.
Column current_date();
Column current_timestamp();
Column to_date(const Column& c, const std::string& format = "");
Column to_timestamp(const Column& c, const std::string& format = "");
Column date_format(const Column& c, const std::string& format);
Column date_trunc(const std::string& unit, const Column& c);
Column unix_timestamp(const Column& c, const std::string& format = "");
Column from_unixtime(const Column& c, const std::string& format = "yyyy-MM-dd HH:mm:ss");
Column year(const Column& c);
Column month(const Column& c);
Column dayofmonth(const Column& c);
Column dayofweek(const Column& c);
Column hour(const Column& c);
Column minute(const Column& c);
Column second(const Column& c);
Column date_add(const Column& c, int days);
Column date_sub(const Column& c, int days);
Column datediff(const Column& end, const Column& start);

// Hashing.
Column hash(const std::vector<Column>& cols);
Column xxhash64(const std::vector<Column>& cols);
Column md5(const Column& c);
Column sha2(const Column& c, int bits);

// Collections and generators.
Column array(const std::vector<Column>& cols);
Column struct_(const std::vector<Column>& cols);
Column create_map(const std::vector<Column>& cols);
Column size(const Column& c);
Column array_contains(const Column& c, const Column& value);
Column element_at(const Column& c, const Column& key);
Column explode(const Column& c);
Column explode_outer(const Column& c);
Column posexplode(const Column& c);

// Sort orders by name.
Column asc(const std::string& name);
Column desc(const std::string& name);

}  // namespace lakestream::functions
