// Parquet file metadata (parquet-format's parquet.thrift, the parts a reader
// and writer need) and its Thrift compact encoding. Field ids follow the
// specification; optional fields are std::optional so a writer can omit them
// and a reader can tell "absent" from zero.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lakestream/error.h"

namespace lakestream::parquet {

// A malformed file: error class PARQUET_CORRUPT_FILE (SQLSTATE KD001 as
// Spark's FAILED_READ_FILE family), message names the structure and offset.
// Readers catch and rethrow with the file name prepended.
class ParquetCorruptError : public UserError {
 public:
  explicit ParquetCorruptError(const std::string& message)
      : UserError("PARQUET_CORRUPT_FILE", "KD001", message) {}
};

// A valid file using something we do not implement (encryption, an unknown
// codec): error class UNSUPPORTED_FEATURE.PARQUET, SQLSTATE 0A000.
class ParquetUnsupportedError : public UserError {
 public:
  explicit ParquetUnsupportedError(const std::string& feature)
      : UserError("UNSUPPORTED_FEATURE.PARQUET", "0A000",
                  "The Parquet feature " + feature + " is not supported.") {}
};

enum class PhysicalType : int32_t {
  kBoolean = 0, kInt32 = 1, kInt64 = 2, kInt96 = 3, kFloat = 4, kDouble = 5,
  kByteArray = 6, kFixedLenByteArray = 7,
};

enum class ConvertedType : int32_t {
  kUtf8 = 0, kMap = 1, kMapKeyValue = 2, kList = 3, kEnum = 4, kDecimal = 5, kDate = 6,
  kTimeMillis = 7, kTimeMicros = 8, kTimestampMillis = 9, kTimestampMicros = 10,
  kUint8 = 11, kUint16 = 12, kUint32 = 13, kUint64 = 14, kInt8 = 15, kInt16 = 16,
  kInt32 = 17, kInt64 = 18, kJson = 19, kBson = 20, kInterval = 21,
};

enum class Repetition : int32_t { kRequired = 0, kOptional = 1, kRepeated = 2 };

enum class Encoding : int32_t {
  kPlain = 0, kPlainDictionary = 2, kRle = 3, kBitPacked = 4, kDeltaBinaryPacked = 5,
  kDeltaLengthByteArray = 6, kDeltaByteArray = 7, kRleDictionary = 8, kByteStreamSplit = 9,
};

enum class Codec : int32_t {
  kUncompressed = 0, kSnappy = 1, kGzip = 2, kLzo = 3, kBrotli = 4, kLz4 = 5, kZstd = 6, kLz4Raw = 7,
};

enum class PageType : int32_t { kDataPage = 0, kIndexPage = 1, kDictionaryPage = 2, kDataPageV2 = 3 };

enum class TimeUnit { kMillis, kMicros, kNanos };

// LogicalType union; kind says which member is set. kUnknown covers both the
// spec's UNKNOWN (always-null) type and union members this reader does not know.
struct LogicalType {
  enum class Kind {
    kNone, kString, kMap, kList, kEnum, kDecimal, kDate, kTime, kTimestamp, kInteger,
    kUnknown, kJson, kBson, kUuid, kFloat16, kVariant, kGeometry, kGeography, kUnrecognized,
  };
  Kind kind = Kind::kNone;
  int32_t decimal_scale = 0, decimal_precision = 0;  // kDecimal
  bool is_adjusted_to_utc = false;                   // kTime, kTimestamp
  TimeUnit unit = TimeUnit::kMicros;                 // kTime, kTimestamp
  int8_t bit_width = 0;                              // kInteger
  bool is_signed = true;                             // kInteger
};

struct SchemaElement {
  std::optional<PhysicalType> type;  // absent for groups
  std::optional<int32_t> type_length;
  std::optional<Repetition> repetition_type;
  std::string name;
  std::optional<int32_t> num_children;
  std::optional<ConvertedType> converted_type;
  std::optional<int32_t> scale, precision;
  std::optional<int32_t> field_id;
  std::optional<LogicalType> logical_type;
};

struct Statistics {
  std::optional<std::string> max, min;              // legacy (signed order only)
  std::optional<int64_t> null_count;
  std::optional<int64_t> distinct_count;
  std::optional<std::string> max_value, min_value;  // correct order for the type
  std::optional<bool> is_max_value_exact, is_min_value_exact;
};

struct KeyValue {
  std::string key;
  std::optional<std::string> value;
};

struct PageEncodingStats {
  PageType page_type = PageType::kDataPage;
  Encoding encoding = Encoding::kPlain;
  int32_t count = 0;
};

struct ColumnMetaData {
  PhysicalType type = PhysicalType::kInt32;
  std::vector<Encoding> encodings;
  std::vector<std::string> path_in_schema;
  Codec codec = Codec::kUncompressed;
  int64_t num_values = 0;
  int64_t total_uncompressed_size = 0;
  int64_t total_compressed_size = 0;
  std::vector<KeyValue> key_value_metadata;
  int64_t data_page_offset = 0;
  std::optional<int64_t> index_page_offset;
  std::optional<int64_t> dictionary_page_offset;
  std::optional<Statistics> statistics;
  std::vector<PageEncodingStats> encoding_stats;
  std::optional<int64_t> bloom_filter_offset;
  std::optional<int32_t> bloom_filter_length;
};

struct ColumnChunk {
  std::optional<std::string> file_path;
  int64_t file_offset = 0;
  std::optional<ColumnMetaData> meta_data;  // absent only in encrypted files
  std::optional<int64_t> offset_index_offset;
  std::optional<int32_t> offset_index_length;
  std::optional<int64_t> column_index_offset;
  std::optional<int32_t> column_index_length;
  bool has_crypto_metadata = false;           // field 8: encrypted column
  bool has_encrypted_column_metadata = false; // field 9
};

struct SortingColumn {
  int32_t column_idx = 0;
  bool descending = false;
  bool nulls_first = false;
};

struct RowGroup {
  std::vector<ColumnChunk> columns;
  int64_t total_byte_size = 0;
  int64_t num_rows = 0;
  std::vector<SortingColumn> sorting_columns;
  std::optional<int64_t> file_offset;
  std::optional<int64_t> total_compressed_size;
  std::optional<int16_t> ordinal;
};

// ColumnOrder union: only TypeDefinedOrder (field 1) exists; anything else is
// recorded as !type_defined so statistics are not trusted for ordering.
struct ColumnOrder {
  bool type_defined = true;
};

struct FileMetaData {
  int32_t version = 1;
  std::vector<SchemaElement> schema;  // depth-first, schema[0] is the root
  int64_t num_rows = 0;
  std::vector<RowGroup> row_groups;
  std::vector<KeyValue> key_value_metadata;
  std::optional<std::string> created_by;
  std::vector<ColumnOrder> column_orders;
  bool has_encryption_algorithm = false;  // field 8: plaintext footer of an encrypted file
};

struct DataPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  Encoding definition_level_encoding = Encoding::kRle;
  Encoding repetition_level_encoding = Encoding::kRle;
  std::optional<Statistics> statistics;
};

struct DictionaryPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  std::optional<bool> is_sorted;
};

struct DataPageHeaderV2 {
  int32_t num_values = 0;
  int32_t num_nulls = 0;
  int32_t num_rows = 0;
  Encoding encoding = Encoding::kPlain;
  int32_t definition_levels_byte_length = 0;
  int32_t repetition_levels_byte_length = 0;
  bool is_compressed = true;  // default true per spec
  std::optional<Statistics> statistics;
};

struct PageHeader {
  PageType type = PageType::kDataPage;
  int32_t uncompressed_page_size = 0;
  int32_t compressed_page_size = 0;
  std::optional<int32_t> crc;
  std::optional<DataPageHeader> data_page_header;
  std::optional<DictionaryPageHeader> dictionary_page_header;
  std::optional<DataPageHeaderV2> data_page_header_v2;
};

enum class BoundaryOrder : int32_t { kUnordered = 0, kAscending = 1, kDescending = 2 };

struct ColumnIndex {
  std::vector<bool> null_pages;
  std::vector<std::string> min_values, max_values;
  BoundaryOrder boundary_order = BoundaryOrder::kUnordered;
  std::vector<int64_t> null_counts;  // empty when absent
};

struct PageLocation {
  int64_t offset = 0;
  int32_t compressed_page_size = 0;
  int64_t first_row_index = 0;
};

struct OffsetIndex {
  std::vector<PageLocation> page_locations;
};

// Split-block bloom filter header (algorithm BLOCK, hash XXHASH, compression
// UNCOMPRESSED are the only values the spec defines).
struct BloomFilterHeader {
  int32_t num_bytes = 0;
  bool algorithm_block = false;
  bool hash_xxhash = false;
  bool uncompressed = false;
};

// Decoders: read one struct starting at data[0]; *consumed (when given)
// receives the encoded length. Throw ParquetCorruptError on malformed input.
FileMetaData DecodeFileMetaData(const uint8_t* data, size_t size);
PageHeader DecodePageHeader(const uint8_t* data, size_t size, size_t* consumed);
ColumnIndex DecodeColumnIndex(const uint8_t* data, size_t size);
OffsetIndex DecodeOffsetIndex(const uint8_t* data, size_t size);
BloomFilterHeader DecodeBloomFilterHeader(const uint8_t* data, size_t size, size_t* consumed);

// Encoders: the compact encoding of one struct.
std::string EncodeFileMetaData(const FileMetaData& metadata);
std::string EncodePageHeader(const PageHeader& header);
std::string EncodeColumnIndex(const ColumnIndex& index);
std::string EncodeOffsetIndex(const OffsetIndex& index);
std::string EncodeBloomFilterHeader(const BloomFilterHeader& header);

}  // namespace lakestream::parquet
