// Renders query results the way SQLite's sqllogictest driver does: by the
// column's type letter, not by the value's SQL type.
#pragma once

#include <string>
#include <vector>

#include "lakestream/types.h"
#include "lakestream/value.h"

namespace lakestream::slt {

// I: an integer (reals truncate toward zero, text takes its leading integer or
//    0, booleans are 1/0). R: "%.3f". T: the text (Spark's CAST AS STRING for
//    other types); "" as "(empty)" and bytes outside ' '..'~' as '@'.
// NULL is "NULL" under every letter. An unknown letter renders as T.
std::string RenderValue(const Value& value, const DataType& type, char letter);

// MD5 of every value followed by '\n', as lowercase hex.
std::string HashValues(const std::vector<std::string>& values);

}  // namespace lakestream::slt
