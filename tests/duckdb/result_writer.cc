#include "result_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace lakestream::duckdb_compare {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Howard Hinnant's civil_from_days: proleptic Gregorian, valid for all int64 days we meet.
void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = FloorDiv(z, 146097);
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

void WriteJsonString(std::ostream& out, const std::string& s) {
  out << '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\t': out << "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out << buf;
        } else {
          out << static_cast<char>(c);
        }
    }
  }
  out << '"';
}

std::string FormatDouble(double x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x);  // shortest round-trip
  return std::string(buf, res.ptr);
}

std::string FormatDecimal(int128_t v, int scale) {
  const bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  char buf[96];  // 39 digits, a point, up to 38 leading zeros, a sign
  char* p = buf + sizeof buf;
  int written = 0;
  while (u != 0 || written <= scale) {
    if (written == scale && scale > 0) *--p = '.';
    *--p = static_cast<char>('0' + static_cast<int>(u % 10));
    u /= 10;
    written++;
  }
  if (neg) *--p = '-';
  return std::string(p, buf + sizeof buf);
}

std::string FormatDate(int64_t days) {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string FormatTimestamp(int64_t micros) {
  constexpr int64_t kMicrosPerDay = 86'400'000'000;
  const int64_t days = FloorDiv(micros, kMicrosPerDay);
  const int64_t in_day = micros - days * kMicrosPerDay;
  const int64_t secs = in_day / 1'000'000;
  char buf[48];
  std::snprintf(buf, sizeof buf, " %02lld:%02lld:%02lld.%06lld", static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60),
                static_cast<long long>(in_day % 1'000'000));
  std::string out = FormatDate(days);
  out.append(buf);
  return out;
}

void WriteCell(std::ostream& out, const DataType& type, const Value& v) {
  if (v.is_null()) {
    out << "null";
    return;
  }
  switch (type.id()) {
    case TypeId::kBoolean: WriteJsonString(out, v.as_bool() ? "true" : "false"); return;
    case TypeId::kByte:
    case TypeId::kShort:
    case TypeId::kInt:
    case TypeId::kLong: WriteJsonString(out, std::to_string(v.as_int())); return;
    case TypeId::kFloat:
    case TypeId::kDouble: WriteJsonString(out, FormatDouble(v.as_double())); return;
    case TypeId::kDecimal: WriteJsonString(out, FormatDecimal(v.as_decimal(), type.scale())); return;
    case TypeId::kDate: WriteJsonString(out, FormatDate(v.as_int())); return;
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz: WriteJsonString(out, FormatTimestamp(v.as_int())); return;
    case TypeId::kArray: {
      out << '[';
      const ValueList& items = v.as_list();
      for (size_t i = 0; i < items.size(); i++) {
        if (i) out << ',';
        WriteCell(out, *type.element_type(), items[i]);
      }
      out << ']';
      return;
    }
    case TypeId::kString:
    case TypeId::kBinary: WriteJsonString(out, v.as_string()); return;
    default: WriteJsonString(out, v.ToString()); return;  // structs, maps
  }
}

}  // namespace

void WriteResult(std::ostream& out, const Schema& schema, const std::vector<Row>& rows) {
  out << "{\"columns\":[";
  for (size_t i = 0; i < schema.num_fields(); i++) {
    if (i) out << ',';
    WriteJsonString(out, schema.field(i).name);
  }
  out << "],\"types\":[";
  for (size_t i = 0; i < schema.num_fields(); i++) {
    if (i) out << ',';
    WriteJsonString(out, schema.field(i).type->ToString());
  }
  out << "]}\n";
  for (const Row& row : rows) {
    out << '[';
    for (size_t i = 0; i < row.size(); i++) {
      if (i) out << ',';
      WriteCell(out, *schema.field(i).type, row[i]);
    }
    out << "]\n";
  }
}

}  // namespace lakestream::duckdb_compare
