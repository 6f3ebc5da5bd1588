#include "columnar/arrow_c_data.h"

#include <cstring>
#include <string>
#include <vector>

#include "columnar/array_builder.h"
#include "columnar/check.h"

namespace lakestream {

namespace {

std::string FormatOf(const DataType& t) {
  switch (t.id()) {
    case TypeId::kNull: return "n";
    case TypeId::kBoolean: return "b";
    case TypeId::kByte: return "c";
    case TypeId::kShort: return "s";
    case TypeId::kInt: return "i";
    case TypeId::kLong: return "l";
    case TypeId::kFloat: return "f";
    case TypeId::kDouble: return "g";
    case TypeId::kDecimal: return "d:" + std::to_string(t.precision()) + "," + std::to_string(t.scale());
    case TypeId::kString: return "u";
    case TypeId::kBinary: return "z";
    case TypeId::kDate: return "tdD";
    case TypeId::kTimestamp: return "tsu:UTC";
    case TypeId::kTimestampNtz: return "tsu:";
    // As Spark's ArrowUtils: year-month intervals as Arrow's interval[months],
    // day-time intervals as duration[us] (the interval fields are not kept).
    case TypeId::kYearMonthInterval: return "tiM";
    case TypeId::kDayTimeInterval: return "tDu";
    case TypeId::kArray: return "+l";
    case TypeId::kStruct: return "+s";
    case TypeId::kMap: return "+m";
  }
  return "n";
}

// Metadata encoding: int32 count, then (int32 len, bytes) for each key and value.
std::string EncodeMetadata(const std::map<std::string, std::string>& md) {
  if (md.empty()) return {};
  std::string out;
  auto put32 = [&](int32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); };
  put32(static_cast<int32_t>(md.size()));
  for (const auto& [k, v] : md) {
    put32(static_cast<int32_t>(k.size()));
    out += k;
    put32(static_cast<int32_t>(v.size()));
    out += v;
  }
  return out;
}

std::map<std::string, std::string> DecodeMetadata(const char* md) {
  std::map<std::string, std::string> out;
  if (md == nullptr) return out;
  auto get32 = [&](const char*& p) { int32_t v; std::memcpy(&v, p, 4); p += 4; return v; };
  const char* p = md;
  int32_t n = get32(p);
  for (int32_t i = 0; i < n; ++i) {
    int32_t kl = get32(p);
    std::string k(p, kl);
    p += kl;
    int32_t vl = get32(p);
    std::string v(p, vl);
    p += vl;
    out[k] = v;
  }
  return out;
}

struct SchemaPrivate {
  std::string format, name, metadata;
  std::vector<ArrowSchema> child_storage;
  std::vector<ArrowSchema*> child_pointers;
};

void ReleaseSchema(ArrowSchema* s) {
  auto* priv = static_cast<SchemaPrivate*>(s->private_data);
  for (auto& c : priv->child_storage) if (c.release) c.release(&c);
  delete priv;
  s->release = nullptr;
}

void ExportType(const std::string& name, const DataType& type, bool nullable,
                const std::map<std::string, std::string>& metadata, ArrowSchema* out) {
  auto* priv = new SchemaPrivate();
  priv->format = FormatOf(type);
  priv->name = name;
  priv->metadata = EncodeMetadata(metadata);
  std::vector<Field> children = type.IsNested() ? type.fields() : std::vector<Field>{};
  if (type.id() == TypeId::kMap) {
    // Arrow's map child is a non-null struct "entries" of key and value.
    children = {Field("entries", DataType::Struct(type.fields()), false)};
  }
  priv->child_storage.resize(children.size());
  for (size_t i = 0; i < children.size(); ++i) {
    ExportType(children[i].name, *children[i].type, children[i].nullable, children[i].metadata, &priv->child_storage[i]);
    priv->child_pointers.push_back(&priv->child_storage[i]);
  }
  out->format = priv->format.c_str();
  out->name = priv->name.c_str();
  out->metadata = priv->metadata.empty() ? nullptr : priv->metadata.data();
  out->flags = nullable ? ARROW_FLAG_NULLABLE : 0;
  out->n_children = static_cast<int64_t>(children.size());
  out->children = priv->child_pointers.empty() ? nullptr : priv->child_pointers.data();
  out->dictionary = nullptr;
  out->release = ReleaseSchema;
  out->private_data = priv;
}

struct ArrayPrivate {
  ArrayPtr array;  // keeps the buffers alive
  std::vector<const void*> buffers;
  std::vector<ArrowArray> child_storage;
  std::vector<ArrowArray*> child_pointers;
};

void ReleaseArray(ArrowArray* a) {
  auto* priv = static_cast<ArrayPrivate*>(a->private_data);
  for (auto& c : priv->child_storage) if (c.release) c.release(&c);
  delete priv;
  a->release = nullptr;
}

void ExportArrayImpl(const ArrayPtr& array, ArrowArray* out) {
  auto* priv = new ArrayPrivate();
  priv->array = array;
  const auto& buffers = array->buffers();
  TypeId id = array->type_id();
  int64_t n_buffers = id == TypeId::kNull ? 0 : id == TypeId::kStruct ? 1 : array->type()->IsBinaryLike() ? 3 : 2;
  for (int64_t i = 0; i < n_buffers; ++i) {
    priv->buffers.push_back(i < static_cast<int64_t>(buffers.size()) && buffers[i] ? buffers[i]->data() : nullptr);
  }
  std::vector<ArrayPtr> children = array->children();
  priv->child_storage.resize(children.size());
  for (size_t i = 0; i < children.size(); ++i) {
    ExportArrayImpl(children[i], &priv->child_storage[i]);
    priv->child_pointers.push_back(&priv->child_storage[i]);
  }
  out->length = array->length();
  out->null_count = array->null_count();
  out->offset = 0;
  out->n_buffers = n_buffers;
  out->n_children = static_cast<int64_t>(children.size());
  out->buffers = priv->buffers.empty() ? nullptr : priv->buffers.data();
  out->children = priv->child_pointers.empty() ? nullptr : priv->child_pointers.data();
  out->dictionary = nullptr;
  out->release = ReleaseArray;
  out->private_data = priv;
}

[[noreturn]] void Unsupported(const std::string& format) {
  throw UserError("UNSUPPORTED_ARROWTYPE", "0A000", "Unsupported Arrow type with format '" + format + "'.");
}

DataTypePtr ImportType(const ArrowSchema& s) {
  std::string f = s.format ? s.format : "";
  if (s.dictionary != nullptr) Unsupported(f + " (dictionary-encoded)");
  if (f == "n") return DataType::Null();
  if (f == "b") return DataType::Boolean();
  if (f == "c") return DataType::Byte();
  if (f == "s") return DataType::Short();
  if (f == "i") return DataType::Int();
  if (f == "l") return DataType::Long();
  if (f == "f") return DataType::Float();
  if (f == "g") return DataType::Double();
  if (f == "u") return DataType::String();
  if (f == "z") return DataType::Binary();
  if (f == "tdD") return DataType::Date();
  if (f == "tiM") return DataType::YearMonthInterval();
  if (f == "tDu") return DataType::DayTimeInterval();
  if (f.rfind("tsu:", 0) == 0) return f.size() == 4 ? DataType::TimestampNtz() : DataType::Timestamp();
  if (f.rfind("d:", 0) == 0) {
    int p = 0, sc = 0, bits = 128;
    if (std::sscanf(f.c_str() + 2, "%d,%d,%d", &p, &sc, &bits) < 2 || bits != 128) Unsupported(f);
    return DataType::Decimal(p, sc);
  }
  auto child = [&](int64_t i) {
    if (i >= s.n_children || s.children == nullptr || s.children[i] == nullptr) Unsupported(f + " (missing child)");
    return ImportField(*s.children[i]);
  };
  if (f == "+l") {
    Field c = child(0);
    return DataType::Array(c.type, c.nullable);
  }
  if (f == "+s") {
    std::vector<Field> fields;
    for (int64_t i = 0; i < s.n_children; ++i) fields.push_back(child(i));
    return DataType::Struct(std::move(fields));
  }
  if (f == "+m") {
    Field entries = child(0);
    if (entries.type->id() != TypeId::kStruct || entries.type->fields().size() != 2) Unsupported(f);
    const auto& kv = entries.type->fields();
    return DataType::Map(kv[0].type, kv[1].type, kv[1].nullable);
  }
  Unsupported(f);
}

// Wraps an imported buffer; the shared owner releases the producer's array.
BufferPtr WrapBuffer(const void* p, int64_t size, const std::shared_ptr<void>& owner) {
  if (p == nullptr) return nullptr;
  return Buffer::Wrap(static_cast<const uint8_t*>(p), size, [owner] {});
}

ArrayPtr ImportImpl(const ArrowArray& a, const DataTypePtr& type, const std::shared_ptr<void>& owner) {
  int64_t n = a.length + a.offset;  // import the full extent; offset is applied by slicing below
  TypeId id = type->id();
  auto buf = [&](int64_t i) -> const void* {
    if (i >= a.n_buffers) throw UserError("INVALID_ARROW_DATA", "22000", "Arrow array of type " + type->ToString() + " has too few buffers.");
    return a.buffers[i];
  };
  std::vector<BufferPtr> buffers;
  std::vector<ArrayPtr> children;
  if (id == TypeId::kNull) {
    return MakeNullArray(type, a.length);
  }
  buffers.push_back(a.null_count == 0 ? nullptr : WrapBuffer(buf(0), bit_util::BytesForBits(n), owner));
  if (id == TypeId::kBoolean) {
    buffers.push_back(WrapBuffer(buf(1), bit_util::BytesForBits(n), owner));
  } else if (type->byte_width() > 0) {
    buffers.push_back(WrapBuffer(buf(1), n * type->byte_width(), owner));
  } else if (type->IsBinaryLike()) {
    const int32_t* off = static_cast<const int32_t*>(buf(1));
    buffers.push_back(WrapBuffer(off, (n + 1) * 4, owner));
    buffers.push_back(WrapBuffer(buf(2) ? buf(2) : "", n > 0 ? off[n] : 0, owner));
  } else if (id == TypeId::kArray || id == TypeId::kMap) {
    const int32_t* off = static_cast<const int32_t*>(buf(1));
    buffers.push_back(WrapBuffer(off, (n + 1) * 4, owner));
    DataTypePtr child_type = id == TypeId::kArray ? type->element_type() : DataType::Struct(type->fields());
    if (a.n_children < 1) throw UserError("INVALID_ARROW_DATA", "22000", "Arrow list array without a child.");
    ArrayPtr child = ImportImpl(*a.children[0], child_type, owner);
    // Lists whose offsets do not start at 0 are rebased by a copy.
    if (n > 0 && off[0] != 0) {
      std::vector<int32_t> idx;
      for (int32_t j = off[0]; j < off[n]; ++j) idx.push_back(j);
      child = Take(child, idx);
      auto rebased = Buffer::Allocate((n + 1) * 4);
      for (int64_t i = 0; i <= n; ++i) rebased->mutable_data_as<int32_t>()[i] = off[i] - off[0];
      buffers[1] = rebased;
    }
    children.push_back(child);
  } else if (id == TypeId::kStruct) {
    for (size_t i = 0; i < type->fields().size(); ++i) {
      ArrayPtr c = ImportImpl(*a.children[i], type->fields()[i].type, owner);
      children.push_back(c->length() == n ? c : Slice(c, 0, n));
    }
  }
  if (type->IsBinaryLike() && n > 0 && static_cast<const int32_t*>(buf(1))[0] != 0) {
    // Rebase string offsets by copying through Take on an offset-0 view.
    const int32_t* off = static_cast<const int32_t*>(buf(1));
    BinaryBuilder b(type);
    const char* data = static_cast<const char*>(buf(2));
    for (int64_t i = 0; i < n; ++i) {
      bool valid = a.null_count == 0 || bit_util::GetBit(static_cast<const uint8_t*>(buf(0)), i);
      valid ? b.Append(std::string_view(data + off[i], off[i + 1] - off[i])) : b.AppendNull();
    }
    ArrayPtr full = b.Finish();
    return a.offset ? Slice(full, a.offset, a.length) : full;
  }
  auto full = std::make_shared<const Array>(type, n, std::move(buffers), std::move(children));
  return a.offset ? Slice(full, a.offset, a.length) : full;
}

}  // namespace

void ExportField(const Field& field, ArrowSchema* out) {
  ExportType(field.name, *field.type, field.nullable, field.metadata, out);
}

void ExportSchema(const Schema& schema, ArrowSchema* out) {
  ExportType("", *schema.AsStruct(), false, schema.metadata(), out);
}

void ExportArray(const ArrayPtr& array, ArrowArray* out) { ExportArrayImpl(array, out); }

void ExportRecordBatch(const RecordBatchPtr& batch, ArrowArray* out) {
  auto as_struct = std::make_shared<const Array>(batch->schema()->AsStruct(), batch->num_rows(),
                                                 std::vector<BufferPtr>{nullptr}, batch->columns(), 0);
  ExportArrayImpl(as_struct, out);
}

Field ImportField(const ArrowSchema& schema) {
  return Field(schema.name ? schema.name : "", ImportType(schema), (schema.flags & ARROW_FLAG_NULLABLE) != 0,
               DecodeMetadata(schema.metadata));
}

SchemaPtr ImportSchema(const ArrowSchema& schema) {
  Field f = ImportField(schema);
  if (f.type->id() != TypeId::kStruct) {
    throw UserError("INVALID_ARROW_DATA", "22000", "An Arrow schema for a record batch must be a struct, got " + std::string(schema.format) + ".");
  }
  return std::make_shared<Schema>(f.type->fields(), f.metadata);
}

ArrayPtr ImportArray(ArrowArray* array, const DataTypePtr& type) {
  LS_CHECK(array != nullptr && array->release != nullptr);
  // Move the producer's struct into shared ownership; released with the last buffer.
  auto moved = std::shared_ptr<ArrowArray>(new ArrowArray(*array), [](ArrowArray* a) {
    if (a->release) a->release(a);
    delete a;
  });
  array->release = nullptr;
  return ImportImpl(*moved, type, std::static_pointer_cast<void>(moved));
}

RecordBatchPtr ImportRecordBatch(ArrowArray* array, const SchemaPtr& schema) {
  ArrayPtr as_struct = ImportArray(array, schema->AsStruct());
  return std::make_shared<RecordBatch>(schema, as_struct->children(), as_struct->length());
}

}  // namespace lakestream
