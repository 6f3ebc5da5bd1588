// Encoders for the metadata.h structs: fields in ascending id order, optional
// fields only when set, so that the decoders in metadata_decode.cc read back
// exactly the struct that was written.
#include <string>

#include "columnar/check.h"
#include "formats/parquet/metadata.h"
#include "formats/parquet/thrift_compact.h"

namespace lakestream::parquet {
namespace {

int32_t Ordinal(auto e) { return static_cast<int32_t>(e); }

void WriteOptionalI32(CompactWriter& w, int16_t id, const std::optional<int32_t>& v) {
  if (v) w.WriteFieldI32(id, *v);
}

void WriteOptionalI64(CompactWriter& w, int16_t id, const std::optional<int64_t>& v) {
  if (v) w.WriteFieldI64(id, *v);
}

void WriteOptionalBinary(CompactWriter& w, int16_t id, const std::optional<std::string>& v) {
  if (v) w.WriteFieldBinary(id, *v);
}

// A union field holding the empty struct `member`, or no member at all when
// member is 0: how this writer passes on a member it did not recognise.
void WriteEmptyUnionField(CompactWriter& w, int16_t id, int16_t member) {
  w.WriteFieldStructBegin(id);
  if (member != 0) {
    w.WriteFieldStructBegin(member);
    w.EndStruct();
  }
  w.EndStruct();
}

void WriteStatistics(CompactWriter& w, int16_t id, const Statistics& s) {
  w.WriteFieldStructBegin(id);
  WriteOptionalBinary(w, 1, s.max);
  WriteOptionalBinary(w, 2, s.min);
  WriteOptionalI64(w, 3, s.null_count);
  WriteOptionalI64(w, 4, s.distinct_count);
  WriteOptionalBinary(w, 5, s.max_value);
  WriteOptionalBinary(w, 6, s.min_value);
  if (s.is_max_value_exact) w.WriteFieldBool(7, *s.is_max_value_exact);
  if (s.is_min_value_exact) w.WriteFieldBool(8, *s.is_min_value_exact);
  w.EndStruct();
}

int16_t TimeUnitMember(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMillis: return 1;
    case TimeUnit::kMicros: return 2;
    case TimeUnit::kNanos: return 3;
  }
  LS_CHECK(false);
  return 0;
}

// The union member of a logical type whose struct carries no fields we keep;
// 0 for kUnrecognized, which is written back as an empty union.
int16_t FieldlessLogicalTypeMember(LogicalType::Kind kind) {
  using Kind = LogicalType::Kind;
  switch (kind) {
    case Kind::kString: return 1;
    case Kind::kMap: return 2;
    case Kind::kList: return 3;
    case Kind::kEnum: return 4;
    case Kind::kDate: return 6;
    case Kind::kUnknown: return 11;
    case Kind::kJson: return 12;
    case Kind::kBson: return 13;
    case Kind::kUuid: return 14;
    case Kind::kFloat16: return 15;
    case Kind::kVariant: return 16;
    case Kind::kGeometry: return 17;
    case Kind::kGeography: return 18;
    default: return 0;
  }
}

void WriteLogicalType(CompactWriter& w, const LogicalType& lt) {
  using Kind = LogicalType::Kind;
  // An engaged logical_type must say what it is: kNone means leave it unset.
  LS_CHECK(lt.kind != Kind::kNone);
  switch (lt.kind) {
    case Kind::kDecimal:
      w.WriteFieldStructBegin(10);
      w.WriteFieldStructBegin(5);
      w.WriteFieldI32(1, lt.decimal_scale);
      w.WriteFieldI32(2, lt.decimal_precision);
      break;
    case Kind::kTime:
    case Kind::kTimestamp:
      w.WriteFieldStructBegin(10);
      w.WriteFieldStructBegin(lt.kind == Kind::kTime ? 7 : 8);
      w.WriteFieldBool(1, lt.is_adjusted_to_utc);
      WriteEmptyUnionField(w, 2, TimeUnitMember(lt.unit));
      break;
    case Kind::kInteger:
      w.WriteFieldStructBegin(10);
      w.WriteFieldStructBegin(10);
      w.WriteFieldByte(1, lt.bit_width);
      w.WriteFieldBool(2, lt.is_signed);
      break;
    default: return WriteEmptyUnionField(w, 10, FieldlessLogicalTypeMember(lt.kind));
  }
  w.EndStruct();  // the member
  w.EndStruct();  // the union
}

void WriteSchemaElement(CompactWriter& w, const SchemaElement& e) {
  w.BeginStruct();
  if (e.type) w.WriteFieldI32(1, Ordinal(*e.type));
  WriteOptionalI32(w, 2, e.type_length);
  if (e.repetition_type) w.WriteFieldI32(3, Ordinal(*e.repetition_type));
  w.WriteFieldBinary(4, e.name);
  WriteOptionalI32(w, 5, e.num_children);
  if (e.converted_type) w.WriteFieldI32(6, Ordinal(*e.converted_type));
  WriteOptionalI32(w, 7, e.scale);
  WriteOptionalI32(w, 8, e.precision);
  WriteOptionalI32(w, 9, e.field_id);
  if (e.logical_type) WriteLogicalType(w, *e.logical_type);
  w.EndStruct();
}

// Thrift list counts are i32; a longer list cannot be encoded at all.
int32_t ListCount(size_t size) {
  LS_CHECK_LE(size, static_cast<size_t>(INT32_MAX));
  return static_cast<int32_t>(size);
}

void WriteKeyValueList(CompactWriter& w, int16_t id, const std::vector<KeyValue>& list) {
  w.WriteFieldListBegin(id, ThriftType::kStruct, ListCount(list.size()));
  for (const KeyValue& kv : list) {
    w.BeginStruct();
    w.WriteFieldBinary(1, kv.key);
    WriteOptionalBinary(w, 2, kv.value);
    w.EndStruct();
  }
}

void WriteColumnMetaData(CompactWriter& w, const ColumnMetaData& m) {
  w.WriteFieldStructBegin(3);
  w.WriteFieldI32(1, Ordinal(m.type));
  w.WriteFieldListBegin(2, ThriftType::kI32, ListCount(m.encodings.size()));
  for (Encoding e : m.encodings) w.WriteI32Element(Ordinal(e));
  w.WriteFieldListBegin(3, ThriftType::kBinary, ListCount(m.path_in_schema.size()));
  for (const std::string& part : m.path_in_schema) w.WriteBinaryElement(part);
  w.WriteFieldI32(4, Ordinal(m.codec));
  w.WriteFieldI64(5, m.num_values);
  w.WriteFieldI64(6, m.total_uncompressed_size);
  w.WriteFieldI64(7, m.total_compressed_size);
  if (!m.key_value_metadata.empty()) WriteKeyValueList(w, 8, m.key_value_metadata);
  w.WriteFieldI64(9, m.data_page_offset);
  WriteOptionalI64(w, 10, m.index_page_offset);
  WriteOptionalI64(w, 11, m.dictionary_page_offset);
  if (m.statistics) WriteStatistics(w, 12, *m.statistics);
  if (!m.encoding_stats.empty()) {
    w.WriteFieldListBegin(13, ThriftType::kStruct, ListCount(m.encoding_stats.size()));
    for (const PageEncodingStats& s : m.encoding_stats) {
      w.BeginStruct();
      w.WriteFieldI32(1, Ordinal(s.page_type));
      w.WriteFieldI32(2, Ordinal(s.encoding));
      w.WriteFieldI32(3, s.count);
      w.EndStruct();
    }
  }
  WriteOptionalI64(w, 14, m.bloom_filter_offset);
  WriteOptionalI32(w, 15, m.bloom_filter_length);
  w.EndStruct();
}

void WriteColumnChunk(CompactWriter& w, const ColumnChunk& c) {
  // The crypto fields are only flags here; writing them back would claim an
  // encryption this writer cannot provide.
  if (c.has_crypto_metadata || c.has_encrypted_column_metadata) {
    throw ParquetUnsupportedError("encryption (writing encrypted columns)");
  }
  w.BeginStruct();
  WriteOptionalBinary(w, 1, c.file_path);
  w.WriteFieldI64(2, c.file_offset);
  if (c.meta_data) WriteColumnMetaData(w, *c.meta_data);
  WriteOptionalI64(w, 4, c.offset_index_offset);
  WriteOptionalI32(w, 5, c.offset_index_length);
  WriteOptionalI64(w, 6, c.column_index_offset);
  WriteOptionalI32(w, 7, c.column_index_length);
  w.EndStruct();
}

void WriteRowGroup(CompactWriter& w, const RowGroup& g) {
  w.BeginStruct();
  w.WriteFieldListBegin(1, ThriftType::kStruct, ListCount(g.columns.size()));
  for (const ColumnChunk& c : g.columns) WriteColumnChunk(w, c);
  w.WriteFieldI64(2, g.total_byte_size);
  w.WriteFieldI64(3, g.num_rows);
  if (!g.sorting_columns.empty()) {
    w.WriteFieldListBegin(4, ThriftType::kStruct, ListCount(g.sorting_columns.size()));
    for (const SortingColumn& s : g.sorting_columns) {
      w.BeginStruct();
      w.WriteFieldI32(1, s.column_idx);
      w.WriteFieldBool(2, s.descending);
      w.WriteFieldBool(3, s.nulls_first);
      w.EndStruct();
    }
  }
  WriteOptionalI64(w, 5, g.file_offset);
  WriteOptionalI64(w, 6, g.total_compressed_size);
  if (g.ordinal) w.WriteFieldI16(7, *g.ordinal);
  w.EndStruct();
}

}  // namespace

std::string EncodeFileMetaData(const FileMetaData& f) {
  if (f.has_encryption_algorithm) throw ParquetUnsupportedError("encryption (writing encrypted files)");
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI32(1, f.version);
  w.WriteFieldListBegin(2, ThriftType::kStruct, ListCount(f.schema.size()));
  for (const SchemaElement& e : f.schema) WriteSchemaElement(w, e);
  w.WriteFieldI64(3, f.num_rows);
  w.WriteFieldListBegin(4, ThriftType::kStruct, ListCount(f.row_groups.size()));
  for (const RowGroup& g : f.row_groups) WriteRowGroup(w, g);
  if (!f.key_value_metadata.empty()) WriteKeyValueList(w, 5, f.key_value_metadata);
  WriteOptionalBinary(w, 6, f.created_by);
  if (!f.column_orders.empty()) {
    w.WriteFieldListBegin(7, ThriftType::kStruct, ListCount(f.column_orders.size()));
    for (const ColumnOrder& o : f.column_orders) {
      w.BeginStruct();
      if (o.type_defined) {
        w.WriteFieldStructBegin(1);
        w.EndStruct();
      }
      w.EndStruct();
    }
  }
  w.EndStruct();
  return w.Release();
}

std::string EncodePageHeader(const PageHeader& h) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI32(1, Ordinal(h.type));
  w.WriteFieldI32(2, h.uncompressed_page_size);
  w.WriteFieldI32(3, h.compressed_page_size);
  WriteOptionalI32(w, 4, h.crc);
  if (const auto& d = h.data_page_header) {
    w.WriteFieldStructBegin(5);
    w.WriteFieldI32(1, d->num_values);
    w.WriteFieldI32(2, Ordinal(d->encoding));
    w.WriteFieldI32(3, Ordinal(d->definition_level_encoding));
    w.WriteFieldI32(4, Ordinal(d->repetition_level_encoding));
    if (d->statistics) WriteStatistics(w, 5, *d->statistics);
    w.EndStruct();
  }
  if (const auto& d = h.dictionary_page_header) {
    w.WriteFieldStructBegin(7);
    w.WriteFieldI32(1, d->num_values);
    w.WriteFieldI32(2, Ordinal(d->encoding));
    if (d->is_sorted) w.WriteFieldBool(3, *d->is_sorted);
    w.EndStruct();
  }
  if (const auto& d = h.data_page_header_v2) {
    w.WriteFieldStructBegin(8);
    w.WriteFieldI32(1, d->num_values);
    w.WriteFieldI32(2, d->num_nulls);
    w.WriteFieldI32(3, d->num_rows);
    w.WriteFieldI32(4, Ordinal(d->encoding));
    w.WriteFieldI32(5, d->definition_levels_byte_length);
    w.WriteFieldI32(6, d->repetition_levels_byte_length);
    w.WriteFieldBool(7, d->is_compressed);
    if (d->statistics) WriteStatistics(w, 8, *d->statistics);
    w.EndStruct();
  }
  w.EndStruct();
  return w.Release();
}

std::string EncodeColumnIndex(const ColumnIndex& c) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldListBegin(1, ThriftType::kBoolTrue, ListCount(c.null_pages.size()));
  for (bool null_page : c.null_pages) w.WriteBoolElement(null_page);
  w.WriteFieldListBegin(2, ThriftType::kBinary, ListCount(c.min_values.size()));
  for (const std::string& v : c.min_values) w.WriteBinaryElement(v);
  w.WriteFieldListBegin(3, ThriftType::kBinary, ListCount(c.max_values.size()));
  for (const std::string& v : c.max_values) w.WriteBinaryElement(v);
  w.WriteFieldI32(4, Ordinal(c.boundary_order));
  if (!c.null_counts.empty()) {
    w.WriteFieldListBegin(5, ThriftType::kI64, ListCount(c.null_counts.size()));
    for (int64_t n : c.null_counts) w.WriteI64Element(n);
  }
  w.EndStruct();
  return w.Release();
}

std::string EncodeOffsetIndex(const OffsetIndex& o) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldListBegin(1, ThriftType::kStruct, ListCount(o.page_locations.size()));
  for (const PageLocation& p : o.page_locations) {
    w.BeginStruct();
    w.WriteFieldI64(1, p.offset);
    w.WriteFieldI32(2, p.compressed_page_size);
    w.WriteFieldI64(3, p.first_row_index);
    w.EndStruct();
  }
  w.EndStruct();
  return w.Release();
}

std::string EncodeBloomFilterHeader(const BloomFilterHeader& h) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI32(1, h.num_bytes);
  WriteEmptyUnionField(w, 2, h.algorithm_block ? 1 : 0);
  WriteEmptyUnionField(w, 3, h.hash_xxhash ? 1 : 0);
  WriteEmptyUnionField(w, 4, h.uncompressed ? 1 : 0);
  w.EndStruct();
  return w.Release();
}

}  // namespace lakestream::parquet
