#include "formats/local_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "lakestream/error.h"

namespace lakestream {
namespace {

[[noreturn]] void ThrowIo(const std::string& error_class, const std::string& path, int err) {
  throw UserError(error_class, "58030", "Cannot read file " + QualifiedPath(path) + ": " + std::strerror(err) + ".");
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

std::unique_ptr<RandomAccessFile> OpenForRead(const std::string& path) {
  return std::make_unique<LocalFile>(path);
}

}  // namespace lakestream
