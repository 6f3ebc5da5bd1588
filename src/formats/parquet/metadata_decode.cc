// The footer decoder (FileMetaData and everything inside it), plus the
// building blocks declared in metadata_decode.h.
#include "formats/parquet/metadata_decode.h"

#include <string>
#include <utility>

namespace lakestream::parquet {
namespace metadata_decode {

bool Accept(CompactReader& r, ThriftType actual, ThriftType expected) {
  if (actual == expected) return true;
  r.Skip(actual);
  return false;
}

bool AcceptBool(CompactReader& r, ThriftType actual) {
  if (actual == ThriftType::kBoolTrue || actual == ThriftType::kBoolFalse) return true;
  r.Skip(actual);
  return false;
}

void Require(const CompactReader& r, bool present, const char* field) {
  if (!present) r.Fail("required field " + std::string(field) + " is missing");
}

int32_t ReadNonNegativeI32(CompactReader& r, const char* field) {
  int32_t v = r.ReadI32();
  if (v < 0) r.Fail(std::string(field) + " is negative (" + std::to_string(v) + ")");
  return v;
}

int64_t ReadNonNegativeI64(CompactReader& r, const char* field) {
  int64_t v = r.ReadI64();
  if (v < 0) r.Fail(std::string(field) + " is negative (" + std::to_string(v) + ")");
  return v;
}

Encoding ReadEncoding(CompactReader& r) {
  int32_t v = r.ReadI32();
  // 1 was GROUP_VAR_INT, never written by any released writer.
  if (v < 0 || v == 1 || v > static_cast<int32_t>(Encoding::kByteStreamSplit)) {
    r.Fail("invalid encoding " + std::to_string(v));
  }
  return static_cast<Encoding>(v);
}

PageType ReadPageType(CompactReader& r) {
  return ReadEnum<PageType>(r, static_cast<int32_t>(PageType::kDataPageV2), "page type");
}

int16_t ReadUnionMember(CompactReader& r, const char* name) {
  int16_t member = 0;
  ReadStruct(r, [&](int16_t id, ThriftType type) {
    if (member != 0) r.Fail(std::string(name) + " union has more than one member");
    member = id;
    r.Skip(type);
  });
  return member;
}

Statistics ReadStatistics(CompactReader& r) {
  Statistics s;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kBinary)) s.max = r.ReadBinary();
        break;
      case 2:
        if (Accept(r, t, ThriftType::kBinary)) s.min = r.ReadBinary();
        break;
      case 3:
        if (Accept(r, t, ThriftType::kI64)) s.null_count = ReadNonNegativeI64(r, "null_count");
        break;
      case 4:
        if (Accept(r, t, ThriftType::kI64)) s.distinct_count = r.ReadI64();
        break;
      case 5:
        if (Accept(r, t, ThriftType::kBinary)) s.max_value = r.ReadBinary();
        break;
      case 6:
        if (Accept(r, t, ThriftType::kBinary)) s.min_value = r.ReadBinary();
        break;
      case 7:
        if (AcceptBool(r, t)) s.is_max_value_exact = r.ReadBool(t);
        break;
      case 8:
        if (AcceptBool(r, t)) s.is_min_value_exact = r.ReadBool(t);
        break;
      default: r.Skip(t);
    }
  });
  return s;
}

}  // namespace metadata_decode

namespace {

using namespace metadata_decode;

PhysicalType ReadPhysicalType(CompactReader& r) {
  return ReadEnum<PhysicalType>(r, static_cast<int32_t>(PhysicalType::kFixedLenByteArray), "physical type");
}

Codec ReadCodec(CompactReader& r) {
  int32_t v = r.ReadI32();
  if (v < 0) r.Fail("invalid compression codec " + std::to_string(v));
  // A codec added to the specification after this reader is a valid file we
  // cannot read, not a corrupt one.
  if (v > static_cast<int32_t>(Codec::kLz4Raw)) {
    throw ParquetUnsupportedError("compression codec " + std::to_string(v));
  }
  return static_cast<Codec>(v);
}

// TimeType and TimestampType share their layout. Returns false when the time
// unit is a union member this reader does not know.
bool ReadTimeFields(CompactReader& r, LogicalType* lt) {
  bool has_utc = false, has_unit = false, known_unit = true;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && AcceptBool(r, t)) {
      lt->is_adjusted_to_utc = r.ReadBool(t);
      has_utc = true;
    } else if (id == 2 && Accept(r, t, ThriftType::kStruct)) {
      has_unit = true;
      switch (ReadUnionMember(r, "TimeUnit")) {
        case 1: lt->unit = TimeUnit::kMillis; break;
        case 2: lt->unit = TimeUnit::kMicros; break;
        case 3: lt->unit = TimeUnit::kNanos; break;
        default: known_unit = false;
      }
    } else if (id != 1 && id != 2) {
      r.Skip(t);
    }
  });
  Require(r, has_utc, "isAdjustedToUTC");
  Require(r, has_unit, "unit");
  return known_unit;
}

void ReadDecimalFields(CompactReader& r, LogicalType* lt) {
  bool has_scale = false, has_precision = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && Accept(r, t, ThriftType::kI32)) {
      lt->decimal_scale = r.ReadI32();
      has_scale = true;
    } else if (id == 2 && Accept(r, t, ThriftType::kI32)) {
      lt->decimal_precision = r.ReadI32();
      has_precision = true;
    } else if (id != 1 && id != 2) {
      r.Skip(t);
    }
  });
  Require(r, has_scale, "DecimalType.scale");
  Require(r, has_precision, "DecimalType.precision");
}

void ReadIntFields(CompactReader& r, LogicalType* lt) {
  bool has_width = false, has_signed = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && Accept(r, t, ThriftType::kByte)) {
      lt->bit_width = r.ReadByte();
      if (lt->bit_width != 8 && lt->bit_width != 16 && lt->bit_width != 32 && lt->bit_width != 64) {
        r.Fail("invalid IntType bitWidth " + std::to_string(lt->bit_width));
      }
      has_width = true;
    } else if (id == 2 && AcceptBool(r, t)) {
      lt->is_signed = r.ReadBool(t);
      has_signed = true;
    } else if (id != 1 && id != 2) {
      r.Skip(t);
    }
  });
  Require(r, has_width, "IntType.bitWidth");
  Require(r, has_signed, "IntType.isSigned");
}

LogicalType ReadLogicalType(CompactReader& r) {
  using Kind = LogicalType::Kind;
  LogicalType lt;
  lt.kind = Kind::kUnrecognized;  // an empty union tells us nothing either
  bool seen = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (seen) r.Fail("LogicalType union has more than one member");
    seen = true;
    if (t != ThriftType::kStruct) {
      r.Skip(t);
      return;
    }
    switch (id) {
      case 5:
        lt.kind = Kind::kDecimal;
        ReadDecimalFields(r, &lt);
        return;
      case 7: lt.kind = ReadTimeFields(r, &lt) ? Kind::kTime : Kind::kUnrecognized; return;
      case 8: lt.kind = ReadTimeFields(r, &lt) ? Kind::kTimestamp : Kind::kUnrecognized; return;
      case 10:
        lt.kind = Kind::kInteger;
        ReadIntFields(r, &lt);
        return;
      case 1: lt.kind = Kind::kString; break;
      case 2: lt.kind = Kind::kMap; break;
      case 3: lt.kind = Kind::kList; break;
      case 4: lt.kind = Kind::kEnum; break;
      case 6: lt.kind = Kind::kDate; break;
      case 11: lt.kind = Kind::kUnknown; break;
      case 12: lt.kind = Kind::kJson; break;
      case 13: lt.kind = Kind::kBson; break;
      case 14: lt.kind = Kind::kUuid; break;
      case 15: lt.kind = Kind::kFloat16; break;
      case 16: lt.kind = Kind::kVariant; break;
      case 17: lt.kind = Kind::kGeometry; break;
      case 18: lt.kind = Kind::kGeography; break;
      default: break;  // a newer member: kUnrecognized
    }
    // The remaining members carry no fields we use (VARIANT's version,
    // GEOMETRY/GEOGRAPHY's crs and algorithm).
    r.Skip(t);
  });
  return lt;
}

SchemaElement ReadSchemaElement(CompactReader& r) {
  SchemaElement e;
  bool has_name = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kI32)) e.type = ReadPhysicalType(r);
        break;
      case 2:
        if (Accept(r, t, ThriftType::kI32)) e.type_length = ReadNonNegativeI32(r, "type_length");
        break;
      case 3:
        if (Accept(r, t, ThriftType::kI32)) {
          e.repetition_type =
              ReadEnum<Repetition>(r, static_cast<int32_t>(Repetition::kRepeated), "repetition type");
        }
        break;
      case 4:
        if (Accept(r, t, ThriftType::kBinary)) {
          e.name = r.ReadBinary();
          has_name = true;
        }
        break;
      case 5:
        if (Accept(r, t, ThriftType::kI32)) e.num_children = ReadNonNegativeI32(r, "num_children");
        break;
      case 6:
        if (Accept(r, t, ThriftType::kI32)) {
          e.converted_type =
              ReadEnum<ConvertedType>(r, static_cast<int32_t>(ConvertedType::kInterval), "converted type");
        }
        break;
      case 7:
        if (Accept(r, t, ThriftType::kI32)) e.scale = r.ReadI32();
        break;
      case 8:
        if (Accept(r, t, ThriftType::kI32)) e.precision = r.ReadI32();
        break;
      case 9:
        if (Accept(r, t, ThriftType::kI32)) e.field_id = r.ReadI32();
        break;
      case 10:
        if (Accept(r, t, ThriftType::kStruct)) e.logical_type = ReadLogicalType(r);
        break;
      default: r.Skip(t);
    }
  });
  Require(r, has_name, "SchemaElement.name");
  return e;
}

KeyValue ReadKeyValue(CompactReader& r) {
  KeyValue kv;
  bool has_key = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && Accept(r, t, ThriftType::kBinary)) {
      kv.key = r.ReadBinary();
      has_key = true;
    } else if (id == 2 && Accept(r, t, ThriftType::kBinary)) {
      kv.value = r.ReadBinary();
    } else if (id != 1 && id != 2) {
      r.Skip(t);
    }
  });
  Require(r, has_key, "KeyValue.key");
  return kv;
}

std::vector<KeyValue> ReadKeyValueList(CompactReader& r) {
  std::vector<KeyValue> list;
  ReadList(r, ThriftType::kStruct, "key_value_metadata", [&] { list.push_back(ReadKeyValue(r)); });
  return list;
}

PageEncodingStats ReadPageEncodingStats(CompactReader& r) {
  PageEncodingStats s;
  bool has_type = false, has_encoding = false, has_count = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && Accept(r, t, ThriftType::kI32)) {
      s.page_type = ReadPageType(r);
      has_type = true;
    } else if (id == 2 && Accept(r, t, ThriftType::kI32)) {
      s.encoding = ReadEncoding(r);
      has_encoding = true;
    } else if (id == 3 && Accept(r, t, ThriftType::kI32)) {
      s.count = ReadNonNegativeI32(r, "PageEncodingStats.count");
      has_count = true;
    } else if (id < 1 || id > 3) {
      r.Skip(t);
    }
  });
  Require(r, has_type, "PageEncodingStats.page_type");
  Require(r, has_encoding, "PageEncodingStats.encoding");
  Require(r, has_count, "PageEncodingStats.count");
  return s;
}

ColumnMetaData ReadColumnMetaData(CompactReader& r) {
  ColumnMetaData m;
  // Bit i set once required field i was read.
  unsigned seen = 0;
  auto mark = [&](int id) { seen |= 1u << id; };
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kI32)) {
          m.type = ReadPhysicalType(r);
          mark(1);
        }
        break;
      case 2:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kI32, "encodings", [&] { m.encodings.push_back(ReadEncoding(r)); });
          mark(2);
        }
        break;
      case 3:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kBinary, "path_in_schema",
                   [&] { m.path_in_schema.push_back(r.ReadBinary()); });
          mark(3);
        }
        break;
      case 4:
        if (Accept(r, t, ThriftType::kI32)) {
          m.codec = ReadCodec(r);
          mark(4);
        }
        break;
      case 5:
        if (Accept(r, t, ThriftType::kI64)) {
          m.num_values = ReadNonNegativeI64(r, "num_values");
          mark(5);
        }
        break;
      case 6:
        if (Accept(r, t, ThriftType::kI64)) {
          m.total_uncompressed_size = ReadNonNegativeI64(r, "total_uncompressed_size");
          mark(6);
        }
        break;
      case 7:
        if (Accept(r, t, ThriftType::kI64)) {
          m.total_compressed_size = ReadNonNegativeI64(r, "total_compressed_size");
          mark(7);
        }
        break;
      case 8:
        if (Accept(r, t, ThriftType::kList)) m.key_value_metadata = ReadKeyValueList(r);
        break;
      case 9:
        if (Accept(r, t, ThriftType::kI64)) {
          m.data_page_offset = ReadNonNegativeI64(r, "data_page_offset");
          mark(9);
        }
        break;
      case 10:
        if (Accept(r, t, ThriftType::kI64)) m.index_page_offset = r.ReadI64();
        break;
      case 11:
        if (Accept(r, t, ThriftType::kI64)) m.dictionary_page_offset = r.ReadI64();
        break;
      case 12:
        if (Accept(r, t, ThriftType::kStruct)) m.statistics = ReadStatistics(r);
        break;
      case 13:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kStruct, "encoding_stats",
                   [&] { m.encoding_stats.push_back(ReadPageEncodingStats(r)); });
        }
        break;
      case 14:
        if (Accept(r, t, ThriftType::kI64)) m.bloom_filter_offset = r.ReadI64();
        break;
      case 15:
        if (Accept(r, t, ThriftType::kI32)) m.bloom_filter_length = r.ReadI32();
        break;
      default: r.Skip(t);
    }
  });
  static constexpr std::pair<int, const char*> kRequired[] = {{1, "ColumnMetaData.type"},
                                                              {2, "ColumnMetaData.encodings"},
                                                              {3, "ColumnMetaData.path_in_schema"},
                                                              {4, "ColumnMetaData.codec"},
                                                              {5, "ColumnMetaData.num_values"},
                                                              {6, "ColumnMetaData.total_uncompressed_size"},
                                                              {7, "ColumnMetaData.total_compressed_size"},
                                                              {9, "ColumnMetaData.data_page_offset"}};
  for (const auto& [id, name] : kRequired) Require(r, seen & (1u << id), name);
  return m;
}

ColumnChunk ReadColumnChunk(CompactReader& r) {
  ColumnChunk c;
  bool has_file_offset = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kBinary)) c.file_path = r.ReadBinary();
        break;
      case 2:
        if (Accept(r, t, ThriftType::kI64)) {
          c.file_offset = r.ReadI64();
          has_file_offset = true;
        }
        break;
      case 3:
        if (Accept(r, t, ThriftType::kStruct)) c.meta_data = ReadColumnMetaData(r);
        break;
      case 4:
        if (Accept(r, t, ThriftType::kI64)) c.offset_index_offset = r.ReadI64();
        break;
      case 5:
        if (Accept(r, t, ThriftType::kI32)) c.offset_index_length = r.ReadI32();
        break;
      case 6:
        if (Accept(r, t, ThriftType::kI64)) c.column_index_offset = r.ReadI64();
        break;
      case 7:
        if (Accept(r, t, ThriftType::kI32)) c.column_index_length = r.ReadI32();
        break;
      // Encryption is recorded, not decoded: the reader refuses such columns.
      case 8:
        c.has_crypto_metadata = true;
        r.Skip(t);
        break;
      case 9:
        c.has_encrypted_column_metadata = true;
        r.Skip(t);
        break;
      default: r.Skip(t);
    }
  });
  Require(r, has_file_offset, "ColumnChunk.file_offset");
  if (!c.meta_data && !c.has_crypto_metadata && !c.has_encrypted_column_metadata) {
    r.Fail("column chunk has no metadata and is not encrypted");
  }
  return c;
}

SortingColumn ReadSortingColumn(CompactReader& r) {
  SortingColumn s;
  bool has_idx = false, has_desc = false, has_nulls = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && Accept(r, t, ThriftType::kI32)) {
      s.column_idx = ReadNonNegativeI32(r, "SortingColumn.column_idx");
      has_idx = true;
    } else if (id == 2 && AcceptBool(r, t)) {
      s.descending = r.ReadBool(t);
      has_desc = true;
    } else if (id == 3 && AcceptBool(r, t)) {
      s.nulls_first = r.ReadBool(t);
      has_nulls = true;
    } else if (id < 1 || id > 3) {
      r.Skip(t);
    }
  });
  Require(r, has_idx, "SortingColumn.column_idx");
  Require(r, has_desc, "SortingColumn.descending");
  Require(r, has_nulls, "SortingColumn.nulls_first");
  return s;
}

RowGroup ReadRowGroup(CompactReader& r) {
  RowGroup g;
  bool has_columns = false, has_byte_size = false, has_rows = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kStruct, "columns", [&] { g.columns.push_back(ReadColumnChunk(r)); });
          has_columns = true;
        }
        break;
      case 2:
        if (Accept(r, t, ThriftType::kI64)) {
          g.total_byte_size = r.ReadI64();
          has_byte_size = true;
        }
        break;
      case 3:
        if (Accept(r, t, ThriftType::kI64)) {
          g.num_rows = ReadNonNegativeI64(r, "RowGroup.num_rows");
          has_rows = true;
        }
        break;
      case 4:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kStruct, "sorting_columns",
                   [&] { g.sorting_columns.push_back(ReadSortingColumn(r)); });
        }
        break;
      case 5:
        if (Accept(r, t, ThriftType::kI64)) g.file_offset = r.ReadI64();
        break;
      case 6:
        if (Accept(r, t, ThriftType::kI64)) g.total_compressed_size = r.ReadI64();
        break;
      case 7:
        if (Accept(r, t, ThriftType::kI16)) g.ordinal = r.ReadI16();
        break;
      default: r.Skip(t);
    }
  });
  Require(r, has_columns, "RowGroup.columns");
  Require(r, has_byte_size, "RowGroup.total_byte_size");
  Require(r, has_rows, "RowGroup.num_rows");
  return g;
}

}  // namespace

FileMetaData DecodeFileMetaData(const uint8_t* data, size_t size) {
  CompactReader r(data, size, "file footer");
  FileMetaData f;
  unsigned seen = 0;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kI32)) {
          f.version = r.ReadI32();
          seen |= 1;
        }
        break;
      case 2:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kStruct, "schema", [&] { f.schema.push_back(ReadSchemaElement(r)); });
          seen |= 2;
        }
        break;
      case 3:
        if (Accept(r, t, ThriftType::kI64)) {
          f.num_rows = ReadNonNegativeI64(r, "FileMetaData.num_rows");
          seen |= 4;
        }
        break;
      case 4:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kStruct, "row_groups", [&] { f.row_groups.push_back(ReadRowGroup(r)); });
          seen |= 8;
        }
        break;
      case 5:
        if (Accept(r, t, ThriftType::kList)) f.key_value_metadata = ReadKeyValueList(r);
        break;
      case 6:
        if (Accept(r, t, ThriftType::kBinary)) f.created_by = r.ReadBinary();
        break;
      case 7:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kStruct, "column_orders",
                   [&] { f.column_orders.push_back(ColumnOrder{ReadUnionMember(r, "ColumnOrder") == 1}); });
        }
        break;
      case 8:
        f.has_encryption_algorithm = true;
        r.Skip(t);
        break;
      default: r.Skip(t);
    }
  });
  Require(r, seen & 1, "FileMetaData.version");
  Require(r, seen & 2, "FileMetaData.schema");
  Require(r, seen & 4, "FileMetaData.num_rows");
  Require(r, seen & 8, "FileMetaData.row_groups");
  if (f.schema.empty()) r.Fail("the schema has no root element");
  return f;
}

}  // namespace lakestream::parquet
