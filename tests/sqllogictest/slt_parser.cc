#include "sqllogictest/slt_parser.h"

#include <sstream>

namespace lakestream::slt {

namespace {

struct Line {
  int number;
  std::string text;
};

bool IsBlank(const std::string& s) {
  for (char c : s) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// Whitespace-separated words of a control line, up to a '#' comment.
std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> words;
  std::istringstream in(s.substr(0, s.find('#')));
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string JoinLines(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += (i > begin ? "\n" : "") + lines[i].text;
  return out;
}

Record ParseRecord(const std::vector<Line>& lines) {
  Record r;
  size_t i = 0;
  for (; i < lines.size(); ++i) {
    auto words = Words(lines[i].text);
    if (words.size() < 2 || (words[0] != "skipif" && words[0] != "onlyif")) break;
    r.conditions.push_back({words[0] == "onlyif", words[1]});
  }
  if (i == lines.size()) return r;  // only conditions: unknown
  r.line = lines[i].number;
  r.header = lines[i].text;
  auto words = Words(lines[i].text);
  size_t body = i + 1;
  if (words.empty()) return r;
  if (words[0] == "statement" && words.size() >= 2 && (words[1] == "ok" || words[1] == "error")) {
    r.kind = Record::Kind::kStatement;
    r.expect_error = words[1] == "error";
    if (r.expect_error) {
      // Everything after "statement error" is the regex, spaces included.
      std::string rest = lines[i].text.substr(lines[i].text.find("error") + 5);
      size_t first = rest.find_first_not_of(" \t");
      if (first != std::string::npos) r.error_regex = rest.substr(first);
    }
    size_t end = body;
    while (end < lines.size() && lines[end].text != "----") ++end;
    r.sql = JoinLines(lines, body, end);
    if (end < lines.size() && r.expect_error && r.error_regex.empty()) {
      // DuckDB's form: the message fragment follows "----" (matched literally).
      std::string fragment = JoinLines(lines, end + 1, lines.size());
      std::string escaped;
      for (char c : fragment) {
        if (std::string("\\^$.|?*+()[]{}").find(c) != std::string::npos) escaped += '\\';
        escaped += c;
      }
      r.error_regex = escaped;
    }
    return r;
  }
  if (words[0] == "query" && words.size() >= 2) {
    r.kind = Record::Kind::kQuery;
    r.types = words[1];
    for (size_t w = 2; w < words.size(); ++w) {
      if (words[w] == "nosort") r.sort_mode = SortMode::kNoSort;
      else if (words[w] == "rowsort") r.sort_mode = SortMode::kRowSort;
      else if (words[w] == "valuesort") r.sort_mode = SortMode::kValueSort;
      else r.label = words[w];
    }
    size_t end = body;
    while (end < lines.size() && lines[end].text != "----") ++end;
    r.sql = JoinLines(lines, body, end);
    for (size_t e = end + 1; e < lines.size(); ++e) r.expected.push_back(lines[e].text);
    return r;
  }
  if (words[0] == "hash-threshold" && words.size() >= 2 &&
      words[1].find_first_not_of("0123456789") == std::string::npos && words[1].size() < 10) {
    r.kind = Record::Kind::kHashThreshold;
    r.hash_threshold = std::stoi(words[1]);
    return r;
  }
  if (words[0] == "halt") {
    r.kind = Record::Kind::kHalt;
    return r;
  }
  return r;
}

}  // namespace

std::vector<Record> ParseScript(const std::string& text) {
  std::vector<Record> records;
  std::vector<Line> current;
  std::istringstream in(text);
  int number = 0;
  auto flush = [&] {
    if (!current.empty()) records.push_back(ParseRecord(current));
    current.clear();
  };
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] == '#') continue;
    if (IsBlank(line)) {
      flush();
      continue;
    }
    current.push_back({number, line});
  }
  flush();
  return records;
}

}  // namespace lakestream::slt
