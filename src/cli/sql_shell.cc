#include "cli/sql_shell.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <vector>

#include "cli/statement_buffer.h"
#include "lakestream/error.h"

namespace lakestream::cli {

namespace {

constexpr const char* kHelp =
    ".help                       show this list\n"
    ".timer on|off               print row counts and elapsed time (also \\timing [on|off])\n"
    ".format table|csv|json      how results are printed\n"
    ".quit                       leave the shell (also .exit, \\q, exit, quit, Ctrl-D)\n"
    "SQL statements end with ';' and may span lines. Ctrl-C cancels the running\n"
    "statement, or clears the statement being typed.\n";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == ';')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The words of a command line: ".timer on" -> {".timer", "on"}.
std::vector<std::string> Words(std::string_view line) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t end = i;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (end > i) words.emplace_back(line.substr(i, end - i));
    i = end;
  }
  return words;
}

// A line the shell runs itself rather than as SQL: ".word ...", "\word ...",
// "exit", "quit" (a trailing ';' allowed).
bool IsShellCommand(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.empty()) return false;
  if (t.front() == '.' || t.front() == '\\') return true;
  const std::string word = Lower(t);
  return word == "exit" || word == "quit";
}

void PrintError(const Error& e) {
  std::cerr << "Error: [" << e.error_class() << "] " << e.message() << "\n";
  // Parse errors carry "SQLSTATE: ..." before their caret block already.
  if (e.message().find("SQLSTATE:") == std::string::npos) std::cerr << "SQLSTATE: " << e.sql_state() << "\n";
  if (dynamic_cast<const InternalError*>(&e) != nullptr) {
    std::cerr << "This is a bug in Lakestream; please report it with the statement that caused it.\n";
  }
}

}  // namespace

SqlShell::SqlShell(Session session, const SqlShellOptions& options, InterruptSignal& interrupt)
    : session_(std::move(session)),
      options_(options),
      interrupt_(interrupt),
      runner_(session_, interrupt, options.progress_bar) {}

SqlShell::Outcome SqlShell::RunStatement(const std::string& sql) {
  const auto start = std::chrono::steady_clock::now();
  const ResultFormatter formatter(options_.format);
  FormattedResult result;
  try {
    runner_.Run([&] { result = formatter.Run(session_.sql(sql)); });
  } catch (const CancelledError&) {
    std::cerr << "Query cancelled.\n";
    return Outcome::kCancelled;
  } catch (const Error& e) {
    PrintError(e);
    return Outcome::kFailed;
  } catch (const std::exception& e) {
    // Outside the engine's hierarchy: file system and allocation failures.
    std::cerr << "Error: " << e.what() << "\n";
    return Outcome::kFailed;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << result.text;
  if (options_.timer) {
    // Keep CSV and JSON output machine-readable: their timing goes to stderr.
    std::ostream& out = options_.format == OutputFormat::kTable ? std::cout : std::cerr;
    if (result.has_columns && options_.format == OutputFormat::kTable) {
      out << "(" << result.rows << (result.rows == 1 ? " row)\n" : " rows)\n");
    }
    char time[48];
    std::snprintf(time, sizeof(time), "Time: %.3f s\n", seconds);
    out << time;
  }
  std::cout << std::flush;
  return Outcome::kOk;
}

bool SqlShell::RunShellCommand(std::string_view line) {
  const std::vector<std::string> words = Words(Trim(line));
  const std::string command = Lower(words.at(0));
  const std::string argument = words.size() > 1 ? Lower(words[1]) : "";
  if (command == ".quit" || command == ".exit" || command == "\\q" || command == "exit" || command == "quit") {
    return false;
  }
  if (command == ".help" || command == "\\?") {
    std::cout << kHelp << std::flush;
  } else if ((command == ".timer" && (argument == "on" || argument == "off")) ||
             (command == "\\timing" && (argument.empty() || argument == "on" || argument == "off"))) {
    options_.timer = argument.empty() ? !options_.timer : argument == "on";
    std::cout << "Timer is " << (options_.timer ? "on" : "off") << ".\n" << std::flush;
  } else if (command == ".format" && ParseOutputFormat(argument)) {
    options_.format = *ParseOutputFormat(argument);
  } else {
    std::cerr << "Error: unknown or malformed command '" << Trim(line) << "'; .help lists the commands.\n";
  }
  return true;
}

int SqlShell::RunScript(std::string_view script) {
  StatementBuffer buffer;
  std::vector<std::string> statements = buffer.Append(script);
  std::string rest = buffer.TakeRest();
  if (!rest.empty()) statements.push_back(std::move(rest));
  for (const std::string& statement : statements) {
    const Outcome outcome = RunStatement(statement);
    if (outcome == Outcome::kCancelled || interrupt_.Pending()) return kExitInterrupted;
    if (outcome == Outcome::kFailed) return kExitError;
  }
  return kExitOk;
}

int SqlShell::RunInteractive(LineReader& reader) {
  StatementBuffer buffer;
  bool failed = false;
  while (true) {
    const bool continuation = !buffer.Empty();
    LineReader::Result input = reader.Read(continuation);
    if (input.status == LineReader::Status::kEnd) break;
    if (input.status == LineReader::Status::kInterrupted) {
      buffer.Clear();
      continue;
    }
    if (!continuation && IsShellCommand(input.line)) {
      if (!RunShellCommand(input.line)) return failed ? kExitError : kExitOk;
      continue;
    }
    for (const std::string& statement : buffer.Append(input.line + "\n")) {
      const Outcome outcome = RunStatement(statement);
      failed = failed || outcome != Outcome::kOk;
      // Ctrl-C also drops the statements typed after the cancelled one.
      if (outcome == Outcome::kCancelled || interrupt_.Pending()) break;
    }
    interrupt_.Clear();
  }
  // The input ended inside a statement: run it as if it ended with ';'.
  const std::string rest = buffer.TakeRest();
  if (!rest.empty()) failed = RunStatement(rest) != Outcome::kOk || failed;
  return failed ? kExitError : kExitOk;
}

}  // namespace lakestream::cli
