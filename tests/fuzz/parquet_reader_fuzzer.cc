// libFuzzer target for the Parquet reader: each input is a whole Parquet
// file, read by ReadParquetForFuzzing (every column of every row group,
// 256 MiB decode limit, pruning). A corrupt or unsupported file must end in
// lakestream::UserError; any other exception escapes and libFuzzer reports it
// as a crash, as it does sanitizer reports, timeouts and out-of-memory.
//
// Built with -DLAKESTREAM_FUZZ=ON (make fuzz); run by scripts/fuzz_parquet.sh.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz/parquet_fuzz_read.h"
#include "lakestream/error.h"

namespace {

// The input as a file the reader can open by path: an anonymous in-memory
// file (no disk traffic, nothing left behind by a crash) reached through
// /proc/self/fd. Closed on destruction.
class MemoryFile {
 public:
  MemoryFile(const uint8_t* data, size_t size) : fd_(memfd_create("parquet_fuzz_input", MFD_CLOEXEC)) {
    if (fd_ < 0 || !WriteAll(data, size)) {
      std::perror("parquet_reader_fuzzer: cannot create the in-memory file");
      std::abort();
    }
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  bool WriteAll(const uint8_t* data, size_t size) const {
    while (size > 0) {
      ssize_t n = ::write(fd_, data, size);
      if (n <= 0) return false;
      data += n;
      size -= static_cast<size_t>(n);
    }
    return true;
  }

  int fd_;
};

volatile uint64_t checksum_sink;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  MemoryFile file(data, size);
  try {
    checksum_sink = lakestream::fuzz::ReadParquetForFuzzing(file.path());
  } catch (const lakestream::UserError&) {
    // The expected outcome for most inputs: a clear error naming the problem.
  }
  return 0;
}
