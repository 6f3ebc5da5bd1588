// String functions, part one: length, case, trimming, padding, concatenation,
// substrings, repeat/reverse, ascii/chr. Other parts live in
// string_functions_*.cc and are registered from RegisterStringFunctions below.
//
// Strings are UTF-8 and positions count characters, as Spark's UTF8String
// does; BINARY arguments (where Spark accepts them) count bytes.
#include <clocale>
#include <cwctype>
#include <locale.h>
#include <string>

#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/signature_check.h"
#include "expr/functions/string_families.h"
#include "expr/functions/utf8_codec.h"
#include "expr/kernel_builder.h"
#include "expr/type_coercion.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;
using Kernels = std::vector<ArrayPtr>;

// A function of one STRING returning STRING; `f(s, out)` writes the result
// into a reused buffer, so a row costs no allocation.
template <typename F>
void AddStringToString(FunctionRegistry& r, const std::string& name, FunctionDoc doc, F f) {
  r.AddScalar({name, std::move(doc), [name, f](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 1, 1);
                 return BoundScalarFunction{{argument::AsString(name, args, 0)}, DataType::String(),
                                            [f](const Kernels& a, int64_t, const EvalContext&) {
                                              std::string buf;
                                              return MapUnary<std::string_view, std::string_view>(
                                                  a[0], DataType::String(), [&](std::string_view s) {
                                                    buf.clear();
                                                    f(s, buf);
                                                    return std::string_view(buf);
                                                  });
                                            }};
               }});
}

// --- length -------------------------------------------------------------------

// length() of every row: byte counts straight from the offsets when the data
// is binary or all ASCII (the common case, checked once for the whole array),
// else characters per row. The result shares the input's validity bitmap.
ArrayPtr Lengths(const ArrayPtr& in, bool binary) {
  const Array& a = *in;
  if ((a.type_id() != TypeId::kString && a.type_id() != TypeId::kBinary) || a.buffers().size() < 3) {
    return MapUnary<int32_t, std::string_view>(in, DataType::Int(), [binary](std::string_view s) {
      return static_cast<int32_t>(binary ? s.size() : utf8::CharCount(s));
    });
  }
  const int64_t n = a.length();
  BufferPtr values = Buffer::AllocateUninitialized(n * static_cast<int64_t>(sizeof(int32_t)));
  int32_t* out = values->mutable_data_as<int32_t>();
  const int32_t* o = a.offsets();
  const char* bytes = reinterpret_cast<const char*>(a.buffers()[2]->data());
  if (n > 0 && (binary || utf8::IsAscii(bytes + o[0], static_cast<size_t>(o[n] - o[0])))) {
    for (int64_t i = 0; i < n; ++i) out[i] = o[i + 1] - o[i];
  } else {
    for (int64_t i = 0; i < n; ++i) {
      out[i] = static_cast<int32_t>(utf8::CharCount(std::string_view(bytes + o[i], static_cast<size_t>(o[i + 1] - o[i]))));
    }
  }
  return std::make_shared<Array>(DataType::Int(), n, std::vector<BufferPtr>{a.buffers()[0], values},
                                 std::vector<ArrayPtr>{}, a.null_count());
}

void RegisterLength(FunctionRegistry& r) {
  r.AddScalar({"length",
               {"length(expr) - Returns the character length of string data or number of bytes of binary data.",
                "SELECT length('Spark SQL '); -- 10"},
               [](const Args& args) {
                 signature::CheckArgCount("length", args.size(), 1, 1);
                 const DataTypePtr t = argument::AsStringOrBinary("length", args, 0);
                 const bool binary = t->id() == TypeId::kBinary;
                 return BoundScalarFunction{{t}, DataType::Int(), [binary](const Kernels& a, int64_t, const EvalContext&) {
                                              return Lengths(a[0], binary);
                                            }};
               }});
  r.AddAlias("char_length", "length");
  r.AddAlias("character_length", "length");
  r.AddAlias("len", "length");
  for (const auto& [name, bits] : {std::pair<std::string, int>{"octet_length", 1}, {"bit_length", 8}}) {
    r.AddScalar({name,
                 {name + "(expr) - Returns the " + (bits == 1 ? "byte" : "bit") +
                      " length of string data or number of " + (bits == 1 ? "bytes" : "bits") + " of binary data.",
                  "SELECT " + name + "('Spark SQL'); -- " + std::to_string(9 * bits)},
                 // Init-captures: clang before 16 cannot capture structured bindings (make fuzz).
                 [name = name, bits = bits](const Args& args) {
                   signature::CheckArgCount(name, args.size(), 1, 1);
                   return BoundScalarFunction{{argument::AsStringOrBinary(name, args, 0)}, DataType::Int(),
                                              [bits](const Kernels& a, int64_t, const EvalContext&) {
                                                return MapUnary<int32_t, std::string_view>(
                                                    a[0], DataType::Int(), [bits](std::string_view s) {
                                                      return static_cast<int32_t>(s.size()) * bits;
                                                    });
                                              }};
                 }});
  }
}

// --- case -----------------------------------------------------------------------

// Unicode simple case mapping from the C library's built-in C.UTF-8 locale
// (Java's toUpperCase also has one-to-many mappings such as ß -> SS; we do not).
locale_t Utf8Locale() {
  static const locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return loc;
}

uint32_t MapCase(uint32_t cp, bool upper) {
  if (cp < 0x80) {
    if (upper && cp >= 'a' && cp <= 'z') return cp - 32;
    if (!upper && cp >= 'A' && cp <= 'Z') return cp + 32;
    return cp;
  }
  const locale_t loc = Utf8Locale();
  if (loc == static_cast<locale_t>(nullptr)) return cp;
  return static_cast<uint32_t>(upper ? towupper_l(static_cast<wint_t>(cp), loc) : towlower_l(static_cast<wint_t>(cp), loc));
}

void AppendCased(std::string_view s, bool upper, std::string& out) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(MapCase(c, upper)));
      ++i;
    } else {
      const size_t start = i;
      const uint32_t cp = utf8::Decode(s, i);
      if (cp == 0xFFFD) {
        out.append(s.substr(start, i - start));  // keep bytes we cannot decode as they are
      } else {
        utf8::Append(out, MapCase(cp, upper));
      }
    }
  }
}

// Spark's initcap: lower-case everything, then upper-case the first character
// and every character that follows a space (only ' ' separates words).
void InitCap(std::string_view s, std::string& out) {
  std::string lower;
  AppendCased(s, false, lower);
  bool start = true;
  for (size_t i = 0; i < lower.size();) {
    const size_t from = i;
    const uint32_t cp = utf8::Decode(lower, i);
    if (start && cp != 0xFFFD) {
      utf8::Append(out, MapCase(cp, true));
    } else {
      out.append(lower, from, i - from);
    }
    start = cp == ' ';
  }
}

void RegisterCase(FunctionRegistry& r) {
  AddStringToString(r, "upper", {"upper(str) - Returns `str` with all characters changed to uppercase.",
                                 "SELECT upper('SparkSql'); -- SPARKSQL"},
                    [](std::string_view s, std::string& out) { AppendCased(s, true, out); });
  r.AddAlias("ucase", "upper");
  AddStringToString(r, "lower", {"lower(str) - Returns `str` with all characters changed to lowercase.",
                                 "SELECT lower('SparkSql'); -- sparksql"},
                    [](std::string_view s, std::string& out) { AppendCased(s, false, out); });
  r.AddAlias("lcase", "lower");
  AddStringToString(r, "initcap",
                    {"initcap(str) - Returns `str` with the first letter of each word in uppercase. All other letters "
                     "are in lowercase. Words are delimited by white space.",
                     "SELECT initcap('sPark sql'); -- Spark Sql"},
                    InitCap);
}

// --- trim -------------------------------------------------------------------------

enum class TrimSide { kBoth, kLeading, kTrailing };

// Removes the characters of `chars` (any order; ' ' by default) from the chosen ends.
std::string_view Trim(std::string_view s, std::string_view chars, TrimSide side) {
  auto in_set = [&](std::string_view ch) {
    if (chars.size() == 1) return ch.size() == 1 && ch[0] == chars[0];
    for (size_t i = 0; i < chars.size();) {
      const size_t w = static_cast<size_t>(utf8::CharWidth(static_cast<unsigned char>(chars[i])));
      if (chars.substr(i, w) == ch) return true;
      i += w;
    }
    return false;
  };
  size_t begin = 0, end = s.size();
  if (side != TrimSide::kTrailing) {
    while (begin < end) {
      const size_t w = static_cast<size_t>(utf8::CharWidth(static_cast<unsigned char>(s[begin])));
      if (!in_set(s.substr(begin, w))) break;
      begin += w;
    }
  }
  if (side != TrimSide::kLeading) {
    while (end > begin) {
      size_t start = end - 1;
      while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
      if (!in_set(s.substr(start, end - start))) break;
      end = start;
    }
  }
  return s.substr(begin, end - begin);
}

// trim/ltrim/rtrim(str) or (trimStr, str) — Spark's two-argument SQL form
// takes the trim characters first; btrim(str, trimStr) takes them second.
void AddTrim(FunctionRegistry& r, const std::string& name, FunctionDoc doc, TrimSide side, bool chars_first) {
  r.AddScalar({name, std::move(doc), [name, side, chars_first](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 1, 2);
                 std::vector<DataTypePtr> types;
                 for (size_t i = 0; i < args.size(); ++i) types.push_back(argument::AsString(name, args, i));
                 return BoundScalarFunction{
                     types, DataType::String(), [side, chars_first](const Kernels& a, int64_t, const EvalContext&) {
                       if (a.size() == 1) {
                         return MapUnary<std::string_view, std::string_view>(
                             a[0], DataType::String(), [side](std::string_view s) { return Trim(s, " ", side); });
                       }
                       const ArrayPtr& src = chars_first ? a[1] : a[0];
                       const ArrayPtr& chars = chars_first ? a[0] : a[1];
                       return MapBinary<std::string_view, std::string_view, std::string_view>(
                           src, chars, DataType::String(),
                           [side](std::string_view s, std::string_view c) { return Trim(s, c, side); });
                     }};
               }});
}

void RegisterTrim(FunctionRegistry& r) {
  AddTrim(r, "trim", {"trim(str) - Removes the leading and trailing space characters from `str`.",
                      "SELECT trim('    SparkSQL   '); -- SparkSQL"},
          TrimSide::kBoth, true);
  AddTrim(r, "ltrim", {"ltrim(str) - Removes the leading space characters from `str`.",
                       "SELECT ltrim('    SparkSQL   '); -- 'SparkSQL   '"},
          TrimSide::kLeading, true);
  AddTrim(r, "rtrim", {"rtrim(str) - Removes the trailing space characters from `str`.",
                       "SELECT rtrim('    SparkSQL   '); -- '    SparkSQL'"},
          TrimSide::kTrailing, true);
  AddTrim(r, "btrim", {"btrim(str[, trimStr]) - Removes the leading and trailing `trimStr` (default space) "
                       "characters from `str`.",
                       "SELECT btrim('SSparkSQLS', 'SL'); -- parkSQ"},
          TrimSide::kBoth, false);
}

// --- substrings and padding ----------------------------------------------------------

// Byte offset of character `chars` in s, counting bytes instead for BINARY.
size_t Offset(std::string_view s, int64_t chars, bool binary) {
  if (chars <= 0) return 0;
  if (binary) return static_cast<size_t>(std::min<int64_t>(chars, static_cast<int64_t>(s.size())));
  return utf8::Advance(s, 0, chars);
}

int64_t Count(std::string_view s, bool binary) {
  return binary ? static_cast<int64_t>(s.size()) : utf8::CharCount(s);
}

// Spark's substringSQL: 1-based `pos`, 0 means 1, negative counts from the end.
std::string_view Substring(std::string_view s, int32_t pos, int32_t len, bool binary) {
  int64_t start = pos > 0 ? pos - 1 : pos < 0 ? Count(s, binary) + pos : 0;
  const int64_t end = start + len;
  start = std::max<int64_t>(start, 0);
  if (start >= end) return {};
  const size_t from = Offset(s, start, binary);
  const size_t to = binary ? Offset(s, end, true) : utf8::Advance(s, from, end - start);
  return s.substr(from, to - from);
}

// Spark's lpad/rpad: cut to `len` characters, or pad with repeats of `pad`.
void Pad(std::string_view s, int32_t len, std::string_view pad, bool left, bool binary, std::string& out) {
  const int64_t spaces = static_cast<int64_t>(len) - Count(s, binary);
  if (spaces <= 0 || pad.empty()) {
    out.append(s.substr(0, Offset(s, len, binary)));
    return;
  }
  const int64_t pad_chars = Count(pad, binary);
  const int64_t count = spaces / pad_chars;
  const std::string_view remain = pad.substr(0, Offset(pad, spaces - pad_chars * count, binary));
  if (!left) out.append(s);
  for (int64_t i = 0; i < count; ++i) out.append(pad);
  out.append(remain);
  if (left) out.append(s);
}

void RegisterSubstring(FunctionRegistry& r) {
  r.AddScalar({"substring",
               {"substring(str, pos[, len]) - Returns the substring of `str` that starts at `pos` and is of length "
                "`len`, or the slice of byte array that starts at `pos` and is of length `len`.",
                "SELECT substring('Spark SQL', 5, 1); -- k"},
               [](const Args& args) {
                 signature::CheckArgCount("substring", args.size(), 2, 3);
                 const DataTypePtr t = argument::AsStringOrBinary("substring", args, 0);
                 std::vector<DataTypePtr> types = {t, argument::AsInt("substring", args, 1)};
                 if (args.size() == 3) types.push_back(argument::AsInt("substring", args, 2));
                 const bool binary = t->id() == TypeId::kBinary;
                 return BoundScalarFunction{types, t, [t, binary](const Kernels& a, int64_t rows, const EvalContext&) {
                                              const ArrayPtr len =
                                                  a.size() > 2 ? a[2]
                                                               : MakeConstantArray(DataType::Int(), Value(INT32_MAX), rows);
                                              return MapTernary<std::string_view, std::string_view, int32_t, int32_t>(
                                                  a[0], a[1], len, t, [binary](std::string_view s, int32_t p, int32_t l) {
                                                    return Substring(s, p, l, binary);
                                                  });
                                            }};
               }});
  r.AddAlias("substr", "substring");
  // left(str, len) and right(str, len): '' for len <= 0.
  for (const bool is_left : {true, false}) {
    const std::string name = is_left ? "left" : "right";
    r.AddScalar({name,
                 {name + "(str, len) - Returns the " + (is_left ? "leftmost" : "rightmost") +
                      " `len` characters from the string `str`; if `len` is less or equal than 0 the result is an "
                      "empty string.",
                  is_left ? "SELECT left('Spark SQL', 3); -- Spa" : "SELECT right('Spark SQL', 3); -- SQL"},
                 [name, is_left](const Args& args) {
                   signature::CheckArgCount(name, args.size(), 2, 2);
                   const DataTypePtr t = argument::AsStringOrBinary(name, args, 0);
                   const bool binary = t->id() == TypeId::kBinary;
                   return BoundScalarFunction{
                       {t, argument::AsInt(name, args, 1)}, t, [t, binary, is_left](const Kernels& a, int64_t, const EvalContext&) {
                         return MapBinary<std::string_view, std::string_view, int32_t>(
                             a[0], a[1], t, [binary, is_left](std::string_view s, int32_t len) -> std::string_view {
                               if (len <= 0) return {};
                               return is_left ? Substring(s, 1, len, binary) : Substring(s, -len, INT32_MAX, binary);
                             });
                       }};
                 }});
  }
  for (const bool left : {true, false}) {
    const std::string name = left ? "lpad" : "rpad";
    r.AddScalar({name,
                 {name + "(str, len[, pad]) - Returns `str`, " + (left ? "left" : "right") +
                      "-padded with `pad` to a length of `len`. If `str` is longer than `len`, the return value is "
                      "shortened to `len` characters or bytes.",
                  left ? "SELECT lpad('hi', 5, 'ab'); -- abahi" : "SELECT rpad('hi', 5, 'ab'); -- hiaba"},
                 [name, left](const Args& args) {
                   signature::CheckArgCount(name, args.size(), 2, 3);
                   DataTypePtr t = argument::AsStringOrBinary(name, args, 0);
                   // Binary padding only when both str and pad are binary, as in Spark.
                   if (args.size() == 3 && argument::AsStringOrBinary(name, args, 2)->id() != t->id()) {
                     t = DataType::String();
                   }
                   const bool binary = t->id() == TypeId::kBinary;
                   std::vector<DataTypePtr> types = {t, argument::AsInt(name, args, 1)};
                   if (args.size() == 3) types.push_back(t);
                   return BoundScalarFunction{
                       types, t, [t, binary, left](const Kernels& a, int64_t rows, const EvalContext&) {
                         const ArrayPtr pad =
                             a.size() > 2 ? a[2] : MakeConstantArray(t, Value(binary ? std::string(1, '\0') : " "), rows);
                         std::string buf;
                         return MapTernary<std::string_view, std::string_view, int32_t, std::string_view>(
                             a[0], a[1], pad, t, [&](std::string_view s, int32_t len, std::string_view p) {
                               buf.clear();
                               Pad(s, len, p, left, binary, buf);
                               return std::string_view(buf);
                             });
                       }};
                 }});
  }
}

// --- repeat, reverse, space, ascii, chr ------------------------------------------------

void RegisterCharacterFunctions(FunctionRegistry& r) {
  r.AddScalar({"repeat",
               {"repeat(str, n) - Returns the string which repeats the given string value n times.",
                "SELECT repeat('123', 2); -- 123123"},
               [](const Args& args) {
                 signature::CheckArgCount("repeat", args.size(), 2, 2);
                 return BoundScalarFunction{
                     {argument::AsString("repeat", args, 0), argument::AsInt("repeat", args, 1)}, DataType::String(),
                     [](const Kernels& a, int64_t, const EvalContext&) {
                       std::string buf;
                       return MapBinary<std::string_view, std::string_view, int32_t>(
                           a[0], a[1], DataType::String(), [&](std::string_view s, int32_t n) {
                             buf.clear();
                             for (int32_t i = 0; i < n; ++i) buf.append(s);
                             return std::string_view(buf);
                           });
                     }};
               }});
  r.AddScalar({"space",
               {"space(n) - Returns a string consisting of `n` spaces.", "SELECT concat(space(2), '1'); -- '  1'"},
               [](const Args& args) {
                 signature::CheckArgCount("space", args.size(), 1, 1);
                 return BoundScalarFunction{{argument::AsInt("space", args, 0)}, DataType::String(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<std::string, int32_t>(a[0], DataType::String(), [](int32_t n) {
                                                return std::string(static_cast<size_t>(std::max(n, 0)), ' ');
                                              });
                                            }};
               }});
  r.AddScalar({"ascii",
               {"ascii(str) - Returns the numeric value of the first character of `str`.", "SELECT ascii('222'); -- 50"},
               [](const Args& args) {
                 signature::CheckArgCount("ascii", args.size(), 1, 1);
                 return BoundScalarFunction{{argument::AsString("ascii", args, 0)}, DataType::Int(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<int32_t, std::string_view>(
                                                  a[0], DataType::Int(), [](std::string_view s) {
                                                    size_t pos = 0;
                                                    return s.empty() ? 0 : static_cast<int32_t>(utf8::Decode(s, pos));
                                                  });
                                            }};
               }});
  r.AddScalar({"chr",
               {"chr(expr) - Returns the ASCII character having the binary equivalent to `expr`. If n is larger than "
                "256 the result is equivalent to chr(n % 256).",
                "SELECT chr(65); -- A"},
               [](const Args& args) {
                 signature::CheckArgCount("chr", args.size(), 1, 1);
                 return BoundScalarFunction{{argument::AsLong("chr", args, 0)}, DataType::String(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<std::string, int64_t>(a[0], DataType::String(), [](int64_t n) {
                                                std::string out;
                                                if (n >= 0) utf8::Append(out, static_cast<uint32_t>(n & 0xFF));
                                                return out;
                                              });
                                            }};
               }});
  r.AddAlias("char", "chr");
}

}  // namespace

void RegisterStringFunctions(FunctionRegistry& r) {
  RegisterLength(r);
  RegisterCase(r);
  RegisterTrim(r);
  RegisterSubstring(r);
  RegisterCharacterFunctions(r);
  RegisterStringConcatFunctions(r);
  RegisterStringSearchFunctions(r);
  RegisterStringRegexFunctions(r);
  RegisterStringEncodingFunctions(r);
  RegisterStringFormatFunctions(r);
}

}  // namespace lakestream
