#include "formats/atomic_file_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "formats/local_file.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

constexpr size_t kFlushBytes = 1 << 20;

}  // namespace

AtomicFileWriter::AtomicFileWriter(const std::string& path) : path_(LocalPath(path)) {
  std::filesystem::path target(path_);
  std::error_code ec;
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
  std::random_device rd;
  tmp_path_ = (target.parent_path() /
               ("." + target.filename().string() + "." + std::to_string(rd()) + std::to_string(rd()) + ".tmp"))
                  .string();
  fd_ = ::open(tmp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) Fail(errno);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(tmp_path_.c_str());
  }
}

void AtomicFileWriter::Fail(int err) {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(tmp_path_.c_str());
    fd_ = -1;
  }
  throw UserError("FAILED_WRITE_FILE", "58030",
                  "Cannot write file " + QualifiedPath(path_) + ": " + std::strerror(err) + ".");
}

void AtomicFileWriter::Append(std::string_view data) {
  buffer_.append(data);
  if (buffer_.size() >= kFlushBytes) Flush();
}

void AtomicFileWriter::Flush() {
  size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      Fail(errno);
    }
    done += static_cast<size_t>(n);
  }
  buffer_.clear();
}

void AtomicFileWriter::Commit() {
  Flush();
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 || ::rename(tmp_path_.c_str(), path_.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp_path_.c_str());
    throw UserError("FAILED_WRITE_FILE", "58030",
                    "Cannot write file " + QualifiedPath(path_) + ": " + std::strerror(err) + ".");
  }
}

void WriteFileAtomically(const std::string& path, std::string_view data) {
  AtomicFileWriter writer(path);
  writer.Append(data);
  writer.Commit();
}

}  // namespace lakestream
