// Arrow C Data Interface (https://arrow.apache.org/docs/format/CDataInterface.html):
// zero-copy export of arrays and batches to other engines and Python, and import
// of theirs. Exported structs own a reference to our buffers until the
// consumer calls release; imported arrays call the producer's release when
// the last Buffer referencing them goes away.
#pragma once

#include <cstdint>

#include "columnar/record_batch.h"

extern "C" {
#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE
#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

struct ArrowSchema {
  const char* format;
  const char* name;
  const char* metadata;
  int64_t flags;
  int64_t n_children;
  struct ArrowSchema** children;
  struct ArrowSchema* dictionary;
  void (*release)(struct ArrowSchema*);
  void* private_data;
};

struct ArrowArray {
  int64_t length;
  int64_t null_count;
  int64_t offset;
  int64_t n_buffers;
  int64_t n_children;
  const void** buffers;
  struct ArrowArray** children;
  struct ArrowArray* dictionary;
  void (*release)(struct ArrowArray*);
  void* private_data;
};
#endif
}

namespace lakestream {

// Exports a field's type (format string, name, nullability, metadata).
void ExportField(const Field& field, ArrowSchema* out);
void ExportArray(const ArrayPtr& array, ArrowArray* out);
// A batch exports as a struct array whose children are the columns.
void ExportSchema(const Schema& schema, ArrowSchema* out);
void ExportRecordBatch(const RecordBatchPtr& batch, ArrowArray* out);

// Imports take ownership of `array` (moved: its release is set to null) and
// read `schema` without taking it. Arrays with a non-zero offset are copied
// into offset-free arrays. Throws UserError for formats we do not support.
Field ImportField(const ArrowSchema& schema);
ArrayPtr ImportArray(ArrowArray* array, const DataTypePtr& type);
SchemaPtr ImportSchema(const ArrowSchema& schema);
RecordBatchPtr ImportRecordBatch(ArrowArray* array, const SchemaPtr& schema);

}  // namespace lakestream
