#include "expr/functions/named_struct.h"

#include <string>

#include "expr/functions/collection_families.h"
#include "expr/functions/signature_check.h"

namespace lakestream {
namespace {

void CheckEvenArgs(size_t n) {
  if (n % 2 != 0 || n == 0) ThrowWrongNumArgs("named_struct", "a positive even number of", n);
}

[[noreturn]] void ThrowNotFoldableName(size_t index) {
  throw UserError("DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING", "42K09",
                  "Only foldable STRING expressions are "
                  "allowed to appear at odd position, got parameter " + std::to_string(index + 1) + ".");
}

BoundScalarFunction Make(std::vector<DataTypePtr> arg_types, std::vector<Field> fields) {
  DataTypePtr type = DataType::Struct(std::move(fields));
  return {std::move(arg_types), type,
          [type](const std::vector<ArrayPtr>& a, int64_t rows, const EvalContext&) {
            std::vector<ArrayPtr> children;
            for (size_t i = 1; i < a.size(); i += 2) children.push_back(a[i]);
            return std::make_shared<Array>(type, rows, std::vector<BufferPtr>{nullptr}, std::move(children), 0);
          },
          true};
}

BoundScalarFunction BindByTypes(const std::vector<DataTypePtr>& args) {
  CheckEvenArgs(args.size());
  std::vector<DataTypePtr> arg_types;
  std::vector<Field> fields;
  for (size_t i = 0; i < args.size(); i += 2) {
    if (args[i]->id() != TypeId::kString) ThrowNotFoldableName(i);
    arg_types.push_back(DataType::String());
    arg_types.push_back(args[i + 1]);
    fields.emplace_back("col" + std::to_string(i / 2 + 1), args[i + 1], true);
  }
  return Make(std::move(arg_types), std::move(fields));
}

}  // namespace

BoundScalarFunction BindNamedStruct(const std::vector<ExprPtr>& bound_args) {
  CheckEvenArgs(bound_args.size());
  std::vector<DataTypePtr> arg_types;
  std::vector<Field> fields;
  for (size_t i = 0; i < bound_args.size(); i += 2) {
    const Expr& name = *bound_args[i];
    if (name.kind != ExprKind::kLiteral || !name.type || name.type->id() != TypeId::kString || name.value.is_null()) {
      ThrowNotFoldableName(i);
    }
    const Expr& value = *bound_args[i + 1];
    arg_types.push_back(DataType::String());
    arg_types.push_back(value.type);
    fields.emplace_back(name.value.as_string(), value.type, value.nullable);
  }
  return Make(std::move(arg_types), std::move(fields));
}

void RegisterNamedStruct(FunctionRegistry& r) {
  r.AddScalar({"named_struct",
               {"named_struct(name1, val1, name2, val2, ...) - Creates a struct with the given field names and "
                "values. Names must be string literals.",
                "SELECT named_struct('a', 1, 'b', 2, 'c', 3); -- {\"a\":1,\"b\":2,\"c\":3}"},
               BindByTypes});
}

}  // namespace lakestream
