#include "expr/function_registry.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "lakestream/error.h"

namespace lakestream {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

FunctionRegistry BuildDefault() {
  FunctionRegistry r;
  RegisterArithmeticFunctions(r);
  RegisterComparisonFunctions(r);
  RegisterConditionalFunctions(r);
  RegisterStringFunctions(r);
  RegisterMathFunctions(r);
  RegisterDatetimeFunctions(r);
  RegisterHashFunctions(r);
  RegisterCollectionFunctions(r);
  RegisterAggregateFunctions(r);
  RegisterWindowFunctions(r);
  RegisterMiscFunctions(r);
  return r;
}

}  // namespace

const FunctionRegistry& FunctionRegistry::Default() {
  static const FunctionRegistry registry = BuildDefault();
  return registry;
}

void FunctionRegistry::AddScalar(ScalarFunction f) {
  std::string key = Lower(f.name);
  scalars_[key] = std::make_shared<const ScalarFunction>(std::move(f));
}

void FunctionRegistry::AddAggregate(AggregateFunction f) {
  std::string key = Lower(f.name);
  aggregates_[key] = std::make_shared<const AggregateFunction>(std::move(f));
}

void FunctionRegistry::AddWindow(WindowFunction f) {
  std::string key = Lower(f.name);
  windows_[key] = std::make_shared<const WindowFunction>(std::move(f));
}

void FunctionRegistry::AddAlias(const std::string& alias, const std::string& target) {
  const std::string key = Lower(target);
  bool found = false;
  if (auto it = scalars_.find(key); it != scalars_.end()) {
    // The alias shares the implementation; its own name is what users see.
    auto copy = std::make_shared<ScalarFunction>(*it->second);
    copy->name = alias;
    scalars_[Lower(alias)] = std::move(copy);
    found = true;
  }
  if (auto it = aggregates_.find(key); it != aggregates_.end()) {
    auto copy = std::make_shared<AggregateFunction>(*it->second);
    copy->name = alias;
    aggregates_[Lower(alias)] = std::move(copy);
    found = true;
  }
  if (!found) throw InternalError("AddAlias: no function named '" + target + "' for alias '" + alias + "'");
}

const ScalarFunction* FunctionRegistry::FindScalar(std::string_view name) const {
  auto it = scalars_.find(Lower(name));
  return it == scalars_.end() ? nullptr : it->second.get();
}

const AggregateFunction* FunctionRegistry::FindAggregate(std::string_view name) const {
  auto it = aggregates_.find(Lower(name));
  return it == aggregates_.end() ? nullptr : it->second.get();
}

const WindowFunction* FunctionRegistry::FindWindow(std::string_view name) const {
  auto it = windows_.find(Lower(name));
  return it == windows_.end() ? nullptr : it->second.get();
}

std::vector<std::string> FunctionRegistry::Names() const {
  std::set<std::string> names;
  for (const auto& [k, v] : scalars_) names.insert(k);
  for (const auto& [k, v] : aggregates_) names.insert(k);
  for (const auto& [k, v] : windows_) names.insert(k);
  return {names.begin(), names.end()};
}

}  // namespace lakestream
