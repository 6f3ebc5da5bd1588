#include "api/table_functions.h"

#include <filesystem>

#include "api/file_relation.h"
#include "api/session_state.h"
#include "catalog/catalog.h"
#include "expr/binder.h"
#include "expr/evaluator.h"
#include "lakestream/error.h"

namespace lakestream {
namespace {

// Evaluates a constant argument (literals, casts, arithmetic on literals).
Value ConstantValue(const SessionState& session, const ExprPtr& e, const std::string& function) {
  ExprPtr bound = BindExpression(e, Scope(), FunctionRegistry::Default());
  if (ContainsKind(bound, ExprKind::kColumn)) {
    throw UserError("NON_FOLDABLE_ARGUMENT", "42K08",
                    "The function `" + function + "` requires constant arguments, but got " + e->ToString() + ".");
  }
  return EvaluateConstant(*bound, session.MakeQueryContext().eval);
}

int64_t IntArgument(const SessionState& session, const ExprPtr& e, const std::string& function) {
  Value v = ConstantValue(session, e, function);
  if (v.kind() != Value::Kind::kInt) {
    throw UserError("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
                    "The function `" + function + "` requires integer arguments, but got " + e->ToString() + ".");
  }
  return v.as_int();
}

LogicalPlanPtr Range(const SessionState& session, const std::vector<ExprPtr>& args) {
  if (args.empty() || args.size() > 4) {
    throw UserError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605",
                    "The `range` requires [1, 2, 3, 4] parameters but the actual number is " +
                        std::to_string(args.size()) + ".");
  }
  std::vector<int64_t> v;
  for (const auto& a : args) v.push_back(IntArgument(session, a, "range"));
  if (v.size() == 1) return MakeRange(0, v[0], 1, 0);
  return MakeRange(v[0], v[1], v.size() > 2 ? v[2] : 1, v.size() > 3 ? static_cast<int>(v[3]) : 0);
}

// Databricks' read_files: the format comes from `format =>` or the files' extension.
LogicalPlanPtr ReadFiles(const SessionState& session, const std::vector<ExprPtr>& args) {
  std::vector<std::string> paths;
  std::map<std::string, std::string> options;
  for (const auto& a : args) {
    Value v = ConstantValue(session, a->kind == ExprKind::kAlias ? a->children[0] : a, "read_files");
    std::string text = v.is_null() ? "" : v.kind() == Value::Kind::kString ? v.as_string() : v.ToString();
    if (a->kind == ExprKind::kAlias) {
      options[NormalizeIdentifier(a->name)] = text;
    } else {
      paths.push_back(text);
    }
  }
  if (paths.empty()) {
    throw UserError("REQUIRED_PARAMETER_NOT_FOUND", "4274K", "Cannot invoke function `read_files` without a path.");
  }
  std::string format;
  if (auto it = options.find("format"); it != options.end()) {
    format = it->second;
    options.erase(it);
  } else {
    std::string ext = std::filesystem::path(paths[0]).extension().string();
    format = ext.empty() ? "" : NormalizeIdentifier(ext.substr(1));
    if (format == "jsonl" || format == "ndjson") format = "json";
    if (format != "parquet" && format != "csv" && format != "json") {
      throw UserError("READ_FILES_FORMAT_NOT_DETECTED", "42000",
                      "read_files cannot tell the format of " + paths[0] + "; pass format => 'parquet' | 'csv' | 'json'.");
    }
  }
  // Databricks reads CSV with a header and infers types by default.
  if (format == "csv") {
    options.emplace("header", "true");
    options.emplace("inferschema", "true");
  }
  return MakeFileRelation(session, format, paths, options);
}

}  // namespace

LogicalPlanPtr ResolveTableFunction(const SessionState& session, const std::string& name,
                                    const std::vector<ExprPtr>& args) {
  std::string n = NormalizeIdentifier(name);
  if (n == "range") return Range(session, args);
  if (n == "read_files") return ReadFiles(session, args);
  return nullptr;
}

}  // namespace lakestream
