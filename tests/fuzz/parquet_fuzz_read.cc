#include "fuzz/parquet_fuzz_read.h"

#include <utility>
#include <vector>

#include "columnar/array.h"
#include "columnar/memory_tracker.h"
#include "columnar/record_batch.h"
#include "formats/file_format.h"
#include "formats/parquet/parquet_file_reader.h"
#include "formats/parquet/row_group_pruner.h"

namespace lakestream::fuzz {

namespace {

void Require(bool ok, const std::string& what) {
  if (!ok) throw MalformedBatchError("Parquet reader produced a malformed array: " + what);
}

void RequireBytes(const Array& a, size_t buffer, int64_t bytes, const char* what) {
  Require(a.buffers().size() > buffer && a.buffers()[buffer] && a.buffers()[buffer]->size() >= bytes,
          std::string(what) + " buffer shorter than " + std::to_string(bytes) + " bytes for " +
              a.type()->ToString() + "[" + std::to_string(a.length()) + "]");
}

// Offsets [0, length] non-decreasing from >= 0; returns the last one.
int64_t CheckOffsets(const Array& a) {
  RequireBytes(a, 1, (a.length() + 1) * 4, "offsets");
  const int32_t* o = a.offsets();
  Require(o[0] >= 0, "negative first offset");
  for (int64_t i = 0; i < a.length(); ++i) Require(o[i] <= o[i + 1], "decreasing offsets at " + std::to_string(i));
  return o[a.length()];
}

// Walks `a` (every buffer byte a row can reach) so that ASan sees any bad
// read, and checks the layout of array.h. Returns a value-dependent hash so
// that the reads are not optimized away.
uint64_t CheckArray(const Array& a, int64_t length) {
  Require(a.length() == length, "length " + std::to_string(a.length()) + " where " + std::to_string(length) +
                                    " rows were expected for " + a.type()->ToString());
  uint64_t hash = 0;
  const int64_t bitmap_bytes = (length + 7) / 8;
  if (a.type_id() == TypeId::kNull) return hash;
  if (a.validity() != nullptr) {
    RequireBytes(a, 0, bitmap_bytes, "validity");
    for (int64_t i = 0; i < bitmap_bytes; ++i) hash = hash * 31 + a.validity()[i];
  }
  switch (a.type_id()) {
    case TypeId::kBoolean:
      RequireBytes(a, 1, bitmap_bytes, "values");
      for (int64_t i = 0; i < length; ++i) hash = hash * 31 + a.GetBool(i);
      break;
    case TypeId::kString:
    case TypeId::kBinary: {
      int64_t end = CheckOffsets(a);
      RequireBytes(a, 2, end, "data");
      for (int64_t i = 0; i < length; ++i) {
        for (char c : a.GetView(i)) hash = hash * 31 + static_cast<uint8_t>(c);
      }
      break;
    }
    case TypeId::kArray:
    case TypeId::kMap: {
      int64_t end = CheckOffsets(a);
      Require(a.children().size() == 1 && a.child(0), "list without its element array");
      hash += CheckArray(*a.child(0), end);
      break;
    }
    case TypeId::kStruct: {
      Require(a.children().size() == a.type()->fields().size(), "struct with " + std::to_string(a.children().size()) +
                                                                     " children for " + a.type()->ToString());
      for (const auto& child : a.children()) {
        Require(child != nullptr, "null struct child");
        hash += CheckArray(*child, length);
      }
      break;
    }
    default: {
      const int width = a.type()->byte_width();
      Require(width > 0, "unexpected type " + a.type()->ToString());
      RequireBytes(a, 1, length * width, "values");
      const uint8_t* values = a.buffers()[1]->data();
      for (int64_t i = 0; i < length * width; ++i) hash = hash * 31 + values[i];
    }
  }
  return hash;
}

// A predicate for each comparison the pruner knows, on `column` and `value`.
void AddPredicates(const std::string& column, const Value& value, std::vector<ColumnPredicate>* out) {
  using Op = ColumnPredicate::Op;
  out->push_back({column, Op::kIsNull, {}});
  out->push_back({column, Op::kIsNotNull, {}});
  if (value.is_null()) return;
  for (Op op : {Op::kEq, Op::kLt, Op::kLe, Op::kGt, Op::kGe}) out->push_back({column, op, {value}});
  out->push_back({column, Op::kIn, {value, value}});
}

// `type` with every leaf one of Spark's Parquet widenings wider (INT to
// BIGINT, FLOAT to DOUBLE, DATE to TIMESTAMP_NTZ, BINARY to STRING, a DECIMAL
// with one more digit each side), so the reader converts values on the way.
DataTypePtr Widen(const DataTypePtr& type) {
  switch (type->id()) {
    case TypeId::kByte: return DataType::Short();
    case TypeId::kShort: return DataType::Int();
    case TypeId::kInt: return DataType::Long();
    case TypeId::kLong: return DataType::Double();
    case TypeId::kFloat: return DataType::Double();
    case TypeId::kDate: return DataType::TimestampNtz();
    case TypeId::kBinary: return DataType::String();
    case TypeId::kDecimal:
      return type->precision() + 2 <= DataType::kMaxDecimalPrecision
                 ? DataType::Decimal(type->precision() + 2, type->scale() + 1)
                 : type;
    case TypeId::kArray: return DataType::Array(Widen(type->element_type()));
    case TypeId::kMap: return DataType::Map(Widen(type->key_type()), Widen(type->value_type()));
    case TypeId::kStruct: {
      std::vector<Field> fields;
      for (const auto& f : type->fields()) fields.emplace_back(f.name, Widen(f.type));
      return DataType::Struct(std::move(fields));
    }
    default: return type;
  }
}

// A value of primitive type `from` as the same value of Widen(from).
Value WidenValue(const Value& value, const DataType& from) {
  if (value.is_null()) return value;
  switch (from.id()) {
    case TypeId::kLong: return Value(static_cast<double>(value.as_int()));
    // Wrapping arithmetic: fuzzed values may be out of their type's range.
    case TypeId::kDate:
      return Value(static_cast<int64_t>(static_cast<uint64_t>(value.as_int()) * 86'400'000'000u));
    case TypeId::kDecimal:
      return from.precision() + 2 <= DataType::kMaxDecimalPrecision
                 ? Value::Decimal(static_cast<int128_t>(static_cast<unsigned __int128>(value.as_decimal()) * 10))
                 : value;
    default: return value;
  }
}

// Reads `splits` as `schema`, checking every batch; returns a checksum and
// fills `seen` (when given) with a non-null value of each primitive column.
uint64_t ReadSplits(const std::vector<FileSplit>& splits, const SchemaPtr& schema, std::vector<Value>* seen) {
  const FileFormat& format = FindFileFormat("parquet");
  EvalContext ctx;
  MemoryTracker memory(kFuzzMemoryLimit);
  uint64_t hash = 0;
  for (const FileSplit& split : splits) {
    format.ReadFiltered(split, schema, {}, ctx, ScanOptions{{}, &memory}, [&](RecordBatchPtr batch) {
      Require(batch->num_columns() == schema->num_fields(), "batch without every column");
      for (size_t c = 0; c < schema->num_fields(); ++c) {
        const Array& column = *batch->column(c);
        hash += CheckArray(column, batch->num_rows());
        if (!seen || !(*seen)[c].is_null() || column.type()->IsNested()) continue;
        for (int64_t i = 0; i < column.length() && (*seen)[c].is_null(); ++i) {
          if (column.IsValid(i)) (*seen)[c] = column.GetValue(i);
        }
      }
      return true;
    });
  }
  Require(memory.used() == 0, "the scan left " + std::to_string(memory.used()) + " bytes reserved");
  return hash;
}

}  // namespace

uint64_t ReadParquetForFuzzing(const std::string& path) {
  const FileFormat& format = FindFileFormat("parquet");
  SchemaPtr schema = format.InferSchema({path}, {}, EvalContext{});
  const std::vector<FileSplit> splits = format.Split(path, {});

  // A non-null value seen in each top-level primitive column, for predicates.
  std::vector<Value> seen(schema->num_fields());
  uint64_t hash = ReadSplits(splits, schema, &seen);

  // The first row group again, every column converted to a wider type.
  std::vector<Field> wide_fields;
  for (const auto& f : schema->fields()) wide_fields.emplace_back(f.name, Widen(f.type));
  auto wide = std::make_shared<Schema>(std::move(wide_fields));
  if (!wide->Equals(*schema) && !splits.empty()) hash += ReadSplits({splits[0]}, wide, nullptr);

  // Predicate values have the Value kind of the read schema's column.
  std::vector<ColumnPredicate> predicates, wide_predicates;
  for (size_t c = 0; c < schema->num_fields(); ++c) {
    const Field& field = schema->field(c);
    if (field.type->IsNested()) continue;
    AddPredicates(field.name, seen[c], &predicates);
    AddPredicates(field.name, WidenValue(seen[c], *field.type), &wide_predicates);
  }
  parquet::ParquetFileReader reader(path);
  for (const auto& [read_schema, list] : {std::pair{schema, &predicates}, std::pair{SchemaPtr(wide), &wide_predicates}}) {
    for (const ColumnPredicate& predicate : *list) {
      parquet::RowGroupPruner pruner(reader, {predicate}, read_schema);
      for (size_t g = 0; g < reader.metadata().row_groups.size(); ++g) hash += pruner.CanSkip(static_cast<int>(g));
    }
  }
  return hash;
}

}  // namespace lakestream::fuzz
