// The demo pipeline over taxi-like trips: read CSV with malformed rows, clean,
// enrich with a zone lookup, aggregate, write CSV and JSON, read back.
// Shared by `lakestream demo` and the standalone examples/taxi_pipeline.cc.
// Uses only the public API.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "lakestream/lakestream.h"

namespace taxi {

struct TaxiPipelineOptions {
  // Holds trips.csv and zones.csv (examples/data/generate_trips.py writes them).
  std::string data_dir;
  // Results go to subdirectories of it, replacing earlier runs' results.
  std::string output_dir;
};

// Row counts at each step, for callers and tests that check the run.
struct TaxiPipelineCounts {
  int64_t raw_rows = 0;          // rows read from trips.csv
  int64_t malformed_rows = 0;    // rows with a _corrupt_record
  int64_t clean_rows = 0;        // well-formed rows with a positive distance
  int64_t unknown_zone_rows = 0;  // clean rows whose pickup zone is not in zones.csv
  int64_t result_rows = 0;       // (borough, hour) groups written
  int64_t read_back_rows = 0;    // rows read back from the written CSV
};

// The examples/data and examples/output folders of the source tree this was
// built from, so the demo runs from any working directory.
std::string DefaultDataDir();
std::string DefaultOutputDir();

// Runs the pipeline on `session`, narrating each step with its row counts on
// `out`. Throws lakestream::Error when the engine refuses a step.
TaxiPipelineCounts RunTaxiPipeline(const lakestream::Session& session, const TaxiPipelineOptions& options,
                                   std::ostream& out);

}  // namespace taxi
