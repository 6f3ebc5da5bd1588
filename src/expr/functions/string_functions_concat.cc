// concat, concat_ws and reverse: Spark defines concat and reverse on strings,
// binary and arrays alike, so the array forms live here too.
#include <algorithm>
#include <string>

#include "columnar/array_builder.h"
#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/list_result_builder.h"
#include "expr/functions/signature_check.h"
#include "expr/functions/string_families.h"
#include "expr/functions/utf8_codec.h"
#include "expr/kernel_builder.h"
#include "expr/type_coercion.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;
using Kernels = std::vector<ArrayPtr>;

// Row-wise concatenation of ARRAY columns of one type; NULL if any is NULL.
ArrayPtr ConcatArrays(const Kernels& args, int64_t rows, const DataTypePtr& type) {
  std::vector<ArrayPtr> children;
  std::vector<int32_t> base;
  int32_t total = 0;
  for (const ArrayPtr& a : args) {
    children.push_back(a->child(0));
    base.push_back(total);
    total += static_cast<int32_t>(a->child(0)->length());
  }
  ListResultBuilder out(rows);
  for (int64_t i = 0; i < rows; ++i) {
    if (!std::all_of(args.begin(), args.end(), [i](const ArrayPtr& a) { return a->IsValid(i); })) {
      out.AppendNull();
      continue;
    }
    for (size_t k = 0; k < args.size(); ++k) {
      const int32_t* o = args[k]->offsets();
      for (int32_t j = o[i]; j < o[i + 1]; ++j) out.Add(base[k] + j);
    }
    out.FinishRow();
  }
  return out.Finish(type, Concatenate(children));
}

BoundScalarFunction BindConcat(const Args& args) {
  if (args.empty()) {
    return {{}, DataType::String(), [](const Kernels&, int64_t rows, const EvalContext&) {
              return MakeConstantArray(DataType::String(), Value(""), rows);
            }};
  }
  const bool any_array = std::any_of(args.begin(), args.end(), [](const DataTypePtr& t) { return t->id() == TypeId::kArray; });
  if (any_array) {
    const DataTypePtr t = WiderTypeOf(args);
    if (!t || t->id() != TypeId::kArray) {
      for (size_t i = 0; i < args.size(); ++i) {
        if (args[i]->id() != TypeId::kArray) signature::ThrowUnexpectedType("concat", i, "\"ARRAY\"", args[i]);
      }
      signature::ThrowUnexpectedType("concat", 0, "(\"ARRAY\" of one element type)", args[0]);
    }
    return {std::vector<DataTypePtr>(args.size(), t), t,
            [t](const Kernels& a, int64_t rows, const EvalContext&) { return ConcatArrays(a, rows, t); }};
  }
  const bool all_binary = std::all_of(args.begin(), args.end(), [](const DataTypePtr& t) { return t->id() == TypeId::kBinary; });
  const DataTypePtr t = all_binary ? DataType::Binary() : DataType::String();
  std::vector<DataTypePtr> types;
  for (size_t i = 0; i < args.size(); ++i) types.push_back(all_binary ? t : argument::AsString("concat", args, i));
  return {types, t, [t](const Kernels& a, int64_t rows, const EvalContext&) {
            BinaryBuilder out(t, rows);
            std::string buf;
            for (int64_t i = 0; i < rows; ++i) {
              buf.clear();
              bool valid = true;
              for (const ArrayPtr& arg : a) {
                if (arg->IsNull(i)) {
                  valid = false;
                  break;
                }
                buf.append(arg->GetView(i));
              }
              valid ? out.Append(buf) : out.AppendNull();
            }
            return out.Finish();
          }};
}

// concat_ws(sep, [str | array<str>]+): NULL only when sep is NULL; NULL
// strings and NULL array elements are skipped.
BoundScalarFunction BindConcatWs(const Args& args) {
  signature::CheckArgCount("concat_ws", args.size(), 1, static_cast<size_t>(-1));
  std::vector<DataTypePtr> types = {argument::AsString("concat_ws", args, 0)};
  for (size_t i = 1; i < args.size(); ++i) {
    types.push_back(args[i]->id() == TypeId::kArray ? DataType::Array(DataType::String())
                                                     : argument::AsString("concat_ws", args, i));
  }
  return {types, DataType::String(), [](const Kernels& a, int64_t rows, const EvalContext&) {
            BinaryBuilder out(DataType::String(), rows);
            std::string buf;
            for (int64_t i = 0; i < rows; ++i) {
              if (a[0]->IsNull(i)) {
                out.AppendNull();
                continue;
              }
              const std::string_view sep = a[0]->GetView(i);
              buf.clear();
              bool first = true;
              auto add = [&](std::string_view s) {
                if (!first) buf.append(sep);
                buf.append(s);
                first = false;
              };
              for (size_t k = 1; k < a.size(); ++k) {
                const Array& arg = *a[k];
                if (arg.IsNull(i)) continue;
                if (arg.type_id() == TypeId::kArray) {
                  const Array& items = *arg.child(0);
                  for (int32_t j = arg.offsets()[i]; j < arg.offsets()[i + 1]; ++j) {
                    if (items.IsValid(j)) add(items.GetView(j));
                  }
                } else {
                  add(arg.GetView(i));
                }
              }
              out.Append(buf);
            }
            return out.Finish();
          }};
}

ArrayPtr ReverseArrays(const ArrayPtr& a, int64_t rows) {
  ListResultBuilder out(rows);
  const int32_t* o = a->offsets();
  for (int64_t i = 0; i < rows; ++i) {
    if (a->IsNull(i)) {
      out.AppendNull();
      continue;
    }
    for (int32_t j = o[i + 1] - 1; j >= o[i]; --j) out.Add(j);
    out.FinishRow();
  }
  return out.Finish(a->type(), a->child(0));
}

BoundScalarFunction BindReverse(const Args& args) {
  signature::CheckArgCount("reverse", args.size(), 1, 1);
  if (args[0]->id() == TypeId::kArray) {
    return {{args[0]}, args[0], [](const Kernels& a, int64_t rows, const EvalContext&) { return ReverseArrays(a[0], rows); }};
  }
  return {{argument::AsString("reverse", args, 0)}, DataType::String(), [](const Kernels& a, int64_t, const EvalContext&) {
            std::string buf;
            return MapUnary<std::string_view, std::string_view>(a[0], DataType::String(), [&](std::string_view s) {
              buf.assign(s.size(), '\0');
              size_t w = s.size();
              for (size_t i = 0; i < s.size();) {
                const size_t n = std::min<size_t>(static_cast<size_t>(utf8::CharWidth(static_cast<unsigned char>(s[i]))),
                                                  s.size() - i);
                w -= n;
                buf.replace(w, n, s.substr(i, n));
                i += n;
              }
              return std::string_view(buf);
            });
          }};
}

}  // namespace

void RegisterStringConcatFunctions(FunctionRegistry& r) {
  r.AddScalar({"concat",
               {"concat(col1, col2, ..., colN) - Returns the concatenation of col1, col2, ..., colN.",
                "SELECT concat('Spark', 'SQL'); -- SparkSQL"},
               BindConcat});
  r.AddScalar({"concat_ws",
               {"concat_ws(sep[, str | array(str)]+) - Returns the concatenation of the strings separated by `sep`, "
                "skipping null values.",
                "SELECT concat_ws(' ', 'Spark', 'SQL'); -- Spark SQL"},
               BindConcatWs});
  r.AddScalar({"reverse",
               {"reverse(array) - Returns a reversed string or an array with reverse order of elements.",
                "SELECT reverse('Spark SQL'); -- LQS krapS"},
               BindReverse});
}

}  // namespace lakestream
