// String functions, part two: searching and replacing substrings (replace,
// translate, instr, locate/position, startswith/endswith/contains,
// split_part, find_in_set), soundex and levenshtein.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "columnar/array_builder.h"
#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/signature_check.h"
#include "expr/functions/string_families.h"
#include "expr/functions/utf8_codec.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;
using Kernels = std::vector<ArrayPtr>;

std::vector<DataTypePtr> Strings(const std::string& name, const Args& args) {
  std::vector<DataTypePtr> types;
  for (size_t i = 0; i < args.size(); ++i) types.push_back(argument::AsString(name, args, i));
  return types;
}

// 1-based character position of `needle` in `s` at or after character
// `start` (0-based), 0 when absent; an empty needle is found at once (Spark's
// UTF8String.indexOf returns its start, 0, for it).
int32_t CharPosition(std::string_view s, std::string_view needle, int64_t start) {
  if (needle.empty()) return 1;
  const size_t from = utf8::Advance(s, 0, start);
  const size_t at = s.find(needle, from);
  if (at == std::string_view::npos) return 0;
  return static_cast<int32_t>(start + utf8::CharCount(s.substr(from, at - from)) + 1);
}

void Replace(std::string_view s, std::string_view search, std::string_view with, std::string& out) {
  if (search.empty()) {
    out.append(s);
    return;
  }
  size_t pos = 0;
  for (size_t at; (at = s.find(search, pos)) != std::string_view::npos; pos = at + search.size()) {
    out.append(s.substr(pos, at - pos));
    out.append(with);
  }
  out.append(s.substr(pos));
}

// translate's character map: the first occurrence of a character in `from`
// wins; characters of `from` without a counterpart in `to` are deleted (-1).
std::unordered_map<uint32_t, int64_t> TranslationMap(std::string_view from, std::string_view to) {
  std::unordered_map<uint32_t, int64_t> map;
  size_t i = 0, j = 0;
  while (i < from.size()) {
    const uint32_t c = utf8::Decode(from, i);
    const int64_t rep = j < to.size() ? static_cast<int64_t>(utf8::Decode(to, j)) : -1;
    map.emplace(c, rep);
  }
  return map;
}

void RegisterReplace(FunctionRegistry& r) {
  r.AddScalar({"replace",
               {"replace(str, search[, replace]) - Replaces all occurrences of `search` with `replace`.",
                "SELECT replace('ABCabc', 'abc', 'DEF'); -- ABCDEF"},
               [](const Args& args) {
                 signature::CheckArgCount("replace", args.size(), 2, 3);
                 return BoundScalarFunction{
                     Strings("replace", args), DataType::String(), [](const Kernels& a, int64_t rows, const EvalContext&) {
                       const ArrayPtr with = a.size() > 2 ? a[2] : MakeConstantArray(DataType::String(), Value(""), rows);
                       std::string buf;
                       return MapTernary<std::string_view, std::string_view, std::string_view, std::string_view>(
                           a[0], a[1], with, DataType::String(),
                           [&](std::string_view s, std::string_view search, std::string_view w) {
                             buf.clear();
                             Replace(s, search, w, buf);
                             return std::string_view(buf);
                           });
                     }};
               }});
  r.AddScalar({"translate",
               {"translate(input, from, to) - Translates the `input` string by replacing the characters present in "
                "the `from` string with the corresponding characters in the `to` string.",
                "SELECT translate('AaBbCc', 'abc', '123'); -- A1B2C3"},
               [](const Args& args) {
                 signature::CheckArgCount("translate", args.size(), 3, 3);
                 return BoundScalarFunction{
                     Strings("translate", args), DataType::String(), [](const Kernels& a, int64_t, const EvalContext&) {
                       std::string buf, last_from, last_to;
                       std::unordered_map<uint32_t, int64_t> map;
                       bool have_map = false;
                       return MapTernary<std::string_view, std::string_view, std::string_view, std::string_view>(
                           a[0], a[1], a[2], DataType::String(),
                           [&](std::string_view s, std::string_view from, std::string_view to) {
                             // from/to are nearly always literals: build the map once.
                             if (!have_map || from != last_from || to != last_to) {
                               map = TranslationMap(from, to);
                               last_from.assign(from);
                               last_to.assign(to);
                               have_map = true;
                             }
                             buf.clear();
                             for (size_t i = 0; i < s.size();) {
                               const size_t start = i;
                               const uint32_t c = utf8::Decode(s, i);
                               const auto it = map.find(c);
                               if (it == map.end()) {
                                 buf.append(s.substr(start, i - start));
                               } else if (it->second >= 0) {
                                 utf8::Append(buf, static_cast<uint32_t>(it->second));
                               }
                             }
                             return std::string_view(buf);
                           });
                     }};
               }});
}

void RegisterPositions(FunctionRegistry& r) {
  r.AddScalar({"instr",
               {"instr(str, substr) - Returns the (1-based) index of the first occurrence of `substr` in `str`.",
                "SELECT instr('SparkSQL', 'SQL'); -- 6"},
               [](const Args& args) {
                 signature::CheckArgCount("instr", args.size(), 2, 2);
                 return BoundScalarFunction{Strings("instr", args), DataType::Int(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapBinary<int32_t, std::string_view, std::string_view>(
                                                  a[0], a[1], DataType::Int(), [](std::string_view s, std::string_view n) {
                                                    return CharPosition(s, n, 0);
                                                  });
                                            }};
               }});
  // locate(substr, str[, pos]): a NULL pos gives 0, not NULL, as in Spark.
  r.AddScalar({"locate",
               {"locate(substr, str[, pos]) - Returns the position of the first occurrence of `substr` in `str` after "
                "position `pos`. The given `pos` and return value are 1-based.",
                "SELECT locate('bar', 'foobarbar', 5); -- 7"},
               [](const Args& args) {
                 signature::CheckArgCount("locate", args.size(), 2, 3);
                 std::vector<DataTypePtr> types = {argument::AsString("locate", args, 0), argument::AsString("locate", args, 1)};
                 if (args.size() == 3) types.push_back(argument::AsInt("locate", args, 2));
                 return BoundScalarFunction{types, DataType::Int(), [](const Kernels& a, int64_t rows, const EvalContext&) {
                                              PrimitiveBuilder<int32_t> out(DataType::Int(), rows);
                                              for (int64_t i = 0; i < rows; ++i) {
                                                const int32_t pos = a.size() > 2 ? a[2]->values<int32_t>()[i] : 1;
                                                if (a.size() > 2 && a[2]->IsNull(i)) {
                                                  out.Append(0);
                                                } else if (a[0]->IsNull(i) || a[1]->IsNull(i)) {
                                                  out.AppendNull();
                                                } else {
                                                  out.Append(pos < 1 ? 0 : CharPosition(a[1]->GetView(i), a[0]->GetView(i), pos - 1));
                                                }
                                              }
                                              return out.Finish();
                                            }};
               }});
  r.AddAlias("position", "locate");
}

// startswith/endswith/contains on STRING or BINARY.
template <typename F>
void AddStringPredicate(FunctionRegistry& r, const std::string& name, FunctionDoc doc, F f) {
  r.AddScalar({name, std::move(doc), [name, f](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 2, 2);
                 const DataTypePtr x = argument::AsStringOrBinary(name, args, 0);
                 const DataTypePtr y = argument::AsStringOrBinary(name, args, 1);
                 const DataTypePtr t = x->id() == TypeId::kBinary && y->id() == TypeId::kBinary ? x : DataType::String();
                 return BoundScalarFunction{{t, t}, DataType::Boolean(), [f](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapBinary<bool, std::string_view, std::string_view>(
                                                  a[0], a[1], DataType::Boolean(), f);
                                            }};
               }});
}

// split_part(str, delimiter, partNum): the delimiter is literal text; parts
// out of range give ''; negative partNum counts from the end; 0 is an error.
std::string_view SplitPart(std::string_view s, std::string_view delim, int32_t part) {
  if (part == 0) {
    throw UserError("INVALID_INDEX_OF_ZERO", "22003",
                    "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).");
  }
  std::vector<std::string_view> parts;
  if (delim.empty()) {
    parts.push_back(s);
  } else {
    size_t pos = 0;
    for (size_t at; (at = s.find(delim, pos)) != std::string_view::npos; pos = at + delim.size()) {
      parts.push_back(s.substr(pos, at - pos));
    }
    parts.push_back(s.substr(pos));
  }
  const int64_t n = static_cast<int64_t>(parts.size());
  const int64_t index = part > 0 ? part - 1 : n + part;
  return index >= 0 && index < n ? parts[index] : std::string_view();
}

int32_t FindInSet(std::string_view s, std::string_view list) {
  if (s.find(',') != std::string_view::npos) return 0;
  int32_t index = 1;
  size_t pos = 0;
  for (;;) {
    const size_t comma = list.find(',', pos);
    if (list.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos) == s) return index;
    if (comma == std::string_view::npos) return 0;
    pos = comma + 1;
    ++index;
  }
}

// Spark's UTF8String.soundex: American Soundex over ASCII letters; a string
// not starting with a letter is returned unchanged.
std::string Soundex(std::string_view s) {
  static constexpr char kCodes[] = "01230120022455012623010202";  // A..Z (H and W are skipped below)
  if (s.empty()) return "";
  auto upper = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; };
  const char first = upper(s[0]);
  if (first < 'A' || first > 'Z') return std::string(s);
  std::string sx = {first, '0', '0', '0'};
  size_t out = 1;
  char last = kCodes[first - 'A'];
  for (size_t i = 1; i < s.size() && out < 4; ++i) {
    const char c = upper(s[i]);
    if (c < 'A' || c > 'Z') {
      last = '0';
      continue;
    }
    if (c == 'H' || c == 'W') continue;  // ignored: they do not separate equal codes
    const char code = kCodes[c - 'A'];
    if (code != '0' && code != last) sx[out++] = code;
    last = code;
  }
  return sx;
}

int32_t Levenshtein(std::string_view a, std::string_view b) {
  std::vector<uint32_t> x, y;
  for (size_t i = 0; i < a.size();) x.push_back(utf8::Decode(a, i));
  for (size_t i = 0; i < b.size();) y.push_back(utf8::Decode(b, i));
  std::vector<int32_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = static_cast<int32_t>(j);
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = static_cast<int32_t>(i);
    for (size_t j = 1; j <= y.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

void RegisterSplitAndSets(FunctionRegistry& r) {
  r.AddScalar({"split_part",
               {"split_part(str, delimiter, partNum) - Splits `str` by delimiter and return requested part of the "
                "split (1-based).",
                "SELECT split_part('11.12.13', '.', 3); -- 13"},
               [](const Args& args) {
                 signature::CheckArgCount("split_part", args.size(), 3, 3);
                 return BoundScalarFunction{
                     {argument::AsString("split_part", args, 0), argument::AsString("split_part", args, 1),
                      argument::AsInt("split_part", args, 2)},
                     DataType::String(), [](const Kernels& a, int64_t, const EvalContext&) {
                       return MapTernary<std::string_view, std::string_view, std::string_view, int32_t>(
                           a[0], a[1], a[2], DataType::String(), SplitPart);
                     }};
               }});
  r.AddScalar({"find_in_set",
               {"find_in_set(str, str_array) - Returns the index (1-based) of the given string (`str`) in the "
                "comma-delimited list (`str_array`). Returns 0, if the string was not found or if the given string "
                "(`str`) contains a comma.",
                "SELECT find_in_set('ab','abc,b,ab,c,def'); -- 3"},
               [](const Args& args) {
                 signature::CheckArgCount("find_in_set", args.size(), 2, 2);
                 return BoundScalarFunction{Strings("find_in_set", args), DataType::Int(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapBinary<int32_t, std::string_view, std::string_view>(
                                                  a[0], a[1], DataType::Int(), FindInSet);
                                            }};
               }});
  r.AddScalar({"soundex",
               {"soundex(str) - Returns Soundex code of the string.", "SELECT soundex('Miller'); -- M460"},
               [](const Args& args) {
                 signature::CheckArgCount("soundex", args.size(), 1, 1);
                 return BoundScalarFunction{Strings("soundex", args), DataType::String(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<std::string, std::string_view>(a[0], DataType::String(),
                                                                                             Soundex);
                                            }};
               }});
  r.AddScalar({"levenshtein",
               {"levenshtein(str1, str2[, threshold]) - Returns the Levenshtein distance between the two given "
                "strings. If threshold is set and distance more than it, return -1.",
                "SELECT levenshtein('kitten', 'sitting'); -- 3"},
               [](const Args& args) {
                 signature::CheckArgCount("levenshtein", args.size(), 2, 3);
                 std::vector<DataTypePtr> types = {argument::AsString("levenshtein", args, 0),
                                                   argument::AsString("levenshtein", args, 1)};
                 if (args.size() == 3) types.push_back(argument::AsInt("levenshtein", args, 2));
                 return BoundScalarFunction{types, DataType::Int(), [](const Kernels& a, int64_t rows, const EvalContext&) {
                                              const ArrayPtr limit =
                                                  a.size() > 2 ? a[2] : MakeConstantArray(DataType::Int(), Value(INT32_MAX), rows);
                                              return MapTernary<int32_t, std::string_view, std::string_view, int32_t>(
                                                  a[0], a[1], limit, DataType::Int(),
                                                  [](std::string_view x, std::string_view y, int32_t t) {
                                                    const int32_t d = Levenshtein(x, y);
                                                    return d > t ? -1 : d;
                                                  });
                                            }};
               }});
}

}  // namespace

void RegisterStringSearchFunctions(FunctionRegistry& r) {
  RegisterReplace(r);
  RegisterPositions(r);
  AddStringPredicate(r, "startswith",
                     {"startswith(left, right) - Returns a boolean. The value is True if left starts with right.",
                      "SELECT startswith('Spark SQL', 'Spark'); -- true"},
                     [](std::string_view s, std::string_view p) { return s.starts_with(p); });
  AddStringPredicate(r, "endswith",
                     {"endswith(left, right) - Returns a boolean. The value is True if left ends with right.",
                      "SELECT endswith('Spark SQL', 'SQL'); -- true"},
                     [](std::string_view s, std::string_view p) { return s.ends_with(p); });
  AddStringPredicate(r, "contains",
                     {"contains(left, right) - Returns a boolean. The value is True if right is found inside left.",
                      "SELECT contains('Spark SQL', 'Spark'); -- true"},
                     [](std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; });
  RegisterSplitAndSets(r);
}

}  // namespace lakestream
