#include "formats/parquet/page_dictionary.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "formats/parquet/encoding.h"

namespace lakestream::parquet {

namespace {

template <typename T>
void GatherFixed(const uint8_t* dictionary, const uint32_t* indices, int64_t n, uint8_t* dst) {
  const T* d = reinterpret_cast<const T*>(dictionary);
  T* out = reinterpret_cast<T*>(dst);
  for (int64_t i = 0; i < n; ++i) out[i] = d[indices[i]];
}

struct Bytes16 {
  uint64_t lo, hi;
};

// Entries up to this long are copied in 16-byte steps that may run past
// their end (into the padding after the dictionary bytes and after the
// batch's bytes): no call per value.
constexpr int32_t kShortEntry = 64;
constexpr size_t kGatherPadding = 16;

inline void Copy16(char* dst, const char* src) {
  Bytes16 v;
  std::memcpy(&v, src, 16);
  std::memcpy(dst, &v, 16);
}

}  // namespace

void PageDictionary::Decode(const Page& page) {
  const DictionaryPageHeader& h = *page.header.dictionary_page_header;
  if (h.num_values < 0) {
    throw ParquetCorruptError("the dictionary page declares " + std::to_string(h.num_values) + " values");
  }
  if (h.encoding != Encoding::kPlain && h.encoding != Encoding::kPlainDictionary) {
    throw ParquetCorruptError("a dictionary page whose values are not PLAIN");
  }
  if (converter_.target() == LeafValueConverter::Target::kBoolean) {
    throw ParquetCorruptError("a dictionary page in a BOOLEAN column");
  }
  int64_t n = h.num_values;
  offsets_.assign(1, 0);
  bytes_.clear();
  fixed_.clear();
  bool binary_target = converter_.target() == LeafValueConverter::Target::kBinary;
  if (!converter_.physical_is_fixed()) {
    std::vector<int32_t> decoded_offsets{0};
    std::string decoded_bytes;
    std::vector<int32_t>& offsets = binary_target ? offsets_ : decoded_offsets;
    std::string& bytes = binary_target ? bytes_ : decoded_bytes;
    DecodePlainByteArray(page.body, page.body_size, n, &offsets, &bytes);
    if (!binary_target) {
      fixed_.resize(static_cast<size_t>(n) * converter_.target_width());
      converter_.BinaryToFixed(offsets.data(), reinterpret_cast<const uint8_t*>(bytes.data()), n, fixed_.data());
    }
  } else {
    int width = converter_.physical_width();
    if (static_cast<uint64_t>(n) > page.body_size / width) {
      throw ParquetCorruptError("the dictionary page declares " + std::to_string(n) + " values but holds " +
                                std::to_string(page.body_size) + " bytes");
    }
    if (binary_target) {
      converter_.FixedToBinary(page.body, n, &offsets_, &bytes_);
    } else {
      fixed_.resize(static_cast<size_t>(n) * converter_.target_width());
      converter_.FixedToFixed(page.body, n, fixed_.data());
    }
  }
  max_length_ = 0;
  for (size_t i = 0; i + 1 < offsets_.size(); ++i) max_length_ = std::max(max_length_, offsets_[i + 1] - offsets_[i]);
  bytes_.append(kGatherPadding, '\0');
  size_ = n;
}

int64_t PageDictionary::memory() const {
  return static_cast<int64_t>(fixed_.capacity() + offsets_.capacity() * sizeof(int32_t) + bytes_.capacity());
}

void PageDictionary::Gather(const uint32_t* indices, int64_t count, LeafBatch* out) const {
  // last - index turns negative exactly for an index past the end; OR-ing
  // the differences (in independent chains) checks a step without a branch.
  const int64_t last = size_ - 1;
  int64_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  int64_t i4 = 0;
  for (; i4 + 4 <= count; i4 += 4) {
    a0 |= last - static_cast<int64_t>(indices[i4]);
    a1 |= last - static_cast<int64_t>(indices[i4 + 1]);
    a2 |= last - static_cast<int64_t>(indices[i4 + 2]);
    a3 |= last - static_cast<int64_t>(indices[i4 + 3]);
  }
  for (; i4 < count; ++i4) a0 |= last - static_cast<int64_t>(indices[i4]);
  uint32_t max_index = 0;
  if ((a0 | a1 | a2 | a3) < 0) max_index = *std::max_element(indices, indices + count);
  if (count > 0 && max_index >= size_) {
    throw ParquetCorruptError("dictionary index " + std::to_string(max_index) +
                              " is out of range for a dictionary of " + std::to_string(size_) + " values");
  }
  if (converter_.target() != LeafValueConverter::Target::kBinary) {
    int width = converter_.target_width();
    uint8_t* dst = out->FixedValuesFor(count, width);
    switch (width) {
      case 1: GatherFixed<uint8_t>(fixed_.data(), indices, count, dst); break;
      case 2: GatherFixed<uint16_t>(fixed_.data(), indices, count, dst); break;
      case 4: GatherFixed<uint32_t>(fixed_.data(), indices, count, dst); break;
      case 8: GatherFixed<uint64_t>(fixed_.data(), indices, count, dst); break;
      default: GatherFixed<Bytes16>(fixed_.data(), indices, count, dst); break;
    }
    return;
  }
  // Sizes first, so the bytes grow once and each value is one memcpy.
  const int32_t* d = offsets_.data();
  int64_t total = 0;
  for (int64_t i = 0; i < count; ++i) total += d[indices[i] + 1] - d[indices[i]];
  size_t at = out->bytes.size();
  if (static_cast<int64_t>(at) + total > kMaxBatchBytes) ThrowBatchBytesOverflow(converter_.leaf().DottedPath());
  size_t first = out->offsets.size();
  out->offsets.resize(first + static_cast<size_t>(count));
  int32_t* offsets = out->offsets.data() + first;
  int32_t offset = static_cast<int32_t>(at);
  if (max_length_ <= kShortEntry) {
    out->bytes.resize(at + static_cast<size_t>(total) + kGatherPadding);
    char* dst = out->bytes.data() + at;
    const char* src = bytes_.data();
    for (int64_t i = 0; i < count; ++i) {
      int32_t begin = d[indices[i]];
      int32_t length = d[indices[i] + 1] - begin;
      Copy16(dst, src + begin);
      for (int32_t k = 16; k < length; k += 16) Copy16(dst + k, src + begin + k);
      dst += length;
      offset += length;
      offsets[i] = offset;
    }
    out->bytes.resize(at + static_cast<size_t>(total));
    return;
  }
  out->bytes.resize(at + static_cast<size_t>(total));
  char* dst = out->bytes.data() + at;
  for (int64_t i = 0; i < count; ++i) {
    int32_t begin = d[indices[i]];
    int32_t length = d[indices[i] + 1] - begin;
    std::memcpy(dst, bytes_.data() + begin, static_cast<size_t>(length));
    dst += length;
    offset += length;
    offsets[i] = offset;
  }
}

Value PageDictionary::ValueAt(int64_t i) const {
  if (converter_.target() == LeafValueConverter::Target::kBinary) {
    return Value(std::string_view(bytes_.data() + offsets_[i], static_cast<size_t>(offsets_[i + 1] - offsets_[i])));
  }
  return converter_.FixedValue(fixed_.data() + i * converter_.target_width());
}

}  // namespace lakestream::parquet
