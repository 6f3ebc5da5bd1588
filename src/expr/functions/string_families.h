// The string function family is registered from several files; these are the
// parts RegisterStringFunctions (string_functions.cc) puts together.
#pragma once

#include "expr/function_registry.h"

namespace lakestream {

// concat, concat_ws, reverse (strings and arrays).
void RegisterStringConcatFunctions(FunctionRegistry& r);
// replace, translate, instr, locate, position, startswith, endswith, contains,
// split_part, find_in_set, soundex, levenshtein.
void RegisterStringSearchFunctions(FunctionRegistry& r);
// split, regexp_replace, regexp_extract, regexp_extract_all, regexp_count, regexp_substr
// (rlike lives with LIKE in pattern_functions.cc).
void RegisterStringRegexFunctions(FunctionRegistry& r);
// base64, unbase64, hex, unhex, encode, decode, to_binary.
void RegisterStringEncodingFunctions(FunctionRegistry& r);
// format_string / printf.
void RegisterStringFormatFunctions(FunctionRegistry& r);

}  // namespace lakestream
