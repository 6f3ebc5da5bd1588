#include "formats/parquet/row_group_pruner.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

#include "formats/parquet/encoding.h"
#include "formats/parquet/page_dictionary.h"
#include "formats/parquet/record_assembler.h"
#include "formats/parquet/value_range.h"

namespace lakestream::parquet {

namespace {

// Bytes read for a bloom filter header when its length is not recorded.
constexpr int64_t kBloomHeaderGuess = 64;

bool IsUnsigned(LeafConversion c) {
  return c == LeafConversion::kUint8ToInt16 || c == LeafConversion::kUint16ToInt32 ||
         c == LeafConversion::kUint32ToInt64 || c == LeafConversion::kUint64ToDecimal;
}

// Whether the legacy min/max (written in signed order by every writer) order
// this leaf's values correctly.
bool LegacyOrderIsRight(const LeafDescriptor& leaf) {
  switch (leaf.physical_type) {
    case PhysicalType::kBoolean:
    case PhysicalType::kInt32:
    case PhysicalType::kInt64:
    case PhysicalType::kFloat:
    case PhysicalType::kDouble: return !IsUnsigned(leaf.conversion);
    default: return false;
  }
}

// Reads [offset, offset + length) of the file, or returns false when the
// range lies outside it.
bool ReadRange(const RandomAccessFile& file, int64_t offset, int64_t length, std::string* out) {
  if (offset < 0 || length < 0 || offset > file.size() || length > file.size() - offset) return false;
  return file.ReadAt(offset, length, out) == length;
}

enum class BloomKey { kHashable, kImpossible, kUnknown };

// The PLAIN bytes the writer hashed for value `v` of a column of `leaf`;
// kImpossible when no value of the column can equal `v`, kUnknown when the
// column's hashing of it is not known here.
BloomKey PlainBytesForBloom(const LeafDescriptor& leaf, const Value& v, std::string* bytes) {
  auto put = [bytes](auto x) {
    bytes->assign(reinterpret_cast<const char*>(&x), sizeof(x));
    return BloomKey::kHashable;
  };
  if (leaf.conversion == LeafConversion::kFixedToBinary) {
    if (v.kind() != Value::Kind::kString) return BloomKey::kUnknown;
    if (static_cast<int>(v.as_string().size()) != leaf.type_length) return BloomKey::kImpossible;
    *bytes = v.as_string();
    return BloomKey::kHashable;
  }
  if (leaf.conversion != LeafConversion::kNone && leaf.conversion != LeafConversion::kInt32ToInt8 &&
      leaf.conversion != LeafConversion::kInt32ToInt16) {
    return BloomKey::kUnknown;
  }
  switch (leaf.physical_type) {
    case PhysicalType::kInt32:
      if (v.kind() != Value::Kind::kInt) return BloomKey::kUnknown;
      if (v.as_int() < INT32_MIN || v.as_int() > INT32_MAX) return BloomKey::kImpossible;
      return put(static_cast<int32_t>(v.as_int()));
    case PhysicalType::kInt64:
      if (v.kind() != Value::Kind::kInt) return BloomKey::kUnknown;
      return put(v.as_int());
    case PhysicalType::kFloat:
    case PhysicalType::kDouble: {
      // -0.0 equals 0.0 but hashes differently; NaN has many encodings.
      if (v.kind() != Value::Kind::kDouble || v.as_double() == 0 || std::isnan(v.as_double())) {
        return BloomKey::kUnknown;
      }
      if (leaf.physical_type == PhysicalType::kDouble) return put(v.as_double());
      auto f = static_cast<float>(v.as_double());
      if (static_cast<double>(f) != v.as_double()) return BloomKey::kImpossible;
      return put(f);
    }
    case PhysicalType::kByteArray:
      if (v.kind() != Value::Kind::kString) return BloomKey::kUnknown;
      *bytes = v.as_string();
      return BloomKey::kHashable;
    default: return BloomKey::kUnknown;
  }
}

bool IsEquality(const ColumnPredicate& p) {
  return p.op == ColumnPredicate::Op::kEq || p.op == ColumnPredicate::Op::kIn;
}

// Whether every data page of the chunk is dictionary-encoded (parquet-java's
// rule: page encoding stats when present, else the chunk's encodings).
bool AllPagesUseDictionary(const ColumnMetaData& meta) {
  auto is_dictionary = [](Encoding e) { return e == Encoding::kPlainDictionary || e == Encoding::kRleDictionary; };
  if (!meta.encoding_stats.empty()) {
    bool dictionary_page = false;
    for (const auto& s : meta.encoding_stats) {
      if (s.page_type == PageType::kDictionaryPage) dictionary_page = true;
      if ((s.page_type == PageType::kDataPage || s.page_type == PageType::kDataPageV2) && s.count > 0 &&
          !is_dictionary(s.encoding)) {
        return false;
      }
    }
    return dictionary_page;
  }
  bool any = false;
  for (Encoding e : meta.encodings) {
    if (is_dictionary(e)) any = true;
    else if (e != Encoding::kRle && e != Encoding::kBitPacked) return false;
  }
  return any;
}

}  // namespace

RowGroupPruner::RowGroupPruner(const ParquetFileReader& reader, const std::vector<ColumnPredicate>& predicates,
                               const SchemaPtr& read_schema, PruningEvidence evidence)
    : reader_(reader), evidence_(evidence) {
  for (const auto& p : predicates) {
    int index = read_schema->FieldIndex(p.column);
    const ParquetNode* node = reader.FindField(p.column);
    if (index < 0 || !node || node->kind != ParquetNode::Kind::kLeaf) continue;
    const LeafDescriptor& leaf = reader.schema().leaves()[node->leaf];
    const DataTypePtr& type = read_schema->field(index).type;
    if (!CanReadAs(*leaf.type, *type)) continue;
    targets_.push_back(Target{p, &leaf, type});
  }
}

bool RowGroupPruner::TypeDefinedOrder(const LeafDescriptor& leaf) const {
  const auto& orders = reader_.metadata().column_orders;
  return orders.empty() || (static_cast<size_t>(leaf.column_index) < orders.size() &&
                            orders[leaf.column_index].type_defined);
}

bool RowGroupPruner::CanSkip(int g) const {
  const RowGroup& rg = reader_.metadata().row_groups[g];
  if (rg.num_rows == 0) return true;
  for (const auto& t : targets_) {
    const ColumnChunk& chunk = rg.columns[t.leaf->column_index];
    if (!chunk.meta_data) continue;
    if ((evidence_.statistics && StatisticsExclude(t, chunk)) ||
        (evidence_.column_index && ColumnIndexExcludes(t, chunk)) ||
        (evidence_.dictionary && DictionaryExcludes(t, chunk, g)) ||
        (evidence_.bloom_filter && BloomFilterExcludes(t, chunk))) {
      return true;
    }
  }
  return false;
}

bool RowGroupPruner::StatisticsExclude(const Target& t, const ColumnChunk& chunk) const {
  const ColumnMetaData& meta = *chunk.meta_data;
  if (!meta.statistics) return false;
  const Statistics& s = *meta.statistics;
  ValueRange range;
  range.null_count = s.null_count;
  range.num_values = meta.num_values;
  const std::string* min = nullptr;
  const std::string* max = nullptr;
  if (s.min_value && s.max_value && TypeDefinedOrder(*t.leaf)) {
    min = &*s.min_value, max = &*s.max_value;
  } else if (s.min && s.max && LegacyOrderIsRight(*t.leaf)) {
    min = &*s.min, max = &*s.max;
  }
  if (min) {
    range.min = DecodeStatisticsValue(*t.leaf, *min, *t.type);
    range.max = DecodeStatisticsValue(*t.leaf, *max, *t.type);
  }
  return !range.MayMatch(t.predicate, *t.type);
}

std::optional<std::vector<bool>> RowGroupPruner::PagesMayMatch(const Target& t, const ColumnChunk& chunk) const {
  if (!chunk.column_index_offset || !chunk.column_index_length || !TypeDefinedOrder(*t.leaf)) return std::nullopt;
  std::string bytes;
  if (!ReadRange(reader_.file(), *chunk.column_index_offset, *chunk.column_index_length, &bytes)) return std::nullopt;
  ColumnIndex index;
  try {
    index = DecodeColumnIndex(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  } catch (const ParquetCorruptError&) {
    return std::nullopt;
  }
  size_t pages = index.null_pages.size();
  if (pages == 0 || index.min_values.size() != pages || index.max_values.size() != pages ||
      (!index.null_counts.empty() && index.null_counts.size() != pages)) {
    return std::nullopt;
  }
  std::vector<bool> may_match(pages);
  for (size_t i = 0; i < pages; ++i) {
    ValueRange range;
    range.all_null = index.null_pages[i];
    if (!index.null_counts.empty()) range.null_count = index.null_counts[i];
    if (!range.all_null) {
      range.min = DecodeStatisticsValue(*t.leaf, index.min_values[i], *t.type);
      range.max = DecodeStatisticsValue(*t.leaf, index.max_values[i], *t.type);
    }
    may_match[i] = range.MayMatch(t.predicate, *t.type);
  }
  return may_match;
}

bool RowGroupPruner::ColumnIndexExcludes(const Target& t, const ColumnChunk& chunk) const {
  std::optional<std::vector<bool>> pages = PagesMayMatch(t, chunk);
  return pages && std::find(pages->begin(), pages->end(), true) == pages->end();
}

std::optional<std::vector<RowRange>> RowGroupPruner::MatchingRows(int g) const {
  if (!evidence_.column_index) return std::nullopt;
  const RowGroup& rg = reader_.metadata().row_groups[g];
  std::optional<std::vector<RowRange>> result;
  for (const auto& t : targets_) {
    // Pages start at record boundaries only in the offset index of a
    // top-level leaf without repetition.
    if (t.leaf->max_rep_level > 0) continue;
    const ColumnChunk& chunk = rg.columns[t.leaf->column_index];
    if (!chunk.meta_data) continue;
    std::optional<std::vector<bool>> may_match = PagesMayMatch(t, chunk);
    if (!may_match) continue;
    std::optional<OffsetIndex> offsets = reader_.ReadOffsetIndex(g, t.leaf->column_index);
    if (!offsets || offsets->page_locations.size() != may_match->size()) continue;
    const auto& pages = offsets->page_locations;
    std::vector<RowRange> ranges;
    for (size_t i = 0; i < pages.size(); ++i) {
      if (!(*may_match)[i]) continue;
      int64_t begin = pages[i].first_row_index;
      int64_t end = i + 1 < pages.size() ? pages[i + 1].first_row_index : rg.num_rows;
      if (!ranges.empty() && ranges.back().end == begin) {
        ranges.back().end = end;
      } else {
        ranges.push_back(RowRange{begin, end});
      }
    }
    if (!result) {
      result = std::move(ranges);
      continue;
    }
    // Rows every predicate so far may match.
    std::vector<RowRange> both;
    size_t a = 0, b = 0;
    while (a < result->size() && b < ranges.size()) {
      int64_t begin = std::max((*result)[a].begin, ranges[b].begin);
      int64_t end = std::min((*result)[a].end, ranges[b].end);
      if (begin < end) both.push_back(RowRange{begin, end});
      ((*result)[a].end < ranges[b].end) ? ++a : ++b;
    }
    result = std::move(both);
  }
  if (result && result->size() == 1 && (*result)[0].begin == 0 && (*result)[0].end >= rg.num_rows) return std::nullopt;
  return result;
}

bool RowGroupPruner::DictionaryExcludes(const Target& t, const ColumnChunk& chunk, int g) const {
  const ColumnMetaData& meta = *chunk.meta_data;
  if (!IsEquality(t.predicate) || !t.leaf->type->Equals(*t.type) || !AllPagesUseDictionary(meta)) return false;
  // Only the dictionary page: the bytes before the first data page, or when
  // writers leave dictionary_page_offset out, the first page (PageReader
  // reads a page that starts in the declared range to its end).
  ColumnMetaData dictionary_only = meta;
  bool offset_known = meta.dictionary_page_offset && *meta.dictionary_page_offset > 0 &&
                      *meta.dictionary_page_offset < meta.data_page_offset;
  dictionary_only.total_compressed_size = offset_known ? meta.data_page_offset - *meta.dictionary_page_offset
                                                       : std::min<int64_t>(meta.total_compressed_size, 1);
  LeafValueConverter converter(*t.leaf);
  PageDictionary dictionary(converter);
  try {
    PageReader pages(reader_.file(), dictionary_only, nullptr,
                     "column `" + t.leaf->DottedPath() + "` in row group " + std::to_string(g) + " of file " +
                         reader_.path());
    Page page;
    if (!pages.Next(&page) || page.header.type != PageType::kDictionaryPage) return false;
    dictionary.Decode(page);
  } catch (const ParquetCorruptError&) {
    return false;  // the scan itself reports a broken chunk
  }
  for (int64_t i = 0; i < dictionary.size(); ++i) {
    Value entry = dictionary.ValueAt(i);
    for (const auto& v : t.predicate.values) {
      if (!v.is_null() && CompareValues(entry, v) == 0) return false;
    }
  }
  return true;
}

bool RowGroupPruner::BloomFilterExcludes(const Target& t, const ColumnChunk& chunk) const {
  const ColumnMetaData& meta = *chunk.meta_data;
  if (!IsEquality(t.predicate) || !meta.bloom_filter_offset) return false;
  int64_t offset = *meta.bloom_filter_offset;
  std::string bytes;
  int64_t guess = meta.bloom_filter_length ? *meta.bloom_filter_length
                                           : std::min(kBloomHeaderGuess, reader_.file().size() - offset);
  if (!ReadRange(reader_.file(), offset, guess, &bytes)) return false;
  try {
    size_t header_size = 0;
    BloomFilterHeader header =
        DecodeBloomFilterHeader(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &header_size);
    if (!header.algorithm_block || !header.hash_xxhash || !header.uncompressed || header.num_bytes <= 0) return false;
    if (bytes.size() < header_size + header.num_bytes) {
      bytes.clear();
      if (!ReadRange(reader_.file(), offset, static_cast<int64_t>(header_size) + header.num_bytes, &bytes)) {
        return false;
      }
    }
    SplitBlockBloomFilter filter(reinterpret_cast<const uint8_t*>(bytes.data()) + header_size,
                                 static_cast<size_t>(header.num_bytes));
    std::string plain;
    for (const auto& v : t.predicate.values) {
      if (v.is_null()) continue;
      BloomKey key = PlainBytesForBloom(*t.leaf, v, &plain);
      if (key == BloomKey::kUnknown) return false;
      if (key == BloomKey::kHashable &&
          filter.MightContainHash(SplitBlockBloomFilter::Hash(plain.data(), plain.size()))) {
        return false;
      }
    }
    return true;
  } catch (const ParquetCorruptError&) {
    return false;
  }
}

}  // namespace lakestream::parquet
