#include "random_rows.h"

#include <cmath>

namespace lakestream::parquet_write {
namespace {

int128_t Pow10(int n) {
  int128_t v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

}  // namespace

std::vector<Row> RandomRows::Rows(const Schema& schema, int64_t count) {
  std::vector<Row> rows;
  rows.reserve(count);
  for (int64_t r = 0; r < count; ++r) {
    std::vector<Value> values;
    for (const Field& f : schema.fields()) values.push_back(Next(*f.type, f.nullable));
    rows.emplace_back(std::move(values));
  }
  return rows;
}

std::string RandomRows::Text(int max_length) {
  // Mostly ASCII, with two- to four-byte UTF-8 characters mixed in.
  static const char* const kPieces[] = {"a", "b", "z", "Q", " ", "0", "-", "é", "ß", "✓", "中", "𝄞", "\"", "\\"};
  std::string out;
  int64_t length = Uniform(0, max_length);
  for (int64_t i = 0; i < length; ++i) out += kPieces[Uniform(0, std::size(kPieces) - 1)];
  return out;
}

Value RandomRows::Key(const DataType& type, int ordinal) {
  if (type.id() == TypeId::kString) return Value("k" + std::to_string(ordinal) + Text(3));
  return Value(static_cast<int64_t>(ordinal * 1000 + Uniform(0, 999)));
}

Value RandomRows::Next(const DataType& type, bool nullable) {
  if (nullable && Chance(0.1)) return Value();
  switch (type.id()) {
    case TypeId::kBoolean: return Value(Chance(0.5));
    case TypeId::kByte: return Value(Uniform(-128, 127));
    case TypeId::kShort: return Value(Uniform(-32768, 32767));
    case TypeId::kInt: return Value(Uniform(INT32_MIN, INT32_MAX));
    case TypeId::kLong: return Value(Uniform(INT64_MIN, INT64_MAX));
    case TypeId::kFloat: return Value(static_cast<double>(static_cast<float>(Uniform(-1000000, 1000000) / 64.0)));
    case TypeId::kDouble: return Value(std::ldexp(static_cast<double>(Uniform(-(1LL << 52), 1LL << 52)), static_cast<int>(Uniform(-80, 20))));
    case TypeId::kDecimal: {
      int128_t bound = Pow10(type.precision()) - 1;
      // Spread over the digits: a random number of significant digits, random sign.
      int digits = static_cast<int>(Uniform(1, type.precision()));
      int128_t v = 0;
      for (int i = 0; i < digits; ++i) v = v * 10 + Uniform(0, 9);
      if (v > bound) v = bound;
      return Value::Decimal(Chance(0.5) ? -v : v);
    }
    case TypeId::kString: return Value(Text(12));
    case TypeId::kBinary: {
      std::string bytes;
      int64_t length = Uniform(0, 10);
      for (int64_t i = 0; i < length; ++i) bytes.push_back(static_cast<char>(Uniform(0, 255)));
      return Value(bytes);
    }
    case TypeId::kDate: return Value(Uniform(-719162, 2932896));  // 0001-01-01 .. 9999-12-31
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz: return Value(Uniform(-62135596800000000LL, 253402300799999999LL));
    case TypeId::kArray: {
      ValueList items;
      int64_t n = Chance(0.15) ? 0 : Uniform(1, 4);
      for (int64_t i = 0; i < n; ++i) items.push_back(Next(*type.element_type(), type.contains_null()));
      return Value::List(std::move(items));
    }
    case TypeId::kMap: {
      ValuePairs entries;
      int64_t n = Chance(0.15) ? 0 : Uniform(1, 3);
      for (int64_t i = 0; i < n; ++i) {
        entries.emplace_back(Key(*type.key_type(), static_cast<int>(i)), Next(*type.value_type(), type.value_contains_null()));
      }
      return Value::Map(std::move(entries));
    }
    case TypeId::kStruct: {
      ValueList fields;
      for (const Field& f : type.fields()) fields.push_back(Next(*f.type, f.nullable));
      return Value::List(std::move(fields));
    }
    case TypeId::kNull:
    case TypeId::kYearMonthInterval:  // not writable to Parquet
    case TypeId::kDayTimeInterval: break;
  }
  return Value();
}

}  // namespace lakestream::parquet_write
