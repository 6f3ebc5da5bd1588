#include "formats/option_reader.h"

#include <cctype>
#include <charconv>

#include "lakestream/error.h"

namespace lakestream {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

void ThrowInvalidOption(std::string_view key, std::string_view value, std::string_view why) {
  throw UserError("INVALID_OPTION_VALUE", "42616",
                  "Invalid value '" + std::string(value) + "' for option '" + std::string(key) + "': " +
                      std::string(why) + ".");
}

std::optional<std::string> OptionReader::Get(std::string_view key) const {
  // Keys are lower-cased by the API, but callers from C++ may not be; a linear
  // scan is fine for a handful of options read once per file.
  auto it = options_.find(std::string(key));
  if (it != options_.end()) return it->second;
  for (const auto& [k, v] : options_) {
    if (EqualsIgnoreCase(k, key)) return v;
  }
  return std::nullopt;
}

std::string OptionReader::GetString(std::string_view key, std::string_view default_value) const {
  auto v = Get(key);
  return v ? *v : std::string(default_value);
}

bool OptionReader::GetBool(std::string_view key, bool default_value) const {
  auto v = Get(key);
  if (!v) return default_value;
  if (EqualsIgnoreCase(*v, "true")) return true;
  if (EqualsIgnoreCase(*v, "false")) return false;
  ThrowInvalidOption(key, *v, "expected true or false");
}

int64_t OptionReader::GetInt(std::string_view key, int64_t default_value) const {
  auto v = Get(key);
  if (!v) return default_value;
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc() || p != v->data() + v->size()) ThrowInvalidOption(key, *v, "expected an integer");
  return out;
}

char OptionReader::GetChar(std::string_view key, char default_value) const {
  auto v = Get(key);
  if (!v) return default_value;
  if (v->empty()) return '\0';
  if (*v == "\\t") return '\t';
  if (v->size() == 1) return (*v)[0];
  ThrowInvalidOption(key, *v, "expected a single character");
}

}  // namespace lakestream
