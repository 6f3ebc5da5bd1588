#include "expr/struct_field.h"

#include <algorithm>
#include <cctype>

#include "columnar/array.h"
#include "expr/function_registry.h"
#include "expr/type_coercion.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The field's values, NULL wherever the struct itself is NULL.
ArrayPtr ExtractField(const ArrayPtr& parent, size_t index) {
  ArrayPtr child = parent->child(index);
  if (parent->null_count() == 0 || child->type_id() == TypeId::kNull) return child;
  const int64_t n = parent->length();
  BufferPtr bits = Buffer::Allocate(bit_util::BytesForBits(n));
  uint8_t* out = bits->mutable_data();
  for (int64_t i = 0; i < n; ++i) {
    if (parent->IsValid(i) && child->IsValid(i)) bit_util::SetBit(out, i);
  }
  std::vector<BufferPtr> buffers = child->buffers();
  if (buffers.empty()) buffers.push_back(bits); else buffers[0] = bits;
  return std::make_shared<Array>(child->type(), n, std::move(buffers), child->children());
}

}  // namespace

ExprPtr BindStructField(const ExprPtr& base, const std::string& field) {
  const DataType& t = *base->type;
  if (t.id() != TypeId::kStruct) {
    throw UserError("INVALID_EXTRACT_BASE_FIELD_TYPE", "42000",
                    "Can't extract a value from \"" + base->ToString() + "\". Need a complex type [STRUCT, ARRAY, "
                    "MAP] but got " + QuotedSqlType(t) + ".");
  }
  const auto& fields = t.fields();
  size_t index = fields.size();
  for (size_t i = 0; i < fields.size(); ++i) {
    if (EqualsIgnoreCase(fields[i].name, field)) { index = i; break; }
  }
  if (index == fields.size()) {
    std::string names;
    for (size_t i = 0; i < fields.size(); ++i) names += (i ? ", `" : "`") + fields[i].name + "`";
    throw UserError("FIELD_NOT_FOUND", "42704",
                    "No such struct field `" + field + "` in " + names + ".");
  }
  auto bound = std::make_shared<BoundScalarFunction>();
  bound->arg_types = {base->type, DataType::String()};
  bound->return_type = fields[index].type;
  bound->kernel = [index](const std::vector<ArrayPtr>& args, int64_t, const EvalContext&) {
    return ExtractField(args[0], index);
  };
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::kCall;
  e->name = kGetFieldName;
  e->children = {base, Lit(Value(fields[index].name), DataType::String())};
  e->type = fields[index].type;
  e->nullable = base->nullable || fields[index].nullable;
  e->function = std::move(bound);
  return e;
}

}  // namespace lakestream
