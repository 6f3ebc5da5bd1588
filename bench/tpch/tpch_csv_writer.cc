#include "tpch_csv_writer.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace lakestream::tpch {
namespace {

// One output file: units [begin, end) of a table.
struct FileTask {
  size_t table_index;
  int64_t file_number;
  int64_t begin;
  int64_t end;
};

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// Bytes buffered before a write: large enough that write calls cost nothing,
// small enough that threads * buffer stays modest.
constexpr size_t kFlushBytes = 4u << 20;
// Units generated between checks of the buffer size.
constexpr int64_t kUnitsPerStep = 1024;

std::string Header(const TpchTableSpec& spec) {
  std::string header;
  for (const TpchColumn& column : spec.columns) {
    if (!header.empty()) header += ',';
    header += column.name;
  }
  return header + '\n';
}

void WriteAll(std::FILE* file, const std::string& bytes, const std::filesystem::path& path) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size()) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

// Returns the rows written.
int64_t WriteFile(const TpchGenerator& generator, const TpchTableSpec& spec, const FileTask& task,
                  const std::filesystem::path& path) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
  if (!file) throw std::runtime_error("cannot create " + path.string());
  WriteAll(file.get(), Header(spec), path);
  TpchCsvBuffer buffer;
  for (int64_t unit = task.begin; unit < task.end; unit += kUnitsPerStep) {
    generator.AppendRows(spec.table, unit, std::min(task.end, unit + kUnitsPerStep), buffer);
    if (buffer.data().size() >= kFlushBytes) {
      WriteAll(file.get(), buffer.data(), path);
      buffer.Clear();
    }
  }
  WriteAll(file.get(), buffer.data(), path);
  // fclose reports the errors of buffered writes, so it is checked too.
  if (std::fclose(file.release()) != 0) throw std::runtime_error("cannot write " + path.string());
  return buffer.rows();
}

}  // namespace

std::vector<TpchWrittenTable> WriteTpchCsv(const TpchGenerator& generator, std::span<const TpchTableSpec* const> tables,
                                           const std::filesystem::path& dir, int threads) {
  std::vector<TpchWrittenTable> written;
  std::vector<FileTask> tasks;
  for (size_t t = 0; t < tables.size(); t++) {
    const TpchTableSpec& spec = *tables[t];
    const std::filesystem::path table_dir = dir / spec.name;
    std::filesystem::remove_all(table_dir);
    std::filesystem::create_directories(table_dir);
    const int64_t units = spec.Units(generator.scale());
    int64_t files = 0;
    for (int64_t begin = 0; begin < units; begin += spec.units_per_file) {
      tasks.push_back(FileTask{t, files++, begin, std::min(units, begin + spec.units_per_file)});
    }
    written.push_back(TpchWrittenTable{&spec, 0, files});
  }
  // The largest files first, so that no thread is left with a big one at the end.
  std::stable_sort(tasks.begin(), tasks.end(), [&](const FileTask& a, const FileTask& b) {
    return tables[a.table_index]->table > tables[b.table_index]->table;
  });

  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::exception_ptr error;  // the first failure; guarded by mutex
  const auto work = [&] {
    for (size_t i = next++; i < tasks.size(); i = next++) {
      const FileTask& task = tasks[i];
      const TpchTableSpec& spec = *tables[task.table_index];
      char name[32];
      std::snprintf(name, sizeof(name), "part-%05lld.csv", static_cast<long long>(task.file_number));
      try {
        const int64_t rows = WriteFile(generator, spec, task, dir / spec.name / name);
        std::lock_guard lock(mutex);
        written[task.table_index].rows += rows;
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        next = tasks.size();  // stop the other threads early
      }
    }
  };
  {
    std::vector<std::jthread> workers;
    for (int i = 1; i < threads; i++) workers.emplace_back(work);
    work();
  }
  if (error) std::rethrow_exception(error);
  return written;
}

}  // namespace lakestream::tpch
