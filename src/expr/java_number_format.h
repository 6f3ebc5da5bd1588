// Java's Double.toString / Float.toString, which Spark uses for CAST(x AS
// STRING) and show(): "1.0", "0.1", "1.0E10", "1.234E-5", "NaN", "Infinity".
// Digits are the shortest that round-trip (as Java 19+ prints them).
#pragma once

#include <string>

namespace lakestream {

std::string FormatDoubleJava(double v);
std::string FormatFloatJava(float v);

}  // namespace lakestream
