#include "columnar/array.h"

#include <algorithm>
#include <cstring>

#include "columnar/array_builder.h"
#include "columnar/check.h"

namespace lakestream {

Array::Array(DataTypePtr type, int64_t length, std::vector<BufferPtr> buffers, std::vector<ArrayPtr> children,
             int64_t null_count)
    : type_(std::move(type)), length_(length), buffers_(std::move(buffers)), children_(std::move(children)) {
  if (type_->id() == TypeId::kNull) {
    null_count_ = length_;
  } else if (null_count >= 0) {
    null_count_ = null_count;
  } else {
    const uint8_t* v = validity();
    null_count_ = v ? length_ - bit_util::CountSetBits(v, length_) : 0;
  }
  if (null_count_ == 0 && !buffers_.empty()) buffers_[0] = nullptr;
}

Value Array::GetValue(int64_t i) const {
  if (IsNull(i)) return Value();
  switch (type_->id()) {
    case TypeId::kNull: return Value();
    case TypeId::kBoolean: return Value(GetBool(i));
    case TypeId::kByte: return Value(static_cast<int64_t>(values<int8_t>()[i]));
    case TypeId::kShort: return Value(static_cast<int64_t>(values<int16_t>()[i]));
    case TypeId::kInt: case TypeId::kDate: case TypeId::kYearMonthInterval:
      return Value(static_cast<int64_t>(values<int32_t>()[i]));
    case TypeId::kLong: case TypeId::kTimestamp: case TypeId::kTimestampNtz: case TypeId::kDayTimeInterval:
      return Value(values<int64_t>()[i]);
    case TypeId::kFloat: return Value(static_cast<double>(values<float>()[i]));
    case TypeId::kDouble: return Value(values<double>()[i]);
    case TypeId::kDecimal: return Value::Decimal(values<int128_t>()[i]);
    case TypeId::kString: case TypeId::kBinary: return Value(GetView(i));
    case TypeId::kArray: {
      ValueList items;
      for (int32_t j = offsets()[i]; j < offsets()[i + 1]; ++j) items.push_back(child(0)->GetValue(j));
      return Value::List(std::move(items));
    }
    case TypeId::kMap: {
      ValuePairs entries;
      const auto& entries_array = child(0);
      for (int32_t j = offsets()[i]; j < offsets()[i + 1]; ++j) {
        entries.emplace_back(entries_array->child(0)->GetValue(j), entries_array->child(1)->GetValue(j));
      }
      return Value::Map(std::move(entries));
    }
    case TypeId::kStruct: {
      ValueList fields;
      for (const auto& c : children_) fields.push_back(c->GetValue(i));
      return Value::List(std::move(fields));
    }
  }
  return Value();
}

int64_t Array::MemoryUsage() const {
  int64_t bytes = 0;
  for (const auto& b : buffers_) if (b) bytes += b->capacity();
  for (const auto& c : children_) bytes += c->MemoryUsage();
  return bytes;
}

ArrayPtr MakeNullArray(const DataTypePtr& type, int64_t length) {
  if (type->id() == TypeId::kNull) return std::make_shared<Array>(type, length, std::vector<BufferPtr>{});
  auto builder = ArrayBuilder::Make(type);
  for (int64_t i = 0; i < length; ++i) builder->AppendNull();
  return builder->Finish();
}

ArrayPtr MakeConstantArray(const DataTypePtr& type, const Value& value, int64_t length) {
  if (value.is_null()) return MakeNullArray(type, length);
  int width = type->byte_width();
  if (width > 0) {
    // Build one value, then replicate its bytes.
    auto one = MakeArrayFromValues(type, {value});
    auto values = Buffer::Allocate(length * width);
    uint8_t* dst = values->mutable_data();
    const int64_t total = length * width;
    if (total > 0) std::memcpy(dst, one->buffers()[1]->data(), width);
    // Doubling copies: a few large memcpy calls instead of one per row.
    for (int64_t filled = width; filled < total; filled *= 2) {
      std::memcpy(dst + filled, dst, static_cast<size_t>(std::min(filled, total - filled)));
    }
    return std::make_shared<Array>(type, length, std::vector<BufferPtr>{nullptr, values}, std::vector<ArrayPtr>{}, 0);
  }
  if (type->IsBinaryLike()) {
    BinaryBuilder b(type, length, static_cast<int64_t>(value.as_string().size()) * length);
    for (int64_t i = 0; i < length; ++i) b.Append(value.as_string());
    return b.Finish();
  }
  auto builder = ArrayBuilder::Make(type);
  for (int64_t i = 0; i < length; ++i) builder->Append(value);
  return builder->Finish();
}

ArrayPtr MakeArrayFromValues(const DataTypePtr& type, const std::vector<Value>& values) {
  auto builder = ArrayBuilder::Make(type);
  for (const auto& v : values) builder->Append(v);
  return builder->Finish();
}

ArrayPtr Slice(const ArrayPtr& array, int64_t offset, int64_t length) {
  LS_CHECK(offset >= 0 && length >= 0 && offset + length <= array->length());
  if (offset == 0 && length == array->length()) return array;
  std::vector<int32_t> indices(length);
  for (int64_t i = 0; i < length; ++i) indices[i] = static_cast<int32_t>(offset + i);
  return Take(array, indices);
}

namespace {

// Validity of the gathered rows; nullptr when none is null.
BufferPtr TakeValidity(const Array& a, const int32_t* idx, int64_t n, int64_t* null_count) {
  bool may_null = a.null_count() > 0;
  if (!may_null) {
    int32_t any_negative = 0;  // a branch-free scan vectorizes
    for (int64_t i = 0; i < n; ++i) any_negative |= idx[i];
    may_null = any_negative < 0;
  }
  *null_count = 0;
  if (!may_null) return nullptr;
  auto bits = Buffer::Allocate(bit_util::BytesForBits(n));
  for (int64_t i = 0; i < n; ++i) {
    if (idx[i] >= 0 && a.IsValid(idx[i])) bit_util::SetBit(bits->mutable_data(), i);
    else ++*null_count;
  }
  return bits;
}

// Length of the run of consecutive source rows starting at idx[i] (>= 1;
// 1 for a negative index).
inline int64_t RunLength(const int32_t* idx, int64_t i, int64_t n) {
  if (idx[i] < 0) return 1;
  int64_t j = i + 1;
  while (j < n && idx[j] == idx[i] + static_cast<int32_t>(j - i)) ++j;
  return j - i;
}

// A selection that keeps most rows in order (a filter passing most rows)
// copies faster run by run than row by row.
inline bool MostlyRuns(const int32_t* idx, int64_t n, int64_t source_rows) {
  return n >= 64 && n * 2 >= source_rows && idx[0] >= 0 && idx[n - 1] - idx[0] + 1 <= n + n / 8;
}

template <int kWidth>
void GatherFixed(const uint8_t* src, uint8_t* dst, const int32_t* idx, int64_t n, bool runs) {
  if (runs) {
    for (int64_t i = 0; i < n;) {
      int64_t len = RunLength(idx, i, n);
      if (idx[i] >= 0) {
        std::memcpy(dst + i * kWidth, src + static_cast<int64_t>(idx[i]) * kWidth, static_cast<size_t>(len) * kWidth);
      } else {
        std::memset(dst + i * kWidth, 0, kWidth);
      }
      i += len;
    }
    return;
  }
  for (int64_t i = 0; i < n; ++i) {
    if (idx[i] >= 0) {
      std::memcpy(dst + i * kWidth, src + static_cast<int64_t>(idx[i]) * kWidth, kWidth);
    } else {
      std::memset(dst + i * kWidth, 0, kWidth);
    }
  }
}

}  // namespace

ArrayPtr Take(const ArrayPtr& array, const int32_t* idx, int64_t n) {
  const Array& a = *array;
  const auto& type = a.type();
  if (type->id() == TypeId::kNull) return MakeNullArray(type, n);
  int64_t null_count = 0;
  BufferPtr validity = TakeValidity(a, idx, n, &null_count);
  int width = type->byte_width();
  if (width > 0) {
    auto values = Buffer::AllocateUninitialized(n * width);  // GatherFixed writes every row
    const uint8_t* src = a.buffers()[1]->data();
    uint8_t* dst = values->mutable_data();
    const bool runs = MostlyRuns(idx, n, a.length());
    switch (width) {
      case 1: GatherFixed<1>(src, dst, idx, n, runs); break;
      case 2: GatherFixed<2>(src, dst, idx, n, runs); break;
      case 4: GatherFixed<4>(src, dst, idx, n, runs); break;
      case 8: GatherFixed<8>(src, dst, idx, n, runs); break;
      default: GatherFixed<16>(src, dst, idx, n, runs); break;
    }
    return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity, values}, std::vector<ArrayPtr>{}, null_count);
  }
  switch (type->id()) {
    case TypeId::kBoolean: {
      auto values = Buffer::Allocate(bit_util::BytesForBits(n));
      for (int64_t i = 0; i < n; ++i) {
        if (idx[i] >= 0 && a.GetBool(idx[i])) bit_util::SetBit(values->mutable_data(), i);
      }
      return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity, values}, std::vector<ArrayPtr>{}, null_count);
    }
    case TypeId::kString:
    case TypeId::kBinary: {
      const int32_t* src_off = a.offsets();
      int64_t total = 0;
      for (int64_t i = 0; i < n; ++i) if (idx[i] >= 0) total += src_off[idx[i] + 1] - src_off[idx[i]];
      if (total > INT32_MAX) throw UserError("STRING_TOO_LARGE", "54000", "A string column batch exceeds 2 GiB of data.");
      // Both are written in full below.
      auto offsets = Buffer::AllocateUninitialized((n + 1) * 4);
      auto data = Buffer::AllocateUninitialized(total);
      int32_t* off = offsets->mutable_data_as<int32_t>();
      const uint8_t* src = a.buffers()[2]->data();
      int32_t pos = 0;
      if (MostlyRuns(idx, n, a.length())) {
        for (int64_t i = 0; i < n;) {
          const int64_t run = RunLength(idx, i, n);
          if (idx[i] < 0) {
            off[i++] = pos;
            continue;
          }
          const int32_t first = src_off[idx[i]];
          for (int64_t k = 0; k < run; ++k) off[i + k] = pos + (src_off[idx[i] + k] - first);
          const int32_t bytes = src_off[idx[i] + run] - first;
          std::memcpy(data->mutable_data() + pos, src + first, bytes);
          pos += bytes;
          i += run;
        }
      } else {
        for (int64_t i = 0; i < n; ++i) {
          off[i] = pos;
          if (idx[i] >= 0) {
            int32_t len = src_off[idx[i] + 1] - src_off[idx[i]];
            std::memcpy(data->mutable_data() + pos, src + src_off[idx[i]], len);
            pos += len;
          }
        }
      }
      off[n] = pos;
      return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity, offsets, data}, std::vector<ArrayPtr>{}, null_count);
    }
    case TypeId::kArray:
    case TypeId::kMap: {
      const int32_t* src_off = a.offsets();
      auto offsets = Buffer::Allocate((n + 1) * 4);
      int32_t* off = offsets->mutable_data_as<int32_t>();
      std::vector<int32_t> child_idx;
      for (int64_t i = 0; i < n; ++i) {
        off[i] = static_cast<int32_t>(child_idx.size());
        if (idx[i] >= 0) {
          for (int32_t j = src_off[idx[i]]; j < src_off[idx[i] + 1]; ++j) child_idx.push_back(j);
        }
      }
      off[n] = static_cast<int32_t>(child_idx.size());
      auto child = Take(a.child(0), child_idx);
      return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity, offsets}, std::vector<ArrayPtr>{child}, null_count);
    }
    case TypeId::kStruct: {
      std::vector<ArrayPtr> children;
      for (const auto& c : a.children()) children.push_back(Take(c, idx, n));
      return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity}, std::move(children), null_count);
    }
    default: break;
  }
  throw InternalError("Take: unsupported type " + type->ToString());
}

ArrayPtr Take(const ArrayPtr& array, const std::vector<int32_t>& indices) {
  return Take(array, indices.data(), static_cast<int64_t>(indices.size()));
}

ArrayPtr FilterBits(const ArrayPtr& array, const uint8_t* selection, int64_t selected_count) {
  std::vector<int32_t> indices;
  indices.reserve(selected_count);
  for (int64_t i = 0; i < array->length(); ++i) {
    if (bit_util::GetBit(selection, i)) indices.push_back(static_cast<int32_t>(i));
  }
  return Take(array, indices);
}

ArrayPtr Concatenate(const std::vector<ArrayPtr>& arrays) {
  LS_CHECK(!arrays.empty());
  if (arrays.size() == 1) return arrays[0];
  const auto& type = arrays[0]->type();
  int64_t n = 0, nulls = 0;
  for (const auto& a : arrays) { n += a->length(); nulls += a->null_count(); }
  if (type->id() == TypeId::kNull) return MakeNullArray(type, n);
  BufferPtr validity;
  if (nulls > 0) {
    validity = Buffer::Allocate(bit_util::BytesForBits(n));
    int64_t pos = 0;
    for (const auto& a : arrays) {
      for (int64_t i = 0; i < a->length(); ++i, ++pos) if (a->IsValid(i)) bit_util::SetBit(validity->mutable_data(), pos);
    }
  }
  int width = type->byte_width();
  if (width > 0) {
    auto values = Buffer::Allocate(n * width);
    int64_t pos = 0;
    for (const auto& a : arrays) {
      std::memcpy(values->mutable_data() + pos, a->buffers()[1]->data(), a->length() * width);
      pos += a->length() * width;
    }
    return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity, values}, std::vector<ArrayPtr>{}, nulls);
  }
  switch (type->id()) {
    case TypeId::kBoolean: {
      auto values = Buffer::Allocate(bit_util::BytesForBits(n));
      int64_t pos = 0;
      for (const auto& a : arrays) {
        for (int64_t i = 0; i < a->length(); ++i, ++pos) if (a->GetBool(i)) bit_util::SetBit(values->mutable_data(), pos);
      }
      return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity, values}, std::vector<ArrayPtr>{}, nulls);
    }
    case TypeId::kString:
    case TypeId::kBinary:
    case TypeId::kArray:
    case TypeId::kMap: {
      bool is_list = !type->IsBinaryLike();
      auto offsets = Buffer::Allocate((n + 1) * 4);
      int32_t* off = offsets->mutable_data_as<int32_t>();
      int64_t row = 0, base = 0;
      std::vector<ArrayPtr> children;
      for (const auto& a : arrays) {
        const int32_t* src = a->offsets();
        for (int64_t i = 0; i < a->length(); ++i) off[row++] = static_cast<int32_t>(base + src[i]);
        base += src[a->length()];
        if (base > INT32_MAX) throw UserError("STRING_TOO_LARGE", "54000", "A column batch exceeds 2 GiB of data.");
        if (is_list) children.push_back(a->child(0));
      }
      off[n] = static_cast<int32_t>(base);
      if (is_list) {
        return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity, offsets},
                                       std::vector<ArrayPtr>{Concatenate(children)}, nulls);
      }
      auto data = Buffer::Allocate(base);
      int64_t pos = 0;
      for (const auto& a : arrays) {
        int64_t len = a->offsets()[a->length()];
        std::memcpy(data->mutable_data() + pos, a->buffers()[2]->data(), len);
        pos += len;
      }
      return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity, offsets, data}, std::vector<ArrayPtr>{}, nulls);
    }
    case TypeId::kStruct: {
      std::vector<ArrayPtr> children;
      for (size_t f = 0; f < type->fields().size(); ++f) {
        std::vector<ArrayPtr> parts;
        for (const auto& a : arrays) parts.push_back(a->child(f));
        children.push_back(Concatenate(parts));
      }
      return std::make_shared<Array>(type, n, std::vector<BufferPtr>{validity}, std::move(children), nulls);
    }
    default: break;
  }
  throw InternalError("Concatenate: unsupported type " + type->ToString());
}

}  // namespace lakestream
