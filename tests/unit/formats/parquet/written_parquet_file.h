// WrittenParquetFile: a Parquet file read back at the metadata level (footer,
// page headers, page index) with the decoders of metadata.h, so writer tests
// can check the layout without going through the record reader.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "formats/parquet/metadata.h"

namespace lakestream::parquet {

struct WrittenParquetFile {
  explicit WrittenParquetFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
    EXPECT_GE(bytes.size(), 12u) << path;
    EXPECT_EQ(bytes.substr(0, 4), "PAR1");
    EXPECT_EQ(bytes.substr(bytes.size() - 4), "PAR1");
    uint32_t length = 0;
    std::memcpy(&length, bytes.data() + bytes.size() - 8, 4);
    meta = DecodeFileMetaData(Data(bytes.size() - 8 - length), length);
  }

  const uint8_t* Data(size_t offset) const { return reinterpret_cast<const uint8_t*>(bytes.data()) + offset; }

  const ColumnChunk& Chunk(size_t row_group, size_t column) const { return meta.row_groups.at(row_group).columns.at(column); }
  const ColumnMetaData& Column(size_t row_group, size_t column) const { return *Chunk(row_group, column).meta_data; }

  // Every page header of a chunk, dictionary page first.
  std::vector<PageHeader> Pages(size_t row_group, size_t column) const {
    const ColumnMetaData& c = Column(row_group, column);
    size_t pos = static_cast<size_t>(c.dictionary_page_offset.value_or(c.data_page_offset));
    const size_t end = pos + static_cast<size_t>(c.total_compressed_size);
    std::vector<PageHeader> pages;
    while (pos < end) {
      size_t consumed = 0;
      pages.push_back(DecodePageHeader(Data(pos), end - pos, &consumed));
      pos += consumed + static_cast<size_t>(pages.back().compressed_page_size);
    }
    EXPECT_EQ(pos, end);
    return pages;
  }

  ColumnIndex ColumnIndexOf(size_t row_group, size_t column) const {
    const ColumnChunk& c = Chunk(row_group, column);
    EXPECT_TRUE(c.column_index_offset.has_value());
    return DecodeColumnIndex(Data(static_cast<size_t>(*c.column_index_offset)), static_cast<size_t>(*c.column_index_length));
  }
  OffsetIndex OffsetIndexOf(size_t row_group, size_t column) const {
    const ColumnChunk& c = Chunk(row_group, column);
    EXPECT_TRUE(c.offset_index_offset.has_value());
    return DecodeOffsetIndex(Data(static_cast<size_t>(*c.offset_index_offset)), static_cast<size_t>(*c.offset_index_length));
  }

  std::string bytes;
  FileMetaData meta;
};

// The little-endian bytes of a fixed-width value, as statistics hold them.
template <typename T>
std::string StatBytesOf(T value) {
  return std::string(reinterpret_cast<const char*>(&value), sizeof(T));
}

}  // namespace lakestream::parquet
