#include "formats/parquet/parquet_file_reader.h"

#include <strings.h>

#include <algorithm>
#include <cstring>

#include "columnar/check.h"
#include "formats/parquet/column_chunk_reader.h"
#include "formats/parquet/record_assembler.h"

namespace lakestream::parquet {

namespace {

// Bytes read from the end of the file at first: most footers fit, so the
// footer usually costs one read.
constexpr int64_t kFooterGuess = 64 * 1024;

int64_t ChunkStart(const ColumnMetaData& meta) {
  int64_t start = meta.data_page_offset;
  if (meta.dictionary_page_offset && *meta.dictionary_page_offset > 0 && *meta.dictionary_page_offset < start) {
    start = *meta.dictionary_page_offset;
  }
  return start;
}

}  // namespace

ParquetFileReader::ParquetFileReader(const std::string& path) : file_(OpenForRead(path)) { ReadFooter(); }

void ParquetFileReader::Fail(const std::string& what) const {
  throw ParquetCorruptError("Corrupt Parquet file " + path() + ": " + what + ".");
}

void ParquetFileReader::ReadFooter() {
  int64_t size = file_->size();
  if (size < 12) Fail("it has " + std::to_string(size) + " bytes, fewer than a Parquet file's 12-byte frame");
  int64_t tail_size = std::min(size, kFooterGuess);
  std::string tail;
  if (file_->ReadAt(size - tail_size, tail_size, &tail) != tail_size) Fail("it was cut short while reading");
  const char* trailer = tail.data() + tail_size - 8;
  if (std::memcmp(trailer + 4, "PARE", 4) == 0) {
    throw ParquetUnsupportedError("encryption (file " + path() + " has an encrypted footer)");
  }
  if (std::memcmp(trailer + 4, "PAR1", 4) != 0) Fail("it does not end with the Parquet magic bytes PAR1");
  uint32_t footer_length;
  std::memcpy(&footer_length, trailer, 4);
  if (footer_length > static_cast<uint64_t>(size - 12)) {
    Fail("its footer length " + std::to_string(footer_length) + " exceeds the file size " + std::to_string(size));
  }
  std::string head;
  if (tail_size == size) head = tail.substr(0, 4);  // small files: one read
  if ((head.empty() && file_->ReadAt(0, 4, &head) != 4) || std::memcmp(head.data(), "PAR1", 4) != 0) {
    Fail("it does not start with the Parquet magic bytes PAR1");
  }
  std::string footer;
  const uint8_t* data;
  if (footer_length + 8 <= static_cast<uint64_t>(tail_size)) {
    data = reinterpret_cast<const uint8_t*>(trailer) - footer_length;
  } else {
    if (file_->ReadAt(size - 8 - footer_length, footer_length, &footer) != footer_length) {
      Fail("it was cut short while reading the footer");
    }
    data = reinterpret_cast<const uint8_t*>(footer.data());
  }
  std::string_view bytes(reinterpret_cast<const char*>(data), footer_length);
  footer_ = ParquetFooterCache::Global().Get(path(), bytes, [&] { return DecodeFooter(data, footer_length); });
}

std::shared_ptr<const ParquetFooter> ParquetFileReader::DecodeFooter(const uint8_t* data, size_t size) const {
  auto footer = std::make_shared<ParquetFooter>();
  try {
    footer->metadata = DecodeFileMetaData(data, size);
  } catch (const ParquetCorruptError& e) {
    Fail("its footer does not decode: " + e.message());
  }
  const FileMetaData& metadata = footer->metadata;
  if (metadata.has_encryption_algorithm) {
    throw ParquetUnsupportedError("encryption (file " + path() + " has encrypted columns)");
  }
  footer->schema = std::make_unique<ParquetSchema>(metadata, path());
  size_t leaves = footer->schema->leaves().size();
  for (size_t i = 0; i < metadata.row_groups.size(); ++i) {
    const RowGroup& rg = metadata.row_groups[i];
    if (rg.columns.size() != leaves) {
      Fail("row group " + std::to_string(i) + " has " + std::to_string(rg.columns.size()) +
           " column chunks but the schema has " + std::to_string(leaves) + " columns");
    }
    if (rg.num_rows < 0) Fail("row group " + std::to_string(i) + " has a negative row count");
  }
  return footer;
}

int64_t ParquetFileReader::RowGroupStart(int i) const {
  const RowGroup& rg = metadata().row_groups[i];
  if (rg.columns.empty() || !rg.columns[0].meta_data) return rg.file_offset.value_or(0);
  return ChunkStart(*rg.columns[0].meta_data);
}

int64_t ParquetFileReader::RowGroupBytes(int i) const {
  const RowGroup& rg = metadata().row_groups[i];
  int64_t bytes = 0;
  for (const auto& c : rg.columns) {
    if (c.meta_data) bytes += c.meta_data->total_compressed_size;
  }
  return bytes > 0 ? bytes : rg.total_compressed_size.value_or(0);
}

const ParquetNode* ParquetFileReader::FindField(const std::string& name) const {
  for (const auto& node : schema().fields()) {
    if (node.field.name == name) return &node;
  }
  for (const auto& node : schema().fields()) {
    if (strcasecmp(node.field.name.c_str(), name.c_str()) == 0) return &node;
  }
  return nullptr;
}

std::optional<OffsetIndex> ParquetFileReader::ReadOffsetIndex(int g, int leaf) const {
  const RowGroup& rg = metadata().row_groups[g];
  const ColumnChunk& chunk = rg.columns[leaf];
  if (!chunk.meta_data || !chunk.offset_index_offset || !chunk.offset_index_length) return std::nullopt;
  int64_t offset = *chunk.offset_index_offset;
  int64_t length = *chunk.offset_index_length;
  if (offset < 0 || length <= 0 || offset > file_->size() || length > file_->size() - offset) return std::nullopt;
  std::string bytes;
  OffsetIndex index;
  try {
    if (file_->ReadAt(offset, length, &bytes) != length) return std::nullopt;
    index = DecodeOffsetIndex(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  } catch (const ParquetCorruptError&) {
    return std::nullopt;
  }
  const ColumnMetaData& meta = *chunk.meta_data;
  int64_t chunk_start = ChunkStart(meta);
  int64_t chunk_end = chunk_start + meta.total_compressed_size;
  const auto& pages = index.page_locations;
  if (pages.empty() || pages[0].first_row_index != 0) return std::nullopt;
  for (size_t i = 0; i < pages.size(); ++i) {
    const PageLocation& p = pages[i];
    if (p.offset < chunk_start || p.offset >= chunk_end || p.first_row_index >= std::max<int64_t>(rg.num_rows, 1)) {
      return std::nullopt;
    }
    if (i > 0 && (p.first_row_index <= pages[i - 1].first_row_index || p.offset <= pages[i - 1].offset)) {
      return std::nullopt;
    }
  }
  return index;
}

void ParquetFileReader::Read(const std::vector<int>& row_groups, const std::vector<Field>& fields,
                             MemoryTracker* memory, const EvalContext& ctx, const ColumnsSink& sink,
                             const std::vector<std::vector<RowRange>>* row_ranges) const {
  const auto& leaves = schema().leaves();
  std::vector<std::unique_ptr<RecordAssembler>> assemblers(fields.size());
  std::vector<int> needed;
  std::vector<const ParquetNode*> claimed;
  for (size_t f = 0; f < fields.size(); ++f) {
    const ParquetNode* node = FindField(fields[f].name);
    if (!node) continue;
    if (std::find(claimed.begin(), claimed.end(), node) != claimed.end()) {
      throw UserError("AMBIGUOUS_REFERENCE_TO_FIELDS", "42000",
                      "Ambiguous reference to the field `" + fields[f].name + "` in Parquet file " + path() +
                          ": it matches a column another requested column matches too.");
    }
    claimed.push_back(node);
    assemblers[f] = std::make_unique<RecordAssembler>(*node, fields[f].type, leaves, path());
    const auto& n = assemblers[f]->needed_leaves();
    needed.insert(needed.end(), n.begin(), n.end());
  }
  std::sort(needed.begin(), needed.end());
  needed.erase(std::unique(needed.begin(), needed.end()), needed.end());

  std::vector<LeafBatch> batches(leaves.size());
  for (size_t i = 0; i < row_groups.size(); ++i) {
    const int g = row_groups[i];
    const RowGroup& rg = metadata().row_groups[g];
    std::vector<RowRange> ranges{RowRange{0, rg.num_rows}};
    if (row_ranges) ranges = (*row_ranges)[i];
    bool whole = ranges.size() == 1 && ranges[0].begin == 0 && ranges[0].end >= rg.num_rows;
    std::vector<std::unique_ptr<ColumnChunkReader>> readers(leaves.size());
    for (int leaf : needed) {
      const ColumnChunk& chunk = rg.columns[leaf];
      std::string column = "column `" + leaves[leaf].DottedPath() + "` in row group " + std::to_string(g) +
                           " of file " + path();
      if (chunk.has_crypto_metadata || chunk.has_encrypted_column_metadata || !chunk.meta_data) {
        throw ParquetUnsupportedError("encryption (" + column + " is encrypted)");
      }
      if (chunk.file_path && !chunk.file_path->empty()) {
        throw ParquetUnsupportedError("column chunks in other files (" + column + " is in " + *chunk.file_path + ")");
      }
      readers[leaf] = std::make_unique<ColumnChunkReader>(*file_, *chunk.meta_data, leaves[leaf], rg.num_rows,
                                                          memory, column);
    }
    // Offset indexes only matter when rows are skipped.
    std::vector<std::optional<OffsetIndex>> offset_indexes(leaves.size());
    if (!whole) {
      for (int leaf : needed) {
        offset_indexes[leaf] = ReadOffsetIndex(g, leaf);
        if (offset_indexes[leaf]) readers[leaf]->ReadPagesOnDemand();
      }
    }
    int64_t position = 0;
    for (const RowRange& range : ranges) {
      LS_CHECK(range.begin >= position && range.begin <= range.end);
      int64_t end = std::min(range.end, rg.num_rows);
      if (range.begin >= end) continue;
      if (range.begin > position) {
        for (int leaf : needed) {
          readers[leaf]->SkipTo(range.begin, offset_indexes[leaf] ? &*offset_indexes[leaf] : nullptr);
        }
      }
      for (int64_t done = range.begin; done < end;) {
        int64_t rows = std::min(kParquetBatchRows, end - done);
        for (int leaf : needed) readers[leaf]->ReadRecords(rows, &batches[leaf]);
        std::vector<ArrayPtr> columns(fields.size());
        for (size_t f = 0; f < fields.size(); ++f) {
          columns[f] =
              assemblers[f] ? assemblers[f]->Assemble(batches, rows, ctx) : MakeNullArray(fields[f].type, rows);
        }
        done += rows;
        if (!sink(std::move(columns), rows)) return;
      }
      position = end;
    }
  }
}

}  // namespace lakestream::parquet
