#include "cli/command_line.h"

#include <algorithm>
#include <charconv>

namespace lakestream::cli {

namespace {

const FlagSpec* FindFlag(const CommandSpec& spec, const std::string& name) {
  for (const FlagSpec& flag : spec.flags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

std::string FlagUsage(const FlagSpec& flag) {
  return (flag.name.size() == 1 ? "-" : "--") + flag.name + (flag.value_name.empty() ? "" : " " + flag.value_name);
}

}  // namespace

std::optional<std::string> ParsedArgs::Get(const std::string& flag) const {
  auto it = flags.find(flag);
  if (it == flags.end()) return std::nullopt;
  return it->second;
}

std::optional<int> ParsedArgs::GetPositiveInt(const std::string& flag) const {
  std::optional<std::string> text = Get(flag);
  if (!text) return std::nullopt;
  int value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || value <= 0) {
    throw UsageError("--" + flag + " expects a positive integer, got '" + *text + "'");
  }
  return value;
}

ParsedArgs ParseArgs(const CommandSpec& spec, const std::vector<std::string>& args) {
  ParsedArgs parsed;
  bool flags_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_ended || arg.size() < 2 || arg[0] != '-') {
      parsed.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_ended = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      parsed.help = true;
      continue;
    }
    // One-letter flags are written "-e" and take no "=VALUE"; others "--name".
    const bool short_form = arg.rfind("--", 0) != 0;
    if (short_form && arg.size() != 2) throw UsageError("unknown option '" + arg + "'");
    const size_t equals = short_form ? std::string::npos : arg.find('=');
    const size_t dashes = short_form ? 1 : 2;
    const std::string name = arg.substr(dashes, equals == std::string::npos ? std::string::npos : equals - dashes);
    const FlagSpec* flag = FindFlag(spec, name);
    if (flag == nullptr || (name.size() == 1) != short_form) {
      throw UsageError("unknown option '" + arg.substr(0, equals) + "' for '" + spec.name + "'");
    }
    const std::string written = arg.substr(0, dashes) + name;
    if (flag->value_name.empty()) {
      if (equals != std::string::npos) throw UsageError(written + " takes no value");
      parsed.flags[name] = "";
    } else if (equals != std::string::npos) {
      parsed.flags[name] = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      parsed.flags[name] = args[++i];
    } else {
      throw UsageError(written + " needs a value (" + flag->value_name + ")");
    }
  }
  if (parsed.help) return parsed;
  if (parsed.positionals.size() < spec.min_positionals) {
    throw UsageError("'" + spec.name + "' needs " + spec.positionals);
  }
  if (parsed.positionals.size() > spec.max_positionals) {
    throw UsageError("unexpected argument '" + parsed.positionals[spec.max_positionals] + "' for '" +
                     spec.name + "'");
  }
  return parsed;
}

std::string CommandUsageLine(const CommandSpec& spec) {
  std::string line = "usage: lakestream " + spec.name;
  for (const FlagSpec& flag : spec.flags) line += " [" + FlagUsage(flag) + "]";
  if (!spec.positionals.empty()) line += " " + spec.positionals;
  return line;
}

std::string CommandHelp(const CommandSpec& spec) {
  std::string text = CommandUsageLine(spec) + "\n\n" + spec.description + "\n";
  text += "\noptions:\n";
  size_t width = std::string("-h, --help").size();
  for (const FlagSpec& flag : spec.flags) width = std::max(width, FlagUsage(flag).size());
  auto add_option = [&](const std::string& usage, const std::string& help) {
    text += "  " + usage + std::string(width - usage.size() + 2, ' ') + help + "\n";
  };
  for (const FlagSpec& flag : spec.flags) add_option(FlagUsage(flag), flag.help);
  add_option("-h, --help", "show this help and exit");
  return text;
}

}  // namespace lakestream::cli
