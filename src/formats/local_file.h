// LocalFile: a read-only file on the local file system, read by position.
// Errors name the file; the descriptor is closed on destruction (RAII).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/file_system.h"

namespace lakestream {

class LocalFile : public RandomAccessFile {
 public:
  // Throws UserError PATH_NOT_FOUND if absent, FAILED_READ_FILE if unreadable.
  explicit LocalFile(const std::string& path);
  ~LocalFile() override;
  LocalFile(const LocalFile&) = delete;
  LocalFile& operator=(const LocalFile&) = delete;

  int64_t size() const override { return size_; }
  const std::string& path() const override { return path_; }
  // Appends up to `length` bytes at `offset` to `out`; returns the count read
  // (short only at the end of the file).
  int64_t ReadAt(int64_t offset, int64_t length, std::string* out) const override;

 private:
  std::string path_;
  int fd_ = -1;
  int64_t size_ = 0;
};

// Strips a "file:" / "file://" scheme: the local file system is the only one so far.
std::string LocalPath(std::string_view path);
// "file:/abs/path" as Spark prints qualified local paths in messages.
std::string QualifiedPath(std::string_view path);


}  // namespace lakestream
