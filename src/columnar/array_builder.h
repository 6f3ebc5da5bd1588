// Builders that produce Arrays. Typed builders are for hot loops; ArrayBuilder
// accepts Values for any type (readers of rows, createDataFrame, tests).
// A builder is used by one thread and is spent after Finish().
#pragma once

#include <cstring>
#include <memory>
#include <string_view>

#include "columnar/array.h"

namespace lakestream {

// Validity bitmap that is only materialized once the first NULL arrives.
class ValidityBuilder {
 public:
  void Reserve(int64_t capacity);
  void AppendValid() { ++length_; if (bits_) Grow(), bit_util::SetBit(bits_->mutable_data(), length_ - 1); }
  void AppendNull();
  void Append(bool valid) { valid ? AppendValid() : AppendNull(); }
  int64_t length() const { return length_; }
  int64_t null_count() const { return null_count_; }
  // nullptr when nothing was null.
  BufferPtr Finish();

 private:
  void Grow();
  BufferPtr bits_;
  int64_t length_ = 0;
  int64_t null_count_ = 0;
  int64_t capacity_ = 0;
};

// Fixed-width builder: T is int8..int64, float, double, int128_t (decimal).
template <typename T>
class PrimitiveBuilder {
 public:
  explicit PrimitiveBuilder(DataTypePtr type, int64_t capacity = 0) : type_(std::move(type)) { Reserve(capacity); }
  void Reserve(int64_t capacity) {
    if (capacity <= capacity_) return;
    int64_t c = std::max<int64_t>(capacity, capacity_ * 2);
    if (!values_) values_ = Buffer::Allocate(c * sizeof(T)); else values_->Resize(c * sizeof(T));
    capacity_ = c;
    validity_.Reserve(c);
  }
  void Append(T v) { Reserve(length_ + 1); values_->mutable_data_as<T>()[length_++] = v; validity_.AppendValid(); }
  void AppendNull() { Reserve(length_ + 1); values_->mutable_data_as<T>()[length_++] = T{}; validity_.AppendNull(); }
  int64_t length() const { return length_; }
  ArrayPtr Finish() {
    Reserve(1);
    auto validity = validity_.Finish();
    int64_t nulls = validity_.null_count();
    return std::make_shared<Array>(type_, length_, std::vector<BufferPtr>{validity, values_}, std::vector<ArrayPtr>{}, nulls);
  }

 private:
  DataTypePtr type_;
  BufferPtr values_;
  ValidityBuilder validity_;
  int64_t length_ = 0;
  int64_t capacity_ = 0;
};

class BooleanBuilder {
 public:
  explicit BooleanBuilder(int64_t capacity = 0) { Reserve(capacity); }
  void Reserve(int64_t capacity) {
    if (capacity > capacity_ || !values_) Grow(capacity);
  }
  void Append(bool v) { Reserve(length_ + 1); bit_util::SetBitTo(values_->mutable_data(), length_++, v); validity_.AppendValid(); }
  void AppendNull() { Reserve(length_ + 1); bit_util::ClearBit(values_->mutable_data(), length_++); validity_.AppendNull(); }
  int64_t length() const { return length_; }
  ArrayPtr Finish();

 private:
  void Grow(int64_t capacity);
  BufferPtr values_;
  ValidityBuilder validity_;
  int64_t length_ = 0;
  int64_t capacity_ = 0;
};

// STRING or BINARY.
class BinaryBuilder {
 public:
  explicit BinaryBuilder(DataTypePtr type, int64_t capacity = 0, int64_t data_capacity = 0);
  void Append(std::string_view v);
  void AppendNull();
  int64_t length() const { return length_; }
  ArrayPtr Finish();

 private:
  void ReserveRows(int64_t rows);
  DataTypePtr type_;
  BufferPtr offsets_;
  BufferPtr data_;
  ValidityBuilder validity_;
  int64_t length_ = 0;
  int64_t row_capacity_ = 0;
};

// Any type, fed with Values (nested types recurse into child builders).
class ArrayBuilder {
 public:
  static std::unique_ptr<ArrayBuilder> Make(const DataTypePtr& type);
  virtual ~ArrayBuilder() = default;
  virtual void AppendNull() = 0;
  // The Value's kind must fit the builder's type (see value.h).
  virtual void Append(const Value& v) = 0;
  virtual int64_t length() const = 0;
  virtual ArrayPtr Finish() = 0;
};

}  // namespace lakestream
