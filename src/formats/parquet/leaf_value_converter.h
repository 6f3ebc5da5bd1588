// LeafValueConverter: turns a leaf column's physical Parquet values into the
// Arrow layout of its Lakestream type (LeafConversion in parquet_schema.h),
// a run of values at a time so that no per-value dispatch happens.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "formats/parquet/parquet_schema.h"
#include "lakestream/value.h"

namespace lakestream::parquet {

class LeafValueConverter {
 public:
  // How converted values are stored (see LeafBatch).
  enum class Target : uint8_t { kFixed, kBoolean, kBinary };

  explicit LeafValueConverter(const LeafDescriptor& leaf);

  const LeafDescriptor& leaf() const { return leaf_; }
  Target target() const { return target_; }
  // Whether the physical values are fixed-width (all but BYTE_ARRAY).
  bool physical_is_fixed() const { return physical_width_ > 0; }
  // Bytes per physical value: INT96 12, FIXED_LEN_BYTE_ARRAY its length,
  // BOOLEAN 1 (decoded to one byte each); 0 for BYTE_ARRAY.
  int physical_width() const { return physical_width_; }
  // Bytes per converted value for kFixed and kBoolean (1).
  int target_width() const { return target_width_; }

  // `n` fixed-width physical values -> kFixed/kBoolean values at `dst`.
  void FixedToFixed(const uint8_t* src, int64_t n, uint8_t* dst) const;
  // `n` fixed-width physical values -> kBinary values appended to offsets/bytes.
  void FixedToBinary(const uint8_t* src, int64_t n, std::vector<int32_t>* offsets, std::string* bytes) const;
  // `n` BYTE_ARRAY values (value i is bytes[offsets[i], offsets[i+1])) ->
  // kFixed values at `dst` (decimals). Throws UserError
  // NUMERIC_VALUE_OUT_OF_RANGE for a value wider than its precision allows.
  void BinaryToFixed(const int32_t* offsets, const uint8_t* bytes, int64_t n, uint8_t* dst) const;

  // One converted kFixed/kBoolean value at `p` as a Value (slow path).
  Value FixedValue(const uint8_t* p) const;

 private:
  const LeafDescriptor& leaf_;
  Target target_;
  int physical_width_;
  int target_width_;
};

}  // namespace lakestream::parquet
