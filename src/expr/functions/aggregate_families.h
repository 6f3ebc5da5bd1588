// The aggregate function family is registered from one file per kind of
// state; RegisterAggregateFunctions (aggregate_functions.cc) puts them together.
#pragma once

#include "expr/function_registry.h"

namespace lakestream {

// sum, try_sum, avg/mean, try_avg (aggregate_sum.cc).
void RegisterSumFunctions(FunctionRegistry& r);
// min, max, min_by, max_by (aggregate_min_max.cc).
void RegisterMinMaxFunctions(FunctionRegistry& r);
// first, last, any_value, collect_list, collect_set (aggregate_collect.cc).
void RegisterCollectFunctions(FunctionRegistry& r);
// stddev, variance and friends (aggregate_variance.cc).
void RegisterVarianceFunctions(FunctionRegistry& r);
// median, percentile (aggregate_percentile.cc).
void RegisterPercentileFunctions(FunctionRegistry& r);

}  // namespace lakestream
