#include "formats/hive_partitioning.h"

#include <filesystem>

#include "expr/datetime_format.h"
#include "expr/time_zone.h"
#include "formats/file_format.h"
#include "formats/inferred_type.h"
#include "formats/local_file.h"
#include "formats/numeric_text.h"

namespace lakestream {
namespace {

bool NeedsEscape(unsigned char c) {
  if (c < 0x20 || c == 0x7F) return true;
  switch (c) {
    case '"': case '#': case '%': case '\'': case '*': case '/': case ':': case '=':
    case '?': case '\\': case '{': case '[': case ']': case '^':
      return true;
    default:
      return false;
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool AllDigitsOrDashes(std::string_view s, std::string_view shape) {
  if (s.size() != shape.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i]) return false;
  }
  return true;
}

// Spark's inferPartitionColumnValue: int, bigint, decimal, double, timestamp, date, string.
DataTypePtr InferPartitionValueType(const std::string& raw) {
  if (raw == kHiveDefaultPartition) return DataType::Null();
  if (ParseJavaInteger(raw, INT32_MIN, INT32_MAX)) return DataType::Int();
  if (ParseJavaInteger(raw, INT64_MIN, INT64_MAX)) return DataType::Long();
  auto d = ParseDecimalText(raw);
  if (d && d->scale == 0 && raw.find(',') == std::string::npos && d->precision() <= DataType::kMaxDecimalPrecision) {
    return DataType::Decimal(d->precision(), 0);
  }
  if (ParseJavaDouble(raw)) return DataType::Double();
  // yyyy-MM-dd HH:mm:ss[.S...]
  if (raw.size() >= 19 && AllDigitsOrDashes(std::string_view(raw).substr(0, 19), "dddd-dd-dd dd:dd:dd") &&
      ParseTimestampDefault(raw, *TimeZone::Utc())) {
    return DataType::Timestamp();
  }
  if (AllDigitsOrDashes(raw, "dddd-dd-dd") && ParseDateDefault(raw)) return DataType::Date();
  return DataType::String();
}

}  // namespace

std::string EscapeHivePathName(std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(name.size());
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    if (NeedsEscape(c)) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

std::string UnescapeHivePathName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '%' && i + 2 < name.size() && HexValue(name[i + 1]) >= 0 && HexValue(name[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(name[i + 1]) * 16 + HexValue(name[i + 2])));
      i += 2;
    } else {
      out.push_back(name[i]);
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> PartitionValuesOf(const std::string& file,
                                                                   const std::string& base_path) {
  namespace fs = std::filesystem;
  fs::path f = fs::path(LocalPath(file)).lexically_normal();
  fs::path dir = f.parent_path();
  if (!base_path.empty()) {
    fs::path base = fs::path(LocalPath(base_path)).lexically_normal();
    fs::path rel = dir.lexically_relative(base);
    // Outside the base (or the base itself): no partition directories.
    if (rel.empty() || *rel.begin() == "..") return {};
    dir = rel;
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& segment : dir) {
    std::string s = segment.string();
    size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    out.emplace_back(UnescapeHivePathName(s.substr(0, eq)), UnescapeHivePathName(s.substr(eq + 1)));
  }
  return out;
}

SchemaPtr InferPartitionSchema(const std::vector<std::string>& files, const std::string& base_path) {
  std::vector<std::string> names;
  std::vector<DataTypePtr> types;
  for (const auto& file : files) {
    for (const auto& [name, value] : PartitionValuesOf(file, base_path)) {
      size_t i = 0;
      while (i < names.size() && names[i] != name) ++i;
      if (i == names.size()) {
        names.push_back(name);
        types.push_back(DataType::Null());
      }
      types[i] = MergeInferredTypes(types[i], InferPartitionValueType(value));
    }
  }
  std::vector<Field> fields;
  for (size_t i = 0; i < names.size(); ++i) fields.emplace_back(names[i], CanonicalInferredType(types[i]), true);
  return std::make_shared<Schema>(std::move(fields));
}

}  // namespace lakestream
