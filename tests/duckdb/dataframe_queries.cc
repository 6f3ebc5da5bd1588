#include "dataframe_queries.h"

#include "lakestream/functions.h"
#include "lakestream/window.h"

namespace lakestream::duckdb_compare {
namespace {

using namespace lakestream::functions;  // NOLINT: reads like Spark's functions._
using lakestream::expressions::Window;

// count(kStar) counts rows; count("*") would be ambiguous between the
// Column and the string overloads.
const std::string kStar = "*";

// String arguments to select/groupBy bind to Column's literal constructor, so
// every column is named through col().
Column Ts() { return col("pickup_ts"); }

std::vector<Query> BuildQueries() {
  std::vector<Query> q;
  auto add = [&q](std::string name, std::function<DataFrame(const Tables&)> build, bool count_action = false) {
    q.push_back(Query{std::move(name), std::move(build), count_action});
  };

  // ---- filter ----
  add("filter_range", [](const Tables& d) {
    return d.trips.filter(col("distance") > 25.0 && col("passenger_count") >= 2)
        .select(col("id"), col("vendor"), col("distance"));
  });
  add("filter_null_or", [](const Tables& d) {
    return d.trips.filter(col("passenger_count").isNull() || col("payment_type").isNull())
        .select(col("id"), col("passenger_count"), col("payment_type"));
  });
  add("filter_in_like_between", [](const Tables& d) {
    return d.trips
        .filter(col("payment_type").isin({"cash", "dispute"}) && col("vendor").like("C%") &&
                col("fare").between(10, 20))
        .select(col("id"), col("payment_type"), col("fare"));
  });
  add("filter_not_neq", [](const Tables& d) {
    return d.trips
        .filter(!(col("vendor") == "VTS") && col("zone_id") != 7 && col("id") % 10 == 3 &&
                Ts() >= lit("2023-12-01 00:00:00").cast("timestamp"))
        .select(col("id"), col("vendor"), col("zone_id"));
  });

  // ---- aggregate ----
  add("agg_global", [](const Tables& d) {
    return d.trips.agg({count(kStar).alias("n"), count(col("passenger_count")).alias("n_pc"),
                        sum(col("passenger_count")).alias("sum_pc"), avg(col("fare")).alias("avg_fare"),
                        min(col("distance")).alias("min_d"), max(col("distance")).alias("max_d"),
                        min(Ts()).alias("first_ts"), max(col("vendor")).alias("max_vendor")});
  });
  add("agg_by_vendor", [](const Tables& d) {
    return d.trips.groupBy(col("vendor"))
        .agg(count(kStar).alias("n"), sum(col("passenger_count")).alias("sum_pc"),
             avg(col("passenger_count")).alias("avg_pc"), avg(col("fare")).alias("avg_fare"),
             min(Ts()).alias("first_ts"), max(Ts()).alias("last_ts"));
  });
  add("agg_count_distinct", [](const Tables& d) {
    return d.trips.groupBy(col("payment_type"))
        .agg(count_distinct(col("zone_id")).alias("n_zones"),
             count_distinct(col("vendor"), {col("passenger_count")}).alias("n_vendor_pc"));
  });
  add("agg_stats", [](const Tables& d) {
    return d.trips.groupBy(col("vendor"), col("payment_type"))
        .agg(stddev(col("fare")).alias("sd_fare"), variance(col("distance")).alias("var_d"),
             stddev_pop(col("fare")).alias("sdp_fare"), var_pop(col("distance")).alias("varp_d"),
             stddev(col("passenger_count")).alias("sd_pc"));
  });
  add("agg_stats_single_row_groups", [](const Tables& d) {
    return d.edge_l.groupBy(col("k")).agg(count(kStar).alias("n"), stddev(col("v")).alias("sd"),
                                          variance(col("v")).alias("var"), var_pop(col("v")).alias("varp"));
  });
  add("agg_collect_set_size", [](const Tables& d) {
    return d.trips.groupBy(col("vendor"))
        .agg(size(collect_set(col("payment_type"))).alias("n_payment"),
             size(collect_set(col("passenger_count"))).alias("n_pc"));
  });
  // first() of values that depend only on the group key: the same whichever row comes first.
  add("agg_first_of_key", [](const Tables& d) {
    return d.trips.groupBy(col("zone_id"))
        .agg(first(col("zone_id") % 7).alias("z7"), first(upper(col("zone_id").cast("string"))).alias("zs"),
             count(kStar).alias("n"));
  });
  add("agg_having", [](const Tables& d) {
    return d.trips.groupBy(col("zone_id"))
        .agg(count(kStar).alias("n"), avg(col("fare")).alias("avg_fare"))
        .filter(col("n") > 200);
  });
  add("agg_by_year_month", [](const Tables& d) {
    return d.trips.groupBy(year(Ts()).alias("y"), month(Ts()).alias("m"))
        .agg(count(kStar).alias("n"), sum(col("fare")).alias("total_fare"));
  });
  add("agg_count_if_minmax", [](const Tables& d) {
    return d.trips.groupBy(col("passenger_count"))
        .agg(count_if(col("fare") > 50).alias("n_big"), min(col("payment_type")).alias("min_pt"),
             max(col("payment_type")).alias("max_pt"), sum(col("distance")).alias("total_d"));
  });

  // ---- join ----
  add("join_inner_agg", [](const Tables& d) {
    const DataFrame& t = d.trips;
    const DataFrame& z = d.zones;
    return t.join(z, t.col("zone_id") == z.col("zone_id"))
        .groupBy(z.col("borough"))
        .agg(count(kStar).alias("n"), sum(t.col("fare")).alias("total_fare"),
             count_distinct(z.col("zone_id")).alias("n_zones"));
  });
  add("join_left_agg", [](const Tables& d) {
    const DataFrame& t = d.trips;
    const DataFrame& z = d.zones;
    return t.join(z, t.col("zone_id") == z.col("zone_id"), "left")
        .groupBy(z.col("borough"))
        .agg(count(kStar).alias("n"), count(z.col("zone_id")).alias("n_matched"));
  });
  add("join_right_agg", [](const Tables& d) {
    const DataFrame& t = d.trips;
    const DataFrame& z = d.zones;
    return t.join(z, t.col("zone_id") == z.col("zone_id"), "right")
        .groupBy(z.col("zone_id"), z.col("zone_name"))
        .agg(count(t.col("id")).alias("n_trips"));
  });
  add("join_full_agg", [](const Tables& d) {
    const DataFrame a = d.trips.groupBy(col("zone_id")).agg(count(kStar).alias("n"));
    const DataFrame& z = d.zones;
    return a.join(z, a.col("zone_id") == z.col("zone_id"), "full")
        .select(a.col("zone_id").alias("tz"), z.col("zone_id").alias("zz"), z.col("borough"), a.col("n"));
  });
  add("join_using", [](const Tables& d) {
    return d.trips.join(d.zones, std::vector<std::string>{"zone_id"})
        .filter(col("fare") > 80)
        .select(col("id"), col("zone_id"), col("zone_name"));
  });
  add("join_left_semi", [](const Tables& d) {
    const DataFrame& z = d.zones;
    return z.join(d.trips, z.col("zone_id") == d.trips.col("zone_id"), "left_semi")
        .select(col("zone_id"), col("borough"));
  });
  add("join_left_anti", [](const Tables& d) {
    const DataFrame& z = d.zones;
    return z.join(d.trips, z.col("zone_id") == d.trips.col("zone_id"), "left_anti")
        .select(col("zone_id"), col("zone_name"));
  });
  add("join_left_anti_null_keys", [](const Tables& d) {
    const DataFrame& t = d.trips;
    return t.join(d.zones, t.col("zone_id") == d.zones.col("zone_id"), "left_anti")
        .groupBy(col("zone_id"))
        .agg(count(kStar).alias("n"));
  });
  add("join_edge_inner", [](const Tables& d) {
    const DataFrame& l = d.edge_l;
    const DataFrame& r = d.edge_r;
    return l.join(r, l.col("k") == r.col("k"))
        .select(l.col("id").alias("lid"), r.col("id").alias("rid"), l.col("k"), r.col("label"));
  });
  add("join_edge_left", [](const Tables& d) {
    const DataFrame& l = d.edge_l;
    const DataFrame& r = d.edge_r;
    return l.join(r, l.col("k") == r.col("k"), "left")
        .select(l.col("id").alias("lid"), r.col("id").alias("rid"), l.col("tag"), r.col("w"));
  });
  add("join_edge_right_extra_cond", [](const Tables& d) {
    const DataFrame& l = d.edge_l;
    const DataFrame& r = d.edge_r;
    return l.join(r, l.col("k") == r.col("k") && l.col("v") > 12, "right")
        .select(l.col("id").alias("lid"), r.col("id").alias("rid"));
  });
  add("join_edge_full", [](const Tables& d) {
    const DataFrame& l = d.edge_l;
    const DataFrame& r = d.edge_r;
    return l.join(r, l.col("k") == r.col("k"), "full")
        .select(l.col("id").alias("lid"), r.col("id").alias("rid"), l.col("k").alias("lk"),
                r.col("k").alias("rk"));
  });
  add("join_edge_null_safe", [](const Tables& d) {
    const DataFrame& l = d.edge_l;
    const DataFrame& r = d.edge_r;
    return l.join(r, l.col("k").eqNullSafe(r.col("k"))).select(l.col("id").alias("lid"), r.col("id").alias("rid"));
  });
  add("join_edge_semi", [](const Tables& d) {
    const DataFrame& l = d.edge_l;
    return l.join(d.edge_r, l.col("k") == d.edge_r.col("k"), "left_semi").select(col("id"), col("k"));
  });
  add("join_edge_anti", [](const Tables& d) {
    const DataFrame& l = d.edge_l;
    return l.join(d.edge_r, l.col("k") == d.edge_r.col("k"), "left_anti").select(col("id"), col("k"));
  });
  add("join_edge_non_equi", [](const Tables& d) {
    const DataFrame& l = d.edge_l;
    const DataFrame& r = d.edge_r;
    return l.join(r, l.col("k") < r.col("k") && l.col("v") > r.col("w"))
        .select(l.col("id").alias("lid"), r.col("id").alias("rid"));
  });
  add("join_edge_cross", [](const Tables& d) {
    const DataFrame& l = d.edge_l;
    const DataFrame& r = d.edge_r;
    return l.crossJoin(r).select(l.col("id").alias("lid"), r.col("id").alias("rid"), l.col("k").alias("lk"),
                                 r.col("k").alias("rk"));
  });

  // ---- sort ----
  add("sort_asc_default_nulls", [](const Tables& d) {
    return d.edge_l.select(col("id"), col("k"), col("tag")).orderBy(std::vector<std::string>{"k", "id"});
  });
  add("sort_desc_default_nulls", [](const Tables& d) {
    return d.edge_l.orderBy({col("k").desc(), desc("id")}).select(col("id"), col("k"), col("tag"));
  });
  add("sort_explicit_nulls", [](const Tables& d) {
    return d.edge_l.select(col("id"), col("k"), col("tag"))
        .orderBy({col("tag").asc_nulls_last(), col("k").desc_nulls_first(), col("id").asc()});
  });
  add("sort_strings_multi_key", [](const Tables& d) {
    return d.zones.select(col("borough"), col("zone_name"), col("zone_id"))
        .orderBy({col("borough"), col("zone_name").desc()});
  });
  add("topn_fare", [](const Tables& d) {
    return d.trips.orderBy({col("fare").desc(), col("id")}).limit(25).select(col("id"), col("fare"), col("vendor"));
  });
  add("topn_multi_key_nulls", [](const Tables& d) {
    return d.trips.select(col("id"), col("vendor"), col("passenger_count"), Ts())
        .orderBy({col("vendor"), col("passenger_count"), Ts().desc(), col("id")})
        .limit(40);
  });
  add("topn_offset", [](const Tables& d) {
    return d.trips.select(col("id"), col("distance")).orderBy({col("distance"), col("id").desc()}).offset(5).limit(10);
  });

  // ---- distinct, dropDuplicates, union ----
  add("distinct_pairs", [](const Tables& d) { return d.trips.select(col("vendor"), col("payment_type")).distinct(); });
  add("drop_duplicates_subset", [](const Tables& d) {
    return d.trips.dropDuplicates({"vendor", "passenger_count"}).select(col("vendor"), col("passenger_count"));
  });
  add("drop_duplicates_all_columns",
      [](const Tables& d) { return d.edge_l.select(col("k"), col("tag")).dropDuplicates(); });
  add("union_all", [](const Tables& d) {
    const DataFrame a = d.trips.filter(col("vendor") == "DDS" && col("fare") > 78).select(col("id"), col("fare"));
    const DataFrame b =
        d.trips.filter(col("passenger_count") == 6 && col("distance") > 29.5).select(col("id"), col("fare"));
    return a.unionAll(b);
  });
  add("union_distinct",
      [](const Tables& d) { return d.edge_l.select(col("k")).unionAll(d.edge_r.select(col("k"))).distinct(); });

  // ---- withColumn expressions ----
  add("with_arithmetic", [](const Tables& d) {
    return d.trips.filter(col("id") % 25 == 0)
        .withColumn("fare_per_mile", col("fare") / col("distance"))
        .withColumn("half_pc", col("passenger_count") / 2)
        .withColumn("id_mod", col("id") % 7)
        .withColumn("tip", col("fare") * 0.15 + 1)
        .withColumn("neg_d", -col("distance"))
        .withColumn("abs_d", abs(col("distance") - 10))
        .withColumn("sqrt_d", sqrt(col("distance")))
        .withColumn("floor_fare", floor(col("fare")))
        .withColumn("g", greatest({col("distance"), col("fare") / 10}))
        .withColumn("r", round(col("fare") / 3, 2))
        .select(col("id"), col("fare_per_mile"), col("half_pc"), col("id_mod"), col("tip"), col("neg_d"),
                col("abs_d"), col("sqrt_d"), col("floor_fare"), col("g"), col("r"));
  });
  add("with_case_when", [](const Tables& d) {
    return d.trips
        .withColumn("bucket",
                    when(col("distance") < 2, "short").when(col("distance") < 10, "medium").otherwise("long"))
        .withColumn("grp", when(col("passenger_count") > 4, "group"))
        .groupBy(col("bucket"), col("grp"))
        .agg(count(kStar).alias("n"), avg(col("fare")).alias("avg_fare"));
  });
  add("with_coalesce_nullif", [](const Tables& d) {
    return d.trips.withColumn("pc", coalesce({col("passenger_count"), lit(0)}))
        .withColumn("pt", coalesce({col("payment_type"), lit("none")}))
        .withColumn("v", nullif(col("vendor"), "CMT"))
        .groupBy(col("pc"), col("pt"), col("v"))
        .agg(count(kStar).alias("n"));
  });
  add("with_strings", [](const Tables& d) {
    const Column name = col("zone_name");
    const Column borough = col("borough");
    return d.zones.select(
        col("zone_id"), upper(name).alias("up"), lower(borough).alias("low"), length(name).alias("len"),
        substring(name, 1, 4).alias("sub"), concat({borough, lit(":"), name}).alias("cat"),
        concat_ws("/", {borough, name}).alias("cat_ws"), regexp_replace(name, "[0-9]", "#").alias("re"),
        name.contains(",").alias("has_comma"), lpad(col("zone_id").cast("string"), 4, "0").alias("padded"),
        trim(concat({lit("  "), borough, lit(" ")})).alias("trimmed"), borough.startswith("B").alias("b"));
  });
  add("with_string_nulls", [](const Tables& d) {
    const Column vendor = col("vendor");
    const Column payment = col("payment_type");
    return d.trips.filter(col("id") % 40 == 1 || payment.isNull())
        .select(col("id"), concat({vendor, lit("-"), payment}).alias("cat"),
                concat_ws("-", {vendor, payment}).alias("cat_ws"), upper(payment).alias("up"),
                length(payment).alias("len"));
  });
  add("with_dates", [](const Tables& d) {
    return d.trips.filter(col("id") % 100 == 0)
        .select(col("id"), date_trunc("month", Ts()).alias("month_start"),
                date_trunc("hour", Ts()).alias("hour_start"), year(Ts()).alias("y"), month(Ts()).alias("m"),
                dayofmonth(Ts()).alias("d"), hour(Ts()).alias("h"), dayofweek(Ts()).alias("dow"),
                to_date(Ts()).alias("day"));
  });
  add("with_date_trunc_agg", [](const Tables& d) {
    return d.trips.groupBy(date_trunc("month", Ts()).alias("month_start"))
        .agg(count(kStar).alias("n"), sum(col("distance")).alias("total_d"));
  });
  add("with_casts", [](const Tables& d) {
    return d.trips.filter(col("id") % 50 == 0)
        .select(col("id"), col("fare").cast("int").alias("fare_int"), col("zone_id").cast("bigint").alias("zone_long"),
                col("passenger_count").cast("double").alias("pc_double"),
                col("zone_id").cast("string").alias("zone_str"));
  });

  // ---- window functions (ORDER BY ends with id wherever ties would make the result arbitrary) ----
  add("win_rank_ties", [](const Tables& d) {
    auto by_pc = Window::partitionBy("vendor").orderBy(col("passenger_count"));
    return d.trips.select(col("id"), rank().over(by_pc).alias("rk"), dense_rank().over(by_pc).alias("drk"),
                          row_number().over(Window::partitionBy("vendor").orderBy(col("passenger_count"), col("id")))
                              .alias("rn"));
  });
  add("win_percent_rank_cume_dist", [](const Tables& d) {
    auto w = Window::partitionBy("zone_id").orderBy(col("fare").desc());
    return d.trips.select(col("id"), percent_rank().over(w).alias("pr"), cume_dist().over(w).alias("cd"));
  });
  add("win_ntile", [](const Tables& d) {
    auto w = Window::partitionBy("payment_type").orderBy(col("fare"), col("id"));
    return d.trips.select(col("id"), ntile(4).over(w).alias("quartile"), ntile(7).over(w).alias("septile"));
  });
  add("win_lag_lead_defaults", [](const Tables& d) {
    auto w = Window::partitionBy("vendor").orderBy(Ts(), col("id"));
    return d.trips.select(col("id"), lag(col("fare")).over(w).alias("prev_fare"),
                          lag(col("fare"), 2, lit(0.0)).over(w).alias("prev2_fare"),
                          lead(col("distance"), 1, lit(-1.0)).over(w).alias("next_d"),
                          lead(col("passenger_count"), 3).over(w).alias("pc_3_ahead"));
  });
  add("win_running_sums", [](const Tables& d) {
    auto by_time = Window::partitionBy("zone_id").orderBy(Ts(), col("id"));
    auto by_pc = Window::partitionBy("vendor").orderBy(col("passenger_count"));
    return d.trips.select(col("id"), sum(col("fare")).over(by_time).alias("running_fare"),
                          count(kStar).over(by_time).alias("running_n"),
                          sum(col("passenger_count")).over(by_pc).alias("pc_with_peers"));
  });
  add("win_rows_sliding", [](const Tables& d) {
    auto w = Window::partitionBy("vendor").orderBy(Ts(), col("id")).rowsBetween(-2, 2);
    return d.trips.select(col("id"), avg(col("fare")).over(w).alias("avg_fare"),
                          min(col("distance")).over(w).alias("min_d"), max(col("distance")).over(w).alias("max_d"),
                          count(col("passenger_count")).over(w).alias("n_pc"), stddev(col("fare")).over(w).alias("sd_fare"));
  });
  add("win_rows_ahead_and_to_end", [](const Tables& d) {
    auto w = Window::partitionBy("payment_type").orderBy(col("fare"), col("id"));
    return d.trips.select(col("id"), sum(col("passenger_count")).over(w.rowsBetween(1, 3)).alias("pc_next3"),
                          count(kStar).over(w.rowsBetween(Window::currentRow, Window::unboundedFollowing)).alias("n_rest"),
                          min(col("payment_type")).over(w.rowsBetween(-1, -1)).alias("prev_pt"));
  });
  add("win_range_offsets", [](const Tables& d) {
    auto w = Window::partitionBy("vendor").orderBy(col("zone_id")).rangeBetween(-5, 5);
    return d.trips.filter(col("zone_id").isNotNull())
        .select(col("id"), count(kStar).over(w).alias("n_near"), sum(col("fare")).over(w).alias("fare_near"),
                max(col("zone_id")).over(Window::partitionBy("vendor").orderBy(col("zone_id").desc()).rangeBetween(-3, 0))
                    .alias("max_above"));
  });
  add("win_range_days", [](const Tables& d) {
    auto w = Window::partitionBy("vendor").orderBy(to_date(Ts())).rangeBetween(-3, 0);
    return d.trips.select(col("id"), count(kStar).over(w).alias("n_4_days"));
  });
  add("win_range_null_keys", [](const Tables& d) {
    return d.edge_l.select(
        col("id"), sum(col("v")).over(Window::orderBy(col("k")).rangeBetween(-1, 1)).alias("v_near"),
        count(kStar).over(Window::orderBy(col("k").desc_nulls_first()).rangeBetween(-2, 0)).alias("n_above"));
  });
  add("win_null_partition_keys", [](const Tables& d) {
    auto w = Window::partitionBy("k").orderBy(col("v"), col("id"));
    return d.edge_l.select(col("id"), row_number().over(w).alias("rn"),
                           sum(col("v")).over(Window::partitionBy("k")).alias("k_total"),
                           count(kStar).over(Window::partitionBy("tag")).alias("tag_n"), lag(col("tag")).over(w).alias("prev_tag"));
  });
  add("win_first_last_nth", [](const Tables& d) {
    auto w = Window::partitionBy("zone_id").orderBy(Ts(), col("id"));
    auto whole = w.rowsBetween(Window::unboundedPreceding, Window::unboundedFollowing);
    return d.trips.filter(col("zone_id") < 40)
        .select(col("id"), first_value(col("payment_type")).over(w).alias("first_pt"),
                last_value(col("payment_type")).over(w).alias("last_pt"),
                first_value(col("passenger_count"), true).over(whole).alias("first_pc"),
                last_value(col("passenger_count"), true).over(whole).alias("last_pc"),
                nth_value(col("fare"), 3).over(whole).alias("third_fare"));
  });
  add("win_global_order", [](const Tables& d) {
    auto w = Window::orderBy(col("fare").desc());
    return d.trips.select(col("id"), rank().over(w).alias("fare_rank"), percent_rank().over(w).alias("pr"),
                          avg(col("fare")).over().alias("avg_all"));
  });
  add("win_over_aggregate", [](const Tables& d) {
    return d.trips.groupBy(col("vendor"), col("payment_type"))
        .agg(sum(col("fare")).alias("total"), sum(sum(col("fare"))).over(Window::partitionBy("vendor")).alias("vendor_total"),
             rank().over(Window::partitionBy("vendor").orderBy(count(kStar).desc())).alias("rank_by_n"))
        .withColumn("share_rank", dense_rank().over(Window::partitionBy("vendor").orderBy(col("total").desc())));
  });
  add("win_qualify_top2", [](const Tables& d) {
    auto w = Window::partitionBy("zone_id").orderBy(col("fare").desc(), col("id"));
    // Spark rejects windows in filter(): the window becomes a column first.
    return d.trips.select(col("id"), col("zone_id"), col("fare"))
        .withColumn("rn", row_number().over(w))
        .filter(col("rn") <= 2)
        .drop("rn");
  });
  add("win_partition_aggregates", [](const Tables& d) {
    auto by_pt = Window::partitionBy("payment_type");
    return d.trips.select(col("id"), avg(col("fare")).over(by_pt).alias("avg_pt"), count(kStar).over().alias("n_all"),
                          max(Ts()).over(Window::partitionBy("vendor")).alias("last_ts"),
                          (col("fare") - avg(col("fare")).over(by_pt)).alias("fare_dev"));
  });

  // ---- unpivot: INT, DOUBLE and INT widen to DOUBLE; NULLs kept (DuckDB: INCLUDE NULLS) ----
  add("unpivot_measures", [](const Tables& d) {
    return d.trips.unpivot({col("id")}, {col("passenger_count"), col("distance"), col("zone_id")}, "measure", "value");
  });
  add("unpivot_strings_melt", [](const Tables& d) {
    return d.trips.filter(col("id") % 7 == 0)
        .select(col("id"), col("zone_id"), col("vendor"), col("payment_type"))
        .melt({col("id"), col("zone_id")}, "attribute", "text")
        .filter(col("text").isNotNull());
  });

  // ---- actions other than collect ----
  add("action_count", [](const Tables& d) {
    return d.trips.filter(col("payment_type") == "card" && col("distance") < 3);
  }, /*count_action=*/true);
  return q;
}

}  // namespace

const std::vector<Query>& DataFrameQueries() {
  static const std::vector<Query> queries = BuildQueries();
  return queries;
}

}  // namespace lakestream::duckdb_compare
