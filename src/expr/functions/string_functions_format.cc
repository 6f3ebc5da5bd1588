// format_string / printf: java.util.Formatter's common conversions (%s %S %d
// %x %X %o %f %e %E %g %G %c %b %B %% %n) with argument indexes (%2$s, %<s),
// flags (- 0 + space , #), width and precision. Spark hands the formatter its
// internal values, so DATE prints as days and TIMESTAMP as microseconds.
// Numbers are printed with the C library, which rounds an exact binary tie
// half-even where Java rounds half-up.
#include <cstdio>
#include <string>

#include "columnar/array_builder.h"
#include "expr/cast.h"
#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/signature_check.h"
#include "expr/functions/string_families.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;
using Kernels = std::vector<ArrayPtr>;

struct Spec {
  std::string literal;  // text before the conversion (or the whole tail)
  char conversion = 0;  // 0: literal only
  int arg = -1;         // 0-based argument, resolved at parse time
  std::string flags;
  int width = -1;
  int precision = -1;
};

[[noreturn]] void Invalid(const std::string& why) {
  throw UserError("INVALID_PARAMETER_VALUE.PATTERN", "22023",
                  "The value of parameter(s) `strfmt` in `format_string` is invalid: " + why);
}

std::vector<Spec> ParseFormat(std::string_view f) {
  std::vector<Spec> specs(1);
  int ordinary = 0, previous = -1;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      specs.back().literal.push_back(f[i]);
      continue;
    }
    Spec& s = specs.back();
    size_t j = i + 1;
    auto digits = [&]() {
      int v = -1;
      while (j < f.size() && f[j] >= '0' && f[j] <= '9') v = (v < 0 ? 0 : v * 10) + (f[j++] - '0');
      return v;
    };
    // [index$ | <] [flags] [width] [.precision] conversion
    const size_t start = j;
    int index = digits();
    if (index >= 0 && j < f.size() && f[j] == '$') {
      if (index == 0) Invalid("the argument index of '%" + std::string(f.substr(i + 1, j - i)) + "' must be positive");
      ++j;
      s.arg = index - 1;
    } else {
      j = start;
      if (j < f.size() && f[j] == '<') {
        s.arg = previous;
        ++j;
      }
    }
    while (j < f.size() && std::string_view("-#+ 0,(").find(f[j]) != std::string_view::npos) s.flags.push_back(f[j++]);
    s.width = digits();
    if (j < f.size() && f[j] == '.') {
      ++j;
      s.precision = digits();
      if (s.precision < 0) Invalid("missing precision in '" + std::string(f.substr(i)) + "'");
    }
    if (j >= f.size()) Invalid("incomplete format specifier '" + std::string(f.substr(i)) + "'");
    s.conversion = f[j];
    if (s.conversion == '%' || s.conversion == 'n') {
      s.literal.append(s.conversion == '%' ? "%" : "\n");  // no argument; width on %% is rare and ignored
      s.conversion = 0;
      i = j;
      continue;
    }
    if (std::string_view("sSdxXofeEgGcbB").find(s.conversion) == std::string_view::npos) {
      Invalid("unknown format conversion '" + std::string(1, s.conversion) + "'");
    }
    if (s.arg < 0 && !(j > start && f[j - 1] == '<' && previous >= 0)) s.arg = ordinary++;
    previous = s.arg;
    specs.emplace_back();
    i = j;
  }
  return specs;
}

void Justify(std::string text, const Spec& s, std::string& out) {
  if (s.width > static_cast<int>(text.size())) {
    const std::string pad(static_cast<size_t>(s.width) - text.size(), ' ');
    text = s.flags.find('-') != std::string::npos ? text + pad : pad + text;
  }
  out.append(text);
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// C printf for one numeric conversion, with the flags C shares with Java.
template <typename T>
std::string CFormat(const Spec& s, const char* length, char conversion, T v) {
  std::string f = "%";
  for (char c : s.flags) {
    if (c != ',' && c != '(') f.push_back(c);
  }
  if (s.width >= 0) f += std::to_string(s.width);
  if (s.precision >= 0) f += "." + std::to_string(s.precision);
  f += length;
  f.push_back(conversion);
  char buf[512];
  const int n = std::snprintf(buf, sizeof(buf), f.c_str(), v);
  return std::string(buf, static_cast<size_t>(std::max(0, std::min<int>(n, sizeof(buf) - 1))));
}

// Java's ',' flag: thousands separators in the integer digits.
std::string Grouped(std::string_view digits) {
  const size_t sign = !digits.empty() && (digits[0] == '-' || digits[0] == '+' || digits[0] == ' ') ? 1 : 0;
  std::string out(digits.substr(0, sign));
  const size_t n = digits.size() - sign;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[sign + i]);
  }
  return out;
}

void FormatOne(const Spec& s, const Array& arg, int64_t row, const EvalContext& ctx, std::string& out) {
  const DataType& t = *arg.type();
  const char c = s.conversion;
  if (arg.IsNull(row)) {
    const std::string text = c == 'b' || c == 'B' ? "false" : "null";
    Justify(std::isupper(static_cast<unsigned char>(c)) ? Upper(text) : text, s, out);
    return;
  }
  auto mismatch = [&]() { Invalid("%" + std::string(1, c) + " does not accept " + t.ToSql()); };
  switch (c) {
    case 's':
    case 'S': {
      std::string text;
      if (t.id() == TypeId::kDate || t.id() == TypeId::kTimestamp || t.id() == TypeId::kTimestampNtz) {
        text = std::to_string(arg.GetValue(row).as_int());
      } else {
        text = ValueToString(arg.GetValue(row), t, ctx);
      }
      if (s.precision >= 0 && static_cast<size_t>(s.precision) < text.size()) text.resize(static_cast<size_t>(s.precision));
      Justify(c == 'S' ? Upper(text) : text, s, out);
      return;
    }
    case 'b':
    case 'B': {
      const std::string text = t.id() == TypeId::kBoolean ? (arg.GetBool(row) ? "true" : "false") : "true";
      Justify(c == 'B' ? Upper(text) : text, s, out);
      return;
    }
    case 'd':
    case 'x':
    case 'X':
    case 'o': {
      if (!t.IsIntegral()) mismatch();
      const int64_t v = arg.GetValue(row).as_int();
      if (c == 'd') {
        std::string text = CFormat(Spec{"", 0, -1, s.flags, -1, -1}, "ll", 'd', static_cast<long long>(v));
        if (s.flags.find(',') != std::string::npos) text = Grouped(text);
        Spec width_only = s;
        width_only.flags = s.flags.find('-') != std::string::npos ? "-" : "";
        if (s.flags.find('0') != std::string::npos && s.width > static_cast<int>(text.size())) {
          const size_t sign = text[0] == '-' || text[0] == '+' || text[0] == ' ' ? 1 : 0;
          text.insert(sign, static_cast<size_t>(s.width) - text.size(), '0');
        }
        Justify(text, width_only, out);
        return;
      }
      // Java prints the two's complement of negative values at the type's width.
      const int bits = t.byte_width() * 8;
      const uint64_t u = bits == 64 ? static_cast<uint64_t>(v) : static_cast<uint64_t>(v) & ((uint64_t{1} << bits) - 1);
      out.append(CFormat(s, "ll", c, static_cast<unsigned long long>(u)));
      return;
    }
    case 'f':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      double v = 0;  // clang cannot see that mismatch() throws
      if (t.IsFloating()) {
        v = arg.GetValue(row).as_double();
      } else if (t.id() == TypeId::kDecimal) {
        v = std::stod(ValueToString(arg.GetValue(row), t, ctx));
      } else {
        mismatch();
      }
      std::string text = CFormat(s, "", c, v);
      if (s.flags.find(',') != std::string::npos && c == 'f') {
        const size_t dot = text.find('.');
        const size_t start = text.find_first_of("0123456789");
        const size_t end = dot == std::string::npos ? text.size() : dot;
        text = text.substr(0, start) + Grouped(text.substr(start, end - start)) + text.substr(end);
      }
      out.append(text);
      return;
    }
    case 'c': {
      std::string text;
      if (t.IsIntegral()) {
        const int64_t cp = arg.GetValue(row).as_int();
        if (cp < 0 || cp > 0x10FFFF) Invalid("code point " + std::to_string(cp) + " is not valid");
        const auto u = static_cast<uint32_t>(cp);
        if (u < 0x80) text.push_back(static_cast<char>(u));
        else if (u < 0x800) text += {static_cast<char>(0xC0 | u >> 6), static_cast<char>(0x80 | (u & 0x3F))};
        else if (u < 0x10000) text += {static_cast<char>(0xE0 | u >> 12), static_cast<char>(0x80 | (u >> 6 & 0x3F)), static_cast<char>(0x80 | (u & 0x3F))};
        else text += {static_cast<char>(0xF0 | u >> 18), static_cast<char>(0x80 | (u >> 12 & 0x3F)), static_cast<char>(0x80 | (u >> 6 & 0x3F)), static_cast<char>(0x80 | (u & 0x3F))};
      } else {
        mismatch();
      }
      Justify(text, s, out);
      return;
    }
    default: mismatch();
  }
}

BoundScalarFunction BindFormatString(const std::string& name, const Args& args) {
  signature::CheckArgCount(name, args.size(), 1, static_cast<size_t>(-1));
  std::vector<DataTypePtr> types = {argument::AsString(name, args, 0)};
  for (size_t i = 1; i < args.size(); ++i) types.push_back(args[i]->id() == TypeId::kNull ? DataType::String() : args[i]);
  return {types, DataType::String(), [](const Kernels& a, int64_t rows, const EvalContext& ctx) {
            BinaryBuilder out(DataType::String(), rows);
            std::string last_format, buf;
            std::vector<Spec> specs;
            bool parsed = false;
            for (int64_t i = 0; i < rows; ++i) {
              if (a[0]->IsNull(i)) {
                out.AppendNull();
                continue;
              }
              const std::string_view f = a[0]->GetView(i);
              if (!parsed || f != last_format) {
                specs = ParseFormat(f);
                last_format.assign(f);
                parsed = true;
              }
              buf.clear();
              for (const Spec& s : specs) {
                buf.append(s.literal);
                if (s.conversion == 0) continue;
                if (s.arg < 0 || static_cast<size_t>(s.arg) + 1 >= a.size()) {
                  Invalid("missing argument for format specifier '%" + std::string(1, s.conversion) + "'");
                }
                FormatOne(s, *a[static_cast<size_t>(s.arg) + 1], i, ctx, buf);
              }
              out.Append(buf);
            }
            return out.Finish();
          }};
}

}  // namespace

void RegisterStringFormatFunctions(FunctionRegistry& r) {
  r.AddScalar({"format_string",
               {"format_string(strfmt, obj, ...) - Returns a formatted string from printf-style format strings.",
                "SELECT format_string(\"Hello World %d %s\", 100, \"days\"); -- Hello World 100 days"},
               [](const Args& args) { return BindFormatString("format_string", args); }});
  r.AddAlias("printf", "format_string");
}

}  // namespace lakestream
