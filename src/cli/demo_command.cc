// `lakestream demo`: the taxi-trips pipeline of examples/taxi on a session
// with the requested worker threads.
#include <iostream>

#include "cli/command.h"
#include "lakestream/lakestream.h"
#include "taxi/taxi_pipeline.h"

namespace lakestream::cli {

namespace {

int RunDemo(const ParsedArgs& args) {
  taxi::TaxiPipelineOptions options;
  options.data_dir = args.Get("data").value_or(taxi::DefaultDataDir());
  options.output_dir = args.Get("output").value_or(taxi::DefaultOutputDir());
  SessionBuilder builder = Session::builder();
  builder.appName("lakestream demo");
  if (std::optional<int> threads = args.GetPositiveInt("threads")) builder.threads(*threads);
  Session session = builder.getOrCreate();
  taxi::RunTaxiPipeline(session, options, std::cout);
  return kExitOk;
}

}  // namespace

Command DemoCommand() {
  CommandSpec spec;
  spec.name = "demo";
  spec.summary = "run the demo pipeline over the sample taxi trips";
  spec.description =
      "Runs a batch pipeline over taxi-like trips: reads trips.csv in PERMISSIVE mode\n"
      "(malformed rows land in _corrupt_record), cleans the rest, derives durations,\n"
      "hours and fare buckets, left-joins zones.csv, aggregates per borough and hour,\n"
      "writes the result as CSV and as JSON partitioned by borough, and reads the CSV\n"
      "back. Earlier results in the output directory are overwritten.";
  spec.flags = {
      {"data", "DIR", "folder with trips.csv and zones.csv (default: " + taxi::DefaultDataDir() + ")"},
      {"output", "DIR", "folder for the results (default: " + taxi::DefaultOutputDir() + ")"},
      {"threads", "N", "worker threads (default: all cores)"},
  };
  return {spec, RunDemo};
}

}  // namespace lakestream::cli
