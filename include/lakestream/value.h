// Value: one scalar of any Lakestream type, for rows (createDataFrame, collect)
// and literals. The type lives beside the value (in a schema or expression);
// a Value only holds the physical representation:
//   BOOLEAN -> bool; integral types, DATE (days), TIMESTAMP(_NTZ) (µs) -> int64;
//   FLOAT, DOUBLE -> double; DECIMAL -> unscaled __int128; STRING, BINARY ->
//   std::string (bytes); ARRAY, STRUCT -> list of Values; MAP -> list of pairs.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "lakestream/types.h"

namespace lakestream {

using int128_t = __int128;

class Value;
using ValueList = std::vector<Value>;
using ValuePairs = std::vector<std::pair<Value, Value>>;

class Value {
 public:
  enum class Kind : uint8_t { kNull, kBool, kInt, kDouble, kDecimal, kString, kList, kMap };

  Value() = default;  // NULL
  Value(bool v) : data_(v) {}                                      // NOLINT
  Value(int v) : data_(static_cast<int64_t>(v)) {}                 // NOLINT
  Value(int64_t v) : data_(v) {}                                   // NOLINT
  Value(double v) : data_(v) {}                                    // NOLINT
  Value(const char* v) : data_(std::string(v)) {}                  // NOLINT
  Value(std::string v) : data_(std::move(v)) {}                    // NOLINT
  Value(std::string_view v) : data_(std::string(v)) {}             // NOLINT

  static Value Decimal(int128_t unscaled) { Value v; v.data_ = DecimalBox{unscaled}; return v; }
  static Value List(ValueList items);
  static Value Map(ValuePairs entries);

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }

  // Accessors require the matching kind (checked; throws InternalError).
  bool as_bool() const;
  int64_t as_int() const;
  double as_double() const;
  int128_t as_decimal() const;
  const std::string& as_string() const;
  const ValueList& as_list() const;
  const ValuePairs& as_map() const;

  // Exact equality of representation (NULL == NULL here; this is not SQL '=').
  bool operator==(const Value& other) const;
  bool operator!=(const Value& other) const { return !(*this == other); }
  // Debug rendering without type information.
  std::string ToString() const;

 private:
  struct DecimalBox { int128_t v; };
  using ListPtr = std::shared_ptr<const ValueList>;
  using MapPtr = std::shared_ptr<const ValuePairs>;
  std::variant<std::monostate, bool, int64_t, double, DecimalBox, std::string, ListPtr, MapPtr> data_;
};

// A row of values, positionally matching a schema.
class Row {
 public:
  Row() = default;
  Row(std::initializer_list<Value> values) : values_(values) {}
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  size_t size() const { return values_.size(); }
  const Value& operator[](size_t i) const { return values_[i]; }
  Value& operator[](size_t i) { return values_[i]; }
  const std::vector<Value>& values() const { return values_; }
  bool operator==(const Row& other) const { return values_ == other.values_; }
  std::string ToString() const;

 private:
  std::vector<Value> values_;
};

inline std::ostream& operator<<(std::ostream& os, const Value& v) { return os << v.ToString(); }
inline std::ostream& operator<<(std::ostream& os, const Row& r) { return os << r.ToString(); }

}  // namespace lakestream
