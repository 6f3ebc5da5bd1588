// AtomicFileWriter: writes a new file through a hidden temporary sibling that
// is renamed into place by Commit(), so readers never see a half-written file
// (listing skips "."-prefixed names). Without Commit() the temporary is removed.
#pragma once

#include <string>
#include <string_view>

namespace lakestream {

class AtomicFileWriter {
 public:
  // Creates parent directories. Throws UserError FAILED_WRITE_FILE naming the file.
  explicit AtomicFileWriter(const std::string& path);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  // Buffered; flushes every megabyte.
  void Append(std::string_view data);
  void Commit();

 private:
  void Flush();
  [[noreturn]] void Fail(int err);

  std::string path_;
  std::string tmp_path_;
  std::string buffer_;
  int fd_ = -1;
};

// Writes a whole file atomically.
void WriteFileAtomically(const std::string& path, std::string_view data);

}  // namespace lakestream
