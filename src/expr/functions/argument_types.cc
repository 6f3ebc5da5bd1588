#include "expr/functions/argument_types.h"

#include "expr/functions/signature_check.h"

namespace lakestream::argument {

DataTypePtr AsString(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i) {
  if (args[i]->IsNested()) signature::ThrowUnexpectedType(fn, i, "\"STRING\"", args[i]);
  return DataType::String();
}

DataTypePtr AsBinary(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i) {
  const TypeId id = args[i]->id();
  if (id != TypeId::kString && id != TypeId::kBinary && id != TypeId::kNull) {
    signature::ThrowUnexpectedType(fn, i, "\"BINARY\"", args[i]);
  }
  return DataType::Binary();
}

DataTypePtr AsStringOrBinary(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i) {
  if (args[i]->id() == TypeId::kBinary) return DataType::Binary();
  if (args[i]->IsNested()) signature::ThrowUnexpectedType(fn, i, "(\"STRING\" or \"BINARY\")", args[i]);
  return DataType::String();
}

namespace {

bool CastsToIntegral(const DataType& t) {
  return t.IsIntegral() || t.id() == TypeId::kString || t.id() == TypeId::kNull;
}

}  // namespace

DataTypePtr AsInt(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i) {
  if (!CastsToIntegral(*args[i])) signature::ThrowUnexpectedType(fn, i, "\"INT\"", args[i]);
  return DataType::Int();
}

DataTypePtr AsLong(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i) {
  if (!CastsToIntegral(*args[i])) signature::ThrowUnexpectedType(fn, i, "\"BIGINT\"", args[i]);
  return DataType::Long();
}

DataTypePtr AsDouble(const std::string& fn, const std::vector<DataTypePtr>& args, size_t i) {
  const DataType& t = *args[i];
  if (!t.IsNumeric() && t.id() != TypeId::kString && t.id() != TypeId::kNull) {
    signature::ThrowUnexpectedType(fn, i, "\"DOUBLE\"", args[i]);
  }
  return DataType::Double();
}

}  // namespace lakestream::argument
