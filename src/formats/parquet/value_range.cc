#include "formats/parquet/value_range.h"

#include <cmath>
#include <cstring>

#include "formats/parquet/leaf_value_converter.h"
#include "formats/parquet/record_assembler.h"

namespace lakestream::parquet {

namespace {

constexpr int64_t kMicrosPerDay = 86400LL * 1000 * 1000;

int128_t Pow10(int n) {
  int128_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// A value of file type `from` in the domain of `to` (CanReadAs(from, to)).
std::optional<Value> Widen(Value v, const DataType& from, const DataType& to) {
  if (v.kind() == Value::Kind::kDouble && std::isnan(v.as_double())) return std::nullopt;
  if (from.Equals(to) || from.IsBinaryLike()) return v;
  if (from.id() == TypeId::kDate && to.id() == TypeId::kTimestampNtz) {
    // A corrupt or far-off statistic past the TIMESTAMP range says nothing usable.
    int64_t micros = 0;
    if (__builtin_mul_overflow(v.as_int(), kMicrosPerDay, &micros)) return std::nullopt;
    return Value(micros);
  }
  if (to.IsFloating()) return v.kind() == Value::Kind::kInt ? Value(static_cast<double>(v.as_int())) : v;
  if (to.id() == TypeId::kDecimal) {
    int128_t unscaled = v.kind() == Value::Kind::kInt ? int128_t{v.as_int()} : v.as_decimal();
    int from_scale = from.id() == TypeId::kDecimal ? from.scale() : 0;
    return Value::Decimal(unscaled * Pow10(to.scale() - from_scale));
  }
  return v;
}

}  // namespace

int CompareValues(const Value& a, const Value& b) {
  switch (a.kind()) {
    case Value::Kind::kBool: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Value::Kind::kInt: return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int();
    case Value::Kind::kDouble: return a.as_double() < b.as_double() ? -1 : a.as_double() > b.as_double();
    case Value::Kind::kDecimal: return a.as_decimal() < b.as_decimal() ? -1 : a.as_decimal() > b.as_decimal();
    case Value::Kind::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : c > 0;
    }
    default: return 0;
  }
}

std::optional<Value> DecodeStatisticsValue(const LeafDescriptor& leaf, const std::string& bytes, const DataType& type) {
  if (leaf.physical_type == PhysicalType::kInt96 || !CanReadAs(*leaf.type, type)) return std::nullopt;
  LeafValueConverter converter(leaf);
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  Value v;
  if (!converter.physical_is_fixed()) {
    if (converter.target() == LeafValueConverter::Target::kBinary) {
      v = Value(bytes);
    } else {
      int32_t offsets[2] = {0, static_cast<int32_t>(bytes.size())};
      uint8_t out[16];
      converter.BinaryToFixed(offsets, data, 1, out);
      v = converter.FixedValue(out);
    }
  } else {
    if (bytes.size() != static_cast<size_t>(converter.physical_width())) return std::nullopt;
    if (converter.target() == LeafValueConverter::Target::kBinary) {
      std::vector<int32_t> offsets{0};
      std::string text;
      converter.FixedToBinary(data, 1, &offsets, &text);
      v = Value(std::move(text));
    } else {
      uint8_t out[16];
      converter.FixedToFixed(data, 1, out);
      v = converter.FixedValue(out);
    }
  }
  return Widen(std::move(v), *leaf.type, type);
}

bool ValueRange::MayMatch(const ColumnPredicate& p, const DataType& type) const {
  bool no_nulls = null_count && *null_count == 0;
  bool only_nulls = all_null || (null_count && num_values >= 0 && *null_count >= num_values);
  if (p.op == ColumnPredicate::Op::kIsNull) return !no_nulls;
  if (p.op == ColumnPredicate::Op::kIsNotNull) return !only_nulls;
  if (only_nulls) return false;  // comparisons never match NULL
  bool floating = type.IsFloating();
  auto in_range = [&](const Value& v) {
    if (v.is_null()) return true;
    // NaN sorts above every number in Spark and statistics leave NaN out.
    if (floating && std::isnan(v.as_double())) return true;
    if (min && CompareValues(v, *min) < 0) return false;
    if (max && CompareValues(v, *max) > 0) return false;
    return true;
  };
  if (p.values.empty()) return true;
  const Value& v = p.values[0];
  if (v.is_null() || (floating && std::isnan(v.as_double()))) return true;
  switch (p.op) {
    case ColumnPredicate::Op::kEq: return in_range(v);
    case ColumnPredicate::Op::kIn:
      for (const auto& item : p.values) {
        if (in_range(item)) return true;
      }
      return false;
    case ColumnPredicate::Op::kLt: return !min || CompareValues(*min, v) < 0;
    case ColumnPredicate::Op::kLe: return !min || CompareValues(*min, v) <= 0;
    // A NaN row would satisfy > and >= whatever max says.
    case ColumnPredicate::Op::kGt: return floating || !max || CompareValues(*max, v) > 0;
    case ColumnPredicate::Op::kGe: return floating || !max || CompareValues(*max, v) >= 0;
    default: return true;
  }
}

}  // namespace lakestream::parquet
