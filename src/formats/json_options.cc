#include "formats/json_options.h"

#include <algorithm>
#include <cctype>

namespace lakestream {
namespace {

JsonOptions ReadShared(const OptionReader& r) {
  JsonOptions o;
  o.line_sep = r.GetString("linesep", "");
  o.date_format = r.Get("dateformat");
  o.timestamp_format = r.Get("timestampformat");
  o.timestamp_ntz_format = r.Get("timestampntzformat");
  o.time_zone = r.Get("timezone");
  std::string encoding = r.Get("encoding").value_or(r.GetString("charset", "UTF-8"));
  std::string lower = encoding;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower != "utf-8" && lower != "utf8" && lower != "us-ascii" && lower != "ascii") {
    ThrowInvalidOption("encoding", encoding, "only UTF-8 is supported");
  }
  return o;
}

}  // namespace

JsonOptions JsonOptions::ForRead(const FormatOptions& options) {
  OptionReader r(options);
  JsonOptions o = ReadShared(r);
  o.multi_line = r.GetBool("multiline", false);
  o.primitives_as_string = r.GetBool("primitivesasstring", false);
  o.prefers_decimal = r.GetBool("prefersdecimal", false);
  o.drop_field_if_all_null = r.GetBool("dropfieldifallnull", false);
  o.mode = ReadParseMode(r);
  o.corrupt_record_column = CorruptRecordColumnName(r);
  return o;
}

JsonOptions JsonOptions::ForWrite(const FormatOptions& options) {
  OptionReader r(options);
  JsonOptions o = ReadShared(r);
  o.ignore_null_fields = r.GetBool("ignorenullfields", true);
  std::string c = r.Get("compression").value_or(r.GetString("codec", ""));
  std::string lower = c;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (!lower.empty() && lower != "none" && lower != "uncompressed") {
    ThrowInvalidOption("compression", c, "only uncompressed output is supported");
  }
  return o;
}

}  // namespace lakestream
