#include "formats/local_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "lakestream/error.h"

namespace lakestream {
namespace {

[[noreturn]] void ThrowIo(const std::string& error_class, const std::string& path, int err) {
  throw UserError(error_class, "58030",
                  "Cannot " + std::string(error_class == "FAILED_READ_FILE" ? "read" : "write") + " file " +
                      QualifiedPath(path) + ": " + std::strerror(err) + ".");
}

}  // namespace

std::string LocalPath(std::string_view path) {
  if (path.starts_with("file://")) path.remove_prefix(7);
  else if (path.starts_with("file:")) path.remove_prefix(5);
  return std::string(path);
}

std::string QualifiedPath(std::string_view path) {
  std::string local = LocalPath(path);
  std::error_code ec;
  auto abs = std::filesystem::absolute(local, ec);
  return "file:" + (ec ? local : abs.lexically_normal().string());
}

LocalFile::LocalFile(const std::string& path) : path_(path) {
  std::string local = LocalPath(path);
  fd_ = ::open(local.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    int err = errno;
    if (err == ENOENT) {
      throw UserError("PATH_NOT_FOUND", "42K03", "Path does not exist: " + QualifiedPath(path) + ".");
    }
    ThrowIo("FAILED_READ_FILE", path, err);
  }
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    int err = errno;
    ::close(fd_);
    fd_ = -1;
    ThrowIo("FAILED_READ_FILE", path, err);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd_);
    fd_ = -1;
    ThrowIo("FAILED_READ_FILE", path, EISDIR);
  }
  size_ = st.st_size;
}

LocalFile::~LocalFile() {
  if (fd_ >= 0) ::close(fd_);
}

int64_t LocalFile::ReadAt(int64_t offset, int64_t length, std::string* out) const {
  size_t old = out->size();
  out->resize(old + static_cast<size_t>(length));
  int64_t done = 0;
  while (done < length) {
    ssize_t n = ::pread(fd_, out->data() + old + done, static_cast<size_t>(length - done), offset + done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      out->resize(old);
      ThrowIo("FAILED_READ_FILE", path_, err);
    }
    if (n == 0) break;
    done += n;
  }
  out->resize(old + static_cast<size_t>(done));
  return done;
}

void WriteFileAtomically(const std::string& path, std::string_view data) {
  std::string local = LocalPath(path);
  std::filesystem::path target(local);
  std::error_code ec;
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
  // A hidden temporary name: listing skips it if we die before the rename.
  std::string tmp = (target.parent_path() / ("." + target.filename().string() + "." +
                                             std::to_string(std::random_device{}()) + ".tmp"))
                        .string();
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) ThrowIo("FAILED_WRITE_FILE", path, errno);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      ThrowIo("FAILED_WRITE_FILE", path, err);
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(tmp.c_str(), local.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    ThrowIo("FAILED_WRITE_FILE", path, err);
  }
}

}  // namespace lakestream
