// The one-line progress report the SQL shell redraws on stderr while a
// statement runs longer than a second, in the spirit of Spark's console
// progress bar (which shows the running stage's tasks):
//
//   [=========>           ] 45% stage 1/2 | 1,234,567 rows | 12 splits | 3.2 s
//
// The bar and percent are the running pipeline's morsels done; rows and
// splits are what the leaf scans read so far (a split is a file, or a range
// of a large file, for file scans).
#pragma once

#include <string>

#include "exec/query_progress.h"

namespace lakestream::cli {

// The line for `progress` (null while no query of the statement runs: only
// the elapsed time), cut to `width` characters. Pure.
std::string FormatProgressBar(const QueryProgress* progress, double elapsed_seconds, int width);

}  // namespace lakestream::cli
