#include "formats/parquet/column_chunk_reader.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "columnar/bit_util.h"

namespace lakestream::parquet {

namespace {

// Values decoded per step when levels or dictionary indices go through a
// uint32 staging buffer.
constexpr int64_t kStep = 4096;
// Records decoded and dropped per step when skipping within pages.
constexpr int64_t kDropStep = 64 * 1024;

[[noreturn]] void Corrupt(const std::string& what) { throw ParquetCorruptError(what); }

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kPlain: return "PLAIN";
    case Encoding::kPlainDictionary: return "PLAIN_DICTIONARY";
    case Encoding::kRle: return "RLE";
    case Encoding::kBitPacked: return "BIT_PACKED";
    case Encoding::kDeltaBinaryPacked: return "DELTA_BINARY_PACKED";
    case Encoding::kDeltaLengthByteArray: return "DELTA_LENGTH_BYTE_ARRAY";
    case Encoding::kDeltaByteArray: return "DELTA_BYTE_ARRAY";
    case Encoding::kRleDictionary: return "RLE_DICTIONARY";
    case Encoding::kByteStreamSplit: return "BYTE_STREAM_SPLIT";
  }
  return "unknown";
}

// `count` levels in the RLE/bit-packed hybrid, each at most `max_level`.
void DecodeRleLevels(const uint8_t* data, size_t size, int bit_width, int64_t count, int16_t max_level,
                     std::vector<int16_t>* out, std::vector<uint32_t>* staging) {
  out->resize(static_cast<size_t>(count));
  staging->resize(static_cast<size_t>(std::min(count, kStep)));
  RleBitPackedDecoder decoder(data, size, bit_width);
  for (int64_t done = 0; done < count;) {
    int64_t want = std::min(count - done, kStep);
    int64_t got = decoder.GetBatch(staging->data(), want);
    uint32_t max_seen = 0;
    for (int64_t i = 0; i < got; ++i) {
      max_seen = std::max(max_seen, (*staging)[i]);
      (*out)[done + i] = static_cast<int16_t>((*staging)[i]);
    }
    if (max_seen > static_cast<uint32_t>(max_level)) {
      Corrupt("a level of " + std::to_string(max_seen) + " exceeds the column's maximum of " +
              std::to_string(max_level));
    }
    done += got;
    if (got < want) {
      Corrupt("the page declares " + std::to_string(count) + " values but its levels end after " +
              std::to_string(done));
    }
  }
}

// Legacy BIT_PACKED levels: `count` values of `bit_width` bits, most
// significant bit first.
void DecodeBitPackedLevels(const uint8_t* data, size_t size, int bit_width, int64_t count, int16_t max_level,
                           std::vector<int16_t>* out) {
  out->resize(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    uint32_t v = 0;
    for (int b = 0; b < bit_width; ++b) {
      uint64_t bit = static_cast<uint64_t>(i) * bit_width + b;
      if (bit / 8 >= size) Corrupt("BIT_PACKED levels end before the page's value count");
      v = (v << 1) | ((data[bit / 8] >> (7 - bit % 8)) & 1);
    }
    if (v > static_cast<uint32_t>(max_level)) {
      Corrupt("a level of " + std::to_string(v) + " exceeds the column's maximum of " + std::to_string(max_level));
    }
    (*out)[i] = static_cast<int16_t>(v);
  }
}

}  // namespace

ColumnChunkReader::ColumnChunkReader(const RandomAccessFile& file, const ColumnMetaData& meta,
                                     const LeafDescriptor& leaf, int64_t num_rows, MemoryTracker* memory,
                                     std::string context)
    : leaf_(leaf),
      converter_(leaf),
      meta_(meta),
      pages_(file, meta, memory, context),
      num_rows_(num_rows),
      context_(std::move(context)),
      bit_width_def_(BitWidth(static_cast<uint64_t>(leaf.max_def_level))),
      bit_width_rep_(BitWidth(static_cast<uint64_t>(leaf.max_rep_level))),
      flat_validity_(leaf.max_rep_level == 0 && leaf.max_def_level == 1),
      dictionary_(converter_) {
  if (meta.type != leaf.physical_type) {
    throw ParquetCorruptError("Corrupt Parquet file: " + context_ +
                              " has a physical type that differs from the schema's.");
  }
  if (memory) reservation_ = std::make_unique<MemoryReservation>(*memory, "Parquet scan of " + context_);
}

ColumnChunkReader::~ColumnChunkReader() = default;

void ColumnChunkReader::Fail(const std::string& what) const {
  throw ParquetCorruptError("Corrupt Parquet file: " + context_ + ", page " + std::to_string(page_.ordinal) +
                            " at offset " + std::to_string(page_.file_offset) + ": " + what + ".");
}

void ColumnChunkReader::Account() {
  if (!reservation_) return;
  size_t scratch = scratch_.capacity() + scratch_offsets_.capacity() * 4 + scratch_bytes_.capacity();
  size_t levels = (page_def_.capacity() + page_rep_.capacity()) * 2;
  int64_t bytes = dictionary_.memory() + static_cast<int64_t>(scratch + levels);
  reservation_->Resize(bytes, "Raise the query memory limit; Parquet dictionaries and pages are decoded whole.");
}

bool ColumnChunkReader::NextDataPage() {
  while (pages_.Next(&page_)) {
    try {
      if (page_.header.type == PageType::kDictionaryPage) {
        if (have_dictionary_ || data_pages_ > 0) Corrupt("a dictionary page after the first page");
        dictionary_.Decode(page_);
        have_dictionary_ = true;
        Account();
        continue;
      }
      const uint8_t* values = nullptr;
      size_t values_size = 0;
      DecodeLevels(page_, &values, &values_size);
      ++data_pages_;
      if (data_pages_ == 1 && leaf_.max_rep_level > 0 && page_levels_ > 0 && page_rep_[0] != 0) {
        Corrupt("the first repetition level is " + std::to_string(page_rep_[0]) + ", not 0");
      }
      StartValues(page_, values, values_size);
      Account();
    } catch (const ParquetCorruptError& e) {
      Fail(e.message());
    }
    level_pos_ = 0;
    if (page_levels_ > 0) return true;
  }
  return false;
}

void ColumnChunkReader::DecodeLevels(const Page& page, const uint8_t** values, size_t* values_size) {
  const PageHeader& h = page.header;
  bool v2 = h.type == PageType::kDataPageV2;
  int32_t n = v2 ? h.data_page_header_v2->num_values : h.data_page_header->num_values;
  if (n < 0) Corrupt("the page declares " + std::to_string(n) + " values");
  page_levels_ = n;
  page_def_.clear();
  page_rep_.clear();
  def_decoder_.reset();
  // Leaves without repetition decode their definition levels batch by batch
  // straight into the batch (no page-sized level array).
  bool lazy_def = leaf_.max_rep_level == 0;
  if (v2) {
    const DataPageHeaderV2& v = *h.data_page_header_v2;
    size_t rep_size = static_cast<size_t>(v.repetition_levels_byte_length);
    if (leaf_.max_rep_level > 0) {
      DecodeRleLevels(page.levels, rep_size, bit_width_rep_, n, leaf_.max_rep_level, &page_rep_, &index_buffer_);
    }
    if (leaf_.max_def_level > 0 && lazy_def) {
      def_span_ = {page.levels + rep_size, page.levels_size - rep_size};
      def_decoder_.emplace(def_span_.first, def_span_.second, bit_width_def_);
    } else if (leaf_.max_def_level > 0) {
      DecodeRleLevels(page.levels + rep_size, page.levels_size - rep_size, bit_width_def_, n, leaf_.max_def_level,
                      &page_def_, &index_buffer_);
    }
    *values = page.body;
    *values_size = page.body_size;
    return;
  }
  const DataPageHeader& v = *h.data_page_header;
  const uint8_t* p = page.body;
  const uint8_t* end = page.body + page.body_size;
  auto decode = [&](Encoding encoding, int bit_width, int16_t max_level, std::vector<int16_t>* out, bool lazy) {
    if (encoding == Encoding::kRle) {
      if (end - p < 4) Corrupt("the page ends inside a level length");
      uint32_t length;
      std::memcpy(&length, p, 4);
      if (length > static_cast<size_t>(end - p - 4)) Corrupt("a level run length runs past the page");
      if (lazy) {
        def_span_ = {p + 4, length};
        def_decoder_.emplace(p + 4, length, bit_width);
      } else {
        DecodeRleLevels(p + 4, length, bit_width, n, max_level, out, &index_buffer_);
      }
      p += 4 + length;
    } else if (encoding == Encoding::kBitPacked) {
      size_t bytes = (static_cast<size_t>(n) * bit_width + 7) / 8;
      if (bytes > static_cast<size_t>(end - p)) Corrupt("BIT_PACKED levels run past the page");
      DecodeBitPackedLevels(p, bytes, bit_width, n, max_level, out);
      p += bytes;
    } else {
      Corrupt(std::string("levels in ") + EncodingName(encoding));
    }
  };
  if (leaf_.max_rep_level > 0) {
    decode(v.repetition_level_encoding, bit_width_rep_, leaf_.max_rep_level, &page_rep_, false);
  }
  if (leaf_.max_def_level > 0) {
    decode(v.definition_level_encoding, bit_width_def_, leaf_.max_def_level, &page_def_, lazy_def);
  }
  *values = p;
  *values_size = static_cast<size_t>(end - p);
}

int64_t ColumnChunkReader::PageValueCount() {
  if (leaf_.max_def_level == 0) return page_levels_;
  if (!def_decoder_) return std::count(page_def_.begin(), page_def_.end(), leaf_.max_def_level);
  RleBitPackedDecoder levels(def_span_.first, def_span_.second, bit_width_def_);
  index_buffer_.resize(static_cast<size_t>(std::min(page_levels_, kStep)));
  int64_t present = 0;
  for (int64_t done = 0; done < page_levels_;) {
    int64_t want = std::min(page_levels_ - done, kStep);
    int64_t got = levels.GetBatch(index_buffer_.data(), want);
    for (int64_t i = 0; i < got; ++i) present += index_buffer_[i] == static_cast<uint32_t>(leaf_.max_def_level);
    done += got;
    if (got < want) {
      Corrupt("the page declares " + std::to_string(page_levels_) + " values but its levels end after " +
              std::to_string(done));
    }
  }
  return present;
}

int64_t ColumnChunkReader::AppendDefLevels(int64_t n, LeafBatch* out) {
  const int16_t max_level = leaf_.max_def_level;
  uint8_t* bits = flat_validity_ ? out->validity->mutable_data() : nullptr;
  int64_t at = out->num_levels;
  int64_t present = 0;
  if (!def_decoder_) {
    const int16_t* def = page_def_.data() + level_pos_;
    if (!bits) out->def_levels.insert(out->def_levels.end(), def, def + n);
    for (int64_t i = 0; i < n; ++i) {
      bool is_present = def[i] == max_level;
      if (bits && is_present) bit_util::SetBit(bits, at + i);
      present += is_present;
    }
    return present;
  }
  index_buffer_.resize(static_cast<size_t>(std::min(n, kStep)));
  const uint32_t* staged = index_buffer_.data();
  for (int64_t done = 0; done < n;) {
    if (bits) {
      // Repeated runs (a page without NULLs is one) set their bits in bulk.
      uint32_t level = 0;
      int64_t run = def_decoder_->TakeRepeated(n - done, &level);
      if (run > 0) {
        if (level > static_cast<uint32_t>(max_level)) {
          Corrupt("a level of " + std::to_string(level) + " exceeds the column's maximum of " +
                  std::to_string(max_level));
        }
        if (level == 1) {
          bit_util::SetBitsInRange(bits, at + done, run);
          present += run;
        }
        done += run;
        continue;
      }
    }
    int64_t want = std::min(n - done, kStep);
    int64_t got = def_decoder_->GetBatch(index_buffer_.data(), want);
    if (got < want) {
      Corrupt("the page declares " + std::to_string(page_levels_) + " values but its levels end after " +
              std::to_string(level_pos_ + done + got));
    }
    // OR-ing is cheaper than max and exceeds it only when some bits do.
    uint32_t any = 0;
    for (int64_t i = 0; i < got; ++i) any |= staged[i];
    if (any > static_cast<uint32_t>(max_level)) {
      uint32_t top = *std::max_element(staged, staged + got);
      if (top > static_cast<uint32_t>(max_level)) {
        Corrupt("a level of " + std::to_string(top) + " exceeds the column's maximum of " + std::to_string(max_level));
      }
    }
    if (bits) {
      // Levels are 0 or 1 here: each is its own validity bit.
      for (int64_t i = 0; i < got; ++i) {
        int64_t position = at + done + i;
        bits[position >> 3] |= static_cast<uint8_t>(staged[i] << (position & 7));
        present += staged[i];
      }
    } else {
      for (int64_t i = 0; i < got; ++i) {
        out->def_levels.push_back(static_cast<int16_t>(staged[i]));
        present += staged[i] == static_cast<uint32_t>(max_level);
      }
    }
    done += got;
  }
  return present;
}

void ColumnChunkReader::StartValues(const Page& page, const uint8_t* data, size_t size) {
  const PageHeader& h = page.header;
  bool v2 = h.type == PageType::kDataPageV2;
  Encoding encoding = v2 ? h.data_page_header_v2->encoding : h.data_page_header->encoding;
  // Encodings decoded a page at a time need its count of present values.
  bool whole_page = encoding == Encoding::kRle || encoding == Encoding::kDeltaBinaryPacked ||
                    encoding == Encoding::kDeltaLengthByteArray || encoding == Encoding::kDeltaByteArray ||
                    encoding == Encoding::kByteStreamSplit ||
                    (encoding == Encoding::kPlain && leaf_.physical_type == PhysicalType::kBoolean);
  int64_t count = whole_page ? PageValueCount() : 0;
  PhysicalType physical = leaf_.physical_type;
  int width = converter_.physical_width();
  indices_.reset();
  auto fixed_over = [&](const uint8_t* p, size_t bytes) {
    source_ = Source::kFixed;
    fixed_ = p;
    fixed_end_ = p + bytes;
  };
  auto decoded_binary = [&]() {
    scratch_offsets_.assign(1, 0);
    scratch_bytes_.clear();
    size_t used = encoding == Encoding::kDeltaByteArray
                      ? DecodeDeltaByteArray(data, size, count, &scratch_offsets_, &scratch_bytes_)
                      : DecodeDeltaLengthByteArray(data, size, count, &scratch_offsets_, &scratch_bytes_);
    (void)used;
    if (physical == PhysicalType::kFixedLenByteArray) {
      // Fixed-width values decoded by a byte-array encoding lie back to back.
      for (int64_t i = 0; i < count; ++i) {
        if (scratch_offsets_[i + 1] - scratch_offsets_[i] != width) {
          Corrupt("a FIXED_LEN_BYTE_ARRAY value of " + std::to_string(scratch_offsets_[i + 1] - scratch_offsets_[i]) +
                  " bytes in a column of width " + std::to_string(width));
        }
      }
      fixed_over(reinterpret_cast<const uint8_t*>(scratch_bytes_.data()), scratch_bytes_.size());
    } else {
      source_ = Source::kDecodedBinary;
      decoded_pos_ = 0;
    }
  };
  switch (encoding) {
    case Encoding::kPlain:
      if (physical == PhysicalType::kBoolean) {
        scratch_.resize(static_cast<size_t>(count));
        DecodePlainBoolean(data, size, count, scratch_.data());
        fixed_over(scratch_.data(), scratch_.size());
      } else if (physical == PhysicalType::kByteArray) {
        source_ = Source::kPlainBinary;
        fixed_ = data;
        fixed_end_ = data + size;
      } else {
        fixed_over(data, size);
      }
      return;
    case Encoding::kPlainDictionary:
    case Encoding::kRleDictionary: {
      if (!have_dictionary_) Corrupt("a dictionary-encoded page without a dictionary page");
      if (size == 0) return fixed_over(data, 0);  // all NULL; asking for a value fails
      if (data[0] > 32) Corrupt("dictionary indices of " + std::to_string(data[0]) + " bits");
      source_ = Source::kDictionary;
      indices_.emplace(data + 1, size - 1, data[0]);
      return;
    }
    case Encoding::kRle: {
      if (physical != PhysicalType::kBoolean) Corrupt("RLE values in a non-BOOLEAN column");
      if (size < 4) Corrupt("the page ends inside the RLE length");
      uint32_t length;
      std::memcpy(&length, data, 4);
      if (length > size - 4) Corrupt("the RLE run length runs past the page");
      scratch_.resize(static_cast<size_t>(count));
      index_buffer_.resize(static_cast<size_t>(std::min(count, kStep)));
      RleBitPackedDecoder decoder(data + 4, length, 1);
      for (int64_t done = 0; done < count;) {
        int64_t want = std::min(count - done, kStep);
        int64_t got = decoder.GetBatch(index_buffer_.data(), want);
        for (int64_t i = 0; i < got; ++i) scratch_[done + i] = static_cast<uint8_t>(index_buffer_[i]);
        done += got;
        if (got < want) Corrupt("the RLE booleans end before the page's values");
      }
      fixed_over(scratch_.data(), scratch_.size());
      return;
    }
    case Encoding::kDeltaBinaryPacked:
      scratch_.resize(static_cast<size_t>(count) * std::max(width, 1));
      if (physical == PhysicalType::kInt32) {
        DecodeDeltaBinaryPacked32(data, size, count, reinterpret_cast<int32_t*>(scratch_.data()));
      } else if (physical == PhysicalType::kInt64) {
        DecodeDeltaBinaryPacked64(data, size, count, reinterpret_cast<int64_t*>(scratch_.data()));
      } else {
        Corrupt("DELTA_BINARY_PACKED values in a column that is not INT32 or INT64");
      }
      fixed_over(scratch_.data(), scratch_.size());
      return;
    case Encoding::kDeltaLengthByteArray:
    case Encoding::kDeltaByteArray:
      if (physical != PhysicalType::kByteArray && physical != PhysicalType::kFixedLenByteArray) {
        Corrupt(std::string(EncodingName(encoding)) + " values in a column that is not a byte array");
      }
      decoded_binary();
      return;
    case Encoding::kByteStreamSplit:
      if (physical == PhysicalType::kBoolean || physical == PhysicalType::kByteArray ||
          physical == PhysicalType::kInt96) {
        Corrupt("BYTE_STREAM_SPLIT values in a column of variable or 12-byte width");
      }
      scratch_.resize(static_cast<size_t>(count) * width);
      DecodeByteStreamSplit(data, size, count, width, scratch_.data());
      fixed_over(scratch_.data(), scratch_.size());
      return;
    case Encoding::kBitPacked: break;
  }
  Corrupt(std::string("values in ") + EncodingName(encoding) + " (" +
          std::to_string(static_cast<int>(encoding)) + "), which is not a value encoding");
}

void ColumnChunkReader::AppendFixed(const uint8_t* src, int64_t count, LeafBatch* out) {
  if (converter_.target() == LeafValueConverter::Target::kBinary) {
    converter_.FixedToBinary(src, count, &out->offsets, &out->bytes);
    return;
  }
  converter_.FixedToFixed(src, count, out->FixedValuesFor(count, converter_.target_width()));
}

void ColumnChunkReader::AppendBinary(const int32_t* offsets, const uint8_t* bytes, int64_t count, LeafBatch* out) {
  if (converter_.target() == LeafValueConverter::Target::kFixed) {
    converter_.BinaryToFixed(offsets, bytes, count, out->FixedValuesFor(count, converter_.target_width()));
    return;
  }
  int64_t base = static_cast<int64_t>(out->bytes.size());
  int64_t length = offsets[count] - offsets[0];
  if (base + length > kMaxBatchBytes) ThrowBatchBytesOverflow(leaf_.DottedPath());
  out->bytes.append(reinterpret_cast<const char*>(bytes) + offsets[0], static_cast<size_t>(length));
  int64_t shift = base - offsets[0];
  out->offsets.reserve(out->offsets.size() + count);
  for (int64_t i = 1; i <= count; ++i) out->offsets.push_back(static_cast<int32_t>(offsets[i] + shift));
}

void ColumnChunkReader::GatherDictionary(int64_t count, LeafBatch* out) {
  index_buffer_.resize(static_cast<size_t>(std::min(count, kStep)));
  for (int64_t done = 0; done < count;) {
    int64_t want = std::min(count - done, kStep);
    if (indices_->GetBatch(index_buffer_.data(), want) < want) {
      Corrupt("the dictionary indices end before the page's values");
    }
    dictionary_.Gather(index_buffer_.data(), want, out);
    out->num_values += want;
    done += want;
  }
}

void ColumnChunkReader::CheckPlainBytesFit(int64_t count, const LeafBatch* out) const {
  // Near the limit only: sum the next values' length prefixes.
  int64_t total = static_cast<int64_t>(out->bytes.size());
  const uint8_t* p = fixed_;
  for (int64_t i = 0; i < count && fixed_end_ - p >= 4; ++i) {
    uint32_t length;
    std::memcpy(&length, p, 4);
    total += length;
    if (total > kMaxBatchBytes) ThrowBatchBytesOverflow(leaf_.DottedPath());
    if (length > static_cast<size_t>(fixed_end_ - p - 4)) return;  // corrupt: the decoder reports it
    p += 4 + length;
  }
}

void ColumnChunkReader::DecodeValues(int64_t count, LeafBatch* out) {
  int width = converter_.physical_width();
  switch (source_) {
    case Source::kFixed: {
      if (static_cast<uint64_t>(fixed_end_ - fixed_) / width < static_cast<uint64_t>(count)) {
        Corrupt("the page holds fewer values than its levels need");
      }
      AppendFixed(fixed_, count, out);
      fixed_ += count * width;
      break;
    }
    case Source::kPlainBinary: {
      size_t left = static_cast<size_t>(fixed_end_ - fixed_);
      if (static_cast<int64_t>(out->bytes.size() + left) > kMaxBatchBytes) CheckPlainBytesFit(count, out);
      if (converter_.target() == LeafValueConverter::Target::kBinary) {
        fixed_ += DecodePlainByteArray(fixed_, left, count, &out->offsets, &out->bytes);
      } else {
        scratch_offsets_.assign(1, 0);
        scratch_bytes_.clear();
        fixed_ += DecodePlainByteArray(fixed_, left, count, &scratch_offsets_, &scratch_bytes_);
        AppendBinary(scratch_offsets_.data(), reinterpret_cast<const uint8_t*>(scratch_bytes_.data()), count, out);
      }
      break;
    }
    case Source::kDecodedBinary: {
      if (decoded_pos_ + count >= static_cast<int64_t>(scratch_offsets_.size())) {
        Corrupt("the page holds fewer values than its levels need");
      }
      AppendBinary(scratch_offsets_.data() + decoded_pos_, reinterpret_cast<const uint8_t*>(scratch_bytes_.data()),
                   count, out);
      decoded_pos_ += count;
      break;
    }
    case Source::kDictionary:
      GatherDictionary(count, out);
      return;  // counted per step
  }
  out->num_values += count;
}

bool ColumnChunkReader::ChunkHasBytesBefore(int64_t offset) const {
  int64_t start = meta_.data_page_offset;
  if (meta_.dictionary_page_offset && *meta_.dictionary_page_offset > 0 && *meta_.dictionary_page_offset < start) {
    start = *meta_.dictionary_page_offset;
  }
  return offset > start;
}

void ColumnChunkReader::ReadDictionaryPage() {
  // Only a dictionary page may precede the first data page.
  if (!pages_.Next(&page_) || page_.header.type != PageType::kDictionaryPage) return;
  try {
    dictionary_.Decode(page_);
  } catch (const ParquetCorruptError& e) {
    Fail(e.message());
  }
  have_dictionary_ = true;
  Account();
}

void ColumnChunkReader::SkipTo(int64_t row, const OffsetIndex* index) {
  if (row <= rows_read_) return;
  if (index != nullptr && leaf_.max_rep_level == 0 && !index->page_locations.empty()) {
    // The last page starting at or before `row`.
    const auto& pages = index->page_locations;
    auto after = std::upper_bound(pages.begin(), pages.end(), row,
                                  [](int64_t r, const PageLocation& p) { return r < p.first_row_index; });
    if (after != pages.begin()) {
      const PageLocation& target = *(after - 1);
      // A jump pays only when it passes pages the current position would
      // decode: past the end of the current page.
      bool past_current = !have_page_ || target.first_row_index >= rows_read_ + (page_levels_ - level_pos_);
      if (target.first_row_index > rows_read_ && past_current) {
        if (!have_page_ && data_pages_ == 0 && !have_dictionary_ && ChunkHasBytesBefore(pages.front().offset)) {
          ReadDictionaryPage();
        }
        pages_.SeekTo(target.offset);
        have_page_ = false;
        level_pos_ = page_levels_ = 0;
        rows_read_ = target.first_row_index;
      }
    }
  }
  LeafBatch dropped;
  while (rows_read_ < row) ReadRecords(std::min<int64_t>(row - rows_read_, kDropStep), &dropped);
}

void ColumnChunkReader::ReadRecords(int64_t rows, LeafBatch* out) {
  out->Clear();
  bool fixed_target = converter_.target() != LeafValueConverter::Target::kBinary;
  bool repeated = leaf_.max_rep_level > 0;
  int width = converter_.target_width();
  // Flat columns hold one value per row at most: one allocation per batch.
  if (fixed_target && !repeated) out->FixedValuesFor(rows, width);
  if (flat_validity_) out->validity = Buffer::Allocate(bit_util::BytesForBits(rows));
  int64_t rows_left = rows;
  while (true) {
    if (!have_page_ || level_pos_ == page_levels_) {
      if (!repeated && rows_left == 0) break;
      have_page_ = NextDataPage();
      if (!have_page_) break;
    }
    int64_t n;
    if (!repeated) {
      if (rows_left == 0) break;
      n = std::min(rows_left, page_levels_ - level_pos_);
      rows_left -= n;
    } else {
      // A record runs until the next repetition level 0, across pages too.
      const int16_t* rep = page_rep_.data();
      int64_t end = level_pos_;
      for (; end < page_levels_; ++end) {
        if (rep[end] == 0) {
          if (rows_left == 0) break;
          --rows_left;
        }
      }
      n = end - level_pos_;
      if (n == 0) break;
      out->rep_levels.insert(out->rep_levels.end(), rep + level_pos_, rep + end);
    }
    int64_t values = n;
    try {
      if (leaf_.max_def_level > 0) values = AppendDefLevels(n, out);
      out->num_levels += n;
      if (values > 0) DecodeValues(values, out);
    } catch (const ParquetCorruptError& e) {
      Fail(e.message());
    }
    level_pos_ += n;
  }
  rows_read_ += rows - rows_left;
  if (rows_left > 0) {
    throw ParquetCorruptError("Corrupt Parquet file: " + context_ + " ends after " + std::to_string(rows_read_) +
                              " rows, but its row group has " + std::to_string(num_rows_) + ".");
  }
  if (flat_validity_) {
    out->null_count = out->num_levels - out->num_values;
    if (out->null_count == 0) out->validity.reset();
  }
  // The assembler spreads values over their slots in place.
  if (fixed_target && out->num_levels > out->num_values) {
    int64_t present = out->num_values;
    out->FixedValuesFor(out->num_levels - present, width);
  }
}

}  // namespace lakestream::parquet
