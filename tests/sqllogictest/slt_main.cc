// slt_runner: runs sqllogictest scripts against Lakestream and reports how
// many records pass. Exits 1 when a pass count falls below its minimum (for
// ctest), 2 on a usage error.
//
//   slt_runner [--verbose] [--dialect sqlite|spark] [--ansi] [--threads N] [--engine NAME]
//              [--corpus DIR] [--baseline FILE] [--write-baseline FILE]
//              [--min-passed N] [--max-failed N] [--markdown] [--slow SECONDS] [SCRIPT...]
//
// --dialect sqlite (the default, for SQLite's corpus) runs with ANSI mode off
// and SQLite's behaviour where Spark has another (lakestream.sql.
// legacyIntegerDivision, legacyBareColumnsInAggregate, legacyUnaryPlus,
// legacyEmptyInList; see docs/sql-reference.md), and hashes results of more
// than 8 values; --dialect spark keeps Spark's
// defaults and never hashes unless a script says so. --ansi turns ANSI on.
// Relative script paths are looked up in --corpus (default: the environment
// variable LAKESTREAM_SLT_CORPUS). --baseline reads "path min-passed" lines
// and checks each script against its minimum; with no SCRIPT it runs them all.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "sqllogictest/script_runner.h"

namespace {

namespace fs = std::filesystem;
using lakestream::slt::ScriptResult;

struct Args {
  lakestream::slt::RunnerOptions options;
  std::string corpus;
  std::string baseline;
  std::string write_baseline;
  int64_t min_passed = -1;
  int64_t max_failed = -1;
  bool markdown = false;
  std::vector<std::string> scripts;
};

[[noreturn]] void Usage(const std::string& problem) {
  std::cerr << "slt_runner: " << problem << "\n"
            << "usage: slt_runner [--verbose] [--dialect sqlite|spark] [--ansi] [--threads N] [--engine NAME]\n"
            << "                  [--corpus DIR] [--baseline FILE] [--write-baseline FILE] [--min-passed N]\n"
            << "                  [--max-failed N] [--markdown] [--slow SECONDS] [SCRIPT...]\n";
  std::exit(2);
}

Args ParseArgs(int argc, char** argv) {
  Args a;
  if (const char* env = std::getenv("LAKESTREAM_SLT_CORPUS")) a.corpus = env;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--verbose") a.options.verbose = true;
    else if (arg == "--ansi") a.options.ansi = true;
    else if (arg == "--dialect") {
      std::string d = value();
      if (d != "sqlite" && d != "spark") Usage("--dialect must be sqlite or spark");
      a.options.ansi = d == "spark";
      a.options.sqlite_settings = d == "sqlite";
      a.options.hash_threshold = d == "sqlite" ? 8 : 0;
    }
    else if (arg == "--threads") a.options.threads = std::stoi(value());
    else if (arg == "--engine") a.options.engine = value();
    else if (arg == "--corpus") a.corpus = value();
    else if (arg == "--baseline") a.baseline = value();
    else if (arg == "--write-baseline") a.write_baseline = value();
    else if (arg == "--min-passed") a.min_passed = std::stoll(value());
    else if (arg == "--max-failed") a.max_failed = std::stoll(value());
    else if (arg == "--markdown") a.markdown = true;
    else if (arg == "--slow") a.options.slow_seconds = std::stod(value());
    else if (!arg.empty() && arg[0] == '-') Usage("unknown option " + arg);
    else a.scripts.push_back(arg);
  }
  return a;
}

struct BaselineEntry {
  int64_t minimum = 0;
  std::string tag;  // e.g. "full": kept by --write-baseline
};

// "path min-passed [tag]" lines; '#' starts a comment.
std::map<std::string, BaselineEntry> ReadBaseline(const std::string& file) {
  std::ifstream in(file);
  if (!in) Usage("cannot read baseline " + file);
  std::map<std::string, BaselineEntry> entries;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line.substr(0, line.find('#')));
    std::string path;
    BaselineEntry e;
    if (words >> path >> e.minimum) {
      words >> e.tag;
      entries[path] = e;
    }
  }
  return entries;
}

std::string Resolve(const std::string& script, const std::string& corpus) {
  if (fs::exists(script) || corpus.empty()) return script;
  return (fs::path(corpus) / script).string();
}

std::string Percent(int64_t passed, int64_t run) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f%%", run ? 100.0 * passed / run : 100.0);
  return buf;
}

void PrintFailures(const ScriptResult& r) {
  for (const auto& s : r.slow) std::cout << "slow: " << r.path << ":" << s.line << " took " << s.seconds << " s\n";
  for (const auto& f : r.failures) {
    std::cout << "---- " << r.path << ":" << f.line << ": " << f.header << "\n"
              << f.sql << "\n-- expected:\n" << f.expected << "-- actual: " << f.actual << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  Args args = ParseArgs(argc, argv);
  std::map<std::string, BaselineEntry> baseline;
  if (!args.baseline.empty()) baseline = ReadBaseline(args.baseline);
  if (args.scripts.empty()) {
    for (const auto& [path, e] : baseline) args.scripts.push_back(path);
  }
  if (args.scripts.empty()) Usage("no scripts given");

  lakestream::slt::ScriptRunner runner(args.options);
  int64_t records = 0, passed = 0, failed = 0, skipped = 0;
  double seconds = 0;
  bool below_minimum = false;
  std::vector<ScriptResult> results;
  if (args.markdown) {
    std::cout << "| script | records | skipped | passed | failed | pass rate | seconds |\n"
              << "|---|---:|---:|---:|---:|---:|---:|\n";
  }
  for (const auto& script : args.scripts) {
    ScriptResult r = runner.RunFile(Resolve(script, args.corpus));
    r.path = script;
    PrintFailures(r);
    int64_t run = r.passed + r.failed;
    char secs[32];
    std::snprintf(secs, sizeof(secs), "%.1f", r.seconds);
    if (args.markdown) {
      std::cout << "| " << script << " | " << r.records << " | " << r.skipped << " | " << r.passed << " | "
                << r.failed << " | " << Percent(r.passed, run) << " | " << secs << " |" << std::endl;
    } else {
      std::cout << script << ": " << r.records << " records, " << r.passed << " passed, " << r.failed
                << " failed, " << r.skipped << " skipped, pass rate " << Percent(r.passed, run) << " (" << secs
                << " s)" << std::endl;
    }
    auto it = baseline.find(script);
    if (it != baseline.end() && r.passed < it->second.minimum) {
      std::cout << "REGRESSION: " << script << " passed " << r.passed << " < baseline " << it->second.minimum << "\n";
      below_minimum = true;
    }
    records += r.records;
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
    seconds += r.seconds;
    results.push_back(std::move(r));
  }
  std::cout << "slt summary: " << args.scripts.size() << " scripts, " << records << " records, " << passed
            << " passed, " << failed << " failed, " << skipped << " skipped, pass rate "
            << Percent(passed, passed + failed) << " (" << static_cast<int64_t>(seconds) << " s)" << std::endl;
  if (!args.write_baseline.empty()) {
    std::ofstream out(args.write_baseline);
    out << "# SQLite's sqllogictest corpus: the minimum number of passed records per\n"
           "# script. ctest (make test) fails when a script passes fewer; scripts marked\n"
           "# \"full\" run only in `make slt`. Written by slt_runner --write-baseline.\n";
    for (const auto& r : results) {
      auto it = baseline.find(r.path);
      out << r.path << " " << r.passed << (it != baseline.end() && !it->second.tag.empty() ? " " + it->second.tag : "")
          << "\n";
    }
  }
  if (args.min_passed >= 0 && passed < args.min_passed) {
    std::cout << "REGRESSION: " << passed << " passed < minimum " << args.min_passed << "\n";
    below_minimum = true;
  }
  if (args.max_failed >= 0 && failed > args.max_failed) {
    std::cout << "FAILED: " << failed << " records failed > maximum " << args.max_failed << "\n";
    below_minimum = true;
  }
  return below_minimum ? 1 : 0;
}
