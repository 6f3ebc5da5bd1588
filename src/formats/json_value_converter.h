// JsonValueConverter: converts parsed JSON values to a column's type with the
// rules of Spark's JacksonParser: any value becomes its JSON text for STRING,
// numbers for numeric columns (strings only for decimals and "NaN"/"Infinity"
// for doubles), strings for dates and timestamps (numbers as epoch seconds for
// TIMESTAMP), objects for STRUCT and MAP, arrays for ARRAY.
#pragma once

#include <optional>

#include "formats/column_decoder.h"

namespace simdjson::dom {
class element;
}  // namespace simdjson::dom

namespace lakestream {

class JsonValueConverter {
 public:
  // `conversion` must outlive the converter.
  explicit JsonValueConverter(const TextConversion* conversion) : conversion_(conversion) {}

  // Appends `e` to `decoder`; false (NULL appended) when it does not convert.
  bool Append(const simdjson::dom::element& e, ColumnDecoder* decoder) const;
  // `e` as a Value of `type`; nullopt when it (or anything nested) does not convert.
  std::optional<Value> ToValue(const simdjson::dom::element& e, const DataType& type) const;

 private:
  const TextConversion* conversion_;
};

// JSON text of a value as the reader stores it in a STRING column.
std::string JsonValueText(const simdjson::dom::element& e);

}  // namespace lakestream
