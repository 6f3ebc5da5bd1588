// ListDataFiles: expands input paths into data files as Spark's
// InMemoryFileIndex does.
#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include "formats/file_format.h"
#include "formats/local_file.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

namespace fs = std::filesystem;

// Spark skips "_x" (but not partition directories like "_x=1") and ".x" names,
// and files still being copied.
bool IsHidden(const std::string& name) {
  return (name.starts_with("_") && name.find('=') == std::string::npos) || name.starts_with(".") ||
         name.ends_with("._COPYING_");
}

[[noreturn]] void ThrowNotFound(const std::string& path) {
  throw UserError("PATH_NOT_FOUND", "42K03", "Path does not exist: " + QualifiedPath(path) + ".");
}

void Walk(const fs::path& dir, std::vector<std::string>* out) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  if (ec) {
    throw UserError("FAILED_READ_FILE", "58030", "Cannot list directory " + QualifiedPath(dir.string()) + ": " +
                                                     ec.message() + ".");
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
  for (const auto& e : entries) {
    if (IsHidden(e.path().filename().string())) continue;
    std::error_code sec;
    if (e.is_directory(sec)) Walk(e.path(), out);
    else if (e.is_regular_file(sec)) out->push_back(e.path().string());
  }
}

void AddPath(const std::string& local, std::vector<std::string>* out) {
  std::error_code ec;
  fs::file_status st = fs::status(local, ec);
  if (ec || !fs::exists(st)) ThrowNotFound(local);
  if (fs::is_directory(st)) Walk(local, out);
  else out->push_back(local);
}

}  // namespace

std::vector<std::string> ListDataFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::string local = LocalPath(path);
    if (local.find_first_of("*?[{") == std::string::npos) {
      AddPath(local, &out);
      continue;
    }
    glob_t g{};
    int rc = ::glob(local.c_str(), GLOB_BRACE | GLOB_NOSORT, nullptr, &g);
    std::vector<std::string> matches;
    if (rc == 0) {
      for (size_t i = 0; i < g.gl_pathc; ++i) matches.emplace_back(g.gl_pathv[i]);
    }
    ::globfree(&g);
    if (matches.empty()) ThrowNotFound(local);
    std::sort(matches.begin(), matches.end());
    for (const auto& m : matches) AddPath(m, &out);
  }
  // A file named twice (overlapping paths or globs) is read once.
  std::vector<std::string> unique;
  std::unordered_set<std::string> seen;
  for (auto& f : out) {
    if (seen.insert(f).second) unique.push_back(std::move(f));
  }
  return unique;
}

}  // namespace lakestream
