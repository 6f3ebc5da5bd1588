#include "formats/parquet/parquet_write_options.h"

#include <string>

#include "formats/option_reader.h"
#include "formats/parquet/compression.h"

namespace lakestream::parquet {
namespace {

int64_t PositiveSize(const OptionReader& reader, const char* key, int64_t default_value) {
  int64_t value = reader.GetInt(key, default_value);
  if (value <= 0) ThrowInvalidOption(key, std::to_string(value), "expected a positive number");
  return value;
}

}  // namespace

ParquetWriteOptions ParquetWriteOptions::FromFormatOptions(const FormatOptions& options) {
  OptionReader reader(options);
  ParquetWriteOptions out;
  // Spark resolves `compression` before the Hadoop property.
  if (auto codec = reader.Get("compression")) {
    out.codec = ParseCodecName(*codec);
  } else if (auto legacy = reader.Get("parquet.compression")) {
    out.codec = ParseCodecName(*legacy);
  }
  out.row_group_bytes = PositiveSize(reader, "parquet.block.size", out.row_group_bytes);
  out.row_group_rows = PositiveSize(reader, "parquet.block.row.count.limit", out.row_group_rows);
  out.page_bytes = PositiveSize(reader, "parquet.page.size", out.page_bytes);
  out.page_rows = PositiveSize(reader, "parquet.page.row.count.limit", out.page_rows);
  out.dictionary = reader.GetBool("parquet.enable.dictionary", out.dictionary);
  out.dictionary_page_bytes = PositiveSize(reader, "parquet.dictionary.page.size", out.dictionary_page_bytes);
  return out;
}

}  // namespace lakestream::parquet
