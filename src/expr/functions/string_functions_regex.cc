// String functions, part three: regular expressions with RE2. Patterns are
// Java regexes in Spark; RE2 accepts the common subset (no backreferences or
// lookaround). Matching walks the input the way java.util.regex.Matcher.find
// does, so empty matches, split() and replacement strings ($1, ${name}, \$)
// behave as in Spark.
#include <re2/re2.h>

#include <memory>
#include <string>

#include "columnar/array_builder.h"
#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/list_result_builder.h"
#include "expr/functions/signature_check.h"
#include "expr/functions/string_families.h"
#include "expr/functions/utf8_codec.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;
using Kernels = std::vector<ArrayPtr>;

// The compiled pattern of the previous row: patterns are nearly always
// literals, so each kernel call compiles once.
class PatternCache {
 public:
  explicit PatternCache(std::string function) : function_(std::move(function)) {}

  const RE2& Get(std::string_view pattern) {
    if (!re_ || pattern != last_) {
      RE2::Options options;
      options.set_log_errors(false);
      re_ = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
      last_.assign(pattern);
      if (!re_->ok()) {
        const std::string error = re_->error();
        re_.reset();
        throw UserError("INVALID_PARAMETER_VALUE.PATTERN", "22023",
                        "The value of parameter(s) `regexp` in `" + function_ + "` is invalid: '" + last_ + "': " + error);
      }
    }
    return *re_;
  }

 private:
  std::string function_;
  std::string last_;
  std::unique_ptr<RE2> re_;
};

// Matcher.find: the next match at or after `from`; after an empty match the
// caller continues one character further. groups[0] is the whole match.
class Finder {
 public:
  Finder(const RE2& re, std::string_view text) : re_(re), text_(text), groups_(1 + re.NumberOfCapturingGroups()) {}

  bool Next() {
    if (next_ > text_.size()) return false;
    if (!re_.Match(re2::StringPiece(text_.data(), text_.size()), next_, text_.size(), RE2::UNANCHORED, groups_.data(),
                   static_cast<int>(groups_.size()))) {
      next_ = text_.size() + 1;
      return false;
    }
    start_ = static_cast<size_t>(groups_[0].data() - text_.data());
    end_ = start_ + groups_[0].size();
    next_ = end_ > start_ ? end_
            : end_ < text_.size() ? end_ + static_cast<size_t>(utf8::CharWidth(static_cast<unsigned char>(text_[end_])))
                                  : text_.size() + 1;
    return true;
  }

  size_t start() const { return start_; }
  size_t end() const { return end_; }
  // Group g of the current match; nullopt when the group did not take part.
  std::optional<std::string_view> group(size_t g) const {
    if (groups_[g].data() == nullptr) return std::nullopt;
    return std::string_view(groups_[g].data(), groups_[g].size());
  }
  size_t group_count() const { return groups_.size() - 1; }

 private:
  const RE2& re_;
  std::string_view text_;
  std::vector<re2::StringPiece> groups_;
  size_t next_ = 0, start_ = 0, end_ = 0;
};

// ARRAY<STRING> results: the strings go to a BinaryBuilder, the row
// structure to ListResultBuilder.
class StringListBuilder {
 public:
  explicit StringListBuilder(int64_t rows) : items_(DataType::String(), rows), lists_(rows) {}
  void Add(std::string_view s) {
    items_.Append(s);
    lists_.Add(count_++);
  }
  void EndRow() { lists_.FinishRow(); }
  void AppendNull() { lists_.AppendNull(); }
  ArrayPtr Finish() { return lists_.MakeList(DataType::Array(DataType::String()), items_.Finish()); }

 private:
  BinaryBuilder items_;
  ListResultBuilder lists_;
  int32_t count_ = 0;
};

// Spark's UTF8String.split: an empty pattern splits into characters; otherwise
// java.util.regex.Pattern.split with limit <= 0 meaning "no limit" (trailing
// empty strings are kept, a leading empty match yields no empty first part).
void Split(std::string_view s, const RE2& re, std::string_view pattern, int32_t limit, StringListBuilder& out) {
  if (!s.empty() && pattern.empty()) {
    const int64_t chars = utf8::CharCount(s);
    const int64_t n = limit > chars || limit <= 0 ? chars : limit;
    size_t pos = 0;
    for (int64_t i = 0; i + 1 < n; ++i) {
      const size_t next = utf8::Advance(s, pos, 1);
      out.Add(s.substr(pos, next - pos));
      pos = next;
    }
    out.Add(s.substr(pos));
    return;
  }
  const bool limited = limit > 0;
  std::vector<std::string_view> parts;
  size_t index = 0;
  Finder f(re, s);
  while (f.Next()) {
    if (!limited || static_cast<int64_t>(parts.size()) < limit - 1) {
      if (index == 0 && f.start() == 0 && f.end() == 0) continue;
      parts.push_back(s.substr(index, f.start() - index));
      index = f.end();
    } else if (static_cast<int64_t>(parts.size()) == limit - 1) {
      parts.push_back(s.substr(index));
      index = f.end();
    }
  }
  if (index == 0) {
    out.Add(s);
    return;
  }
  if (!limited || static_cast<int64_t>(parts.size()) < limit) parts.push_back(s.substr(index));
  for (std::string_view p : parts) out.Add(p);
}

// A parsed Java replacement string: literal text and group references.
struct Replacement {
  struct Piece {
    std::string literal;
    int group = -1;
  };
  std::vector<Piece> pieces;
};

Replacement ParseReplacement(std::string_view rep, const RE2& re) {
  Replacement out;
  auto literal = [&]() -> std::string& {
    if (out.pieces.empty() || out.pieces.back().group >= 0) out.pieces.push_back({});
    return out.pieces.back().literal;
  };
  const int groups = re.NumberOfCapturingGroups();
  auto fail = [&](const std::string& why) {
    throw UserError("INVALID_PARAMETER_VALUE.PATTERN", "22023",
                    "The value of parameter(s) `rep` in `regexp_replace` is invalid: " + why);
  };
  for (size_t i = 0; i < rep.size(); ++i) {
    const char c = rep[i];
    if (c == '\\') {
      if (++i >= rep.size()) fail("character to be escaped is missing");
      literal().push_back(rep[i]);
    } else if (c == '$') {
      if (++i >= rep.size()) fail("illegal group reference: group index is missing");
      int g = -1;
      if (rep[i] == '{') {
        const size_t close = rep.find('}', i);
        if (close == std::string_view::npos) fail("named capturing group is missing trailing '}'");
        const std::string name(rep.substr(i + 1, close - i - 1));
        const auto& names = re.NamedCapturingGroups();
        const auto it = names.find(name);
        if (it == names.end()) fail("no group with name {" + name + "}");
        g = it->second;
        i = close;
      } else {
        if (rep[i] < '0' || rep[i] > '9') fail("illegal group reference");
        g = rep[i] - '0';
        if (g > groups) fail("no group " + std::to_string(g));
        // Java takes more digits while the number stays a valid group.
        while (i + 1 < rep.size() && rep[i + 1] >= '0' && rep[i + 1] <= '9' && g * 10 + (rep[i + 1] - '0') <= groups) {
          g = g * 10 + (rep[++i] - '0');
        }
      }
      out.pieces.push_back({"", g});
    } else {
      literal().push_back(c);
    }
  }
  return out;
}

void ReplaceAll(std::string_view s, const RE2& re, const Replacement& rep, std::string& out) {
  Finder f(re, s);
  size_t last = 0;
  while (f.Next()) {
    out.append(s.substr(last, f.start() - last));
    for (const auto& piece : rep.pieces) {
      if (piece.group < 0) {
        out.append(piece.literal);
      } else if (auto g = f.group(static_cast<size_t>(piece.group))) {
        out.append(*g);
      }
    }
    last = f.end();
  }
  out.append(s.substr(last));
}

void CheckGroupIndex(const std::string& fn, const RE2& re, int32_t index) {
  const int groups = re.NumberOfCapturingGroups();
  if (index < 0 || index > groups) {
    throw UserError("INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX", "22023",
                    "The value of parameter(s) `idx` in `" + fn + "` is invalid: Expects group index between 0 and " +
                        std::to_string(groups) + ", but got " + std::to_string(index) + ".");
  }
}

std::vector<DataTypePtr> RegexArgs(const std::string& fn, const Args& args, size_t strings) {
  std::vector<DataTypePtr> types;
  for (size_t i = 0; i < args.size(); ++i) {
    types.push_back(i < strings ? argument::AsString(fn, args, i) : argument::AsInt(fn, args, i));
  }
  return types;
}

// A NULL in any argument gives NULL; `row(i, out)` handles the others.
template <typename Builder, typename Row>
ArrayPtr ForEachRow(const Kernels& a, int64_t rows, Builder& out, Row row) {
  for (int64_t i = 0; i < rows; ++i) {
    bool any_null = false;
    for (const ArrayPtr& arg : a) any_null = any_null || arg->IsNull(i);
    if (any_null) {
      out.AppendNull();
    } else {
      row(i);
    }
  }
  return out.Finish();
}

int32_t IntArg(const Kernels& a, size_t k, int64_t i, int32_t fallback) {
  return a.size() > k ? a[k]->values<int32_t>()[i] : fallback;
}

void RegisterSplitAndReplace(FunctionRegistry& r) {
  r.AddScalar({"split",
               {"split(str, regex, limit) - Splits `str` around occurrences that match `regex` and returns an array "
                "with a length of at most `limit`.",
                "SELECT split('oneAtwoBthreeC', '[ABC]'); -- [\"one\",\"two\",\"three\",\"\"]"},
               [](const Args& args) {
                 signature::CheckArgCount("split", args.size(), 2, 3);
                 return BoundScalarFunction{
                     RegexArgs("split", args, 2), DataType::Array(DataType::String()),
                     [](const Kernels& a, int64_t rows, const EvalContext&) {
                       PatternCache cache("split");
                       StringListBuilder out(rows);
                       return ForEachRow(a, rows, out, [&](int64_t i) {
                         const std::string_view pattern = a[1]->GetView(i);
                         Split(a[0]->GetView(i), cache.Get(pattern), pattern, IntArg(a, 2, i, -1), out);
                         out.EndRow();
                       });
                     }};
               }});
  r.AddScalar({"regexp_replace",
               {"regexp_replace(str, regexp, rep[, position]) - Replaces all substrings of `str` that match `regexp` "
                "with `rep`.",
                "SELECT regexp_replace('100-200', '(\\\\d+)', 'num'); -- num-num"},
               [](const Args& args) {
                 signature::CheckArgCount("regexp_replace", args.size(), 3, 4);
                 return BoundScalarFunction{
                     RegexArgs("regexp_replace", args, 3), DataType::String(),
                     [](const Kernels& a, int64_t rows, const EvalContext&) {
                       PatternCache cache("regexp_replace");
                       std::string last_rep, rep_pattern;
                       std::optional<Replacement> rep;
                       BinaryBuilder out(DataType::String(), rows);
                       std::string buf;
                       return ForEachRow(a, rows, out, [&](int64_t i) {
                         const std::string_view s = a[0]->GetView(i);
                         const RE2& re = cache.Get(a[1]->GetView(i));
                         // The parsed replacement depends on the pattern's groups too.
                         if (!rep || a[1]->GetView(i) != rep_pattern || a[2]->GetView(i) != last_rep) {
                           last_rep.assign(a[2]->GetView(i));
                           rep_pattern.assign(a[1]->GetView(i));
                           rep = ParseReplacement(last_rep, re);
                         }
                         const int32_t position = IntArg(a, 3, i, 1);
                         if (position < 1) {
                           throw UserError("INVALID_PARAMETER_VALUE.REGEX_POSITION", "22023",
                                           "The value of parameter(s) `position` in `regexp_replace` is invalid: "
                                           "expects a positive value, but got " + std::to_string(position) + ".");
                         }
                         const int64_t skip = position - 1;
                         if (skip != 0 && skip >= utf8::CharCount(s)) {
                           out.Append(s);
                           return;
                         }
                         const size_t from = utf8::Advance(s, 0, skip);
                         buf.assign(s.substr(0, from));
                         ReplaceAll(s.substr(from), re, *rep, buf);
                         out.Append(buf);
                       });
                     }};
               }});
}

void RegisterExtract(FunctionRegistry& r) {
  r.AddScalar({"regexp_extract",
               {"regexp_extract(str, regexp[, idx]) - Extract the first string in the `str` that match the `regexp` "
                "expression and corresponding to the regex group index.",
                "SELECT regexp_extract('100-200', '(\\\\d+)-(\\\\d+)', 1); -- 100"},
               [](const Args& args) {
                 signature::CheckArgCount("regexp_extract", args.size(), 2, 3);
                 return BoundScalarFunction{
                     RegexArgs("regexp_extract", args, 2), DataType::String(),
                     [](const Kernels& a, int64_t rows, const EvalContext&) {
                       PatternCache cache("regexp_extract");
                       BinaryBuilder out(DataType::String(), rows);
                       return ForEachRow(a, rows, out, [&](int64_t i) {
                         const RE2& re = cache.Get(a[1]->GetView(i));
                         const int32_t idx = IntArg(a, 2, i, 1);
                         CheckGroupIndex("regexp_extract", re, idx);
                         Finder f(re, a[0]->GetView(i));
                         out.Append(f.Next() ? f.group(static_cast<size_t>(idx)).value_or("") : "");
                       });
                     }};
               }});
  r.AddScalar({"regexp_extract_all",
               {"regexp_extract_all(str, regexp[, idx]) - Extract all strings in the `str` that match the `regexp` "
                "expression and corresponding to the regex group index.",
                "SELECT regexp_extract_all('100-200, 300-400', '(\\\\d+)-(\\\\d+)', 1); -- [\"100\",\"300\"]"},
               [](const Args& args) {
                 signature::CheckArgCount("regexp_extract_all", args.size(), 2, 3);
                 return BoundScalarFunction{
                     RegexArgs("regexp_extract_all", args, 2), DataType::Array(DataType::String()),
                     [](const Kernels& a, int64_t rows, const EvalContext&) {
                       PatternCache cache("regexp_extract_all");
                       StringListBuilder out(rows);
                       return ForEachRow(a, rows, out, [&](int64_t i) {
                         const RE2& re = cache.Get(a[1]->GetView(i));
                         const int32_t idx = IntArg(a, 2, i, 1);
                         CheckGroupIndex("regexp_extract_all", re, idx);
                         Finder f(re, a[0]->GetView(i));
                         while (f.Next()) out.Add(f.group(static_cast<size_t>(idx)).value_or(""));
                         out.EndRow();
                       });
                     }};
               }});
  r.AddScalar({"regexp_count",
               {"regexp_count(str, regexp) - Returns a count of the number of times that the regular expression "
                "pattern `regexp` is matched in the string `str`.",
                "SELECT regexp_count('Steven Jones and Stephen Smith are the best players', 'Ste(v|ph)en'); -- 2"},
               [](const Args& args) {
                 signature::CheckArgCount("regexp_count", args.size(), 2, 2);
                 return BoundScalarFunction{RegexArgs("regexp_count", args, 2), DataType::Int(),
                                            [](const Kernels& a, int64_t rows, const EvalContext&) {
                                              PatternCache cache("regexp_count");
                                              PrimitiveBuilder<int32_t> out(DataType::Int(), rows);
                                              return ForEachRow(a, rows, out, [&](int64_t i) {
                                                Finder f(cache.Get(a[1]->GetView(i)), a[0]->GetView(i));
                                                int32_t n = 0;
                                                while (f.Next()) ++n;
                                                out.Append(n);
                                              });
                                            }};
               }});
  r.AddScalar({"regexp_substr",
               {"regexp_substr(str, regexp) - Returns the substring that matches the regular expression `regexp` "
                "within the string `str`. If the regular expression is not found, the result is null.",
                "SELECT regexp_substr('Steven Jones and Stephen Smith are the best players', 'Jo[a-z]+'); -- Jones"},
               [](const Args& args) {
                 signature::CheckArgCount("regexp_substr", args.size(), 2, 2);
                 return BoundScalarFunction{RegexArgs("regexp_substr", args, 2), DataType::String(),
                                            [](const Kernels& a, int64_t rows, const EvalContext&) {
                                              PatternCache cache("regexp_substr");
                                              BinaryBuilder out(DataType::String(), rows);
                                              return ForEachRow(a, rows, out, [&](int64_t i) {
                                                Finder f(cache.Get(a[1]->GetView(i)), a[0]->GetView(i));
                                                f.Next() ? out.Append(*f.group(0)) : out.AppendNull();
                                              });
                                            }};
               }});
}

}  // namespace

void RegisterStringRegexFunctions(FunctionRegistry& r) {
  RegisterSplitAndReplace(r);
  RegisterExtract(r);
}

}  // namespace lakestream
