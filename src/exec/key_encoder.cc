#include "exec/key_encoder.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include <xxhash.h>

#include "columnar/array_builder.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

int ValueWidth(const DataType& t) {
  switch (t.id()) {
    case TypeId::kNull: return 0;
    case TypeId::kBoolean: return 1;
    case TypeId::kString:
    case TypeId::kBinary:
    case TypeId::kArray:
    case TypeId::kStruct:
    case TypeId::kMap: return -1;
    default: return t.byte_width();
  }
}

template <typename T>
T NormalizeFloat(T v) {
  if (v == 0) return T(0);
  if (std::isnan(v)) return std::numeric_limits<T>::quiet_NaN();
  return v;
}

// Nested values (rare as keys) go through Value: a tagged, length-prefixed form.
void SerializeValue(const Value& v, std::string& out) {
  out.push_back(static_cast<char>(v.kind()));
  auto put_u32 = [&](uint32_t n) { out.append(reinterpret_cast<const char*>(&n), 4); };
  switch (v.kind()) {
    case Value::Kind::kNull: break;
    case Value::Kind::kBool: out.push_back(v.as_bool() ? 1 : 0); break;
    case Value::Kind::kInt: { int64_t x = v.as_int(); out.append(reinterpret_cast<const char*>(&x), 8); break; }
    case Value::Kind::kDouble: {
      double x = NormalizeFloat(v.as_double());
      out.append(reinterpret_cast<const char*>(&x), 8);
      break;
    }
    case Value::Kind::kDecimal: { int128_t x = v.as_decimal(); out.append(reinterpret_cast<const char*>(&x), 16); break; }
    case Value::Kind::kString: put_u32(static_cast<uint32_t>(v.as_string().size())); out += v.as_string(); break;
    case Value::Kind::kList:
      put_u32(static_cast<uint32_t>(v.as_list().size()));
      for (const auto& item : v.as_list()) SerializeValue(item, out);
      break;
    case Value::Kind::kMap:
      put_u32(static_cast<uint32_t>(v.as_map().size()));
      for (const auto& [k, val] : v.as_map()) { SerializeValue(k, out); SerializeValue(val, out); }
      break;
  }
}

Value DeserializeValue(const uint8_t*& p) {
  auto kind = static_cast<Value::Kind>(*p++);
  auto get_u32 = [&] { uint32_t n; std::memcpy(&n, p, 4); p += 4; return n; };
  switch (kind) {
    case Value::Kind::kNull: return Value();
    case Value::Kind::kBool: return Value(*p++ != 0);
    case Value::Kind::kInt: { int64_t x; std::memcpy(&x, p, 8); p += 8; return Value(x); }
    case Value::Kind::kDouble: { double x; std::memcpy(&x, p, 8); p += 8; return Value(x); }
    case Value::Kind::kDecimal: { int128_t x; std::memcpy(&x, p, 16); p += 16; return Value::Decimal(x); }
    case Value::Kind::kString: {
      uint32_t n = get_u32();
      std::string s(reinterpret_cast<const char*>(p), n);
      p += n;
      return Value(std::move(s));
    }
    case Value::Kind::kList: {
      uint32_t n = get_u32();
      ValueList items;
      for (uint32_t i = 0; i < n; ++i) items.push_back(DeserializeValue(p));
      return Value::List(std::move(items));
    }
    case Value::Kind::kMap: {
      uint32_t n = get_u32();
      ValuePairs entries;
      for (uint32_t i = 0; i < n; ++i) {
        Value k = DeserializeValue(p);
        entries.emplace_back(std::move(k), DeserializeValue(p));
      }
      return Value::Map(std::move(entries));
    }
  }
  throw InternalError("corrupt encoded key");
}

// Writes one fixed-width column into rows that start at `row_starts`.
template <typename T>
void WriteFixed(const Array& a, int64_t rows, uint8_t* data, const uint32_t* row_pos) {
  const T* values = a.values<T>();
  const uint8_t* valid = a.validity();
  for (int64_t r = 0; r < rows; ++r) {
    uint8_t* p = data + row_pos[r];
    bool ok = valid == nullptr || bit_util::GetBit(valid, r);
    p[0] = ok ? 1 : 0;
    T v = ok ? values[r] : T{};
    if constexpr (std::is_floating_point_v<T>) v = NormalizeFloat(v);
    std::memcpy(p + 1, &v, sizeof(T));
  }
}

}  // namespace

KeyEncoder::KeyEncoder(std::vector<DataTypePtr> types) : types_(std::move(types)) {
  for (const auto& t : types_) {
    int w = ValueWidth(*t);
    widths_.push_back(w);
    if (w < 0 || fixed_width_ < 0) {
      fixed_width_ = -1;
    } else {
      fixed_width_ += 1 + w;
    }
  }
}

void KeyEncoder::Encode(const std::vector<ArrayPtr>& columns, int64_t rows, EncodedKeys& out) const {
  out.offsets.resize(rows + 1);
  uint32_t* offsets = out.offsets.data();
  std::vector<std::string> nested;  // per row scratch for nested columns
  if (fixed_width_ >= 0) {
    for (int64_t r = 0; r <= rows; ++r) offsets[r] = static_cast<uint32_t>(r * fixed_width_);
  } else {
    std::vector<uint32_t> sizes(rows, 0);
    for (size_t c = 0; c < types_.size(); ++c) {
      const Array& a = *columns[c];
      if (widths_[c] >= 0) {
        for (int64_t r = 0; r < rows; ++r) sizes[r] += 1 + widths_[c];
      } else if (a.type()->IsBinaryLike()) {
        for (int64_t r = 0; r < rows; ++r) sizes[r] += 1 + (a.IsValid(r) ? 4 + static_cast<uint32_t>(a.GetView(r).size()) : 0);
      } else {
        for (int64_t r = 0; r < rows; ++r) {
          std::string s;
          if (a.IsValid(r)) SerializeValue(a.GetValue(r), s);
          sizes[r] += 1 + static_cast<uint32_t>(s.size());
        }
      }
    }
    uint64_t total = 0;
    for (int64_t r = 0; r < rows; ++r) {
      offsets[r] = static_cast<uint32_t>(total);
      total += sizes[r];
    }
    if (total > std::numeric_limits<uint32_t>::max()) throw InternalError("encoded keys of one batch exceed 4 GiB");
    offsets[rows] = static_cast<uint32_t>(total);
  }
  out.data.assign(offsets[rows], 0);
  uint8_t* data = out.data.data();
  // Each column writes at the running position of each row.
  std::vector<uint32_t> pos(offsets, offsets + rows);
  for (size_t c = 0; c < types_.size(); ++c) {
    const Array& a = *columns[c];
    switch (a.type_id()) {
      case TypeId::kNull:
        for (int64_t r = 0; r < rows; ++r) data[pos[r]] = 0;
        break;
      case TypeId::kBoolean:
        for (int64_t r = 0; r < rows; ++r) {
          bool ok = a.IsValid(r);
          data[pos[r]] = ok;
          data[pos[r] + 1] = ok && a.GetBool(r);
        }
        break;
      case TypeId::kByte: WriteFixed<int8_t>(a, rows, data, pos.data()); break;
      case TypeId::kShort: WriteFixed<int16_t>(a, rows, data, pos.data()); break;
      case TypeId::kInt:
      case TypeId::kYearMonthInterval:
      case TypeId::kDate: WriteFixed<int32_t>(a, rows, data, pos.data()); break;
      case TypeId::kLong:
      case TypeId::kTimestamp:
      case TypeId::kDayTimeInterval:
      case TypeId::kTimestampNtz: WriteFixed<int64_t>(a, rows, data, pos.data()); break;
      case TypeId::kFloat: WriteFixed<float>(a, rows, data, pos.data()); break;
      case TypeId::kDouble: WriteFixed<double>(a, rows, data, pos.data()); break;
      case TypeId::kDecimal: WriteFixed<int128_t>(a, rows, data, pos.data()); break;
      case TypeId::kString:
      case TypeId::kBinary:
        for (int64_t r = 0; r < rows; ++r) {
          uint8_t* p = data + pos[r];
          if (!a.IsValid(r)) { p[0] = 0; pos[r] += 1; continue; }
          std::string_view v = a.GetView(r);
          uint32_t n = static_cast<uint32_t>(v.size());
          p[0] = 1;
          std::memcpy(p + 1, &n, 4);
          std::memcpy(p + 5, v.data(), n);
          pos[r] += 5 + n;
        }
        continue;
      default:
        for (int64_t r = 0; r < rows; ++r) {
          uint8_t* p = data + pos[r];
          if (!a.IsValid(r)) { p[0] = 0; pos[r] += 1; continue; }
          std::string s;
          SerializeValue(a.GetValue(r), s);
          p[0] = 1;
          std::memcpy(p + 1, s.data(), s.size());
          pos[r] += 1 + static_cast<uint32_t>(s.size());
        }
        continue;
    }
    for (int64_t r = 0; r < rows; ++r) pos[r] += 1 + widths_[c];
  }
  out.hashes.resize(rows);
  for (int64_t r = 0; r < rows; ++r) out.hashes[r] = XXH3_64bits(data + offsets[r], offsets[r + 1] - offsets[r]);
}

namespace {
template <typename T>
ArrayPtr DecodeFixed(const DataTypePtr& type, const std::vector<const uint8_t*>& rows, const std::vector<uint32_t>& pos) {
  PrimitiveBuilder<T> b(type, static_cast<int64_t>(rows.size()));
  for (size_t i = 0; i < rows.size(); ++i) {
    const uint8_t* p = rows[i] + pos[i];
    if (p[0] == 0) { b.AppendNull(); continue; }
    T v;
    std::memcpy(&v, p + 1, sizeof(T));
    b.Append(v);
  }
  return b.Finish();
}
}  // namespace

std::vector<ArrayPtr> KeyEncoder::Decode(const std::vector<const uint8_t*>& rows) const {
  std::vector<ArrayPtr> out;
  std::vector<uint32_t> pos(rows.size(), 0);
  const int64_t n = static_cast<int64_t>(rows.size());
  for (size_t c = 0; c < types_.size(); ++c) {
    const DataTypePtr& type = types_[c];
    switch (type->id()) {
      case TypeId::kNull: out.push_back(MakeNullArray(type, n)); break;
      case TypeId::kBoolean: {
        BooleanBuilder b(n);
        for (int64_t i = 0; i < n; ++i) {
          const uint8_t* p = rows[i] + pos[i];
          p[0] ? b.Append(p[1] != 0) : b.AppendNull();
        }
        out.push_back(b.Finish());
        break;
      }
      case TypeId::kByte: out.push_back(DecodeFixed<int8_t>(type, rows, pos)); break;
      case TypeId::kShort: out.push_back(DecodeFixed<int16_t>(type, rows, pos)); break;
      case TypeId::kInt:
      case TypeId::kYearMonthInterval:
      case TypeId::kDate: out.push_back(DecodeFixed<int32_t>(type, rows, pos)); break;
      case TypeId::kLong:
      case TypeId::kTimestamp:
      case TypeId::kDayTimeInterval:
      case TypeId::kTimestampNtz: out.push_back(DecodeFixed<int64_t>(type, rows, pos)); break;
      case TypeId::kFloat: out.push_back(DecodeFixed<float>(type, rows, pos)); break;
      case TypeId::kDouble: out.push_back(DecodeFixed<double>(type, rows, pos)); break;
      case TypeId::kDecimal: out.push_back(DecodeFixed<int128_t>(type, rows, pos)); break;
      case TypeId::kString:
      case TypeId::kBinary: {
        BinaryBuilder b(type, n);
        for (int64_t i = 0; i < n; ++i) {
          const uint8_t* p = rows[i] + pos[i];
          if (p[0] == 0) { b.AppendNull(); pos[i] += 1; continue; }
          uint32_t len;
          std::memcpy(&len, p + 1, 4);
          b.Append(std::string_view(reinterpret_cast<const char*>(p + 5), len));
          pos[i] += 5 + len;
        }
        out.push_back(b.Finish());
        continue;
      }
      default: {
        auto b = ArrayBuilder::Make(type);
        for (int64_t i = 0; i < n; ++i) {
          const uint8_t* p = rows[i] + pos[i];
          if (p[0] == 0) { b->AppendNull(); pos[i] += 1; continue; }
          const uint8_t* q = p + 1;
          b->Append(DeserializeValue(q));
          pos[i] += static_cast<uint32_t>(q - p);
        }
        out.push_back(b->Finish());
        continue;
      }
    }
    for (int64_t i = 0; i < n; ++i) pos[i] += 1 + widths_[c];
  }
  return out;
}

}  // namespace lakestream
