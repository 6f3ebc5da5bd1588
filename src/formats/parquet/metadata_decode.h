// Building blocks shared by the metadata decoders: metadata_decode.cc (the
// file footer) and page_metadata_decode.cc (page headers, page indexes, bloom
// filter headers). Each Read* consumes one value or struct from `r`.
//
// As in generated Thrift code, a field whose wire type differs from the
// specification is skipped (Accept* return false), so a required one then
// fails as missing. Enum values outside the specification and missing
// required fields are corruption.
#pragma once

#include <cstdint>
#include <string>

#include "formats/parquet/metadata.h"
#include "formats/parquet/thrift_compact.h"

namespace lakestream::parquet::metadata_decode {

// True when the field has the expected wire type; otherwise skips its value.
bool Accept(CompactReader& r, ThriftType actual, ThriftType expected);
bool AcceptBool(CompactReader& r, ThriftType actual);
// Fails naming `field` when a required field was not present.
void Require(const CompactReader& r, bool present, const char* field);

int32_t ReadNonNegativeI32(CompactReader& r, const char* field);
int64_t ReadNonNegativeI64(CompactReader& r, const char* field);

// An i32-encoded enum whose valid values are 0..max_value.
template <typename E>
E ReadEnum(CompactReader& r, int32_t max_value, const char* name) {
  int32_t v = r.ReadI32();
  if (v < 0 || v > max_value) r.Fail("invalid " + std::string(name) + " " + std::to_string(v));
  return static_cast<E>(v);
}

Encoding ReadEncoding(CompactReader& r);
PageType ReadPageType(CompactReader& r);

// Reads a list header, checks the element type, and calls read_element once
// per element.
template <typename F>
void ReadList(CompactReader& r, ThriftType expected, const char* field, F&& read_element) {
  ThriftType element_type;
  int32_t count;
  r.ReadListHeader(&element_type, &count);
  if (count > 0 && element_type != expected) r.Fail("unexpected element type in " + std::string(field));
  for (int32_t i = 0; i < count; ++i) read_element();
}

// Iterates the fields of one struct, handing each (id, wire type) to
// on_field, which must consume or skip the value.
template <typename F>
void ReadStruct(CompactReader& r, F&& on_field) {
  r.BeginStruct();
  int16_t id;
  ThriftType type;
  while (r.ReadFieldHeader(&id, &type)) on_field(id, type);
  r.EndStruct();
}

// Reads a union whose members carry nothing we use and returns the member's
// id (0 when empty), skipping its content; more than one member is corrupt.
int16_t ReadUnionMember(CompactReader& r, const char* name);

Statistics ReadStatistics(CompactReader& r);

}  // namespace lakestream::parquet::metadata_decode
