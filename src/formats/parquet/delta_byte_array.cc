// DELTA_LENGTH_BYTE_ARRAY (lengths as DELTA_BINARY_PACKED, then all bytes
// back to back) and DELTA_BYTE_ARRAY (prefix lengths shared with the previous
// value, then the suffixes as DELTA_LENGTH_BYTE_ARRAY).
#include <climits>
#include <cstring>

#include "columnar/check.h"
#include "formats/parquet/byte_cursor.h"
#include "formats/parquet/encoding.h"

namespace lakestream::parquet {

namespace {

// A DELTA_LENGTH_BYTE_ARRAY stream whose lengths were checked to be
// non-negative and to fit the data.
struct LengthsAndBytes {
  std::vector<int32_t> lengths;
  const uint8_t* bytes = nullptr;  // the concatenated values
  int64_t total_bytes = 0;
  size_t consumed = 0;  // lengths plus bytes
};

LengthsAndBytes ReadLengthsAndBytes(const uint8_t* data, size_t size, int64_t count, const char* what) {
  ByteCursor in(data, size, what);
  if (count < 0) in.Fail("negative value count " + std::to_string(count));
  LengthsAndBytes run;
  run.lengths.resize(static_cast<size_t>(count));
  in.Take(DecodeDeltaBinaryPacked32(data, size, count, run.lengths.data()));
  for (int32_t length : run.lengths) {
    if (length < 0) in.Fail("negative byte array length " + std::to_string(length));
    run.total_bytes += length;
  }
  run.bytes = in.Take(static_cast<size_t>(run.total_bytes));
  run.consumed = in.offset();
  return run;
}

void CheckFitsOffsets(const std::vector<int32_t>& offsets, int64_t total_bytes, const char* what) {
  if (offsets.back() + total_bytes > INT32_MAX) {
    throw ParquetCorruptError(std::string(what) + ": byte arrays exceed 2 GiB in one column batch");
  }
}

}  // namespace

size_t DecodeDeltaLengthByteArray(const uint8_t* data, size_t size, int64_t count, std::vector<int32_t>* offsets,
                                  std::string* bytes) {
  LS_CHECK(!offsets->empty());
  const char* what = "DELTA_LENGTH_BYTE_ARRAY data";
  const LengthsAndBytes run = ReadLengthsAndBytes(data, size, count, what);
  CheckFitsOffsets(*offsets, run.total_bytes, what);
  bytes->append(reinterpret_cast<const char*>(run.bytes), static_cast<size_t>(run.total_bytes));
  offsets->reserve(offsets->size() + run.lengths.size());
  int32_t end = offsets->back();
  for (int32_t length : run.lengths) offsets->push_back(end += length);
  return run.consumed;
}

size_t DecodeDeltaByteArray(const uint8_t* data, size_t size, int64_t count, std::vector<int32_t>* offsets,
                            std::string* bytes) {
  LS_CHECK(!offsets->empty());
  const char* what = "DELTA_BYTE_ARRAY data";
  ByteCursor in(data, size, what);
  if (count < 0) in.Fail("negative value count " + std::to_string(count));
  std::vector<int32_t> prefixes(static_cast<size_t>(count));
  in.Take(DecodeDeltaBinaryPacked32(data, size, count, prefixes.data()));
  const LengthsAndBytes suffixes = ReadLengthsAndBytes(in.position(), in.remaining(), count, what);
  // Sizes first, so the output grows once and a bad prefix is caught before
  // any byte is written.
  int64_t total = 0;
  int64_t previous_length = 0;
  for (int64_t i = 0; i < count; ++i) {
    if (prefixes[i] < 0 || prefixes[i] > previous_length) {
      throw ParquetCorruptError(std::string(what) + ": value " + std::to_string(i) + " shares a prefix of " +
                                std::to_string(prefixes[i]) + " bytes with a previous value of " +
                                std::to_string(previous_length));
    }
    previous_length = int64_t{prefixes[i]} + suffixes.lengths[i];
    total += previous_length;
    CheckFitsOffsets(*offsets, total, what);
  }
  size_t write = bytes->size();
  bytes->resize(write + static_cast<size_t>(total));
  offsets->reserve(offsets->size() + static_cast<size_t>(count));
  char* base = bytes->data();
  size_t previous = write;
  const uint8_t* suffix = suffixes.bytes;
  int32_t end = offsets->back();
  for (int64_t i = 0; i < count; ++i) {
    // The previous value lies before `write`, so the copies never overlap.
    std::memcpy(base + write, base + previous, static_cast<size_t>(prefixes[i]));
    std::memcpy(base + write + prefixes[i], suffix, static_cast<size_t>(suffixes.lengths[i]));
    suffix += suffixes.lengths[i];
    previous = write;
    const int32_t length = prefixes[i] + suffixes.lengths[i];
    write += static_cast<size_t>(length);
    offsets->push_back(end += length);
  }
  return in.offset() + suffixes.consumed;
}

}  // namespace lakestream::parquet
