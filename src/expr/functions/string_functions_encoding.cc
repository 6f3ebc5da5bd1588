// String functions, part four: conversions between text and bytes — base64,
// unbase64, hex, unhex, encode, decode (both of Spark's forms), to_binary.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "columnar/array_builder.h"
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

constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (size_t i = 0; i < in.size(); i += 3) {
    const size_t n = std::min<size_t>(3, in.size() - i);
    uint32_t v = 0;
    for (size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(in[i + k]) : 0);
    for (size_t k = 0; k < 4; ++k) out.push_back(k <= n ? kBase64Alphabet[(v >> (18 - 6 * k)) & 63] : '=');
  }
  return out;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// strict: only alphabet characters and correct '=' padding (to_binary);
// otherwise characters outside the alphabet are skipped as Java's MIME
// decoder does (unbase64). nullopt: malformed.
std::optional<std::string> UnBase64(std::string_view in, bool strict) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0, sextets = 0;
  size_t i = 0;
  for (; i < in.size() && in[i] != '='; ++i) {
    const int v = Base64Value(in[i]);
    if (v < 0) {
      if (strict) return std::nullopt;
      continue;
    }
    acc = acc << 6 | static_cast<uint32_t>(v);
    bits += 6;
    ++sextets;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  if (strict) {
    const size_t padding = in.size() - i;
    if (sextets % 4 == 1 || padding > 2 || in.substr(i).find_first_not_of('=') != std::string_view::npos) return std::nullopt;
    if (padding > 0 && (sextets + padding) % 4 != 0) return std::nullopt;
  }
  return out;
}

std::string HexOfBytes(std::string_view in) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size() * 2);
  for (unsigned char c : in) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string HexOfLong(int64_t v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  auto u = static_cast<uint64_t>(v);
  std::string out;
  do {
    out.insert(out.begin(), kDigits[u & 15]);
    u >>= 4;
  } while (u != 0);
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Spark's Hex.unhex: an odd-length input reads its first digit alone.
std::optional<std::string> UnHex(std::string_view in) {
  std::string out;
  size_t i = 0;
  if (in.size() % 2 == 1) {
    const int v = HexValue(in[0]);
    if (v < 0) return std::nullopt;
    out.push_back(static_cast<char>(v));
    i = 1;
  }
  for (; i < in.size(); i += 2) {
    const int hi = HexValue(in[i]), lo = HexValue(in[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi << 4 | lo));
  }
  return out;
}

// --- charsets ------------------------------------------------------------------------

enum class Charset { kUtf8, kAscii, kLatin1, kUtf16Be, kUtf16Le, kUtf16, kUtf32 };

Charset ParseCharset(std::string_view name, const std::string& fn) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::toupper(c); });
  if (n == "UTF-8" || n == "UTF8") return Charset::kUtf8;
  if (n == "US-ASCII" || n == "ASCII") return Charset::kAscii;
  if (n == "ISO-8859-1" || n == "LATIN1") return Charset::kLatin1;
  if (n == "UTF-16BE") return Charset::kUtf16Be;
  if (n == "UTF-16LE") return Charset::kUtf16Le;
  if (n == "UTF-16") return Charset::kUtf16;
  if (n == "UTF-32") return Charset::kUtf32;
  throw UserError("INVALID_PARAMETER_VALUE.CHARSET", "22023",
                  "The value of parameter(s) `charset` in `" + fn +
                      "` is invalid: expects one of the charsets 'US-ASCII', 'ISO-8859-1', 'UTF-8', 'UTF-16BE', "
                      "'UTF-16LE', 'UTF-16', 'UTF-32', but got " + std::string(name) + ".");
}

void AppendUnit(std::string& out, uint32_t unit, int bytes, bool big_endian) {
  for (int k = 0; k < bytes; ++k) {
    const int shift = big_endian ? 8 * (bytes - 1 - k) : 8 * k;
    out.push_back(static_cast<char>((unit >> shift) & 0xFF));
  }
}

// Java's String.getBytes(charset): unmappable characters become '?'.
std::string Encode(std::string_view s, Charset cs) {
  if (cs == Charset::kUtf8) return std::string(s);
  std::string out;
  if (cs == Charset::kUtf16) out = "\xFE\xFF";  // Java writes a big-endian byte order mark
  for (size_t i = 0; i < s.size();) {
    const uint32_t cp = utf8::Decode(s, i);
    switch (cs) {
      case Charset::kAscii: out.push_back(cp < 0x80 ? static_cast<char>(cp) : '?'); break;
      case Charset::kLatin1: out.push_back(cp < 0x100 ? static_cast<char>(cp) : '?'); break;
      case Charset::kUtf32: AppendUnit(out, cp, 4, true); break;
      default: {
        const bool be = cs != Charset::kUtf16Le;
        if (cp >= 0x10000) {
          AppendUnit(out, 0xD800 + ((cp - 0x10000) >> 10), 2, be);
          AppendUnit(out, 0xDC00 + ((cp - 0x10000) & 0x3FF), 2, be);
        } else {
          AppendUnit(out, cp, 2, be);
        }
      }
    }
  }
  return out;
}

// Java's new String(bytes, charset): malformed input becomes U+FFFD.
std::string Decode(std::string_view b, Charset cs) {
  std::string out;
  auto unit = [&](size_t i, int bytes, bool be) {
    uint32_t v = 0;
    for (int k = 0; k < bytes; ++k) {
      const uint32_t byte = static_cast<unsigned char>(b[i + k]);
      v |= byte << (be ? 8 * (bytes - 1 - k) : 8 * k);
    }
    return v;
  };
  switch (cs) {
    case Charset::kUtf8: return utf8::ReplaceInvalid(b);
    case Charset::kAscii:
      for (unsigned char c : b) utf8::Append(out, c < 0x80 ? c : 0xFFFD);
      return out;
    case Charset::kLatin1:
      for (unsigned char c : b) utf8::Append(out, c);
      return out;
    case Charset::kUtf32:
      for (size_t i = 0; i < b.size(); i += 4) {
        const uint32_t cp = i + 4 <= b.size() ? unit(i, 4, true) : 0xFFFD;
        utf8::Append(out, cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000) ? 0xFFFD : cp);
      }
      return out;
    default: break;
  }
  bool be = cs != Charset::kUtf16Le;
  size_t i = 0;
  if (cs == Charset::kUtf16 && b.size() >= 2) {
    const uint32_t bom = unit(0, 2, true);
    if (bom == 0xFEFF || bom == 0xFFFE) {
      be = bom == 0xFEFF;
      i = 2;
    }
  }
  for (; i < b.size(); i += 2) {
    if (i + 2 > b.size()) {
      utf8::Append(out, 0xFFFD);
      break;
    }
    const uint32_t u = unit(i, 2, be);
    if (u >= 0xD800 && u < 0xDC00 && i + 4 <= b.size()) {
      const uint32_t lo = unit(i + 2, 2, be);
      if (lo >= 0xDC00 && lo < 0xE000) {
        utf8::Append(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i += 2;
        continue;
      }
    }
    utf8::Append(out, u >= 0xD800 && u < 0xE000 ? 0xFFFD : u);
  }
  return out;
}

// decode(expr, search1, result1, ..., [default]): the first search equal to
// expr (NULL-safe) picks its result; no match gives default or NULL.
BoundScalarFunction BindDecodeCase(const Args& args) {
  std::vector<DataTypePtr> keys = {args[0]}, results;
  const size_t pairs = (args.size() - 1) / 2;
  for (size_t k = 0; k < pairs; ++k) {
    keys.push_back(args[1 + 2 * k]);
    results.push_back(args[2 + 2 * k]);
  }
  const bool has_default = (args.size() - 1) % 2 == 1;
  if (has_default) results.push_back(args.back());
  const DataTypePtr key_type = WiderTypeOf(keys);
  const DataTypePtr result_type = WiderTypeOf(results);
  if (!key_type) signature::ThrowUnexpectedType("decode", 1, QuotedSqlType(*args[0]), args[1]);
  if (!result_type) signature::ThrowUnexpectedType("decode", 2, "a common result", args[2]);
  std::vector<DataTypePtr> types;
  for (size_t i = 0; i < args.size(); ++i) {
    types.push_back(i == 0 || (i % 2 == 1 && i + 1 < args.size()) ? key_type : result_type);
  }
  return {types, result_type, [result_type, pairs, has_default](const Kernels& a, int64_t rows, const EvalContext&) {
            auto out = ArrayBuilder::Make(result_type);
            for (int64_t i = 0; i < rows; ++i) {
              const Value key = a[0]->GetValue(i);
              const Array* pick = has_default ? a.back().get() : nullptr;
              for (size_t k = 0; k < pairs; ++k) {
                if (a[1 + 2 * k]->GetValue(i) == key) {
                  pick = a[2 + 2 * k].get();
                  break;
                }
              }
              pick && pick->IsValid(i) ? out->Append(pick->GetValue(i)) : out->AppendNull();
            }
            return out->Finish();
          }};
}

template <typename F>
void AddUnary(FunctionRegistry& r, const std::string& name, FunctionDoc doc,
              DataTypePtr (*arg)(const std::string&, const Args&, size_t), DataTypePtr out, F f) {
  r.AddScalar({name, std::move(doc), [name, arg, out, f](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 1, 1);
                 return BoundScalarFunction{{arg(name, args, 0)}, out, [out, f](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<std::string, std::string_view>(a[0], out, f);
                                            }};
               }});
}

// to_binary(str[, fmt]) with fmt 'hex' (default), 'utf-8' or 'base64';
// malformed input is an error, or NULL for try_to_binary.
void AddToBinary(FunctionRegistry& r, const std::string& name, bool is_try) {
  r.AddScalar({name,
               {name + "(str[, fmt]) - Converts the input `str` to a binary value based on the supplied `fmt`. `fmt` "
                       "can be a case-insensitive string literal of \"hex\", \"utf-8\", \"utf8\", or \"base64\".",
                "SELECT " + name + "('abc', 'utf-8'); -- abc"},
               [name, is_try](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 1, 2);
                 std::vector<DataTypePtr> types = {argument::AsString(name, args, 0)};
                 if (args.size() == 2) types.push_back(argument::AsString(name, args, 1));
                 return BoundScalarFunction{
                     types, DataType::Binary(), [name, is_try](const Kernels& a, int64_t rows, const EvalContext&) {
                       const ArrayPtr fmt = a.size() > 1 ? a[1] : MakeConstantArray(DataType::String(), Value("hex"), rows);
                       return MapBinary<std::string, std::string_view, std::string_view>(
                           a[0], fmt, DataType::Binary(),
                           [&](std::string_view s, std::string_view f) -> std::optional<std::string> {
                             std::string lower(f);
                             std::transform(lower.begin(), lower.end(), lower.begin(),
                                            [](unsigned char c) { return std::tolower(c); });
                             std::optional<std::string> v;
                             if (lower == "hex") {
                               v = UnHex(s);
                             } else if (lower == "utf-8" || lower == "utf8") {
                               v = std::string(s);
                             } else if (lower == "base64") {
                               v = UnBase64(s, true);
                             } else {
                               throw UserError("INVALID_PARAMETER_VALUE.BINARY_FORMAT", "22023",
                                               "The value of parameter(s) `format` in `" + name +
                                                   "` is invalid: expects one of binary formats 'base64', 'hex', "
                                                   "'utf-8', but got '" + std::string(f) + "'.");
                             }
                             if (!v && !is_try) {
                               throw UserError("CONVERSION_INVALID_INPUT", "22018",
                                               "The value '" + std::string(s) +
                                                   "' (\"STRING\") cannot be converted to \"BINARY\" because it is "
                                                   "malformed. Correct the value as per the syntax, or change its "
                                                   "format. Use 'try_to_binary' to tolerate malformed input and "
                                                   "return NULL instead.");
                             }
                             return v;
                           });
                     }};
               }});
}

}  // namespace

void RegisterStringEncodingFunctions(FunctionRegistry& r) {
  AddUnary(r, "base64", {"base64(bin) - Converts the argument from a binary `bin` to a base 64 string.",
                         "SELECT base64('Spark SQL'); -- U3BhcmsgU1FM"},
           argument::AsBinary, DataType::String(), Base64);
  AddUnary(r, "unbase64", {"unbase64(str) - Converts the argument from a base 64 string `str` to a binary.",
                           "SELECT unbase64('U3BhcmsgU1FM'); -- Spark SQL"},
           argument::AsString, DataType::Binary(),
           [](std::string_view s) { return UnBase64(s, false).value_or(std::string()); });
  r.AddScalar({"hex",
               {"hex(expr) - Converts `expr` to hexadecimal.", "SELECT hex(17); -- 11"},
               [](const Args& args) {
                 signature::CheckArgCount("hex", args.size(), 1, 1);
                 const TypeId id = args[0]->id();
                 if (id == TypeId::kString || id == TypeId::kBinary) {
                   return BoundScalarFunction{{args[0]}, DataType::String(), [](const Kernels& a, int64_t, const EvalContext&) {
                                                return MapUnary<std::string, std::string_view>(a[0], DataType::String(),
                                                                                               HexOfBytes);
                                              }};
                 }
                 if (!args[0]->IsNumeric() && id != TypeId::kNull) {
                   signature::ThrowUnexpectedType("hex", 0, "(\"BIGINT\" or \"BINARY\" or \"STRING\")", args[0]);
                 }
                 return BoundScalarFunction{{DataType::Long()}, DataType::String(), [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<std::string, int64_t>(a[0], DataType::String(), HexOfLong);
                                            }};
               }});
  r.AddScalar({"unhex",
               {"unhex(expr) - Converts hexadecimal `expr` to binary.", "SELECT decode(unhex('537061726B2053514C'), 'UTF-8'); -- Spark SQL"},
               [](const Args& args) {
                 signature::CheckArgCount("unhex", args.size(), 1, 1);
                 return BoundScalarFunction{{argument::AsString("unhex", args, 0)}, DataType::Binary(),
                                            [](const Kernels& a, int64_t, const EvalContext&) {
                                              return MapUnary<std::string, std::string_view>(a[0], DataType::Binary(), UnHex);
                                            }};
               }});
  r.AddScalar({"encode",
               {"encode(str, charset) - Encodes the first argument using the second argument character set.",
                "SELECT encode('abc', 'utf-8'); -- abc"},
               [](const Args& args) {
                 signature::CheckArgCount("encode", args.size(), 2, 2);
                 return BoundScalarFunction{
                     {argument::AsString("encode", args, 0), argument::AsString("encode", args, 1)}, DataType::Binary(),
                     [](const Kernels& a, int64_t, const EvalContext&) {
                       return MapBinary<std::string, std::string_view, std::string_view>(
                           a[0], a[1], DataType::Binary(),
                           [](std::string_view s, std::string_view cs) { return Encode(s, ParseCharset(cs, "encode")); });
                     }};
               }});
  r.AddScalar({"decode",
               {"decode(bin, charset) - Decodes the first argument using the second argument character set. "
                "decode(expr, search, result [, search, result ] ... [, default]) - Compares expr to each search "
                "value in order and returns the result of the first match, or default.",
                "SELECT decode(encode('abc', 'utf-8'), 'utf-8'); -- abc"},
               [](const Args& args) {
                 signature::CheckArgCount("decode", args.size(), 2, static_cast<size_t>(-1));
                 if (args.size() > 2) return BindDecodeCase(args);
                 return BoundScalarFunction{
                     {argument::AsBinary("decode", args, 0), argument::AsString("decode", args, 1)}, DataType::String(),
                     [](const Kernels& a, int64_t, const EvalContext&) {
                       return MapBinary<std::string, std::string_view, std::string_view>(
                           a[0], a[1], DataType::String(),
                           [](std::string_view b, std::string_view cs) { return Decode(b, ParseCharset(cs, "decode")); });
                     }};
               }});
  AddToBinary(r, "to_binary", false);
  AddToBinary(r, "try_to_binary", true);
}

}  // namespace lakestream
