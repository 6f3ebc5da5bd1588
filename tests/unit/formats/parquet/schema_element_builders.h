// Hand-built Parquet schema elements for tests of the reader's schema
// conversion and record assembly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "formats/parquet/metadata.h"

namespace lakestream::parquet {

inline SchemaElement Group(const std::string& name, int children, std::optional<Repetition> rep = Repetition::kOptional,
                    std::optional<ConvertedType> converted = std::nullopt) {
  SchemaElement e;
  e.name = name;
  e.num_children = children;
  e.repetition_type = rep;
  e.converted_type = converted;
  return e;
}

inline SchemaElement Leaf(const std::string& name, PhysicalType type, Repetition rep = Repetition::kOptional) {
  SchemaElement e;
  e.name = name;
  e.type = type;
  e.repetition_type = rep;
  return e;
}

inline SchemaElement WithConverted(SchemaElement e, ConvertedType c) {
  e.converted_type = c;
  return e;
}

inline SchemaElement WithLogical(SchemaElement e, LogicalType t) {
  e.logical_type = t;
  return e;
}

// A file schema whose root holds `fields` (listed depth-first).
inline FileMetaData Meta(std::vector<SchemaElement> fields) {
  int top = 0;
  size_t i = 0;
  auto skip_subtree = [&](auto& self) -> void {
    const SchemaElement& e = fields[i++];
    int children = e.type ? 0 : e.num_children.value_or(0);
    for (int k = 0; k < children && i < fields.size(); ++k) self(self);
  };
  while (i < fields.size()) skip_subtree(skip_subtree), ++top;
  FileMetaData m;
  SchemaElement root;
  root.name = "schema";
  root.num_children = top;
  m.schema.push_back(root);
  for (auto& f : fields) m.schema.push_back(std::move(f));
  return m;
}

inline LogicalType Logical(LogicalType::Kind kind) {
  LogicalType t;
  t.kind = kind;
  return t;
}

}  // namespace lakestream::parquet
