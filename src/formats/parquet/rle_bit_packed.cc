#include <algorithm>
#include <bit>
#include <cstring>

#include "columnar/check.h"
#include "formats/parquet/bit_packing.h"
#include "formats/parquet/byte_cursor.h"
#include "formats/parquet/encoding.h"
#include "formats/parquet/uleb128.h"

namespace lakestream::parquet {

namespace {

// The spec bounds every run length to [1, 2^31 - 1].
constexpr uint64_t kMaxRunLength = (uint64_t{1} << 31) - 1;
// Literal runs are cut at this many values so their header stays two bytes
// and the pending buffer stays small.
constexpr size_t kMaxLiteralValues = 512 * 8;

}  // namespace

int BitWidth(uint64_t max_value) { return 64 - std::countl_zero(max_value); }

RleBitPackedDecoder::RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width)
    : runs_(data, size, "RLE/bit-packed data"), bit_width_(bit_width) {
  if (bit_width < 0 || bit_width > 32) {
    throw ParquetCorruptError("RLE/bit-packed data has bit width " + std::to_string(bit_width) +
                              ", outside 0..32");
  }
}

int64_t RleBitPackedDecoder::GetBatch(uint32_t* out, int64_t count) {
  // Width 0 stores nothing: every value is 0 however the runs are framed,
  // and writers may leave the data empty.
  if (bit_width_ == 0) {
    std::fill_n(out, std::max<int64_t>(count, 0), 0u);
    return std::max<int64_t>(count, 0);
  }
  int64_t done = 0;
  while (done < count) {
    if (rle_left_ > 0) {
      const int64_t n = std::min(rle_left_, count - done);
      std::fill_n(out + done, n, rle_value_);
      rle_left_ -= n;
      done += n;
    } else if (packed_left_ > 0 || group_index_ < group_size_) {
      done += TakePacked(out + done, count - done);
    } else if (!NextRun()) {
      break;
    }
  }
  return done;
}

int64_t RleBitPackedDecoder::TakeRepeated(int64_t max, uint32_t* value) {
  if (max <= 0) return 0;
  if (bit_width_ == 0) {
    *value = 0;
    return max;
  }
  if (rle_left_ == 0 && packed_left_ == 0 && group_index_ >= group_size_ && !NextRun()) return 0;
  if (rle_left_ == 0) return 0;
  const int64_t n = std::min(rle_left_, max);
  rle_left_ -= n;
  *value = rle_value_;
  return n;
}

int64_t RleBitPackedDecoder::TakePacked(uint32_t* out, int64_t count) {
  int64_t done = 0;
  if (group_index_ < group_size_) {
    const int n = static_cast<int>(std::min<int64_t>(group_size_ - group_index_, count));
    std::memcpy(out, group_ + group_index_, sizeof(uint32_t) * n);
    group_index_ += n;
    done = n;
  }
  const GroupUnpacker<uint32_t> unpack = UnpackerFor<uint32_t>(bit_width_);
  // Whole groups go straight to the caller's buffer: the hot path.
  const int64_t groups = std::min(count - done, packed_left_) / 8;
  if (groups > 0) {
    UnpackBounded(unpack, bit_width_, packed_pos_, runs_.end(), out + done, groups);
    packed_pos_ += groups * bit_width_;
    packed_left_ -= groups * 8;
    done += groups * 8;
  }
  if (done < count && packed_left_ > 0) {
    UnpackBounded(unpack, bit_width_, packed_pos_, runs_.end(), group_, 1);
    group_size_ = static_cast<int>(std::min<int64_t>(packed_left_, 8));
    packed_pos_ += std::min<int64_t>(bit_width_, runs_.end() - packed_pos_);
    packed_left_ -= group_size_;
    const int n = static_cast<int>(std::min<int64_t>(group_size_, count - done));
    std::memcpy(out + done, group_, sizeof(uint32_t) * n);
    group_index_ = n;
    done += n;
  }
  return done;
}

bool RleBitPackedDecoder::NextRun() {
  if (packed_missing_ > 0) {
    runs_.Fail("bit-packed run is " + std::to_string(packed_missing_) + " values short of its header");
  }
  if (runs_.remaining() == 0) return false;
  const uint64_t header = runs_.ReadUleb128();
  const uint64_t length = header >> 1;
  if (header & 1) {
    if (length == 0 || length > kMaxRunLength / 8) {
      runs_.Fail("bit-packed run of " + std::to_string(length) + " groups");
    }
    const int64_t values = static_cast<int64_t>(length) * 8;
    const int64_t bytes = static_cast<int64_t>(length) * bit_width_;
    packed_pos_ = runs_.position();
    if (bytes <= static_cast<int64_t>(runs_.remaining())) {
      packed_left_ = values;
      runs_.Take(static_cast<size_t>(bytes));
    } else {
      // Some writers drop the padding of the final group; the values whose
      // bits are present stay readable.
      packed_left_ = static_cast<int64_t>(runs_.remaining()) * 8 / bit_width_;
      packed_missing_ = values - packed_left_;
      runs_.Take(runs_.remaining());
    }
    group_index_ = group_size_ = 0;
    return true;
  }
  if (length == 0 || length > kMaxRunLength) runs_.Fail("RLE run of " + std::to_string(length) + " values");
  const uint8_t* value_bytes = runs_.Take(static_cast<size_t>((bit_width_ + 7) / 8));
  uint32_t value = 0;
  for (int i = 0; i < (bit_width_ + 7) / 8; ++i) value |= static_cast<uint32_t>(value_bytes[i]) << (8 * i);
  if (bit_width_ < 32 && (value >> bit_width_) != 0) {
    runs_.Fail("RLE run value " + std::to_string(value) + " is wider than " + std::to_string(bit_width_) + " bits");
  }
  rle_value_ = value;
  rle_left_ = static_cast<int64_t>(length);
  return true;
}

RleBitPackedEncoder::RleBitPackedEncoder(int bit_width) : bit_width_(bit_width) {
  LS_CHECK(bit_width >= 0 && bit_width <= 32);
}

void RleBitPackedEncoder::StartRun(uint32_t value) {
  if (run_count_ < 8) {
    // A short run only becomes literals (FlushRun's last step, without
    // its vector insert).
    for (int64_t i = 0; i < run_count_; ++i) pending_.push_back(run_value_);
    run_count_ = 0;
    if (pending_.size() >= kMaxLiteralValues) FlushLiterals(/*final=*/false);
  } else {
    FlushRun();
  }
  run_value_ = value;
  run_count_ = 1;
}

void RleBitPackedEncoder::Finish(std::string* out) {
  FlushRun();
  FlushLiterals(/*final=*/true);
  out->append(buffer_);
  buffer_.clear();
}

void RleBitPackedEncoder::FlushRun() {
  if (run_count_ >= 8) {
    // A bit-packed run can only end on a group boundary, so the repeated
    // value first tops up the pending literals to a multiple of 8.
    while (pending_.size() % 8 != 0 && run_count_ > 0) {
      pending_.push_back(run_value_);
      --run_count_;
    }
    FlushLiterals(/*final=*/false);
    if (run_count_ >= 8) {
      AppendRle(run_value_, run_count_);
      run_count_ = 0;
    }
  }
  pending_.insert(pending_.end(), static_cast<size_t>(run_count_), run_value_);
  run_count_ = 0;
  if (pending_.size() >= kMaxLiteralValues) FlushLiterals(/*final=*/false);
}

void RleBitPackedEncoder::FlushLiterals(bool final) {
  // Only the last literal run of the stream may be padded: decoders know the
  // value count and ignore the padding.
  const size_t groups = final ? (pending_.size() + 7) / 8 : pending_.size() / 8;
  if (groups == 0) return;
  if (final) pending_.resize(groups * 8, 0);
  AppendUleb128((uint64_t{groups} << 1) | 1, &buffer_);
  PackGroups(pending_.data(), static_cast<int64_t>(groups), bit_width_, &buffer_);
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<ptrdiff_t>(groups * 8));
}

void RleBitPackedEncoder::AppendRle(uint32_t value, int64_t count) {
  while (count > 0) {
    const int64_t n = std::min<int64_t>(count, kMaxRunLength);
    AppendUleb128(static_cast<uint64_t>(n) << 1, &buffer_);
    for (int i = 0; i < (bit_width_ + 7) / 8; ++i) buffer_.push_back(static_cast<char>(value >> (8 * i)));
    count -= n;
  }
}

}  // namespace lakestream::parquet
