// The DuckDB side of the comparison: one entry per query, keyed by the same
// name as the DataFrame builder in dataframe_queries.cc (compare.mjs checks
// that both sides list the same names).
//
// `ordered: true` only where ORDER BY is a total order (a unique column ends
// the key); every other result is compared as a multiset.
//
// The SQL mirrors Spark's ANSI semantics, not DuckDB's defaults: explicit
// NULLS FIRST/LAST (Spark: first ascending, last descending), `||` for concat
// (NULL in, NULL out), trunc before CAST(double AS INT) (Spark truncates),
// floor() cast to BIGINT, dayofweek + 1 (Spark: Sunday = 1), regexp_replace
// with 'g' (Spark replaces every match).
export const QUERIES = [
  // ---- filter ----
  { name: 'filter_range', sql: `
    SELECT id, vendor, distance FROM trips WHERE distance > 25.0 AND passenger_count >= 2` },
  { name: 'filter_null_or', sql: `
    SELECT id, passenger_count, payment_type FROM trips
    WHERE passenger_count IS NULL OR payment_type IS NULL` },
  { name: 'filter_in_like_between', sql: `
    SELECT id, payment_type, fare FROM trips
    WHERE payment_type IN ('cash', 'dispute') AND vendor LIKE 'C%' AND fare BETWEEN 10 AND 20` },
  { name: 'filter_not_neq', sql: `
    SELECT id, vendor, zone_id FROM trips
    WHERE NOT (vendor = 'VTS') AND zone_id <> 7 AND id % 10 = 3 AND pickup_ts >= TIMESTAMP '2023-12-01 00:00:00'` },

  // ---- aggregate ----
  { name: 'agg_global', sql: `
    SELECT count(*) AS n, count(passenger_count) AS n_pc, sum(passenger_count) AS sum_pc,
           avg(fare) AS avg_fare, min(distance) AS min_d, max(distance) AS max_d,
           min(pickup_ts) AS first_ts, max(vendor) AS max_vendor
    FROM trips` },
  { name: 'agg_by_vendor', sql: `
    SELECT vendor, count(*) AS n, sum(passenger_count) AS sum_pc, avg(passenger_count) AS avg_pc,
           avg(fare) AS avg_fare, min(pickup_ts) AS first_ts, max(pickup_ts) AS last_ts
    FROM trips GROUP BY vendor` },
  { name: 'agg_count_distinct', sql: `
    SELECT payment_type, count(DISTINCT zone_id) AS n_zones,
           count(DISTINCT vendor || '|' || CAST(passenger_count AS VARCHAR)) AS n_vendor_pc
    FROM trips GROUP BY payment_type` },
  { name: 'agg_stats', sql: `
    SELECT vendor, payment_type, stddev_samp(fare) AS sd_fare, var_samp(distance) AS var_d,
           stddev_pop(fare) AS sdp_fare, var_pop(distance) AS varp_d,
           stddev_samp(passenger_count) AS sd_pc
    FROM trips GROUP BY vendor, payment_type` },
  { name: 'agg_stats_single_row_groups', sql: `
    SELECT k, count(*) AS n, stddev_samp(v) AS sd, var_samp(v) AS var, var_pop(v) AS varp
    FROM edge_l GROUP BY k` },
  { name: 'agg_collect_set_size', sql: `
    SELECT vendor, len(list_distinct(list(payment_type))) AS n_payment,
           len(list_distinct(list(passenger_count))) AS n_pc
    FROM trips GROUP BY vendor` },
  { name: 'agg_first_of_key', sql: `
    SELECT zone_id, first(zone_id % 7) AS z7, first(upper(CAST(zone_id AS VARCHAR))) AS zs, count(*) AS n
    FROM trips GROUP BY zone_id` },
  { name: 'agg_having', sql: `
    SELECT zone_id, count(*) AS n, avg(fare) AS avg_fare
    FROM trips GROUP BY zone_id HAVING count(*) > 200` },
  { name: 'agg_by_year_month', sql: `
    SELECT year(pickup_ts) AS y, month(pickup_ts) AS m, count(*) AS n, sum(fare) AS total_fare
    FROM trips GROUP BY year(pickup_ts), month(pickup_ts)` },
  { name: 'agg_count_if_minmax', sql: `
    SELECT passenger_count, count_if(fare > 50) AS n_big, min(payment_type) AS min_pt,
           max(payment_type) AS max_pt, sum(distance) AS total_d
    FROM trips GROUP BY passenger_count` },

  // ---- join ----
  { name: 'join_inner_agg', sql: `
    SELECT z.borough, count(*) AS n, sum(t.fare) AS total_fare, count(DISTINCT z.zone_id) AS n_zones
    FROM trips t JOIN zones z ON t.zone_id = z.zone_id GROUP BY z.borough` },
  { name: 'join_left_agg', sql: `
    SELECT z.borough, count(*) AS n, count(z.zone_id) AS n_matched
    FROM trips t LEFT JOIN zones z ON t.zone_id = z.zone_id GROUP BY z.borough` },
  { name: 'join_right_agg', sql: `
    SELECT z.zone_id, z.zone_name, count(t.id) AS n_trips
    FROM trips t RIGHT JOIN zones z ON t.zone_id = z.zone_id GROUP BY z.zone_id, z.zone_name` },
  { name: 'join_full_agg', sql: `
    WITH a AS (SELECT zone_id, count(*) AS n FROM trips GROUP BY zone_id)
    SELECT a.zone_id AS tz, z.zone_id AS zz, z.borough, a.n
    FROM a FULL OUTER JOIN zones z ON a.zone_id = z.zone_id` },
  { name: 'join_using', sql: `
    SELECT id, zone_id, zone_name FROM trips JOIN zones USING (zone_id) WHERE fare > 80` },
  { name: 'join_left_semi', sql: `
    SELECT zone_id, borough FROM zones z
    WHERE EXISTS (SELECT 1 FROM trips t WHERE t.zone_id = z.zone_id)` },
  { name: 'join_left_anti', sql: `
    SELECT zone_id, zone_name FROM zones z
    WHERE NOT EXISTS (SELECT 1 FROM trips t WHERE t.zone_id = z.zone_id)` },
  { name: 'join_left_anti_null_keys', sql: `
    SELECT zone_id, count(*) AS n FROM trips t
    WHERE NOT EXISTS (SELECT 1 FROM zones z WHERE z.zone_id = t.zone_id) GROUP BY zone_id` },
  { name: 'join_edge_inner', sql: `
    SELECT l.id AS lid, r.id AS rid, l.k, r.label FROM edge_l l JOIN edge_r r ON l.k = r.k` },
  { name: 'join_edge_left', sql: `
    SELECT l.id AS lid, r.id AS rid, l.tag, r.w FROM edge_l l LEFT JOIN edge_r r ON l.k = r.k` },
  { name: 'join_edge_right_extra_cond', sql: `
    SELECT l.id AS lid, r.id AS rid FROM edge_l l RIGHT JOIN edge_r r ON l.k = r.k AND l.v > 12` },
  { name: 'join_edge_full', sql: `
    SELECT l.id AS lid, r.id AS rid, l.k AS lk, r.k AS rk FROM edge_l l FULL OUTER JOIN edge_r r ON l.k = r.k` },
  { name: 'join_edge_null_safe', sql: `
    SELECT l.id AS lid, r.id AS rid FROM edge_l l JOIN edge_r r ON l.k IS NOT DISTINCT FROM r.k` },
  { name: 'join_edge_semi', sql: `
    SELECT id, k FROM edge_l l WHERE EXISTS (SELECT 1 FROM edge_r r WHERE r.k = l.k)` },
  { name: 'join_edge_anti', sql: `
    SELECT id, k FROM edge_l l WHERE NOT EXISTS (SELECT 1 FROM edge_r r WHERE r.k = l.k)` },
  { name: 'join_edge_non_equi', sql: `
    SELECT l.id AS lid, r.id AS rid FROM edge_l l JOIN edge_r r ON l.k < r.k AND l.v > r.w` },
  { name: 'join_edge_cross', sql: `
    SELECT l.id AS lid, r.id AS rid, l.k AS lk, r.k AS rk FROM edge_l l CROSS JOIN edge_r r` },

  // ---- sort (ordered: a unique column ends every key) ----
  { name: 'sort_asc_default_nulls', ordered: true, sql: `
    SELECT id, k, tag FROM edge_l ORDER BY k ASC NULLS FIRST, id ASC NULLS FIRST` },
  { name: 'sort_desc_default_nulls', ordered: true, sql: `
    SELECT id, k, tag FROM edge_l ORDER BY k DESC NULLS LAST, id DESC NULLS LAST` },
  { name: 'sort_explicit_nulls', ordered: true, sql: `
    SELECT id, k, tag FROM edge_l
    ORDER BY tag ASC NULLS LAST, k DESC NULLS FIRST, id ASC NULLS FIRST` },
  { name: 'sort_strings_multi_key', ordered: true, sql: `
    SELECT borough, zone_name, zone_id FROM zones ORDER BY borough ASC NULLS FIRST, zone_name DESC NULLS LAST` },
  { name: 'topn_fare', ordered: true, sql: `
    SELECT id, fare, vendor FROM trips ORDER BY fare DESC NULLS LAST, id ASC NULLS FIRST LIMIT 25` },
  { name: 'topn_multi_key_nulls', ordered: true, sql: `
    SELECT id, vendor, passenger_count, pickup_ts FROM trips
    ORDER BY vendor ASC NULLS FIRST, passenger_count ASC NULLS FIRST, pickup_ts DESC NULLS LAST, id ASC NULLS FIRST
    LIMIT 40` },
  { name: 'topn_offset', ordered: true, sql: `
    SELECT id, distance FROM trips ORDER BY distance ASC NULLS FIRST, id DESC NULLS LAST LIMIT 10 OFFSET 5` },

  // ---- distinct, dropDuplicates, union ----
  { name: 'distinct_pairs', sql: `SELECT DISTINCT vendor, payment_type FROM trips` },
  { name: 'drop_duplicates_subset', sql: `SELECT DISTINCT vendor, passenger_count FROM trips` },
  { name: 'drop_duplicates_all_columns', sql: `SELECT DISTINCT k, tag FROM edge_l` },
  { name: 'union_all', sql: `
    SELECT id, fare FROM trips WHERE vendor = 'DDS' AND fare > 78
    UNION ALL
    SELECT id, fare FROM trips WHERE passenger_count = 6 AND distance > 29.5` },
  { name: 'union_distinct', sql: `SELECT k FROM edge_l UNION SELECT k FROM edge_r` },

  // ---- withColumn expressions ----
  { name: 'with_arithmetic', sql: `
    SELECT id, fare / distance AS fare_per_mile, passenger_count / 2 AS half_pc, id % 7 AS id_mod,
           fare * 0.15 + 1 AS tip, -distance AS neg_d, abs(distance - 10) AS abs_d,
           sqrt(distance) AS sqrt_d, CAST(floor(fare) AS BIGINT) AS floor_fare,
           greatest(distance, fare / 10) AS g, round(fare / 3, 2) AS r
    FROM trips WHERE id % 25 = 0` },
  { name: 'with_case_when', sql: `
    SELECT CASE WHEN distance < 2 THEN 'short' WHEN distance < 10 THEN 'medium' ELSE 'long' END AS bucket,
           CASE WHEN passenger_count > 4 THEN 'group' END AS grp,
           count(*) AS n, avg(fare) AS avg_fare
    FROM trips GROUP BY 1, 2` },
  { name: 'with_coalesce_nullif', sql: `
    SELECT coalesce(passenger_count, 0) AS pc, coalesce(payment_type, 'none') AS pt,
           nullif(vendor, 'CMT') AS v, count(*) AS n
    FROM trips GROUP BY 1, 2, 3` },
  { name: 'with_strings', sql: `
    SELECT zone_id, upper(zone_name) AS up, lower(borough) AS low, length(zone_name) AS len,
           substring(zone_name, 1, 4) AS sub, borough || ':' || zone_name AS cat,
           concat_ws('/', borough, zone_name) AS cat_ws, regexp_replace(zone_name, '[0-9]', '#', 'g') AS re,
           contains(zone_name, ',') AS has_comma, lpad(CAST(zone_id AS VARCHAR), 4, '0') AS padded,
           trim('  ' || borough || ' ') AS trimmed, starts_with(borough, 'B') AS b
    FROM zones` },
  { name: 'with_string_nulls', sql: `
    SELECT id, vendor || '-' || payment_type AS cat, concat_ws('-', vendor, payment_type) AS cat_ws,
           upper(payment_type) AS up, length(payment_type) AS len
    FROM trips WHERE id % 40 = 1 OR payment_type IS NULL` },
  { name: 'with_dates', sql: `
    SELECT id, date_trunc('month', pickup_ts) AS month_start, date_trunc('hour', pickup_ts) AS hour_start,
           year(pickup_ts) AS y, month(pickup_ts) AS m, dayofmonth(pickup_ts) AS d,
           hour(pickup_ts) AS h, dayofweek(pickup_ts) + 1 AS dow, CAST(pickup_ts AS DATE) AS day
    FROM trips WHERE id % 100 = 0` },
  { name: 'with_date_trunc_agg', sql: `
    SELECT date_trunc('month', pickup_ts) AS month_start, count(*) AS n, sum(distance) AS total_d
    FROM trips GROUP BY 1` },
  { name: 'with_casts', sql: `
    SELECT id, CAST(trunc(fare) AS INTEGER) AS fare_int, CAST(zone_id AS BIGINT) AS zone_long,
           CAST(passenger_count AS DOUBLE) AS pc_double, CAST(zone_id AS VARCHAR) AS zone_str
    FROM trips WHERE id % 50 = 0` },

  // ---- window functions ----
  { name: 'win_rank_ties', sql: `
    SELECT id, rank() OVER (PARTITION BY vendor ORDER BY passenger_count ASC NULLS FIRST) AS rk,
           dense_rank() OVER (PARTITION BY vendor ORDER BY passenger_count ASC NULLS FIRST) AS drk,
           row_number() OVER (PARTITION BY vendor ORDER BY passenger_count ASC NULLS FIRST, id) AS rn
    FROM trips` },
  { name: 'win_percent_rank_cume_dist', sql: `
    SELECT id, percent_rank() OVER w AS pr, cume_dist() OVER w AS cd
    FROM trips WINDOW w AS (PARTITION BY zone_id ORDER BY fare DESC NULLS LAST)` },
  { name: 'win_ntile', sql: `
    SELECT id, ntile(4) OVER w AS quartile, ntile(7) OVER w AS septile
    FROM trips WINDOW w AS (PARTITION BY payment_type ORDER BY fare ASC NULLS FIRST, id)` },
  { name: 'win_lag_lead_defaults', sql: `
    SELECT id, lag(fare) OVER w AS prev_fare, lag(fare, 2, 0.0) OVER w AS prev2_fare,
           lead(distance, 1, -1.0) OVER w AS next_d, lead(passenger_count, 3) OVER w AS pc_3_ahead
    FROM trips WINDOW w AS (PARTITION BY vendor ORDER BY pickup_ts ASC NULLS FIRST, id)` },
  { name: 'win_running_sums', sql: `
    SELECT id, sum(fare) OVER t AS running_fare, count(*) OVER t AS running_n,
           sum(passenger_count) OVER (PARTITION BY vendor ORDER BY passenger_count ASC NULLS FIRST) AS pc_with_peers
    FROM trips WINDOW t AS (PARTITION BY zone_id ORDER BY pickup_ts ASC NULLS FIRST, id)` },
  { name: 'win_rows_sliding', sql: `
    SELECT id, avg(fare) OVER w AS avg_fare, min(distance) OVER w AS min_d, max(distance) OVER w AS max_d,
           count(passenger_count) OVER w AS n_pc, stddev_samp(fare) OVER w AS sd_fare
    FROM trips
    WINDOW w AS (PARTITION BY vendor ORDER BY pickup_ts ASC NULLS FIRST, id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING)` },
  { name: 'win_rows_ahead_and_to_end', sql: `
    SELECT id, sum(passenger_count) OVER (w ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) AS pc_next3,
           count(*) OVER (w ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS n_rest,
           min(payment_type) OVER (w ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING) AS prev_pt
    FROM trips WINDOW w AS (PARTITION BY payment_type ORDER BY fare ASC NULLS FIRST, id)` },
  { name: 'win_range_offsets', sql: `
    SELECT id, count(*) OVER w AS n_near, sum(fare) OVER w AS fare_near,
           max(zone_id) OVER (PARTITION BY vendor ORDER BY zone_id DESC NULLS LAST
                              RANGE BETWEEN 3 PRECEDING AND CURRENT ROW) AS max_above
    FROM trips WHERE zone_id IS NOT NULL
    WINDOW w AS (PARTITION BY vendor ORDER BY zone_id ASC NULLS FIRST RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING)` },
  { name: 'win_range_days', sql: `
    SELECT id, count(*) OVER (PARTITION BY vendor ORDER BY CAST(pickup_ts AS DATE) ASC NULLS FIRST
                              RANGE BETWEEN INTERVAL 3 DAY PRECEDING AND CURRENT ROW) AS n_4_days
    FROM trips` },
  { name: 'win_range_null_keys', sql: `
    SELECT id, sum(v) OVER (ORDER BY k ASC NULLS FIRST RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS v_near,
           count(*) OVER (ORDER BY k DESC NULLS FIRST RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS n_above
    FROM edge_l` },
  { name: 'win_null_partition_keys', sql: `
    SELECT id, row_number() OVER w AS rn, sum(v) OVER (PARTITION BY k) AS k_total,
           count(*) OVER (PARTITION BY tag) AS tag_n, lag(tag) OVER w AS prev_tag
    FROM edge_l WINDOW w AS (PARTITION BY k ORDER BY v ASC NULLS FIRST, id)` },
  { name: 'win_first_last_nth', sql: `
    SELECT id, first_value(payment_type) OVER w AS first_pt, last_value(payment_type) OVER w AS last_pt,
           first_value(passenger_count IGNORE NULLS) OVER whole AS first_pc,
           last_value(passenger_count IGNORE NULLS) OVER whole AS last_pc,
           nth_value(fare, 3) OVER whole AS third_fare
    FROM trips WHERE zone_id < 40
    WINDOW w AS (PARTITION BY zone_id ORDER BY pickup_ts ASC NULLS FIRST, id),
           whole AS (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)` },
  { name: 'win_global_order', sql: `
    SELECT id, rank() OVER (ORDER BY fare DESC NULLS LAST) AS fare_rank,
           percent_rank() OVER (ORDER BY fare DESC NULLS LAST) AS pr, avg(fare) OVER () AS avg_all
    FROM trips` },
  { name: 'win_over_aggregate', sql: `
    WITH a AS (
      SELECT vendor, payment_type, sum(fare) AS total, sum(sum(fare)) OVER (PARTITION BY vendor) AS vendor_total,
             rank() OVER (PARTITION BY vendor ORDER BY count(*) DESC NULLS LAST) AS rank_by_n
      FROM trips GROUP BY vendor, payment_type)
    SELECT *, dense_rank() OVER (PARTITION BY vendor ORDER BY total DESC NULLS LAST) AS share_rank FROM a` },
  { name: 'win_qualify_top2', sql: `
    SELECT id, zone_id, fare FROM trips
    QUALIFY row_number() OVER (PARTITION BY zone_id ORDER BY fare DESC NULLS LAST, id) <= 2` },
  { name: 'win_partition_aggregates', sql: `
    SELECT id, avg(fare) OVER (PARTITION BY payment_type) AS avg_pt, count(*) OVER () AS n_all,
           max(pickup_ts) OVER (PARTITION BY vendor) AS last_ts,
           fare - avg(fare) OVER (PARTITION BY payment_type) AS fare_dev
    FROM trips` },

  // ---- actions other than collect ----
  { name: 'unpivot_measures', sql: `
    SELECT id, measure, value FROM (SELECT id, passenger_count, distance, zone_id FROM trips)
    UNPIVOT INCLUDE NULLS (value FOR measure IN (passenger_count, distance, zone_id))` },
  { name: 'unpivot_strings_melt', sql: `
    SELECT id, zone_id, attribute, text FROM (SELECT id, zone_id, vendor, payment_type FROM trips WHERE id % 7 = 0)
    UNPIVOT (text FOR attribute IN (vendor, payment_type))` },
  { name: 'action_count', sql: `
    SELECT count(*) AS count FROM trips WHERE payment_type = 'card' AND distance < 3` },
];
