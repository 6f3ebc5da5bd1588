// parquet_dump: prints a Parquet file as Lakestream reads it, in the
// canonical JSON form compare_corpus.mjs compares with DuckDB's reading.
//
// Usage: parquet_dump FILE [--memory-limit BYTES]
// Output: a header line {"columns": [...], "types": [...]} then one JSON
// array per row, in file order, read split by split (one per row group).
// Cells: null; booleans; integers and decimals as exact decimal strings;
// FLOAT/DOUBLE as numbers ("NaN", "Infinity", "-Infinity" as strings);
// STRING as a string; BINARY as {"hex": "..."}; DATE as {"date": days};
// TIMESTAMP(_NTZ) as {"ts": "micros"}; ARRAY as an array; STRUCT as
// {"struct": {name: cell}}; MAP as {"map": [[key, value], ...]}.
// An error prints {"error": {"class": ..., "message": ...}} and exits 3.
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "columnar/memory_tracker.h"
#include "formats/file_format.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

using Json = nlohmann::ordered_json;

std::string DecimalText(__int128 unscaled, int scale) {
  bool negative = unscaled < 0;
  unsigned __int128 v = negative ? -static_cast<unsigned __int128>(unscaled) : unscaled;
  std::string reversed;
  do {
    reversed.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v > 0);
  while (reversed.size() <= static_cast<size_t>(scale)) reversed.push_back('0');
  std::string text = negative ? "-" : "";
  for (size_t i = reversed.size(); i-- > 0;) {
    text.push_back(reversed[i]);
    if (i == static_cast<size_t>(scale) && scale > 0) text.push_back('.');
  }
  return text;
}

std::string Hex(const std::string& bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) out += kHex[c >> 4], out += kHex[c & 15];
  return out;
}

Json Cell(const Value& v, const DataType& type) {
  if (v.is_null()) return nullptr;
  switch (type.id()) {
    case TypeId::kBoolean: return v.as_bool();
    case TypeId::kByte:
    case TypeId::kShort:
    case TypeId::kInt:
    case TypeId::kLong: return std::to_string(v.as_int());
    case TypeId::kDecimal: return DecimalText(v.as_decimal(), type.scale());
    case TypeId::kFloat:
    case TypeId::kDouble: {
      double d = v.as_double();
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
      return d;
    }
    case TypeId::kString: return v.as_string();
    case TypeId::kBinary: return Json{{"hex", Hex(v.as_string())}};
    case TypeId::kDate: return Json{{"date", v.as_int()}};
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz: return Json{{"ts", std::to_string(v.as_int())}};
    case TypeId::kYearMonthInterval:
    case TypeId::kDayTimeInterval: return Json{{"interval", std::to_string(v.as_int())}};  // never read from Parquet
    case TypeId::kArray: {
      Json items = Json::array();
      for (const auto& item : v.as_list()) items.push_back(Cell(item, *type.element_type()));
      return items;
    }
    case TypeId::kStruct: {
      Json fields = Json::object();
      for (size_t i = 0; i < type.fields().size(); ++i) {
        fields[type.fields()[i].name] = Cell(v.as_list()[i], *type.fields()[i].type);
      }
      return Json{{"struct", fields}};
    }
    case TypeId::kMap: {
      Json entries = Json::array();
      for (const auto& [key, value] : v.as_map()) {
        entries.push_back(Json::array({Cell(key, *type.key_type()), Cell(value, *type.value_type())}));
      }
      return Json{{"map", entries}};
    }
    case TypeId::kNull: return nullptr;
  }
  return nullptr;
}

void Print(const Json& j) { std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n"; }

int Dump(const std::string& file, int64_t memory_limit) {
  const FileFormat& format = FindFileFormat("parquet");
  EvalContext ctx;
  MemoryTracker memory(memory_limit);
  SchemaPtr schema = format.InferSchema({file}, {}, ctx);
  Json header{{"columns", Json::array()}, {"types", Json::array()}};
  for (const auto& f : schema->fields()) {
    header["columns"].push_back(f.name);
    header["types"].push_back(f.type->ToString());
  }
  ScanOptions scan;
  scan.memory = memory_limit > 0 ? &memory : nullptr;
  std::vector<Json> rows;
  for (const auto& split : format.Split(file, {})) {
    format.ReadFiltered(split, schema, {}, ctx, scan, [&](RecordBatchPtr batch) {
      for (int64_t r = 0; r < batch->num_rows(); ++r) {
        Json row = Json::array();
        for (size_t c = 0; c < batch->num_columns(); ++c) {
          row.push_back(Cell(batch->column(c)->GetValue(r), *schema->field(c).type));
        }
        rows.push_back(std::move(row));
      }
      return true;
    });
  }
  Print(header);
  for (const auto& row : rows) Print(row);
  return 0;
}

}  // namespace
}  // namespace lakestream

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: parquet_dump FILE [--memory-limit BYTES]\n";
    return 2;
  }
  int64_t memory_limit = 0;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--memory-limit") memory_limit = std::atoll(argv[i + 1]);
  }
  try {
    return lakestream::Dump(argv[1], memory_limit);
  } catch (const lakestream::Error& e) {
    lakestream::Print({{"error", {{"class", e.error_class()}, {"message", e.message()}}}});
    return 3;
  }
}
