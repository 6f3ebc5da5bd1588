// The demo pipeline as a program of its own (`lakestream demo` runs the same
// code): taxi trips from CSV with malformed rows, cleaned, enriched with a zone
// lookup, aggregated per borough and hour, written as CSV and JSON.
//
//   ./build/release/examples/taxi_pipeline [DATA_DIR [OUTPUT_DIR]]
//
// The steps themselves are in taxi/taxi_pipeline.cc.
#include <iostream>

#include "lakestream/lakestream.h"
#include "taxi/taxi_pipeline.h"

int main(int argc, char** argv) {
  taxi::TaxiPipelineOptions options;
  options.data_dir = argc > 1 ? argv[1] : taxi::DefaultDataDir();
  options.output_dir = argc > 2 ? argv[2] : taxi::DefaultOutputDir();
  try {
    lakestream::Session session = lakestream::Session::builder().appName("taxi_pipeline").getOrCreate();
    taxi::RunTaxiPipeline(session, options, std::cout);
  } catch (const lakestream::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
