#include "formats/csv_options.h"

#include <algorithm>
#include <cctype>

namespace lakestream {
namespace {

void ReadShared(const OptionReader& r, CsvOptions* o) {
  o->sep = r.Get("sep").value_or(r.GetString("delimiter", ","));
  if (o->sep == "\\t") o->sep = "\t";
  if (o->sep.empty()) ThrowInvalidOption("sep", o->sep, "the delimiter cannot be empty");
  o->quote = r.GetChar("quote", '"');
  o->escape = r.GetChar("escape", '\\');
  o->line_sep = r.GetString("linesep", "");
  o->null_value = r.GetString("nullvalue", "");
  o->date_format = r.Get("dateformat");
  o->timestamp_format = r.Get("timestampformat");
  o->timestamp_ntz_format = r.Get("timestampntzformat");
  o->time_zone = r.Get("timezone");
  o->header = r.GetBool("header", false);
  std::string encoding = r.Get("encoding").value_or(r.GetString("charset", "UTF-8"));
  std::string lower = encoding;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower != "utf-8" && lower != "utf8" && lower != "us-ascii" && lower != "ascii") {
    ThrowInvalidOption("encoding", encoding, "only UTF-8 is supported");
  }
}

}  // namespace

CsvOptions CsvOptions::ForRead(const FormatOptions& options) {
  OptionReader r(options);
  CsvOptions o;
  ReadShared(r, &o);
  o.ignore_leading_white_space = r.GetBool("ignoreleadingwhitespace", false);
  o.ignore_trailing_white_space = r.GetBool("ignoretrailingwhitespace", false);
  o.infer_schema = r.GetBool("inferschema", false);
  o.multi_line = r.GetBool("multiline", false);
  o.enforce_schema = r.GetBool("enforceschema", true);
  o.prefers_decimal = r.GetBool("prefersdecimal", false);
  o.prefer_date = r.GetBool("preferdate", true);
  o.comment = r.GetChar("comment", '\0');
  o.empty_value = r.GetString("emptyvalue", "");
  o.nan_value = r.GetString("nanvalue", "NaN");
  o.positive_inf = r.GetString("positiveinf", "Inf");
  o.negative_inf = r.GetString("negativeinf", "-Inf");
  o.mode = ReadParseMode(r);
  o.corrupt_record_column = CorruptRecordColumnName(r);
  return o;
}

CsvOptions CsvOptions::ForWrite(const FormatOptions& options) {
  OptionReader r(options);
  CsvOptions o;
  ReadShared(r, &o);
  // Spark's writer trims values unless told otherwise.
  o.ignore_leading_white_space = r.GetBool("ignoreleadingwhitespace", true);
  o.ignore_trailing_white_space = r.GetBool("ignoretrailingwhitespace", true);
  o.quote_all = r.GetBool("quoteall", false);
  o.escape_quotes = r.GetBool("escapequotes", true);
  o.empty_value_write = r.GetString("emptyvalue", "\"\"");
  o.compression = r.Get("compression").value_or(r.GetString("codec", ""));
  std::string c = o.compression;
  std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (!c.empty() && c != "none" && c != "uncompressed") {
    ThrowInvalidOption("compression", o.compression, "only uncompressed output is supported");
  }
  return o;
}

}  // namespace lakestream
