#include "exec/spill_file.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <unistd.h>

#include "lakestream/error.h"

namespace lakestream {

namespace {
[[noreturn]] void SpillFailed(const std::string& what) {
  throw UserError("SPILL_FAILED", "58030", what);
}
}  // namespace

SpillFile::SpillFile(const std::string& directory, SchemaPtr schema) : schema_(std::move(schema)) {
  if (directory.empty()) SpillFailed("no spill directory is configured");
  static std::atomic<int64_t> counter{0};
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  path_ = fmt::format("{}/lakestream-spill-{}-{}.bin", directory, ::getpid(), counter.fetch_add(1));
  file_ = std::fopen(path_.c_str(), "w+b");
  if (file_ == nullptr) SpillFailed(fmt::format("cannot create spill file {}: {}", path_, std::strerror(errno)));
}

SpillFile::~SpillFile() {
  if (file_ != nullptr) std::fclose(file_);
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

void SpillFile::WriteBytes(const void* data, size_t n) {
  if (n > 0 && std::fwrite(data, 1, n, file_) != n) {
    SpillFailed(fmt::format("cannot write spill file {}: {}", path_, std::strerror(errno)));
  }
  bytes_written_ += static_cast<int64_t>(n);
}

void SpillFile::ReadBytes(void* data, size_t n) {
  if (n > 0 && std::fread(data, 1, n, file_) != n) SpillFailed(fmt::format("spill file {} is truncated", path_));
}

SpillFile::TypeTree SpillFile::TreeOf(const Array& array) {
  TypeTree t{array.type(), {}};
  for (const auto& c : array.children()) t.children.push_back(TreeOf(*c));
  return t;
}

void SpillFile::WriteArray(const Array& array) {
  int64_t header[3] = {array.length(), array.null_count(), static_cast<int64_t>(array.buffers().size())};
  WriteBytes(header, sizeof(header));
  for (const auto& b : array.buffers()) {
    int64_t size = b ? b->size() : -1;
    WriteBytes(&size, sizeof(size));
    if (b) WriteBytes(b->data(), static_cast<size_t>(size));
  }
  for (const auto& c : array.children()) WriteArray(*c);
}

ArrayPtr SpillFile::ReadArray(const TypeTree& tree) {
  int64_t header[3];
  ReadBytes(header, sizeof(header));
  std::vector<BufferPtr> buffers;
  for (int64_t i = 0; i < header[2]; ++i) {
    int64_t size;
    ReadBytes(&size, sizeof(size));
    if (size < 0) {
      buffers.push_back(nullptr);
      continue;
    }
    BufferPtr b = Buffer::Allocate(size);
    ReadBytes(b->mutable_data(), static_cast<size_t>(size));
    buffers.push_back(std::move(b));
  }
  std::vector<ArrayPtr> children;
  for (const auto& c : tree.children) children.push_back(ReadArray(c));
  return std::make_shared<Array>(tree.type, header[0], std::move(buffers), std::move(children), header[1]);
}

void SpillFile::Write(const RecordBatch& batch) {
  if (column_types_.empty()) {
    for (const auto& c : batch.columns()) column_types_.push_back(TreeOf(*c));
  }
  int64_t rows = batch.num_rows();
  WriteBytes(&rows, sizeof(rows));
  for (const auto& c : batch.columns()) WriteArray(*c);
}

void SpillFile::StartReading() {
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) {
    SpillFailed(fmt::format("cannot rewind spill file {}: {}", path_, std::strerror(errno)));
  }
}

RecordBatchPtr SpillFile::Read() {
  int64_t rows;
  if (std::fread(&rows, sizeof(rows), 1, file_) != 1) return nullptr;
  std::vector<ArrayPtr> columns;
  for (const auto& t : column_types_) columns.push_back(ReadArray(t));
  return std::make_shared<RecordBatch>(schema_, std::move(columns), rows);
}

}  // namespace lakestream
