// SpillFile: a temporary file of record batches under the query's spill
// directory, written once in sequence and then read back in sequence. The
// file is removed when the SpillFile is destroyed. Used by one thread at a time.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "columnar/record_batch.h"

namespace lakestream {

class SpillFile {
 public:
  // Creates a new file in `directory`. Throws UserError SPILL_FAILED when the
  // directory is empty or cannot be written.
  SpillFile(const std::string& directory, SchemaPtr schema);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  void Write(const RecordBatch& batch);
  // Switches from writing to reading (from the first batch).
  void StartReading();
  // The next batch, or nullptr at the end.
  RecordBatchPtr Read();

  int64_t bytes_written() const { return bytes_written_; }
  const std::string& path() const { return path_; }

 private:
  // The type of every array and nested child, taken from the first batch
  // written, so nested arrays read back with the exact child types.
  struct TypeTree {
    DataTypePtr type;
    std::vector<TypeTree> children;
  };
  static TypeTree TreeOf(const Array& array);
  void WriteArray(const Array& array);
  ArrayPtr ReadArray(const TypeTree& tree);
  void WriteBytes(const void* data, size_t n);
  void ReadBytes(void* data, size_t n);

  std::string path_;
  SchemaPtr schema_;
  std::FILE* file_ = nullptr;
  std::vector<TypeTree> column_types_;
  int64_t bytes_written_ = 0;
};

}  // namespace lakestream
