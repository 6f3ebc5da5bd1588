#include "columnar/array_builder.h"

#include <cstring>

#include "columnar/check.h"

namespace lakestream {

// ---- ValidityBuilder ------------------------------------------------------------

void ValidityBuilder::Reserve(int64_t capacity) { capacity_ = std::max(capacity_, capacity); }

void ValidityBuilder::Grow() {
  int64_t needed = bit_util::BytesForBits(std::max(length_, capacity_));
  if (bits_->size() < needed) bits_->Resize(std::max(needed, bits_->size() * 2));
}

void ValidityBuilder::AppendNull() {
  if (!bits_) {
    // First NULL: materialize the bitmap with every earlier value valid.
    bits_ = Buffer::Allocate(bit_util::BytesForBits(std::max(length_ + 1, capacity_)));
    for (int64_t i = 0; i < length_; ++i) bit_util::SetBit(bits_->mutable_data(), i);
  }
  ++length_;
  ++null_count_;
  Grow();
  bit_util::ClearBit(bits_->mutable_data(), length_ - 1);
}

BufferPtr ValidityBuilder::Finish() {
  BufferPtr out = std::move(bits_);
  return out;
}

// ---- BooleanBuilder -------------------------------------------------------------

void BooleanBuilder::Grow(int64_t capacity) {
  int64_t c = std::max<int64_t>({capacity, capacity_ * 2, 64});
  if (!values_) values_ = Buffer::Allocate(bit_util::BytesForBits(c));
  else values_->Resize(bit_util::BytesForBits(c));
  capacity_ = c;
  validity_.Reserve(c);
}

ArrayPtr BooleanBuilder::Finish() {
  Reserve(1);
  auto validity = validity_.Finish();
  return std::make_shared<Array>(DataType::Boolean(), length_, std::vector<BufferPtr>{validity, values_},
                                 std::vector<ArrayPtr>{}, validity_.null_count());
}

// ---- BinaryBuilder --------------------------------------------------------------

BinaryBuilder::BinaryBuilder(DataTypePtr type, int64_t capacity, int64_t data_capacity) : type_(std::move(type)) {
  offsets_ = Buffer::Allocate(sizeof(int32_t));
  data_ = Buffer::Allocate(data_capacity);
  data_->Resize(0);
  ReserveRows(capacity);
}

void BinaryBuilder::ReserveRows(int64_t rows) {
  if (rows <= row_capacity_) return;
  int64_t c = std::max<int64_t>({rows, row_capacity_ * 2, 16});
  offsets_->Resize((c + 1) * static_cast<int64_t>(sizeof(int32_t)));
  row_capacity_ = c;
  validity_.Reserve(c);
}

void BinaryBuilder::Append(std::string_view v) {
  ReserveRows(length_ + 1);
  int64_t end = data_->size() + static_cast<int64_t>(v.size());
  if (end > INT32_MAX) {
    throw UserError("STRING_TOO_LARGE", "54000", "A string column batch exceeds 2 GiB of data.");
  }
  int64_t old = data_->size();
  data_->Resize(end);
  if (!v.empty()) std::memcpy(data_->mutable_data() + old, v.data(), v.size());
  offsets_->mutable_data_as<int32_t>()[++length_] = static_cast<int32_t>(end);
  validity_.AppendValid();
}

void BinaryBuilder::AppendNull() {
  ReserveRows(length_ + 1);
  offsets_->mutable_data_as<int32_t>()[length_ + 1] = offsets_->data_as<int32_t>()[length_];
  ++length_;
  validity_.AppendNull();
}

ArrayPtr BinaryBuilder::Finish() {
  auto validity = validity_.Finish();
  return std::make_shared<Array>(type_, length_, std::vector<BufferPtr>{validity, offsets_, data_},
                                 std::vector<ArrayPtr>{}, validity_.null_count());
}

// ---- Generic builders -------------------------------------------------------------

namespace {

template <typename T>
class PrimitiveValueBuilder final : public ArrayBuilder {
 public:
  explicit PrimitiveValueBuilder(DataTypePtr type) : b_(std::move(type)) {}
  void AppendNull() override { b_.AppendNull(); }
  void Append(const Value& v) override {
    if (v.is_null()) return b_.AppendNull();
    if constexpr (std::is_floating_point_v<T>) {
      b_.Append(static_cast<T>(v.as_double()));
    } else if constexpr (std::is_same_v<T, int128_t>) {
      b_.Append(v.as_decimal());
    } else {
      b_.Append(static_cast<T>(v.as_int()));
    }
  }
  int64_t length() const override { return b_.length(); }
  ArrayPtr Finish() override { return b_.Finish(); }

 private:
  PrimitiveBuilder<T> b_;
};

class BooleanValueBuilder final : public ArrayBuilder {
 public:
  void AppendNull() override { b_.AppendNull(); }
  void Append(const Value& v) override { v.is_null() ? b_.AppendNull() : b_.Append(v.as_bool()); }
  int64_t length() const override { return b_.length(); }
  ArrayPtr Finish() override { return b_.Finish(); }

 private:
  BooleanBuilder b_;
};

class BinaryValueBuilder final : public ArrayBuilder {
 public:
  explicit BinaryValueBuilder(DataTypePtr type) : b_(std::move(type)) {}
  void AppendNull() override { b_.AppendNull(); }
  void Append(const Value& v) override { v.is_null() ? b_.AppendNull() : b_.Append(v.as_string()); }
  int64_t length() const override { return b_.length(); }
  ArrayPtr Finish() override { return b_.Finish(); }

 private:
  BinaryBuilder b_;
};

class NullValueBuilder final : public ArrayBuilder {
 public:
  void AppendNull() override { ++length_; }
  void Append(const Value&) override { ++length_; }
  int64_t length() const override { return length_; }
  ArrayPtr Finish() override { return MakeNullArray(DataType::Null(), length_); }

 private:
  int64_t length_ = 0;
};

// ARRAY and MAP: offsets over one child (MAP's child is struct<key, value>).
class ListValueBuilder final : public ArrayBuilder {
 public:
  explicit ListValueBuilder(DataTypePtr type) : type_(std::move(type)) {
    if (type_->id() == TypeId::kMap) {
      entry_type_ = DataType::Struct({Field("key", type_->key_type(), false),
                                      Field("value", type_->value_type(), type_->value_contains_null())});
      child_ = Make(entry_type_);
    } else {
      child_ = Make(type_->element_type());
    }
    offsets_.push_back(0);
  }
  void AppendNull() override { offsets_.push_back(offsets_.back()); validity_.AppendNull(); }
  void Append(const Value& v) override {
    if (v.is_null()) return AppendNull();
    if (type_->id() == TypeId::kMap) {
      for (const auto& [k, val] : v.as_map()) child_->Append(Value::List({k, val}));
    } else {
      for (const auto& item : v.as_list()) child_->Append(item);
    }
    offsets_.push_back(static_cast<int32_t>(child_->length()));
    validity_.AppendValid();
  }
  int64_t length() const override { return validity_.length(); }
  ArrayPtr Finish() override {
    auto offsets = Buffer::Allocate(static_cast<int64_t>(offsets_.size() * sizeof(int32_t)));
    std::memcpy(offsets->mutable_data(), offsets_.data(), offsets_.size() * sizeof(int32_t));
    int64_t n = length();
    auto validity = validity_.Finish();
    return std::make_shared<Array>(type_, n, std::vector<BufferPtr>{validity, offsets},
                                   std::vector<ArrayPtr>{child_->Finish()}, validity_.null_count());
  }

 private:
  DataTypePtr type_;
  DataTypePtr entry_type_;
  std::unique_ptr<ArrayBuilder> child_;
  std::vector<int32_t> offsets_;
  ValidityBuilder validity_;
};

class StructValueBuilder final : public ArrayBuilder {
 public:
  explicit StructValueBuilder(DataTypePtr type) : type_(std::move(type)) {
    for (const auto& f : type_->fields()) children_.push_back(Make(f.type));
  }
  void AppendNull() override {
    for (auto& c : children_) c->AppendNull();
    validity_.AppendNull();
  }
  void Append(const Value& v) override {
    if (v.is_null()) return AppendNull();
    const auto& items = v.as_list();
    LS_CHECK_EQ(items.size(), children_.size());
    for (size_t i = 0; i < items.size(); ++i) children_[i]->Append(items[i]);
    validity_.AppendValid();
  }
  int64_t length() const override { return validity_.length(); }
  ArrayPtr Finish() override {
    std::vector<ArrayPtr> children;
    for (auto& c : children_) children.push_back(c->Finish());
    int64_t n = length();
    auto validity = validity_.Finish();
    return std::make_shared<Array>(type_, n, std::vector<BufferPtr>{validity}, std::move(children), validity_.null_count());
  }

 private:
  DataTypePtr type_;
  std::vector<std::unique_ptr<ArrayBuilder>> children_;
  ValidityBuilder validity_;
};

}  // namespace

std::unique_ptr<ArrayBuilder> ArrayBuilder::Make(const DataTypePtr& type) {
  switch (type->id()) {
    case TypeId::kNull: return std::make_unique<NullValueBuilder>();
    case TypeId::kBoolean: return std::make_unique<BooleanValueBuilder>();
    case TypeId::kByte: return std::make_unique<PrimitiveValueBuilder<int8_t>>(type);
    case TypeId::kShort: return std::make_unique<PrimitiveValueBuilder<int16_t>>(type);
    case TypeId::kInt: case TypeId::kDate: case TypeId::kYearMonthInterval:
      return std::make_unique<PrimitiveValueBuilder<int32_t>>(type);
    case TypeId::kLong: case TypeId::kTimestamp: case TypeId::kTimestampNtz: case TypeId::kDayTimeInterval:
      return std::make_unique<PrimitiveValueBuilder<int64_t>>(type);
    case TypeId::kFloat: return std::make_unique<PrimitiveValueBuilder<float>>(type);
    case TypeId::kDouble: return std::make_unique<PrimitiveValueBuilder<double>>(type);
    case TypeId::kDecimal: return std::make_unique<PrimitiveValueBuilder<int128_t>>(type);
    case TypeId::kString: case TypeId::kBinary: return std::make_unique<BinaryValueBuilder>(type);
    case TypeId::kArray: case TypeId::kMap: return std::make_unique<ListValueBuilder>(type);
    case TypeId::kStruct: return std::make_unique<StructValueBuilder>(type);
  }
  throw InternalError("no builder for type " + type->ToString());
}

}  // namespace lakestream
