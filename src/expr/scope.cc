#include "expr/scope.h"

#include <algorithm>
#include <cctype>

#include "lakestream/error.h"

namespace lakestream {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Spark's toSQLId: every part backquoted, joined by dots.
std::string QuoteParts(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ".";
    std::string p;
    for (char c : parts[i]) p += (c == '`') ? std::string("``") : std::string(1, c);
    out += "`" + p + "`";
  }
  return out;
}

std::string QuoteColumn(const ScopeColumn& c) {
  if (c.qualifier.empty()) return QuoteParts({c.name});
  return QuoteParts({c.qualifier, c.name});
}

size_t Levenshtein(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// A qualifier may itself be dotted ("db.t"); "t.a" matches it by its last part too.
bool QualifierMatches(const std::string& qualifier, const std::vector<std::string>& prefix) {
  std::string joined;
  for (size_t i = 0; i < prefix.size(); ++i) joined += (i ? "." : "") + prefix[i];
  if (EqualsIgnoreCase(qualifier, joined)) return true;
  size_t dot = qualifier.rfind('.');
  return prefix.size() == 1 && dot != std::string::npos && EqualsIgnoreCase(qualifier.substr(dot + 1), joined);
}

bool Matches(const ScopeColumn& c, const std::vector<std::string>& parts) {
  if (parts.empty() || !EqualsIgnoreCase(c.name, parts.back())) return false;
  if (parts.size() == 1) return true;
  return QualifierMatches(c.qualifier, std::vector<std::string>(parts.begin(), parts.end() - 1));
}

std::vector<int> FindMatches(const std::vector<ScopeColumn>& columns, const std::vector<std::string>& parts,
                             int64_t plan_id) {
  std::vector<int> found;
  for (size_t i = 0; i < columns.size(); ++i) {
    const ScopeColumn& c = columns[i];
    if (plan_id >= 0 && !c.plan_ids.count(plan_id)) continue;
    if (Matches(c, parts)) found.push_back(static_cast<int>(i));
  }
  return found;
}

[[noreturn]] void ThrowUnresolved(const std::vector<ScopeColumn>& columns, const std::vector<std::string>& parts) {
  const std::string name = QuoteParts(parts);
  std::string prefix = "A column, variable, or function parameter with name " + name + " cannot be resolved";
  if (columns.empty()) {
    throw UserError("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "42703", prefix + ".");
  }
  // Spark orders candidates by edit distance to the unresolved name, keeping
  // the input order among equals, and lists at most five.
  std::string target;
  for (size_t i = 0; i < parts.size(); ++i) target += (i ? "." : "") + Lower(parts[i]);
  std::vector<std::pair<size_t, size_t>> ranked;
  for (size_t i = 0; i < columns.size(); ++i) {
    const ScopeColumn& c = columns[i];
    std::string candidate = Lower(c.name);
    if (parts.size() > 1 && !c.qualifier.empty()) candidate = Lower(c.qualifier) + "." + candidate;
    ranked.emplace_back(Levenshtein(target, candidate), i);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::string list;
  for (size_t k = 0; k < ranked.size() && k < 5; ++k) {
    if (k) list += ", ";
    list += QuoteColumn(columns[ranked[k].second]);
  }
  throw UserError("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703",
                  prefix + ". Did you mean one of the following? [" + list + "].");
}

}  // namespace

Scope Scope::FromSchema(const Schema& schema) {
  std::vector<ScopeColumn> columns;
  columns.reserve(schema.num_fields());
  for (const Field& f : schema.fields()) {
    ScopeColumn c;
    c.name = f.name;
    c.type = f.type;
    c.nullable = f.nullable;
    columns.push_back(std::move(c));
  }
  return Scope(std::move(columns));
}

int Scope::TryResolve(const std::vector<std::string>& parts, int64_t plan_id) const {
  std::vector<int> found = FindMatches(columns_, parts, plan_id);
  if (found.empty()) return -1;
  if (found.size() > 1) {
    std::string list;
    for (size_t i = 0; i < found.size(); ++i) list += (i ? ", " : "") + QuoteColumn(columns_[found[i]]);
    throw UserError("AMBIGUOUS_REFERENCE", "42704",
                    "Reference " + QuoteParts(parts) + " is ambiguous, could be: [" + list + "].");
  }
  return found[0];
}

int Scope::Resolve(const std::vector<std::string>& parts, int64_t plan_id) const {
  int i = TryResolve(parts, plan_id);
  if (i < 0) ThrowUnresolved(columns_, parts);
  return i;
}

}  // namespace lakestream
