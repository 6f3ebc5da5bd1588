#include "taxi/taxi_pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace taxi {

using namespace lakestream;
using namespace lakestream::functions;

namespace {

// The schema is explicit so that a field that does not parse as its type (a
// fare of "twelve", a 25th hour) marks the row as malformed instead of
// silently widening the column to STRING, as schema inference would.
constexpr const char* kTripsSchema =
    "trip_id INT, vendor_id INT, pickup_datetime TIMESTAMP, dropoff_datetime TIMESTAMP, "
    "passenger_count INT, trip_distance DOUBLE, pickup_zone_id INT, dropoff_zone_id INT, "
    "payment_type STRING, fare_amount DOUBLE, tip_amount DOUBLE, _corrupt_record STRING";
constexpr const char* kZonesSchema = "zone_id INT, borough STRING, zone STRING";
constexpr int kSteps = 7;

std::string Step(int n) { return "[" + std::to_string(n) + "/" + std::to_string(kSteps) + "] "; }

DataFrame ReadTrips(const Session& session, const std::string& path) {
  return session.read()
      .schema(kTripsSchema)
      .option("header", "true")
      .option("timestampFormat", "yyyy-MM-dd HH:mm:ss")
      .option("mode", "PERMISSIVE")
      .option("columnNameOfCorruptRecord", "_corrupt_record")
      .csv(path);
}

// Drops malformed rows and meter glitches, then derives the columns the
// aggregation groups and averages by.
DataFrame CleanTrips(const DataFrame& raw) {
  Column duration_seconds = unix_timestamp(col("dropoff_datetime")) - unix_timestamp(col("pickup_datetime"));
  Column fare_bucket = when(col("fare_amount") < 10, "under 10")
                           .when(col("fare_amount") < 30, "10 to 30")
                           .otherwise("30 and over");
  return raw.filter(col("_corrupt_record").isNull())
      .drop("_corrupt_record")
      .filter(col("trip_distance") > 0)
      .withColumn("duration_minutes", round(duration_seconds / 60.0, 1))
      .withColumn("pickup_hour", hour(col("pickup_datetime")))
      .withColumn("fare_bucket", fare_bucket);
}

// Left join: a pickup zone missing from the lookup keeps its trip, with the
// borough "Unknown".
DataFrame JoinZones(const DataFrame& trips, const DataFrame& zones) {
  return trips.join(zones, trips.col("pickup_zone_id") == zones.col("zone_id"), "left")
      .withColumn("borough", coalesce({col("borough"), lit("Unknown")}));
}

DataFrame AggregateByBoroughAndHour(const DataFrame& trips) {
  return trips.groupBy(col("borough"), col("pickup_hour"))
      .agg(count(lit(1)).alias("trips"),
           round(avg(col("fare_amount")), 2).alias("avg_fare"),
           round(sum(col("trip_distance")), 1).alias("total_distance"),
           round(avg(col("duration_minutes")), 1).alias("avg_minutes"),
           count_distinct(col("vendor_id")).alias("vendors"))
      .orderBy({col("borough"), col("pickup_hour")});
}

DataFrame SummarizeFareBuckets(const DataFrame& trips) {
  return trips.groupBy(col("fare_bucket"))
      .agg(count(lit(1)).alias("trips"), min(col("fare_amount")).alias("min_fare"),
           round(avg(col("tip_amount")), 2).alias("avg_tip"))
      .orderBy({col("min_fare")});
}

// The borough=... folders the partitioned JSON write created, in name order.
std::vector<std::string> PartitionFolders(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

std::string DefaultDataDir() { return std::string(LAKESTREAM_SOURCE_DIR) + "/examples/data"; }
std::string DefaultOutputDir() { return std::string(LAKESTREAM_SOURCE_DIR) + "/examples/output"; }

TaxiPipelineCounts RunTaxiPipeline(const Session& session, const TaxiPipelineOptions& options, std::ostream& out) {
  const auto started = std::chrono::steady_clock::now();
  const std::string trips_path = options.data_dir + "/trips.csv";
  const std::string zones_path = options.data_dir + "/zones.csv";
  const std::string csv_dir = options.output_dir + "/trips_by_borough_hour_csv";
  const std::string json_dir = options.output_dir + "/trips_by_borough_hour_json";
  TaxiPipelineCounts counts;

  out << "Lakestream " << kVersion << " demo: taxi trips pipeline\n"
      << "  input:  " << trips_path << ", " << zones_path << "\n"
      << "  output: " << options.output_dir << "\n\n";

  DataFrame raw = ReadTrips(session, trips_path);
  counts.raw_rows = raw.count();
  out << Step(1) << "Read trips.csv (header, explicit schema, mode PERMISSIVE): " << counts.raw_rows << " rows\n";

  // Selecting trip_id beside the corrupt-record column: Spark refuses queries
  // over raw CSV that reference only _corrupt_record.
  DataFrame malformed = raw.filter(col("_corrupt_record").isNotNull()).select(col("trip_id"), col("_corrupt_record"));
  counts.malformed_rows = malformed.count();
  out << Step(2) << "Malformed rows kept in _corrupt_record: " << counts.malformed_rows << "; the first 5:\n"
      << malformed.orderBy({col("trip_id")}).showString(5, 70);

  DataFrame clean = CleanTrips(raw);
  counts.clean_rows = clean.count();
  out << Step(3) << "Cleaned: dropped " << counts.malformed_rows << " malformed and "
      << counts.raw_rows - counts.malformed_rows - counts.clean_rows << " non-positive-distance rows, "
      << "derived duration_minutes, pickup_hour, fare_bucket: " << counts.clean_rows << " rows\n";

  DataFrame zones = session.read().schema(kZonesSchema).option("header", "true").csv(zones_path);
  DataFrame enriched = JoinZones(clean, zones);
  counts.unknown_zone_rows = enriched.filter(col("zone_id").isNull()).count();
  out << Step(4) << "Left-joined " << zones.count() << " zones: " << enriched.count() << " rows, "
      << counts.unknown_zone_rows << " in zones missing from zones.csv (borough \"Unknown\")\n";
  out << "      Fare buckets (CASE WHEN):\n" << SummarizeFareBuckets(enriched).showString();

  DataFrame by_borough_hour = AggregateByBoroughAndHour(enriched);
  counts.result_rows = by_borough_hour.count();
  out << Step(5) << "Aggregated per borough and pickup hour (count, avg, sum, count_distinct): "
      << counts.result_rows << " groups; the first 10:\n"
      << by_borough_hour.showString(10);

  by_borough_hour.write().mode("overwrite").option("header", "true").csv(csv_dir);
  by_borough_hour.write().mode("overwrite").partitionBy({"borough"}).json(json_dir);
  out << Step(6) << "Wrote " << counts.result_rows << " rows as CSV to " << csv_dir << "\n"
      << "      and as JSON partitioned by borough to " << json_dir << ":";
  for (const std::string& folder : PartitionFolders(json_dir)) out << " " << folder;
  out << "\n";

  DataFrame read_back = session.read().option("header", "true").option("inferSchema", "true").csv(csv_dir);
  counts.read_back_rows = read_back.count();
  out << Step(7) << "Read the CSV back (inferSchema): " << counts.read_back_rows << " rows\n"
      << read_back.orderBy({col("borough"), col("pickup_hour")}).showString();

  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", elapsed.count());
  out << "Done in " << seconds << " s\n";
  return counts;
}

}  // namespace taxi
