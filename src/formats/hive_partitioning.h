// Hive-style partition directories (`col=value/`): Spark's escaping of names
// and values in paths, and the partition values and types found in paths.
// PartitionValuesOf and InferPartitionSchema are declared in file_format.h.
#pragma once

#include <string>
#include <string_view>

namespace lakestream {

// ExternalCatalogUtils.escapePathName: control characters and "#%'*/:=?\{[]^
// (and DEL) become %XX with upper-case hex.
std::string EscapeHivePathName(std::string_view name);
// The inverse; malformed %XX sequences stay as they are.
std::string UnescapeHivePathName(std::string_view name);

}  // namespace lakestream
