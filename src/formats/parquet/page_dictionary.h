// PageDictionary: a column chunk's dictionary page decoded into the leaf
// type's Arrow layout, and the gather of dictionary-encoded values from it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "formats/parquet/leaf_batch.h"
#include "formats/parquet/leaf_value_converter.h"
#include "formats/parquet/page_reader.h"
#include "lakestream/value.h"

namespace lakestream::parquet {

class PageDictionary {
 public:
  // `converter` must outlive the dictionary.
  explicit PageDictionary(const LeafValueConverter& converter) : converter_(converter) {}

  // Decodes a DICTIONARY_PAGE (PLAIN or PLAIN_DICTIONARY values). Throws
  // ParquetCorruptError (without page context) for a negative or too large
  // value count, another encoding, or a BOOLEAN column.
  void Decode(const Page& page);

  int64_t size() const { return size_; }
  // Bytes held, for memory accounting.
  int64_t memory() const;

  // Appends the entries at `indices` to out's values (out->num_values is the
  // caller's to advance). Throws ParquetCorruptError for an index >= size().
  void Gather(const uint32_t* indices, int64_t count, LeafBatch* out) const;

  // Entry i as a Value of the leaf type (slow path: pruning).
  Value ValueAt(int64_t i) const;

 private:
  const LeafValueConverter& converter_;
  int64_t size_ = 0;
  std::vector<uint8_t> fixed_;   // kFixed targets: size_ values
  std::vector<int32_t> offsets_; // kBinary targets: size_ + 1 offsets
  std::string bytes_;            // followed by kGatherPadding zero bytes
  int32_t max_length_ = 0;       // the longest entry's bytes
};

}  // namespace lakestream::parquet
