// Round trips of every metadata struct through Encode*/Decode*, and the
// decoders' handling of malformed input.
#include "formats/parquet/metadata.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "formats/parquet/thrift_compact.h"

namespace lakestream::parquet {
namespace {

using Kind = LogicalType::Kind;

const uint8_t* Bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

FileMetaData DecodeFile(const std::string& s) { return DecodeFileMetaData(Bytes(s), s.size()); }

PageHeader DecodePage(const std::string& s) {
  size_t consumed = 0;
  PageHeader h = DecodePageHeader(Bytes(s), s.size(), &consumed);
  EXPECT_EQ(consumed, s.size());
  return h;
}

void ExpectEqual(const Statistics& a, const Statistics& b) {
  EXPECT_EQ(a.max, b.max);
  EXPECT_EQ(a.min, b.min);
  EXPECT_EQ(a.null_count, b.null_count);
  EXPECT_EQ(a.distinct_count, b.distinct_count);
  EXPECT_EQ(a.max_value, b.max_value);
  EXPECT_EQ(a.min_value, b.min_value);
  EXPECT_EQ(a.is_max_value_exact, b.is_max_value_exact);
  EXPECT_EQ(a.is_min_value_exact, b.is_min_value_exact);
}

void ExpectEqual(const std::optional<Statistics>& a, const std::optional<Statistics>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (a) ExpectEqual(*a, *b);
}

void ExpectEqual(const LogicalType& a, const LogicalType& b) {
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.decimal_scale, b.decimal_scale);
  EXPECT_EQ(a.decimal_precision, b.decimal_precision);
  EXPECT_EQ(a.is_adjusted_to_utc, b.is_adjusted_to_utc);
  EXPECT_EQ(a.unit, b.unit);
  EXPECT_EQ(a.bit_width, b.bit_width);
  EXPECT_EQ(a.is_signed, b.is_signed);
}

void ExpectEqual(const SchemaElement& a, const SchemaElement& b) {
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.type_length, b.type_length);
  EXPECT_EQ(a.repetition_type, b.repetition_type);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.num_children, b.num_children);
  EXPECT_EQ(a.converted_type, b.converted_type);
  EXPECT_EQ(a.scale, b.scale);
  EXPECT_EQ(a.precision, b.precision);
  EXPECT_EQ(a.field_id, b.field_id);
  ASSERT_EQ(a.logical_type.has_value(), b.logical_type.has_value());
  if (a.logical_type) ExpectEqual(*a.logical_type, *b.logical_type);
}

void ExpectEqual(const std::vector<KeyValue>& a, const std::vector<KeyValue>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].key, b[i].key);
    EXPECT_EQ(a[i].value, b[i].value);
  }
}

void ExpectEqual(const ColumnMetaData& a, const ColumnMetaData& b) {
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.encodings, b.encodings);
  EXPECT_EQ(a.path_in_schema, b.path_in_schema);
  EXPECT_EQ(a.codec, b.codec);
  EXPECT_EQ(a.num_values, b.num_values);
  EXPECT_EQ(a.total_uncompressed_size, b.total_uncompressed_size);
  EXPECT_EQ(a.total_compressed_size, b.total_compressed_size);
  ExpectEqual(a.key_value_metadata, b.key_value_metadata);
  EXPECT_EQ(a.data_page_offset, b.data_page_offset);
  EXPECT_EQ(a.index_page_offset, b.index_page_offset);
  EXPECT_EQ(a.dictionary_page_offset, b.dictionary_page_offset);
  ExpectEqual(a.statistics, b.statistics);
  ASSERT_EQ(a.encoding_stats.size(), b.encoding_stats.size());
  for (size_t i = 0; i < a.encoding_stats.size(); ++i) {
    EXPECT_EQ(a.encoding_stats[i].page_type, b.encoding_stats[i].page_type);
    EXPECT_EQ(a.encoding_stats[i].encoding, b.encoding_stats[i].encoding);
    EXPECT_EQ(a.encoding_stats[i].count, b.encoding_stats[i].count);
  }
  EXPECT_EQ(a.bloom_filter_offset, b.bloom_filter_offset);
  EXPECT_EQ(a.bloom_filter_length, b.bloom_filter_length);
}

void ExpectEqual(const RowGroup& a, const RowGroup& b) {
  ASSERT_EQ(a.columns.size(), b.columns.size());
  for (size_t i = 0; i < a.columns.size(); ++i) {
    const ColumnChunk& x = a.columns[i];
    const ColumnChunk& y = b.columns[i];
    EXPECT_EQ(x.file_path, y.file_path);
    EXPECT_EQ(x.file_offset, y.file_offset);
    ASSERT_EQ(x.meta_data.has_value(), y.meta_data.has_value());
    if (x.meta_data) ExpectEqual(*x.meta_data, *y.meta_data);
    EXPECT_EQ(x.offset_index_offset, y.offset_index_offset);
    EXPECT_EQ(x.offset_index_length, y.offset_index_length);
    EXPECT_EQ(x.column_index_offset, y.column_index_offset);
    EXPECT_EQ(x.column_index_length, y.column_index_length);
    EXPECT_EQ(x.has_crypto_metadata, y.has_crypto_metadata);
    EXPECT_EQ(x.has_encrypted_column_metadata, y.has_encrypted_column_metadata);
  }
  EXPECT_EQ(a.total_byte_size, b.total_byte_size);
  EXPECT_EQ(a.num_rows, b.num_rows);
  ASSERT_EQ(a.sorting_columns.size(), b.sorting_columns.size());
  for (size_t i = 0; i < a.sorting_columns.size(); ++i) {
    EXPECT_EQ(a.sorting_columns[i].column_idx, b.sorting_columns[i].column_idx);
    EXPECT_EQ(a.sorting_columns[i].descending, b.sorting_columns[i].descending);
    EXPECT_EQ(a.sorting_columns[i].nulls_first, b.sorting_columns[i].nulls_first);
  }
  EXPECT_EQ(a.file_offset, b.file_offset);
  EXPECT_EQ(a.total_compressed_size, b.total_compressed_size);
  EXPECT_EQ(a.ordinal, b.ordinal);
}

void ExpectEqual(const FileMetaData& a, const FileMetaData& b) {
  EXPECT_EQ(a.version, b.version);
  ASSERT_EQ(a.schema.size(), b.schema.size());
  for (size_t i = 0; i < a.schema.size(); ++i) ExpectEqual(a.schema[i], b.schema[i]);
  EXPECT_EQ(a.num_rows, b.num_rows);
  ASSERT_EQ(a.row_groups.size(), b.row_groups.size());
  for (size_t i = 0; i < a.row_groups.size(); ++i) ExpectEqual(a.row_groups[i], b.row_groups[i]);
  ExpectEqual(a.key_value_metadata, b.key_value_metadata);
  EXPECT_EQ(a.created_by, b.created_by);
  ASSERT_EQ(a.column_orders.size(), b.column_orders.size());
  for (size_t i = 0; i < a.column_orders.size(); ++i) {
    EXPECT_EQ(a.column_orders[i].type_defined, b.column_orders[i].type_defined);
  }
  EXPECT_EQ(a.has_encryption_algorithm, b.has_encryption_algorithm);
}

Statistics FullStatistics() {
  Statistics s;
  s.max = std::string("\xFF\x00z", 3);
  s.min = "";
  s.null_count = 3;
  s.distinct_count = 7;
  s.max_value = "zz";
  s.min_value = "aa";
  s.is_max_value_exact = true;
  s.is_min_value_exact = false;
  return s;
}

SchemaElement Leaf(std::string name, PhysicalType type, std::optional<LogicalType> logical = std::nullopt) {
  SchemaElement e;
  e.name = std::move(name);
  e.type = type;
  e.repetition_type = Repetition::kOptional;
  e.logical_type = logical;
  return e;
}

// A footer that sets every field the structs can carry.
FileMetaData FullFileMetaData() {
  FileMetaData f;
  f.version = 2;
  SchemaElement root;
  root.name = "schema";
  root.num_children = 3;
  f.schema.push_back(root);
  SchemaElement dec = Leaf("price", PhysicalType::kFixedLenByteArray);
  dec.type_length = 16;
  dec.converted_type = ConvertedType::kDecimal;
  dec.scale = 2;
  dec.precision = 38;
  dec.field_id = -4;
  LogicalType dl;
  dl.kind = Kind::kDecimal;
  dl.decimal_scale = 2;
  dl.decimal_precision = 38;
  dec.logical_type = dl;
  f.schema.push_back(dec);
  LogicalType ts;
  ts.kind = Kind::kTimestamp;
  ts.is_adjusted_to_utc = true;
  ts.unit = TimeUnit::kNanos;
  f.schema.push_back(Leaf("at", PhysicalType::kInt64, ts));
  SchemaElement req = Leaf("flag", PhysicalType::kBoolean);
  req.repetition_type = Repetition::kRequired;
  f.schema.push_back(req);
  f.num_rows = 1LL << 40;

  RowGroup g;
  for (int i = 0; i < 3; ++i) {
    ColumnChunk c;
    c.file_offset = 4 + i * 100;
    ColumnMetaData m;
    m.type = i == 0   ? PhysicalType::kFixedLenByteArray
             : i == 1 ? PhysicalType::kInt64
                      : PhysicalType::kBoolean;
    m.encodings = {Encoding::kPlain, Encoding::kRle, Encoding::kRleDictionary, Encoding::kByteStreamSplit};
    m.path_in_schema = {f.schema[i + 1].name};
    m.codec = static_cast<Codec>(i + 5);
    m.num_values = 1000 + i;
    m.total_uncompressed_size = 5000;
    m.total_compressed_size = 4000;
    m.data_page_offset = c.file_offset;
    if (i == 0) {
      c.file_path = "other.parquet";
      m.key_value_metadata = {{"k", "v"}, {"no value", std::nullopt}};
      m.index_page_offset = 17;
      m.dictionary_page_offset = 3;
      m.statistics = FullStatistics();
      m.encoding_stats = {{PageType::kDictionaryPage, Encoding::kPlain, 1},
                          {PageType::kDataPage, Encoding::kRleDictionary, 9}};
      m.bloom_filter_offset = 9000;
      m.bloom_filter_length = 1024;
      c.offset_index_offset = 100000;
      c.offset_index_length = 50;
      c.column_index_offset = 100050;
      c.column_index_length = 70;
    }
    c.meta_data = m;
    g.columns.push_back(c);
  }
  g.total_byte_size = 123456;
  g.num_rows = f.num_rows;
  g.sorting_columns = {{1, true, false}, {0, false, true}};
  g.file_offset = 4;
  g.total_compressed_size = 12000;
  g.ordinal = 32000;
  f.row_groups = {g, g};
  f.row_groups[1].ordinal = -1;
  f.key_value_metadata = {{"org.apache.spark.sql.parquet.row.metadata", "{}"}, {"empty", ""}};
  f.created_by = "lakestream";
  f.column_orders = {{true}, {false}, {true}};
  return f;
}

TEST(MetadataTest, FileMetaDataRoundTripsEveryField) {
  FileMetaData f = FullFileMetaData();
  std::string encoded = EncodeFileMetaData(f);
  FileMetaData decoded = DecodeFile(encoded);
  ExpectEqual(f, decoded);
  EXPECT_EQ(EncodeFileMetaData(decoded), encoded);
}

TEST(MetadataTest, MinimalFileMetaDataLeavesOptionalsUnset) {
  FileMetaData f;
  SchemaElement root;
  root.name = "root";
  f.schema.push_back(root);
  FileMetaData decoded = DecodeFile(EncodeFileMetaData(f));
  ExpectEqual(f, decoded);
  EXPECT_FALSE(decoded.created_by.has_value());
  EXPECT_FALSE(decoded.schema[0].num_children.has_value());
  EXPECT_FALSE(decoded.schema[0].repetition_type.has_value());
  EXPECT_FALSE(decoded.schema[0].logical_type.has_value());
}

TEST(MetadataTest, EveryLogicalTypeRoundTrips) {
  std::vector<LogicalType> types;
  for (Kind kind : {Kind::kString, Kind::kMap, Kind::kList, Kind::kEnum, Kind::kDate, Kind::kUnknown,
                    Kind::kJson, Kind::kBson, Kind::kUuid, Kind::kFloat16, Kind::kVariant, Kind::kGeometry,
                    Kind::kGeography, Kind::kUnrecognized}) {
    LogicalType lt;
    lt.kind = kind;
    types.push_back(lt);
  }
  for (TimeUnit unit : {TimeUnit::kMillis, TimeUnit::kMicros, TimeUnit::kNanos}) {
    for (Kind kind : {Kind::kTime, Kind::kTimestamp}) {
      for (bool utc : {false, true}) {
        LogicalType lt;
        lt.kind = kind;
        lt.unit = unit;
        lt.is_adjusted_to_utc = utc;
        types.push_back(lt);
      }
    }
  }
  for (int8_t width : {8, 16, 32, 64}) {
    for (bool is_signed : {false, true}) {
      LogicalType lt;
      lt.kind = Kind::kInteger;
      lt.bit_width = width;
      lt.is_signed = is_signed;
      types.push_back(lt);
    }
  }
  LogicalType dec;
  dec.kind = Kind::kDecimal;
  dec.decimal_scale = 0;
  dec.decimal_precision = 9;
  types.push_back(dec);

  FileMetaData f;
  SchemaElement root;
  root.name = "root";
  f.schema.push_back(root);
  for (size_t i = 0; i < types.size(); ++i)
    f.schema.push_back(Leaf("c" + std::to_string(i), PhysicalType::kInt32, types[i]));
  FileMetaData decoded = DecodeFile(EncodeFileMetaData(f));
  ExpectEqual(f, decoded);
}

TEST(MetadataTest, EncodingAnEngagedLogicalTypeOfKindNoneIsABug) {
  FileMetaData f;
  SchemaElement root;
  root.name = "root";
  root.logical_type = LogicalType{};
  f.schema.push_back(root);
  EXPECT_THROW(EncodeFileMetaData(f), InternalError);
}

// Hand-built footer bytes around one schema element, to feed the decoder what
// our encoder never writes.
std::string FooterWithSchemaElement(const std::function<void(CompactWriter&)>& element_fields) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI32(1, 1);
  w.WriteFieldListBegin(2, ThriftType::kStruct, 1);
  w.BeginStruct();
  w.WriteFieldBinary(4, "x");
  element_fields(w);
  w.EndStruct();
  w.WriteFieldI64(3, 0);
  w.WriteFieldListBegin(4, ThriftType::kStruct, 0);
  w.EndStruct();
  return w.Release();
}

TEST(MetadataTest, UnknownLogicalTypeMembersAreUnrecognizedNotErrors) {
  std::string footer = FooterWithSchemaElement([](CompactWriter& w) {
    w.WriteFieldStructBegin(10);
    w.WriteFieldStructBegin(19);  // FILE, newer than this reader
    w.WriteFieldI32(1, 5);
    w.EndStruct();
    w.EndStruct();
  });
  FileMetaData f = DecodeFile(footer);
  ASSERT_TRUE(f.schema[0].logical_type.has_value());
  EXPECT_EQ(f.schema[0].logical_type->kind, Kind::kUnrecognized);

  // A time unit newer than MILLIS/MICROS/NANOS makes the type unrecognised too.
  std::string new_unit = FooterWithSchemaElement([](CompactWriter& w) {
    w.WriteFieldStructBegin(10);
    w.WriteFieldStructBegin(8);
    w.WriteFieldBool(1, true);
    w.WriteFieldStructBegin(2);
    w.WriteFieldStructBegin(4);
    w.EndStruct();
    w.EndStruct();
    w.EndStruct();
    w.EndStruct();
  });
  EXPECT_EQ(DecodeFile(new_unit).schema[0].logical_type->kind, Kind::kUnrecognized);
}

TEST(MetadataTest, GeospatialMembersSkipTheirContent) {
  std::string footer = FooterWithSchemaElement([](CompactWriter& w) {
    w.WriteFieldStructBegin(10);
    w.WriteFieldStructBegin(18);
    w.WriteFieldBinary(1, "OGC:CRS84");
    w.WriteFieldI32(2, 0);
    w.EndStruct();
    w.EndStruct();
    w.WriteFieldI32(11, 99);  // an unknown SchemaElement field after it
  });
  EXPECT_EQ(DecodeFile(footer).schema[0].logical_type->kind, Kind::kGeography);
}

TEST(MetadataTest, MalformedSchemaElementsAreCorrupt) {
  auto bad = [](const std::function<void(CompactWriter&)>& fields) {
    std::string footer = FooterWithSchemaElement(fields);
    EXPECT_THROW(DecodeFile(footer), ParquetCorruptError);
  };
  bad([](CompactWriter& w) { w.WriteFieldI32(1, 8); });  // physical type
  bad([](CompactWriter& w) { w.WriteFieldI32(1, -7); });
  bad([](CompactWriter& w) { w.WriteFieldI32(3, 3); });   // repetition
  bad([](CompactWriter& w) { w.WriteFieldI32(5, -1); });  // num_children
  bad([](CompactWriter& w) { w.WriteFieldI32(6, 22); });  // converted type
  bad([](CompactWriter& w) {                              // two union members
    w.WriteFieldStructBegin(10);
    w.WriteFieldStructBegin(1);
    w.EndStruct();
    w.WriteFieldStructBegin(3);
    w.EndStruct();
    w.EndStruct();
  });
  bad([](CompactWriter& w) {  // INTEGER without isSigned
    w.WriteFieldStructBegin(10);
    w.WriteFieldStructBegin(10);
    w.WriteFieldByte(1, 8);
    w.EndStruct();
    w.EndStruct();
  });
  bad([](CompactWriter& w) {  // INTEGER of 12 bits
    w.WriteFieldStructBegin(10);
    w.WriteFieldStructBegin(10);
    w.WriteFieldByte(1, 12);
    w.WriteFieldBool(2, true);
    w.EndStruct();
    w.EndStruct();
  });
  bad([](CompactWriter& w) {  // DECIMAL without precision
    w.WriteFieldStructBegin(10);
    w.WriteFieldStructBegin(5);
    w.WriteFieldI32(1, 2);
    w.EndStruct();
    w.EndStruct();
  });
}

TEST(MetadataTest, MissingRequiredFieldsAreCorrupt) {
  // A footer without field 2 (schema).
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI32(1, 1);
  w.WriteFieldI64(3, 0);
  w.WriteFieldListBegin(4, ThriftType::kStruct, 0);
  w.EndStruct();
  std::string no_schema = w.Release();
  EXPECT_THROW(DecodeFile(no_schema), ParquetCorruptError);

  // A required field with the wrong wire type is skipped, then missing.
  CompactWriter w2;
  w2.BeginStruct();
  w2.WriteFieldI64(1, 1);  // version must be i32
  w2.WriteFieldListBegin(2, ThriftType::kStruct, 1);
  w2.BeginStruct();
  w2.WriteFieldBinary(4, "root");
  w2.EndStruct();
  w2.WriteFieldI64(3, 0);
  w2.WriteFieldListBegin(4, ThriftType::kStruct, 0);
  w2.EndStruct();
  std::string wrong_type = w2.Release();
  EXPECT_THROW(DecodeFile(wrong_type), ParquetCorruptError);

  // An empty schema has no root.
  FileMetaData empty;
  EXPECT_THROW(DecodeFile(EncodeFileMetaData(empty)), ParquetCorruptError);
}

TEST(MetadataTest, ColumnChunkWithoutMetadataMustBeEncrypted) {
  FileMetaData f = FullFileMetaData();
  f.row_groups[0].columns[1].meta_data.reset();
  EXPECT_THROW(DecodeFile(EncodeFileMetaData(f)), ParquetCorruptError);
}

TEST(MetadataTest, UnknownCodecIsUnsupportedAndBadEncodingCorrupt) {
  FileMetaData f = FullFileMetaData();
  f.row_groups[0].columns[0].meta_data->codec = static_cast<Codec>(8);
  EXPECT_THROW(DecodeFile(EncodeFileMetaData(f)), ParquetUnsupportedError);
  f.row_groups[0].columns[0].meta_data->codec = static_cast<Codec>(-1);
  EXPECT_THROW(DecodeFile(EncodeFileMetaData(f)), ParquetCorruptError);
  f = FullFileMetaData();
  f.row_groups[0].columns[0].meta_data->encodings.push_back(static_cast<Encoding>(1));
  EXPECT_THROW(DecodeFile(EncodeFileMetaData(f)), ParquetCorruptError);
  f = FullFileMetaData();
  f.row_groups[0].columns[0].meta_data->encodings.push_back(static_cast<Encoding>(10));
  EXPECT_THROW(DecodeFile(EncodeFileMetaData(f)), ParquetCorruptError);
}

TEST(MetadataTest, EncryptionIsFlaggedOnReadAndRefusedOnWrite) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI32(1, 1);
  w.WriteFieldListBegin(2, ThriftType::kStruct, 1);
  w.BeginStruct();
  w.WriteFieldBinary(4, "root");
  w.EndStruct();
  w.WriteFieldI64(3, 1);
  w.WriteFieldListBegin(4, ThriftType::kStruct, 1);
  w.BeginStruct();  // RowGroup
  w.WriteFieldListBegin(1, ThriftType::kStruct, 1);
  w.BeginStruct();  // ColumnChunk with only crypto fields
  w.WriteFieldI64(2, 4);
  w.WriteFieldStructBegin(8);
  w.WriteFieldStructBegin(2);  // ENCRYPTION_WITH_COLUMN_KEY
  w.WriteFieldListBegin(1, ThriftType::kBinary, 1);
  w.WriteBinaryElement("c");
  w.WriteFieldBinary(2, "key");
  w.EndStruct();
  w.EndStruct();
  w.WriteFieldBinary(9, "ciphertext");
  w.EndStruct();
  w.WriteFieldI64(2, 10);
  w.WriteFieldI64(3, 1);
  w.EndStruct();
  w.WriteFieldStructBegin(8);  // AES_GCM_V1 with an aad prefix
  w.WriteFieldStructBegin(1);
  w.WriteFieldBinary(1, "aad");
  w.WriteFieldBool(3, true);
  w.EndStruct();
  w.EndStruct();
  w.WriteFieldBinary(9, "signing key");
  w.EndStruct();
  std::string footer = w.Release();

  FileMetaData f = DecodeFile(footer);
  EXPECT_TRUE(f.has_encryption_algorithm);
  const ColumnChunk& c = f.row_groups.at(0).columns.at(0);
  EXPECT_TRUE(c.has_crypto_metadata);
  EXPECT_TRUE(c.has_encrypted_column_metadata);
  EXPECT_FALSE(c.meta_data.has_value());
  EXPECT_THROW(EncodeFileMetaData(f), ParquetUnsupportedError);
  f.has_encryption_algorithm = false;
  EXPECT_THROW(EncodeFileMetaData(f), ParquetUnsupportedError);
}

TEST(MetadataTest, PageHeadersRoundTripAllThreeKinds) {
  PageHeader data;
  data.type = PageType::kDataPage;
  data.uncompressed_page_size = 1000;
  data.compressed_page_size = 600;
  data.crc = -123456;
  data.data_page_header =
      DataPageHeader{77, Encoding::kRleDictionary, Encoding::kRle, Encoding::kBitPacked, FullStatistics()};
  std::string encoded = EncodePageHeader(data);
  PageHeader d = DecodePage(encoded);
  EXPECT_EQ(d.type, PageType::kDataPage);
  EXPECT_EQ(d.uncompressed_page_size, 1000);
  EXPECT_EQ(d.compressed_page_size, 600);
  EXPECT_EQ(d.crc, -123456);
  ASSERT_TRUE(d.data_page_header.has_value());
  EXPECT_EQ(d.data_page_header->num_values, 77);
  EXPECT_EQ(d.data_page_header->encoding, Encoding::kRleDictionary);
  EXPECT_EQ(d.data_page_header->definition_level_encoding, Encoding::kRle);
  EXPECT_EQ(d.data_page_header->repetition_level_encoding, Encoding::kBitPacked);
  ExpectEqual(d.data_page_header->statistics, FullStatistics());
  EXPECT_FALSE(d.dictionary_page_header || d.data_page_header_v2);

  PageHeader dict;
  dict.type = PageType::kDictionaryPage;
  dict.uncompressed_page_size = 40;
  dict.compressed_page_size = 40;
  dict.dictionary_page_header = DictionaryPageHeader{10, Encoding::kPlainDictionary, true};
  d = DecodePage(EncodePageHeader(dict));
  EXPECT_FALSE(d.crc.has_value());
  ASSERT_TRUE(d.dictionary_page_header.has_value());
  EXPECT_EQ(d.dictionary_page_header->num_values, 10);
  EXPECT_EQ(d.dictionary_page_header->encoding, Encoding::kPlainDictionary);
  EXPECT_EQ(d.dictionary_page_header->is_sorted, true);
  dict.dictionary_page_header->is_sorted.reset();
  EXPECT_FALSE(DecodePage(EncodePageHeader(dict)).dictionary_page_header->is_sorted.has_value());

  PageHeader v2;
  v2.type = PageType::kDataPageV2;
  v2.uncompressed_page_size = 0;
  v2.compressed_page_size = 0;
  v2.data_page_header_v2 = DataPageHeaderV2{5, 2, 4, Encoding::kDeltaByteArray, 3, 1, false, std::nullopt};
  d = DecodePage(EncodePageHeader(v2));
  ASSERT_TRUE(d.data_page_header_v2.has_value());
  const DataPageHeaderV2& h = *d.data_page_header_v2;
  EXPECT_EQ(h.num_values, 5);
  EXPECT_EQ(h.num_nulls, 2);
  EXPECT_EQ(h.num_rows, 4);
  EXPECT_EQ(h.encoding, Encoding::kDeltaByteArray);
  EXPECT_EQ(h.definition_levels_byte_length, 3);
  EXPECT_EQ(h.repetition_levels_byte_length, 1);
  EXPECT_FALSE(h.is_compressed);
  EXPECT_FALSE(h.statistics.has_value());
}

TEST(MetadataTest, PageHeaderReportsConsumedBytesBeforeThePayload) {
  PageHeader dict;
  dict.type = PageType::kDictionaryPage;
  dict.uncompressed_page_size = 3;
  dict.compressed_page_size = 3;
  dict.dictionary_page_header = DictionaryPageHeader{1, Encoding::kPlain, std::nullopt};
  std::string header = EncodePageHeader(dict);
  std::string page = header + "abc";
  size_t consumed = 0;
  DecodePageHeader(Bytes(page), page.size(), &consumed);
  EXPECT_EQ(consumed, header.size());
}

TEST(MetadataTest, DataPageV2IsCompressedDefaultsToTrue) {
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI32(1, static_cast<int32_t>(PageType::kDataPageV2));
  w.WriteFieldI32(2, 10);
  w.WriteFieldI32(3, 8);
  w.WriteFieldStructBegin(8);
  for (int16_t id = 1; id <= 6; ++id) w.WriteFieldI32(id, 0);
  w.EndStruct();
  w.EndStruct();
  PageHeader h = DecodePage(w.Release());
  ASSERT_TRUE(h.data_page_header_v2.has_value());
  EXPECT_TRUE(h.data_page_header_v2->is_compressed);
}

TEST(MetadataTest, MalformedPageHeadersAreCorrupt) {
  PageHeader good;
  good.type = PageType::kDataPage;
  good.uncompressed_page_size = 10;
  good.compressed_page_size = 10;
  good.data_page_header = DataPageHeader{};

  PageHeader missing_sub = good;
  missing_sub.data_page_header.reset();
  PageHeader negative = good;
  negative.compressed_page_size = -1;
  PageHeader bad_type = good;
  bad_type.type = static_cast<PageType>(4);
  PageHeader bad_encoding = good;
  bad_encoding.data_page_header->encoding = static_cast<Encoding>(42);
  for (const PageHeader& h : {missing_sub, negative, bad_type, bad_encoding}) {
    std::string encoded = EncodePageHeader(h);
    size_t consumed;
    EXPECT_THROW(DecodePageHeader(Bytes(encoded), encoded.size(), &consumed), ParquetCorruptError);
  }
  std::string encoded = EncodePageHeader(good);
  for (size_t len = 0; len < encoded.size(); ++len) {
    std::string prefix = encoded.substr(0, len);
    EXPECT_THROW(DecodePageHeader(Bytes(prefix), prefix.size(), nullptr), ParquetCorruptError) << len;
  }
}

TEST(MetadataTest, ColumnIndexRoundTrips) {
  ColumnIndex c;
  for (int i = 0; i < 20; ++i) {
    c.null_pages.push_back(i % 4 == 0);
    c.min_values.push_back(i % 4 == 0 ? "" : std::string(1, static_cast<char>('a' + i)));
    c.max_values.push_back(i % 4 == 0 ? "" : std::string(2, static_cast<char>('a' + i)));
    c.null_counts.push_back(i);
  }
  c.boundary_order = BoundaryOrder::kAscending;
  std::string encoded = EncodeColumnIndex(c);
  ColumnIndex d = DecodeColumnIndex(Bytes(encoded), encoded.size());
  EXPECT_EQ(d.null_pages, c.null_pages);
  EXPECT_EQ(d.min_values, c.min_values);
  EXPECT_EQ(d.max_values, c.max_values);
  EXPECT_EQ(d.boundary_order, BoundaryOrder::kAscending);
  EXPECT_EQ(d.null_counts, c.null_counts);

  c.null_counts.clear();
  encoded = EncodeColumnIndex(c);
  EXPECT_TRUE(DecodeColumnIndex(Bytes(encoded), encoded.size()).null_counts.empty());

  c.max_values.pop_back();
  encoded = EncodeColumnIndex(c);
  EXPECT_THROW(DecodeColumnIndex(Bytes(encoded), encoded.size()), ParquetCorruptError);
  c.max_values.push_back("x");
  c.boundary_order = static_cast<BoundaryOrder>(3);
  encoded = EncodeColumnIndex(c);
  EXPECT_THROW(DecodeColumnIndex(Bytes(encoded), encoded.size()), ParquetCorruptError);
}

TEST(MetadataTest, OffsetIndexRoundTrips) {
  OffsetIndex o;
  for (int64_t i = 0; i < 16; ++i) o.page_locations.push_back({4 + i * 1000, 999, i * 50});
  std::string encoded = EncodeOffsetIndex(o);
  OffsetIndex d = DecodeOffsetIndex(Bytes(encoded), encoded.size());
  ASSERT_EQ(d.page_locations.size(), 16u);
  for (size_t i = 0; i < 16; ++i) {
    EXPECT_EQ(d.page_locations[i].offset, o.page_locations[i].offset);
    EXPECT_EQ(d.page_locations[i].compressed_page_size, 999);
    EXPECT_EQ(d.page_locations[i].first_row_index, o.page_locations[i].first_row_index);
  }
  EXPECT_TRUE(
      DecodeOffsetIndex(Bytes(EncodeOffsetIndex({})), EncodeOffsetIndex({}).size()).page_locations.empty());
  for (size_t len = 0; len < encoded.size(); ++len) {
    std::string prefix = encoded.substr(0, len);
    EXPECT_THROW(DecodeOffsetIndex(Bytes(prefix), prefix.size()), ParquetCorruptError) << len;
  }
}

TEST(MetadataTest, BloomFilterHeaderRecordsWhichUnionMembersAreSet) {
  BloomFilterHeader h{4096, true, true, true};
  std::string encoded = EncodeBloomFilterHeader(h) + "bitset";
  size_t consumed = 0;
  BloomFilterHeader d = DecodeBloomFilterHeader(Bytes(encoded), encoded.size(), &consumed);
  EXPECT_EQ(consumed, encoded.size() - 6);
  EXPECT_EQ(d.num_bytes, 4096);
  EXPECT_TRUE(d.algorithm_block && d.hash_xxhash && d.uncompressed);

  BloomFilterHeader unknown{32, false, true, false};
  std::string e2 = EncodeBloomFilterHeader(unknown);
  d = DecodeBloomFilterHeader(Bytes(e2), e2.size(), nullptr);
  EXPECT_FALSE(d.algorithm_block);
  EXPECT_TRUE(d.hash_xxhash);
  EXPECT_FALSE(d.uncompressed);

  // Field 3 (hash) missing.
  CompactWriter w;
  w.BeginStruct();
  w.WriteFieldI32(1, 32);
  w.WriteFieldStructBegin(2);
  w.EndStruct();
  w.WriteFieldStructBegin(4);
  w.EndStruct();
  w.EndStruct();
  std::string missing = w.Release();
  EXPECT_THROW(DecodeBloomFilterHeader(Bytes(missing), missing.size(), nullptr), ParquetCorruptError);
}

TEST(MetadataTest, CorruptedFootersNeverCrash) {
  // Flip each byte of a full footer to a few values: the decoder must either
  // succeed or throw ParquetCorruptError / ParquetUnsupportedError.
  std::string encoded = EncodeFileMetaData(FullFileMetaData());
  for (size_t i = 0; i < encoded.size(); ++i) {
    for (int v : {0x00, 0x0F, 0x7F, 0x80, 0xFF}) {
      std::string mutated = encoded;
      mutated[i] = static_cast<char>(v);
      try {
        DecodeFile(mutated);
      } catch (const ParquetCorruptError&) {
      } catch (const ParquetUnsupportedError&) {}
    }
  }
}

}  // namespace
}  // namespace lakestream::parquet
