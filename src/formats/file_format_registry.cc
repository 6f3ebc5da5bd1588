// FindFileFormat: the built-in file formats by name.
#include <strings.h>

#include "formats/csv_format.h"
#include "formats/json_format.h"
#include "lakestream/error.h"

namespace lakestream {

const FileFormat& FindFileFormat(const std::string& name) {
  static const CsvFormat csv;
  static const JsonFormat json;
  if (strcasecmp(name.c_str(), "csv") == 0) return csv;
  if (strcasecmp(name.c_str(), "json") == 0) return json;
  throw UserError("UNSUPPORTED_DATA_SOURCE", "0A000", "Unsupported data source: \"" + name + "\".");
}

}  // namespace lakestream
