// The collection function family is registered from several files; these are
// the parts RegisterCollectionFunctions (collection_functions.cc) puts together.
#pragma once

#include "expr/function_registry.h"

namespace lakestream {

// array_contains, array_sort, array_distinct, slice, flatten, sequence, ...
void RegisterArrayFunctions(FunctionRegistry& r);
// array_union, array_intersect, array_except, arrays_overlap.
void RegisterArraySetFunctions(FunctionRegistry& r);
// map, map_from_arrays, map_keys, map_values, map_entries, map_contains_key.
void RegisterMapFunctions(FunctionRegistry& r);
// named_struct (see named_struct.h).
void RegisterNamedStruct(FunctionRegistry& r);

}  // namespace lakestream
