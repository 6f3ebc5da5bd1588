// FindFileFormat: the built-in file formats by name.
#include <strings.h>

#include "formats/csv_format.h"
#include "formats/json_format.h"
#include "formats/parquet/parquet_format.h"
#include "lakestream/error.h"

namespace lakestream {

const FileFormat& FindFileFormat(const std::string& name) {
  static const CsvFormat csv;
  static const JsonFormat json;
  static const ParquetFormat parquet;
  if (strcasecmp(name.c_str(), "csv") == 0) return csv;
  if (strcasecmp(name.c_str(), "json") == 0) return json;
  if (strcasecmp(name.c_str(), "parquet") == 0) return parquet;
  throw UserError("UNSUPPORTED_DATA_SOURCE", "0A000", "Unsupported data source: \"" + name + "\".");
}

}  // namespace lakestream
