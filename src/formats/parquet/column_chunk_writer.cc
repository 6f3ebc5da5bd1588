#include "formats/parquet/column_chunk_writer.h"

#include <algorithm>
#include <string_view>
#include <type_traits>
#include <vector>

#include "columnar/check.h"
#include "formats/parquet/column_index_builder.h"
#include "formats/parquet/compression.h"
#include "formats/parquet/encoding.h"
#include "formats/parquet/physical_value.h"
#include "formats/parquet/value_dictionary.h"
#include "formats/parquet/value_statistics.h"

namespace lakestream::parquet {
namespace {

// Copies the present values of a leaf into its physical representation.
template <typename Source, typename T>
void Convert(const Array& array, const std::vector<int64_t>& indices, std::vector<T>* out) {
  const Source* values = array.values<Source>();
  for (int64_t i : indices) out->push_back(static_cast<T>(values[i]));
}

void Gather(const Array& array, const std::vector<int64_t>& indices, std::vector<uint8_t>* out) {
  for (int64_t i : indices) out->push_back(array.GetBool(i) ? 1 : 0);
}

void Gather(const Array& array, const std::vector<int64_t>& indices, std::vector<int32_t>* out) {
  switch (array.type_id()) {
    case TypeId::kByte: return Convert<int8_t>(array, indices, out);
    case TypeId::kShort: return Convert<int16_t>(array, indices, out);
    case TypeId::kInt:
    case TypeId::kDate: return Convert<int32_t>(array, indices, out);
    case TypeId::kDecimal: return Convert<int128_t>(array, indices, out);  // precision <= 9 fits
    default: LS_CHECK(false && "no INT32 layout for this type");
  }
}

void Gather(const Array& array, const std::vector<int64_t>& indices, std::vector<int64_t>* out) {
  switch (array.type_id()) {
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz: return Convert<int64_t>(array, indices, out);
    case TypeId::kDecimal: return Convert<int128_t>(array, indices, out);  // precision <= 18 fits
    default: LS_CHECK(false && "no INT64 layout for this type");
  }
}

void Gather(const Array& array, const std::vector<int64_t>& indices, std::vector<float>* out) {
  Convert<float>(array, indices, out);
}

void Gather(const Array& array, const std::vector<int64_t>& indices, std::vector<double>* out) {
  Convert<double>(array, indices, out);
}

void Gather(const Array& array, const std::vector<int64_t>& indices, std::vector<int128_t>* out) {
  Convert<int128_t>(array, indices, out);
}

void Gather(const Array& array, const std::vector<int64_t>& indices, std::vector<std::string_view>* out) {
  for (int64_t i : indices) out->push_back(array.GetView(i));
}

// Levels of a v1 data page: RLE hybrid behind a 4-byte little-endian length.
void AppendLevels(const std::vector<int16_t>& levels, int16_t max_level, std::string* out) {
  RleBitPackedEncoder encoder(BitWidth(static_cast<uint64_t>(max_level)));
  for (int16_t level : levels) encoder.Put(static_cast<uint32_t>(level));
  std::string encoded;
  encoder.Finish(&encoded);
  auto length = static_cast<uint32_t>(encoded.size());
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((length >> (8 * i)) & 0xFF));
  out->append(encoded);
}

template <typename T>
class TypedColumnChunkWriter final : public ColumnChunkWriter {
 public:
  // BOOLEAN is never dictionary-encoded (parquet-java does not either): its
  // PLAIN form is a bit per value already.
  static constexpr bool kDictionaryCapable = !std::is_same_v<T, uint8_t>;

  TypedColumnChunkWriter(const LeafColumn& leaf, const ParquetWriteOptions& options)
      : leaf_(leaf),
        options_(options),
        index_builder_(leaf.type_length, leaf.type->id() == TypeId::kString) {
    dictionary_.set_type_length(leaf.type_length);
    ResetChunk();
  }

  void Append(const LeafLevels& levels) override {
    values_.clear();
    Gather(*levels.values, levels.value_indices, &values_);
    const int64_t entries = levels.num_entries;
    int64_t level_pos = 0, value_pos = 0;
    while (level_pos < entries) {
      const int64_t first_level = level_pos, first_value = value_pos;
      while (level_pos < entries) {
        if (levels.rep_levels.empty() || levels.rep_levels[level_pos] == 0) {
          if (page_rows_ > 0 && (page_plain_bytes_ >= options_.page_bytes || page_rows_ >= options_.page_rows)) break;
          ++page_rows_;
        }
        if (levels.def_levels.empty() || levels.def_levels[level_pos] == leaf_.max_def) {
          page_plain_bytes_ += PhysicalValue<T>::PlainSize(values_[value_pos++], leaf_.type_length);
        }
        ++level_pos;
      }
      AddToPage(levels, first_level, level_pos, first_value, value_pos);
      if (level_pos < entries) FlushPage();
    }
    LS_CHECK_EQ(value_pos, static_cast<int64_t>(values_.size()));
  }

  int64_t EstimatedSize() const override {
    int64_t page = page_plain_bytes_;
    if (dictionary_mode_) page = page_values_ * BitWidth(static_cast<uint64_t>(dictionary_.size())) / 8 + 1;
    int64_t levels = static_cast<int64_t>(page_def_levels_.size() + page_rep_levels_.size()) / 4;
    int64_t dictionary = dictionary_used_ || dictionary_mode_ ? dictionary_.plain_bytes() : 0;
    return static_cast<int64_t>(pages_.size()) + dictionary + page + levels;
  }

  EncodedColumnChunk Finish() override {
    FlushPage();
    EncodedColumnChunk out;
    ColumnMetaData& meta = out.meta;
    meta.type = leaf_.physical_type;
    meta.path_in_schema = leaf_.path;
    meta.codec = options_.codec;
    meta.num_values = num_values_;
    int64_t uncompressed = uncompressed_bytes_;
    if (dictionary_used_) {
      std::string body;
      dictionary_.EncodePlain(&body);
      PageHeader header;
      header.type = PageType::kDictionaryPage;
      DictionaryPageHeader dictionary_header;
      dictionary_header.num_values = dictionary_.size();
      dictionary_header.encoding = Encoding::kPlain;
      header.dictionary_page_header = dictionary_header;
      uncompressed += WritePage(&header, body, &out.dictionary_page);
      meta.dictionary_page_offset = 0;
      meta.encoding_stats.push_back({PageType::kDictionaryPage, Encoding::kPlain, 1});
    }
    const auto shift = static_cast<int64_t>(out.dictionary_page.size());
    meta.data_page_offset = shift;
    out.data_pages = std::move(pages_);
    out.offset_index.page_locations = std::move(locations_);
    for (PageLocation& location : out.offset_index.page_locations) location.offset += shift;
    meta.total_uncompressed_size = uncompressed;
    meta.total_compressed_size = shift + static_cast<int64_t>(out.data_pages.size());
    meta.statistics = chunk_stats_.ToThrift(leaf_.type_length);
    if (dictionary_pages_ > 0) {
      meta.encoding_stats.push_back({PageType::kDataPage, Encoding::kRleDictionary, dictionary_pages_});
    }
    if (plain_pages_ > 0) meta.encoding_stats.push_back({PageType::kDataPage, Encoding::kPlain, plain_pages_});
    if (dictionary_used_ || plain_pages_ > 0) meta.encodings.push_back(Encoding::kPlain);
    if (leaf_.max_def > 0 || leaf_.max_rep > 0) meta.encodings.push_back(Encoding::kRle);
    if (dictionary_pages_ > 0) meta.encodings.push_back(Encoding::kRleDictionary);
    out.column_index = index_builder_.Finish();
    ResetChunk();
    return out;
  }

 private:
  // Adds levels [first_level, end_level) and their values to the open page.
  void AddToPage(const LeafLevels& levels, int64_t first_level, int64_t end_level, int64_t first_value,
                 int64_t end_value) {
    if (!levels.def_levels.empty()) {
      page_def_levels_.insert(page_def_levels_.end(), levels.def_levels.begin() + first_level,
                              levels.def_levels.begin() + end_level);
    }
    if (!levels.rep_levels.empty()) {
      page_rep_levels_.insert(page_rep_levels_.end(), levels.rep_levels.begin() + first_level,
                              levels.rep_levels.begin() + end_level);
    }
    const int64_t count = end_value - first_value;
    const T* values = values_.data() + first_value;
    page_entries_ += end_level - first_level;
    page_values_ += count;
    page_stats_.AddNulls((end_level - first_level) - count);
    page_stats_.Update(values, count);
    if (dictionary_mode_) {
      for (int64_t i = 0; i < count; ++i) page_indices_.push_back(dictionary_.IndexOf(values[i]));
      if (dictionary_.plain_bytes() > options_.dictionary_page_bytes) {
        // Pages written so far keep their indices; the rest of the chunk is PLAIN.
        FlushPage();
        dictionary_mode_ = false;
      }
    } else if constexpr (std::is_same_v<T, uint8_t>) {
      page_booleans_.insert(page_booleans_.end(), values, values + count);
    } else {
      // Encoded right away: BYTE_ARRAY values are borrowed from the batch.
      PhysicalValue<T>::EncodePlain(values, count, leaf_.type_length, &page_plain_);
    }
  }

  void FlushPage() {
    if (page_entries_ == 0) return;
    std::string body;
    if (leaf_.max_rep > 0) AppendLevels(page_rep_levels_, leaf_.max_rep, &body);
    if (leaf_.max_def > 0) AppendLevels(page_def_levels_, leaf_.max_def, &body);
    Encoding encoding = Encoding::kPlain;
    if (dictionary_mode_ && page_values_ > 0) {
      // An all-NULL page stays PLAIN (no values), so a chunk without values
      // needs no dictionary page.
      encoding = Encoding::kRleDictionary;
      // Width at least 1: a one-entry dictionary would need 0 bits, which some readers reject.
      const int bit_width = std::max(1, BitWidth(static_cast<uint64_t>(dictionary_.size() - 1)));
      body.push_back(static_cast<char>(bit_width));
      RleBitPackedEncoder encoder(bit_width);
      for (int32_t index : page_indices_) encoder.Put(static_cast<uint32_t>(index));
      encoder.Finish(&body);
      dictionary_used_ = true;
      ++dictionary_pages_;
    } else {
      if constexpr (std::is_same_v<T, uint8_t>) {
        PhysicalValue<T>::EncodePlain(page_booleans_.data(), static_cast<int64_t>(page_booleans_.size()), 0, &body);
      } else {
        body += page_plain_;
      }
      ++plain_pages_;
    }

    PageHeader header;
    header.type = PageType::kDataPage;
    DataPageHeader data_header;
    LS_CHECK_LE(page_entries_, INT32_MAX);
    data_header.num_values = static_cast<int32_t>(page_entries_);
    data_header.encoding = encoding;
    header.data_page_header = data_header;
    PageLocation location;
    location.offset = static_cast<int64_t>(pages_.size());
    location.first_row_index = chunk_rows_;
    uncompressed_bytes_ += WritePage(&header, body, &pages_);
    location.compressed_page_size = static_cast<int32_t>(static_cast<int64_t>(pages_.size()) - location.offset);
    locations_.push_back(location);

    index_builder_.AddPage(page_stats_, page_values_ > 0);
    chunk_stats_.Merge(page_stats_);
    num_values_ += page_entries_;
    chunk_rows_ += page_rows_;
    ResetPage();
  }

  // Compresses `body`, completes the header's sizes and appends header and
  // page to *out; returns the page's uncompressed size (header included).
  int64_t WritePage(PageHeader* header, const std::string& body, std::string* out) const {
    std::string compressed;
    const std::string* payload = &body;
    if (options_.codec != Codec::kUncompressed) {
      Compress(options_.codec, reinterpret_cast<const uint8_t*>(body.data()), body.size(), &compressed);
      payload = &compressed;
    }
    LS_CHECK_LE(payload->size(), static_cast<size_t>(INT32_MAX));
    LS_CHECK_LE(body.size(), static_cast<size_t>(INT32_MAX));
    header->uncompressed_page_size = static_cast<int32_t>(body.size());
    header->compressed_page_size = static_cast<int32_t>(payload->size());
    std::string encoded_header = EncodePageHeader(*header);
    out->append(encoded_header);
    out->append(*payload);
    return static_cast<int64_t>(encoded_header.size() + body.size());
  }

  void ResetPage() {
    page_def_levels_.clear();
    page_rep_levels_.clear();
    page_indices_.clear();
    page_booleans_.clear();
    page_plain_.clear();
    page_entries_ = page_values_ = page_rows_ = page_plain_bytes_ = 0;
    page_stats_ = ValueStatistics<T>();
  }

  void ResetChunk() {
    ResetPage();
    dictionary_.Clear();
    dictionary_mode_ = kDictionaryCapable && options_.dictionary;
    dictionary_used_ = false;
    dictionary_pages_ = plain_pages_ = 0;
    pages_.clear();
    locations_.clear();
    chunk_stats_ = ValueStatistics<T>();
    num_values_ = chunk_rows_ = uncompressed_bytes_ = 0;
  }

  const LeafColumn& leaf_;
  const ParquetWriteOptions options_;
  std::vector<T> values_;  // the present values of the current Append

  // The open page.
  std::vector<int16_t> page_def_levels_, page_rep_levels_;
  std::vector<int32_t> page_indices_;   // dictionary mode
  std::vector<uint8_t> page_booleans_;  // BOOLEAN: bit-packed when the page closes
  std::string page_plain_;              // PLAIN values of the other types
  int64_t page_entries_ = 0, page_values_ = 0, page_rows_ = 0, page_plain_bytes_ = 0;
  ValueStatistics<T> page_stats_;

  // The chunk.
  ValueDictionary<T> dictionary_;
  bool dictionary_mode_ = false;  // new values still go to the dictionary
  bool dictionary_used_ = false;  // some page refers to the dictionary
  int32_t dictionary_pages_ = 0, plain_pages_ = 0;
  std::string pages_;
  std::vector<PageLocation> locations_;
  ColumnIndexBuilder<T> index_builder_;
  ValueStatistics<T> chunk_stats_;
  int64_t num_values_ = 0, chunk_rows_ = 0, uncompressed_bytes_ = 0;
};

}  // namespace

std::unique_ptr<ColumnChunkWriter> ColumnChunkWriter::Make(const LeafColumn& leaf, const ParquetWriteOptions& options) {
  switch (leaf.physical_type) {
    case PhysicalType::kBoolean: return std::make_unique<TypedColumnChunkWriter<uint8_t>>(leaf, options);
    case PhysicalType::kInt32: return std::make_unique<TypedColumnChunkWriter<int32_t>>(leaf, options);
    case PhysicalType::kInt64: return std::make_unique<TypedColumnChunkWriter<int64_t>>(leaf, options);
    case PhysicalType::kFloat: return std::make_unique<TypedColumnChunkWriter<float>>(leaf, options);
    case PhysicalType::kDouble: return std::make_unique<TypedColumnChunkWriter<double>>(leaf, options);
    case PhysicalType::kByteArray: return std::make_unique<TypedColumnChunkWriter<std::string_view>>(leaf, options);
    case PhysicalType::kFixedLenByteArray:
      return std::make_unique<TypedColumnChunkWriter<int128_t>>(leaf, options);
    case PhysicalType::kInt96: break;
  }
  LS_CHECK(false && "the writer never produces INT96");
  return nullptr;
}

}  // namespace lakestream::parquet
