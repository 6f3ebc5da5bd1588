#include "exec/sorted_run.h"

#include <algorithm>
#include <numeric>

#include "exec/take_rows.h"

namespace lakestream {

int64_t SortedRun::MemoryUsage() const {
  int64_t bytes = data ? data->MemoryUsage() : 0;
  for (const auto& k : keys) bytes += k->MemoryUsage();
  return bytes + (seq ? seq->MemoryUsage() : 0);
}

SortedRun SortedRun::Slice(int64_t offset, int64_t length) const {
  SortedRun out;
  out.data = data->Slice(offset, length);
  for (const auto& k : keys) out.keys.push_back(lakestream::Slice(k, offset, length));
  out.seq = lakestream::Slice(seq, offset, length);
  return out;
}

ArrayPtr MakeSequence(int64_t seq_base, int64_t rows) {
  auto values = Buffer::Allocate(rows * static_cast<int64_t>(sizeof(int64_t)));
  std::iota(values->mutable_data_as<int64_t>(), values->mutable_data_as<int64_t>() + rows, seq_base);
  return std::make_shared<Array>(DataType::Long(), rows, std::vector<BufferPtr>{nullptr, values},
                                 std::vector<ArrayPtr>{}, 0);
}

void SortBuffer::Append(SortedRun rows) {
  rows_ += rows.rows();
  bytes_ += rows.MemoryUsage();
  parts_.push_back(std::move(rows));
}

SortedRun SortBuffer::Sort(const SortKeyComparator& comparator) {
  SortedRun all;
  if (parts_.size() == 1) {
    all = std::move(parts_[0]);
  } else {
    std::vector<RecordBatchPtr> batches;
    std::vector<ArrayPtr> seqs;
    for (const auto& p : parts_) {
      batches.push_back(p.data);
      seqs.push_back(p.seq);
    }
    all.data = ConcatenateBatches(schema_, batches);
    for (size_t k = 0; k < comparator.num_keys(); ++k) {
      std::vector<ArrayPtr> column;
      for (const auto& p : parts_) column.push_back(p.keys[k]);
      all.keys.push_back(Concatenate(column));
    }
    all.seq = Concatenate(seqs);
  }
  parts_.clear();
  rows_ = 0;
  bytes_ = 0;
  const int64_t n = all.rows();
  std::vector<int32_t> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  const int64_t* seq = all.seq->values<int64_t>();
  std::sort(perm.begin(), perm.end(), [&](int32_t a, int32_t b) {
    int c = comparator.Compare(all.keys, a, all.keys, b);
    return c != 0 ? c < 0 : seq[a] < seq[b];
  });
  SortedRun out;
  out.data = TakeRows(*all.data, perm, schema_);
  for (const auto& k : all.keys) out.keys.push_back(Take(k, perm));
  out.seq = Take(all.seq, perm);
  return out;
}

namespace {

class InMemoryRunReader : public RunReader {
 public:
  explicit InMemoryRunReader(SortedRun run) : run_(std::move(run)) {}
  bool Next(SortedRun& chunk) override {
    if (done_ || run_.rows() == 0) return false;
    done_ = true;
    chunk = std::move(run_);
    return true;
  }

 private:
  SortedRun run_;
  bool done_ = false;
};

// Spill layout: data columns, then key columns, then seq, one batch per chunk.
class SpilledRunReader : public RunReader {
 public:
  SpilledRunReader(std::unique_ptr<SpillFile> file, SchemaPtr data_schema, size_t num_keys)
      : file_(std::move(file)), data_schema_(std::move(data_schema)), num_keys_(num_keys) {
    file_->StartReading();
  }
  bool Next(SortedRun& chunk) override {
    RecordBatchPtr b = file_->Read();
    if (!b) return false;
    const size_t nd = data_schema_->num_fields();
    std::vector<ArrayPtr> data(b->columns().begin(), b->columns().begin() + nd);
    chunk.data = std::make_shared<RecordBatch>(data_schema_, std::move(data), b->num_rows());
    chunk.keys.assign(b->columns().begin() + nd, b->columns().begin() + nd + num_keys_);
    chunk.seq = b->column(nd + num_keys_);
    return true;
  }

 private:
  std::unique_ptr<SpillFile> file_;
  SchemaPtr data_schema_;
  size_t num_keys_;
};

}  // namespace

std::unique_ptr<RunReader> MakeInMemoryRunReader(SortedRun run) {
  return std::make_unique<InMemoryRunReader>(std::move(run));
}

std::unique_ptr<RunReader> SpillRun(const SortedRun& run, const std::string& directory) {
  std::vector<Field> fields = run.data->schema()->fields();
  for (size_t k = 0; k < run.keys.size(); ++k) fields.emplace_back("_key" + std::to_string(k), run.keys[k]->type());
  fields.emplace_back("_seq", DataType::Long());
  auto spill_schema = std::make_shared<Schema>(std::move(fields));
  auto file = std::make_unique<SpillFile>(directory, spill_schema);
  for (int64_t off = 0; off < run.rows(); off += kDefaultBatchRows) {
    SortedRun part = run.Slice(off, std::min(kDefaultBatchRows, run.rows() - off));
    std::vector<ArrayPtr> columns = part.data->columns();
    columns.insert(columns.end(), part.keys.begin(), part.keys.end());
    columns.push_back(part.seq);
    file->Write(RecordBatch(spill_schema, std::move(columns), part.rows()));
  }
  return std::make_unique<SpilledRunReader>(std::move(file), run.data->schema(), run.keys.size());
}

}  // namespace lakestream
