#include "formats/parquet/parquet_format.h"

#include <strings.h>

#include "formats/option_reader.h"
#include "formats/parquet/parquet_file_reader.h"
#include "formats/parquet/parquet_writer.h"
#include "formats/parquet/row_group_pruner.h"
#include "formats/scan_layout.h"

namespace lakestream {

namespace {

using parquet::AsNullable;
using parquet::ParquetFileReader;

[[noreturn]] void CannotMerge(const std::string& path, const DataTypePtr& a, const DataTypePtr& b,
                              const std::string& file) {
  throw UserError("CANNOT_MERGE_SCHEMAS", "42KD9",
                  "Failed merging schemas: field `" + path + "` is " + a->ToSql() + " in the files before " + file +
                      " and " + b->ToSql() + " in " + file + ".");
}

std::vector<Field> MergeFields(const std::vector<Field>& a, const std::vector<Field>& b, const std::string& prefix,
                               const std::string& file);

// Spark's StructType.merge: structs merge field by field, arrays and maps
// element-wise, anything else must be the same type.
DataTypePtr MergeTypes(const DataTypePtr& a, const DataTypePtr& b, const std::string& path, const std::string& file) {
  if (a->id() == TypeId::kStruct && b->id() == TypeId::kStruct) {
    return DataType::Struct(MergeFields(a->fields(), b->fields(), path + ".", file));
  }
  if (a->id() == TypeId::kArray && b->id() == TypeId::kArray) {
    return DataType::Array(MergeTypes(a->element_type(), b->element_type(), path + ".element", file));
  }
  if (a->id() == TypeId::kMap && b->id() == TypeId::kMap) {
    return DataType::Map(MergeTypes(a->key_type(), b->key_type(), path + ".key", file),
                         MergeTypes(a->value_type(), b->value_type(), path + ".value", file));
  }
  if (!a->Equals(*b)) CannotMerge(path, a, b, file);
  return a;
}

std::vector<Field> MergeFields(const std::vector<Field>& a, const std::vector<Field>& b, const std::string& prefix,
                               const std::string& file) {
  std::vector<Field> merged = a;
  for (const auto& field : b) {
    auto same = std::find_if(merged.begin(), merged.end(), [&](const Field& f) {
      return strcasecmp(f.name.c_str(), field.name.c_str()) == 0;
    });
    if (same == merged.end()) {
      merged.push_back(field);
    } else {
      same->type = MergeTypes(same->type, field.type, prefix + same->name, file);
    }
  }
  return merged;
}

SchemaPtr NullableSchema(const ParquetFileReader& reader) {
  std::vector<Field> fields;
  for (const auto& f : reader.schema().schema()->fields()) fields.emplace_back(f.name, AsNullable(f.type), true);
  return std::make_shared<Schema>(std::move(fields), reader.schema().schema()->metadata());
}

}  // namespace

SchemaPtr ParquetFormat::InferSchema(const std::vector<std::string>& files, const FormatOptions& options,
                                     const EvalContext&) const {
  if (files.empty()) {
    throw UserError("UNABLE_TO_INFER_SCHEMA", "42KD9",
                    "Unable to infer schema for Parquet. It must be specified manually.");
  }
  SchemaPtr schema = NullableSchema(ParquetFileReader(files[0]));
  if (!OptionReader(options).GetBool("mergeschema", false)) return schema;
  std::vector<Field> fields = schema->fields();
  for (size_t i = 1; i < files.size(); ++i) {
    fields = MergeFields(fields, NullableSchema(ParquetFileReader(files[i]))->fields(), "", files[i]);
  }
  return std::make_shared<Schema>(std::move(fields), schema->metadata());
}

std::vector<FileSplit> ParquetFormat::Split(const std::string& file, const FormatOptions&) const {
  ParquetFileReader reader(file);
  std::vector<FileSplit> splits;
  int groups = static_cast<int>(reader.metadata().row_groups.size());
  for (int g = 0; g < groups; ++g) {
    splits.push_back(FileSplit{file, reader.RowGroupStart(g), reader.RowGroupBytes(g)});
  }
  if (splits.empty()) splits.push_back(FileSplit{file, 0, -1});
  return splits;
}

void ParquetFormat::Read(const FileSplit& split, const SchemaPtr& schema, const FormatOptions& options,
                         const EvalContext& ctx, const BatchSink& sink) const {
  ReadFiltered(split, schema, options, ctx, ScanOptions{}, sink);
}

void ParquetFormat::ReadFiltered(const FileSplit& split, const SchemaPtr& schema, const FormatOptions&,
                                 const EvalContext& ctx, const ScanOptions& scan, const BatchSink& sink) const {
  ParquetFileReader reader(split.path);
  ScanLayout layout(schema, split, "", ctx);
  std::vector<Field> fields;
  for (int i : layout.data_fields()) fields.push_back(schema->field(i));
  parquet::RowGroupPruner pruner(reader, scan.predicates, schema);
  std::vector<int> row_groups;
  // Rows of each row group that the page index leaves in.
  std::vector<std::vector<parquet::RowRange>> row_ranges;
  bool narrowed = false;
  int groups = static_cast<int>(reader.metadata().row_groups.size());
  for (int g = 0; g < groups; ++g) {
    int64_t start = reader.RowGroupStart(g);
    bool in_split = split.length < 0 || (start >= split.offset && start < split.offset + split.length);
    if (!in_split || pruner.CanSkip(g)) continue;
    std::optional<std::vector<parquet::RowRange>> rows =
        scan.predicates.empty() ? std::nullopt : pruner.MatchingRows(g);
    if (rows && rows->empty()) continue;
    row_groups.push_back(g);
    narrowed |= rows.has_value();
    row_ranges.push_back(rows ? std::move(*rows)
                              : std::vector<parquet::RowRange>{{0, reader.metadata().row_groups[g].num_rows}});
  }
  reader.Read(
      row_groups, fields, scan.memory, ctx,
      [&](std::vector<ArrayPtr> columns, int64_t rows) {
        return sink(layout.Assemble(std::move(columns), nullptr, rows));
      },
      narrowed ? &row_ranges : nullptr);
}

void ParquetFormat::Write(const std::string& path, const SchemaPtr& schema, const std::vector<RecordBatchPtr>& batches,
                          const FormatOptions& options, const EvalContext&) const {
  parquet::WriteParquetFile(path, schema, batches, options);
}

}  // namespace lakestream
