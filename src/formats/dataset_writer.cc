// WriteDataset and ParseSaveMode: writing a result as a directory of part
// files, as Spark's FileFormatWriter does.
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>

#include "expr/cast.h"
#include "formats/atomic_file_writer.h"
#include "formats/file_format.h"
#include "formats/hive_partitioning.h"
#include "formats/local_file.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

namespace fs = std::filesystem;

std::string RandomUuid() {
  static thread_local std::mt19937_64 rng(std::random_device{}());
  uint64_t hi = rng(), lo = rng();
  hi = (hi & ~0xF000ULL) | 0x4000ULL;                  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char buf[40];
  snprintf(buf, sizeof(buf), "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
           static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
           static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

// The rows of one output file: (batch, row indices) pairs.
struct FileRows {
  std::vector<std::pair<size_t, std::vector<int32_t>>> parts;
};

std::string PartitionDirectory(const std::vector<int>& partition_columns, const Schema& schema,
                               const RecordBatch& batch, int64_t row, const EvalContext& ctx) {
  std::string dir;
  for (int c : partition_columns) {
    const Field& f = schema.field(c);
    Value v = batch.column(c)->GetValue(row);
    std::string text = v.is_null() ? "" : ValueToString(v, *f.type, ctx);
    // Spark writes NULL and the empty string alike as the default partition.
    std::string segment = EscapeHivePathName(f.name) + "=" +
                          (text.empty() ? std::string(kHiveDefaultPartition) : EscapeHivePathName(text));
    dir += segment + "/";
  }
  return dir;
}

bool ContainsInterval(const DataType& t) {
  if (t.IsInterval()) return true;
  for (const Field& f : t.fields()) {
    if (ContainsInterval(*f.type)) return true;
  }
  return false;
}

}  // namespace

// CSV and JSON write ANSI intervals as their display strings, as Spark 3.3+
// does. Parquet does not store them yet (Spark 3.3+ writes plain integers
// with its own schema metadata), so every other format refuses them.
void CheckWritableSchema(const FileFormat& format, const Schema& schema) {
  std::string name = format.name();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
  if (name == "CSV" || name == "JSON") return;
  for (const Field& f : schema.fields()) {
    if (!ContainsInterval(*f.type)) continue;
    if (name == "PARQUET") name = "Parquet";
    throw UserError("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", "0A000",
                    "The " + name + " datasource doesn't support the column `" + f.name + "` of the type \"" +
                        f.type->ToSql() + "\": " + name +
                        " files do not store interval types yet. Write CSV or JSON, or cast the column to a "
                        "STRING or a number first.");
  }
}

namespace {

void RemoveAllExcept(const fs::path& dir, const fs::path& keep) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path() == keep) continue;
    std::error_code rec;
    fs::remove_all(it->path(), rec);
    if (rec) {
      throw UserError("FAILED_WRITE_FILE", "58030",
                      "Cannot remove " + QualifiedPath(it->path().string()) + ": " + rec.message() + ".");
    }
  }
}

}  // namespace

SaveMode ParseSaveMode(const std::string& mode) {
  const char* m = mode.c_str();
  if (strcasecmp(m, "error") == 0 || strcasecmp(m, "errorifexists") == 0 || strcasecmp(m, "default") == 0) {
    return SaveMode::kErrorIfExists;
  }
  if (strcasecmp(m, "append") == 0) return SaveMode::kAppend;
  if (strcasecmp(m, "overwrite") == 0) return SaveMode::kOverwrite;
  if (strcasecmp(m, "ignore") == 0) return SaveMode::kIgnore;
  throw UserError("INVALID_SAVE_MODE", "42000",
                  "The specified save mode \"" + mode +
                      "\" is invalid. Valid save modes include \"append\", \"overwrite\", \"ignore\", \"error\", "
                      "\"errorifexists\", and \"default\".");
}

void WriteDataset(const std::string& path, const FileFormat& format, SaveMode mode,
                  const std::vector<std::string>& partition_by, const SchemaPtr& schema,
                  const std::vector<RecordBatchPtr>& batches, const FormatOptions& options,
                  const EvalContext& ctx) {
  CheckWritableSchema(format, *schema);
  const fs::path root(LocalPath(path));
  std::error_code ec;
  bool exists = fs::exists(root, ec);
  if (exists) {
    if (mode == SaveMode::kErrorIfExists) {
      throw UserError("PATH_ALREADY_EXISTS", "42K04",
                      "Path " + QualifiedPath(path) +
                          " already exists. Set mode as \"overwrite\" to overwrite the existing path.");
    }
    if (mode == SaveMode::kIgnore) return;
    if (mode == SaveMode::kOverwrite && !fs::is_directory(root, ec)) fs::remove(root, ec);
  }

  std::vector<int> partition_columns;
  for (const auto& name : partition_by) {
    int i = schema->FieldIndex(name);
    if (i < 0) {
      throw UserError("COLUMN_NOT_FOUND", "42703",
                      "The column `" + name + "` cannot be found. Verify the spelling and correctness of the "
                      "column name according to the SQL config spark.sql.caseSensitive.");
    }
    partition_columns.push_back(i);
  }
  if (!partition_columns.empty() && partition_columns.size() == schema->num_fields()) {
    throw UserError("ALL_PARTITION_COLUMNS_NOT_ALLOWED", "KD005", "Cannot use all columns for partition columns.");
  }
  std::vector<int> data_columns;
  std::vector<Field> data_fields;
  for (size_t i = 0; i < schema->num_fields(); ++i) {
    if (std::find(partition_columns.begin(), partition_columns.end(), static_cast<int>(i)) != partition_columns.end()) {
      continue;
    }
    data_columns.push_back(static_cast<int>(i));
    data_fields.push_back(schema->field(i));
  }
  auto data_schema = std::make_shared<Schema>(std::move(data_fields));

  // Group rows by partition directory ("" when not partitioned).
  std::map<std::string, FileRows> files;
  if (partition_columns.empty()) {
    FileRows& all = files[""];
    for (size_t b = 0; b < batches.size(); ++b) {
      std::vector<int32_t> rows(batches[b]->num_rows());
      for (int32_t r = 0; r < batches[b]->num_rows(); ++r) rows[r] = r;
      all.parts.emplace_back(b, std::move(rows));
    }
  } else {
    for (size_t b = 0; b < batches.size(); ++b) {
      std::map<std::string, std::vector<int32_t>> groups;
      for (int64_t r = 0; r < batches[b]->num_rows(); ++r) {
        groups[PartitionDirectory(partition_columns, *schema, *batches[b], r, ctx)].push_back(static_cast<int32_t>(r));
      }
      for (auto& [dir, rows] : groups) files[dir].parts.emplace_back(b, std::move(rows));
    }
  }

  // Write everything under a hidden job directory first, so that a failure
  // leaves no partial part files where readers look.
  const std::string job = RandomUuid();
  const fs::path staging = root / "_temporary" / job;
  std::vector<std::pair<fs::path, fs::path>> moves;  // staged file -> final path
  int task = 0;
  for (const auto& [dir, rows] : files) {
    std::vector<RecordBatchPtr> out;
    for (const auto& [b, indices] : rows.parts) {
      std::vector<ArrayPtr> columns;
      for (int c : data_columns) {
        const ArrayPtr& col = batches[b]->column(c);
        columns.push_back(static_cast<int64_t>(indices.size()) == col->length() ? col : Take(col, indices));
      }
      out.push_back(std::make_shared<RecordBatch>(data_schema, std::move(columns), static_cast<int64_t>(indices.size())));
    }
    char name[32];
    snprintf(name, sizeof(name), "part-%05d-", task++);
    std::string file_name = name + job + "-c000" + format.extension();
    fs::path staged = staging / dir / file_name;
    format.Write(staged.string(), data_schema, out, options, ctx);
    moves.emplace_back(staged, root / dir / file_name);
  }

  if (mode == SaveMode::kOverwrite && fs::is_directory(root, ec)) RemoveAllExcept(root, root / "_temporary");
  for (const auto& [from, to] : moves) {
    fs::create_directories(to.parent_path(), ec);
    fs::rename(from, to, ec);
    if (ec) {
      throw UserError("FAILED_WRITE_FILE", "58030",
                      "Cannot move " + QualifiedPath(from.string()) + " to " + QualifiedPath(to.string()) + ": " +
                          ec.message() + ".");
    }
  }
  fs::remove_all(staging, ec);
  std::error_code empty_ec;
  if (fs::is_empty(root / "_temporary", empty_ec)) fs::remove(root / "_temporary", ec);
  fs::create_directories(root, ec);
  WriteFileAtomically((root / "_SUCCESS").string(), "");
}

}  // namespace lakestream
