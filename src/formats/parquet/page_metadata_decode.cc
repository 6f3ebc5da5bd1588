// Decoders for the structs found beside the pages of a column chunk: page
// headers, the page index (ColumnIndex, OffsetIndex) and bloom filter headers.
#include <string>

#include "formats/parquet/metadata_decode.h"

namespace lakestream::parquet {
namespace {

using namespace metadata_decode;

DataPageHeader ReadDataPageHeader(CompactReader& r) {
  DataPageHeader h;
  unsigned seen = 0;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kI32)) {
          h.num_values = ReadNonNegativeI32(r, "num_values");
          seen |= 1;
        }
        break;
      case 2:
        if (Accept(r, t, ThriftType::kI32)) {
          h.encoding = ReadEncoding(r);
          seen |= 2;
        }
        break;
      case 3:
        if (Accept(r, t, ThriftType::kI32)) {
          h.definition_level_encoding = ReadEncoding(r);
          seen |= 4;
        }
        break;
      case 4:
        if (Accept(r, t, ThriftType::kI32)) {
          h.repetition_level_encoding = ReadEncoding(r);
          seen |= 8;
        }
        break;
      case 5:
        if (Accept(r, t, ThriftType::kStruct)) h.statistics = ReadStatistics(r);
        break;
      default: r.Skip(t);
    }
  });
  Require(r, seen == 15,
          "DataPageHeader.num_values/encoding/definition_level_encoding/repetition_level_encoding");
  return h;
}

DictionaryPageHeader ReadDictionaryPageHeader(CompactReader& r) {
  DictionaryPageHeader h;
  bool has_values = false, has_encoding = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && Accept(r, t, ThriftType::kI32)) {
      h.num_values = ReadNonNegativeI32(r, "num_values");
      has_values = true;
    } else if (id == 2 && Accept(r, t, ThriftType::kI32)) {
      h.encoding = ReadEncoding(r);
      has_encoding = true;
    } else if (id == 3 && AcceptBool(r, t)) {
      h.is_sorted = r.ReadBool(t);
    } else if (id < 1 || id > 3) {
      r.Skip(t);
    }
  });
  Require(r, has_values, "DictionaryPageHeader.num_values");
  Require(r, has_encoding, "DictionaryPageHeader.encoding");
  return h;
}

DataPageHeaderV2 ReadDataPageHeaderV2(CompactReader& r) {
  DataPageHeaderV2 h;
  unsigned seen = 0;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kI32)) {
          h.num_values = ReadNonNegativeI32(r, "num_values");
          seen |= 1;
        }
        break;
      case 2:
        if (Accept(r, t, ThriftType::kI32)) {
          h.num_nulls = ReadNonNegativeI32(r, "num_nulls");
          seen |= 2;
        }
        break;
      case 3:
        if (Accept(r, t, ThriftType::kI32)) {
          h.num_rows = ReadNonNegativeI32(r, "num_rows");
          seen |= 4;
        }
        break;
      case 4:
        if (Accept(r, t, ThriftType::kI32)) {
          h.encoding = ReadEncoding(r);
          seen |= 8;
        }
        break;
      case 5:
        if (Accept(r, t, ThriftType::kI32)) {
          h.definition_levels_byte_length = ReadNonNegativeI32(r, "definition_levels_byte_length");
          seen |= 16;
        }
        break;
      case 6:
        if (Accept(r, t, ThriftType::kI32)) {
          h.repetition_levels_byte_length = ReadNonNegativeI32(r, "repetition_levels_byte_length");
          seen |= 32;
        }
        break;
      case 7:
        if (AcceptBool(r, t)) h.is_compressed = r.ReadBool(t);
        break;
      case 8:
        if (Accept(r, t, ThriftType::kStruct)) h.statistics = ReadStatistics(r);
        break;
      default: r.Skip(t);
    }
  });
  Require(r, seen == 63, "DataPageHeaderV2 num_values/num_nulls/num_rows/encoding/level byte lengths");
  return h;
}

PageLocation ReadPageLocation(CompactReader& r) {
  PageLocation p;
  unsigned seen = 0;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && Accept(r, t, ThriftType::kI64)) {
      p.offset = ReadNonNegativeI64(r, "PageLocation.offset");
      seen |= 1;
    } else if (id == 2 && Accept(r, t, ThriftType::kI32)) {
      p.compressed_page_size = ReadNonNegativeI32(r, "PageLocation.compressed_page_size");
      seen |= 2;
    } else if (id == 3 && Accept(r, t, ThriftType::kI64)) {
      p.first_row_index = ReadNonNegativeI64(r, "PageLocation.first_row_index");
      seen |= 4;
    } else if (id < 1 || id > 3) {
      r.Skip(t);
    }
  });
  Require(r, seen == 7, "PageLocation.offset/compressed_page_size/first_row_index");
  return p;
}

}  // namespace

PageHeader DecodePageHeader(const uint8_t* data, size_t size, size_t* consumed) {
  CompactReader r(data, size, "page header");
  PageHeader h;
  unsigned seen = 0;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kI32)) {
          h.type = ReadPageType(r);
          seen |= 1;
        }
        break;
      case 2:
        if (Accept(r, t, ThriftType::kI32)) {
          h.uncompressed_page_size = ReadNonNegativeI32(r, "uncompressed_page_size");
          seen |= 2;
        }
        break;
      case 3:
        if (Accept(r, t, ThriftType::kI32)) {
          h.compressed_page_size = ReadNonNegativeI32(r, "compressed_page_size");
          seen |= 4;
        }
        break;
      case 4:
        if (Accept(r, t, ThriftType::kI32)) h.crc = r.ReadI32();
        break;
      case 5:
        if (Accept(r, t, ThriftType::kStruct)) h.data_page_header = ReadDataPageHeader(r);
        break;
      case 7:
        if (Accept(r, t, ThriftType::kStruct)) h.dictionary_page_header = ReadDictionaryPageHeader(r);
        break;
      case 8:
        if (Accept(r, t, ThriftType::kStruct)) h.data_page_header_v2 = ReadDataPageHeaderV2(r);
        break;
      default: r.Skip(t);  // 6: IndexPageHeader, empty and unused
    }
  });
  Require(r, seen & 1, "PageHeader.type");
  Require(r, seen & 2, "PageHeader.uncompressed_page_size");
  Require(r, seen & 4, "PageHeader.compressed_page_size");
  // The page's own header must be present so callers can rely on it.
  if ((h.type == PageType::kDataPage && !h.data_page_header) ||
      (h.type == PageType::kDictionaryPage && !h.dictionary_page_header) ||
      (h.type == PageType::kDataPageV2 && !h.data_page_header_v2)) {
    r.Fail("page header of type " + std::to_string(static_cast<int>(h.type)) + " lacks its sub-header");
  }
  if (consumed != nullptr) *consumed = r.position();
  return h;
}

ColumnIndex DecodeColumnIndex(const uint8_t* data, size_t size) {
  CompactReader r(data, size, "column index");
  ColumnIndex c;
  unsigned seen = 0;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    switch (id) {
      case 1:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kBoolTrue, "null_pages",
                   [&] { c.null_pages.push_back(r.ReadBoolElement()); });
          seen |= 1;
        }
        break;
      case 2:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kBinary, "min_values", [&] { c.min_values.push_back(r.ReadBinary()); });
          seen |= 2;
        }
        break;
      case 3:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kBinary, "max_values", [&] { c.max_values.push_back(r.ReadBinary()); });
          seen |= 4;
        }
        break;
      case 4:
        if (Accept(r, t, ThriftType::kI32)) {
          c.boundary_order =
              ReadEnum<BoundaryOrder>(r, static_cast<int32_t>(BoundaryOrder::kDescending), "boundary order");
          seen |= 8;
        }
        break;
      case 5:
        if (Accept(r, t, ThriftType::kList)) {
          ReadList(r, ThriftType::kI64, "null_counts",
                   [&] { c.null_counts.push_back(ReadNonNegativeI64(r, "null_count")); });
        }
        break;
      default: r.Skip(t);
    }
  });
  Require(r, seen == 15, "ColumnIndex null_pages/min_values/max_values/boundary_order");
  size_t pages = c.null_pages.size();
  if (c.min_values.size() != pages || c.max_values.size() != pages ||
      (!c.null_counts.empty() && c.null_counts.size() != pages)) {
    r.Fail("column index lists disagree on the number of pages");
  }
  return c;
}

OffsetIndex DecodeOffsetIndex(const uint8_t* data, size_t size) {
  CompactReader r(data, size, "offset index");
  OffsetIndex o;
  bool has_locations = false;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && Accept(r, t, ThriftType::kList)) {
      ReadList(r, ThriftType::kStruct, "page_locations",
               [&] { o.page_locations.push_back(ReadPageLocation(r)); });
      has_locations = true;
    } else if (id != 1) {
      r.Skip(t);
    }
  });
  Require(r, has_locations, "OffsetIndex.page_locations");
  return o;
}

BloomFilterHeader DecodeBloomFilterHeader(const uint8_t* data, size_t size, size_t* consumed) {
  CompactReader r(data, size, "bloom filter header");
  BloomFilterHeader h;
  unsigned seen = 0;
  ReadStruct(r, [&](int16_t id, ThriftType t) {
    if (id == 1 && Accept(r, t, ThriftType::kI32)) {
      h.num_bytes = ReadNonNegativeI32(r, "BloomFilterHeader.numBytes");
      seen |= 1;
    } else if (id >= 2 && id <= 4 && Accept(r, t, ThriftType::kStruct)) {
      // Each union's only defined member is 1 (BLOCK, XXHASH, UNCOMPRESSED).
      bool defined = ReadUnionMember(r, "bloom filter") == 1;
      (id == 2 ? h.algorithm_block : id == 3 ? h.hash_xxhash : h.uncompressed) = defined;
      seen |= 1u << (id - 1);
    } else if (id < 1 || id > 4) {
      r.Skip(t);
    }
  });
  Require(r, seen == 15, "BloomFilterHeader numBytes/algorithm/hash/compression");
  if (consumed != nullptr) *consumed = r.position();
  return h;
}

}  // namespace lakestream::parquet
