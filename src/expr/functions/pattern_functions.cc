#include "expr/functions/pattern_functions.h"

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "columnar/array_builder.h"
#include "expr/functions/bind_errors.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

enum class PatternKind { kLike, kILike, kRLike };

// Compiles each distinct pattern of one kernel call once.
class PatternCache {
 public:
  PatternCache(PatternKind kind, const std::string& function) : kind_(kind), function_(function) {}

  const RE2& Get(std::string_view pattern, char escape) {
    std::string key(pattern);
    key.push_back(escape);
    auto it = cache_.find(key);
    if (it != cache_.end()) return *it->second;
    RE2::Options options;
    options.set_log_errors(false);
    if (kind_ == PatternKind::kILike) options.set_case_sensitive(false);
    std::string regex = kind_ == PatternKind::kRLike ? std::string(pattern) : LikePatternToRegex(pattern, escape);
    if (kind_ != PatternKind::kRLike) options.set_dot_nl(true);
    auto re = std::make_unique<RE2>(regex, options);
    if (!re->ok()) {
      throw UserError("INVALID_PARAMETER_VALUE.PATTERN", "22023",
                      "The value of parameter(s) `regexp` in `" + function_ + "` is invalid: '" + std::string(pattern) +
                          "': " + re->error());
    }
    return *cache_.emplace(std::move(key), std::move(re)).first->second;
  }

 private:
  PatternKind kind_;
  std::string function_;
  std::unordered_map<std::string, std::unique_ptr<RE2>> cache_;
};

// A LIKE pattern made of literal text and `%` only (no `_`, no escape
// character): matched by substring search instead of a regular expression.
// `%` matches any bytes, newlines included, as the regex form's dot_nl.
class SubstringLike {
 public:
  // nullopt when the pattern needs the regular expression.
  static std::optional<SubstringLike> Parse(std::string_view pattern, char escape) {
    if (pattern.find('_') != std::string_view::npos || pattern.find(escape) != std::string_view::npos) {
      return std::nullopt;
    }
    SubstringLike like;
    like.exact_ = pattern.find('%') == std::string_view::npos;
    like.anchored_start_ = pattern.empty() || pattern.front() != '%';
    like.anchored_end_ = pattern.empty() || pattern.back() != '%';
    size_t start = 0;
    while (start <= pattern.size()) {
      size_t end = pattern.find('%', start);
      if (end == std::string_view::npos) end = pattern.size();
      if (end > start) like.parts_.emplace_back(pattern.substr(start, end - start));
      start = end + 1;
    }
    return like;
  }

  bool Matches(std::string_view s) const {
    if (exact_) return s == (parts_.empty() ? std::string_view() : std::string_view(parts_[0]));
    size_t first = 0, last = parts_.size();
    size_t pos = 0, limit = s.size();
    if (anchored_start_) {
      if (!s.starts_with(parts_[0])) return false;
      pos = parts_[0].size();
      first = 1;
    }
    if (anchored_end_) {
      const std::string& tail = parts_[last - 1];
      if (s.size() < tail.size() || s.size() - tail.size() < pos || !s.ends_with(tail)) return false;
      limit = s.size() - tail.size();
      --last;
    }
    // Leftmost matches leave the most room for the parts after them.
    const std::string_view window = s.substr(0, limit);
    for (size_t k = first; k < last; ++k) {
      size_t at = window.find(parts_[k], pos);
      if (at == std::string_view::npos) return false;
      pos = at + parts_[k].size();
    }
    return true;
  }

 private:
  bool exact_ = false, anchored_start_ = false, anchored_end_ = false;
  std::vector<std::string> parts_;
};

BoundScalarFunction BindPattern(const std::string& name, PatternKind kind, const std::vector<DataTypePtr>& types) {
  CheckArgCount(name, types, 2, kind == PatternKind::kRLike ? 2 : 3);
  for (size_t i = 0; i < types.size(); ++i) {
    TypeId id = types[i]->id();
    if (id != TypeId::kString && id != TypeId::kNull) ThrowUnexpectedInputType(name, i, "\"STRING\"", *types[i]);
  }
  BoundScalarFunction f;
  f.arg_types.assign(types.size(), DataType::String());
  f.return_type = DataType::Boolean();
  f.kernel = [name, kind](const std::vector<ArrayPtr>& args, int64_t rows, const EvalContext&) {
    PatternCache cache(kind, name);
    // The pattern is nearly always the same on every row: reuse the last one.
    std::string last_pattern;
    char last_escape = 0;
    bool have_last = false;
    std::optional<SubstringLike> substring;
    const RE2* regex = nullptr;
    BooleanBuilder out(rows);
    const Array& text = *args[0];
    const Array& pattern = *args[1];
    for (int64_t i = 0; i < rows; ++i) {
      if (text.IsNull(i) || pattern.IsNull(i)) {
        out.AppendNull();
        continue;
      }
      char escape = '\\';
      if (args.size() > 2 && args[2]->IsValid(i)) {
        std::string_view e = args[2]->GetView(i);
        if (e.size() != 1) {
          throw UserError("INVALID_ESCAPE_CHAR", "42000",
                          "The escape character must be a string literal of length one, got '" + std::string(e) + "'.");
        }
        escape = e[0];
      }
      const std::string_view p = pattern.GetView(i);
      if (!have_last || escape != last_escape || p != last_pattern) {
        last_pattern.assign(p);
        last_escape = escape;
        have_last = true;
        substring.reset();
        if (kind == PatternKind::kLike) substring = SubstringLike::Parse(p, escape);
        regex = substring ? nullptr : &cache.Get(p, escape);
      }
      std::string_view s = text.GetView(i);
      if (substring) {
        out.Append(substring->Matches(s));
        continue;
      }
      re2::StringPiece piece(s.data(), s.size());
      out.Append(kind == PatternKind::kRLike ? RE2::PartialMatch(piece, *regex) : RE2::FullMatch(piece, *regex));
    }
    return out.Finish();
  };
  return f;
}

void Add(FunctionRegistry& r, const std::string& name, PatternKind kind, const std::string& usage) {
  r.AddScalar(ScalarFunction{name, FunctionDoc{usage, ""}, [name, kind](const std::vector<DataTypePtr>& t) {
                               return BindPattern(name, kind, t);
                             }});
}

}  // namespace

std::string LikePatternToRegex(std::string_view pattern, char escape) {
  std::string out;
  std::string literal;
  auto flush = [&] {
    out += RE2::QuoteMeta(literal);
    literal.clear();
  };
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == escape) {
      if (i + 1 == pattern.size()) {
        throw UserError("INVALID_FORMAT.ESC_AT_THE_END", "42601",
                        "The format is invalid: '" + std::string(pattern) + "'. The escape character is not allowed "
                        "to end with.");
      }
      char next = pattern[++i];
      if (next != '_' && next != '%' && next != escape) {
        throw UserError("INVALID_FORMAT.ESC_IN_THE_MIDDLE", "42601",
                        "The format is invalid: '" + std::string(pattern) +
                            "'. The escape character is not allowed to precede '" + std::string(1, next) + "'.");
      }
      literal += next;
    } else if (c == '_' || c == '%') {
      flush();
      out += c == '_' ? "." : ".*";
    } else {
      literal += c;
    }
  }
  flush();
  return out;
}

void RegisterPatternFunctions(FunctionRegistry& r) {
  Add(r, "like", PatternKind::kLike,
      "str like pattern[ ESCAPE escape] - Returns true if str matches `pattern` with `escape`, null if any "
      "arguments are null, false otherwise.");
  Add(r, "ilike", PatternKind::kILike,
      "str ilike pattern[ ESCAPE escape] - Returns true if str matches `pattern` with `escape` case-insensitively.");
  Add(r, "rlike", PatternKind::kRLike, "rlike(str, regexp) - Returns true if `str` matches `regexp`, or false otherwise.");
  r.AddAlias("regexp", "rlike");
  r.AddAlias("regexp_like", "rlike");
}

}  // namespace lakestream
