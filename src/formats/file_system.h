// The file-system interface every reader and writer goes through (DESIGN.md):
// the local file system first; object stores plug in behind OpenForRead by
// path scheme later.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace lakestream {

// A file read by position. Implementations are safe to read from several
// threads at once (positional reads, no shared cursor).
class RandomAccessFile {
 public:
  virtual ~RandomAccessFile() = default;
  virtual int64_t size() const = 0;
  virtual const std::string& path() const = 0;
  // Appends up to `length` bytes at `offset` to `out`; returns the count read
  // (short only at the end of the file). Throws UserError FAILED_READ_FILE.
  virtual int64_t ReadAt(int64_t offset, int64_t length, std::string* out) const = 0;
};

// Opens `path` ("file:" scheme or a plain local path). Throws UserError
// PATH_NOT_FOUND when it does not exist.
std::unique_ptr<RandomAccessFile> OpenForRead(const std::string& path);

}  // namespace lakestream
