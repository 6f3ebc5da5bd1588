// PhysicalOperator: an immutable node of the physical plan. Everything that
// changes while a query runs lives in state objects the operator creates
// (DuckDB style): global sink state per query, local state per thread.
//
// An operator plays one or more roles in the pipelines (pipeline.h) that the
// executor splits the plan into:
//  - source: produces numbered morsels (a scan, or a breaker's result);
//  - streaming: turns one input batch into output batches (filter, project);
//  - sink: consumes all batches of its input pipeline(s), then is finalized
//    (aggregate, sort, join build side).
// Breakers (aggregate, sort, limit) are the sink of their child's pipeline and
// the source of their parent's. Joins are the sink of the build side
// (children[1]) and a streaming operator over the probe side (children[0]).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "columnar/record_batch.h"
#include "exec/execution_state.h"

namespace lakestream {

class PhysicalOperator;
using PhysicalOperatorPtr = std::shared_ptr<const PhysicalOperator>;

// Per-query state of a sink, shared by all threads (operators guard it).
class GlobalSinkState {
 public:
  virtual ~GlobalSinkState() = default;
  // Order-key base for the next pipeline feeding this sink (pipeline executor).
  int64_t next_order_base = 0;
};
// Per-thread state of a sink.
class LocalSinkState {
 public:
  virtual ~LocalSinkState() = default;
};
// Per-thread state of a streaming operator.
class OperatorState {
 public:
  virtual ~OperatorState() = default;
};
// Per-run state of a source; MorselCount() is fixed once created.
class SourceState {
 public:
  virtual ~SourceState() = default;
  virtual int64_t MorselCount() const = 0;
};

// Receives batches from a source; returns false to stop early.
using BatchCallback = std::function<bool(const RecordBatchPtr&)>;

enum class OperatorRole : uint8_t {
  kSource,     // leaf scan
  kStreaming,  // one batch in, batches out
  kBreaker,    // sink of children[0]'s pipeline, source of its parent's
  kJoin,       // sink of children[1], streaming over children[0]
  kUnion,      // streaming over each child: every child's pipeline feeds the parent's chain
};

class PhysicalOperator {
 public:
  PhysicalOperator(SchemaPtr schema, std::vector<PhysicalOperatorPtr> children)
      : schema_(std::move(schema)), children_(std::move(children)) {}
  virtual ~PhysicalOperator() = default;

  const SchemaPtr& schema() const { return schema_; }
  const std::vector<PhysicalOperatorPtr>& children() const { return children_; }
  virtual OperatorRole role() const = 0;
  // One line for explain, e.g. "Filter (x > 1)".
  virtual std::string Describe() const = 0;
  // Spark-style tree: "A\n+- B\n   +- C".
  std::string TreeString() const;

  // --- source role. Morsels are numbered [0, MorselCount()); ReadMorsel may
  // run concurrently for different morsels and emits batches in order.
  virtual std::unique_ptr<SourceState> MakeSourceState(ExecutionState& state) const;
  virtual void ReadMorsel(ExecutionState& state, SourceState& source, int64_t morsel,
                          const BatchCallback& emit) const;

  // --- streaming role. Execute runs on many threads, each with its own state.
  virtual std::unique_ptr<OperatorState> MakeOperatorState(ExecutionState& state) const;
  virtual void Execute(ExecutionState& state, OperatorState* local, const RecordBatchPtr& input,
                       std::vector<RecordBatchPtr>& output) const;
  // Operators that emit rows after their input ends (right/full outer joins).
  virtual bool NeedsFlush() const { return false; }
  virtual void Flush(ExecutionState& state, std::vector<RecordBatchPtr>& output) const;

  // --- sink role. `order` ranks the batch in input order (morsel order);
  // all batches of one morsel arrive on one thread, in order.
  virtual std::unique_ptr<GlobalSinkState> MakeGlobalSinkState(ExecutionState& state) const;
  virtual std::unique_ptr<LocalSinkState> MakeLocalSinkState(ExecutionState& state, GlobalSinkState& global) const;
  virtual void Sink(ExecutionState& state, GlobalSinkState& global, LocalSinkState& local,
                    const RecordBatchPtr& batch, int64_t order) const;
  // Morsel bookkeeping for sinks that can stop their input early (limit).
  virtual void MorselStarted(GlobalSinkState&, int64_t /*order*/) const {}
  virtual void MorselDone(GlobalSinkState&, int64_t /*order*/) const {}
  // True once the sink needs no more input. Thread-safe.
  virtual bool SinkFinished(const GlobalSinkState&) const { return false; }
  // Called once per thread after its last Sink (thread-safe against the global state).
  virtual void Combine(ExecutionState& state, GlobalSinkState& global, LocalSinkState& local) const;
  // Called once after all input was combined; may use the pool.
  virtual void Finalize(ExecutionState& state, GlobalSinkState& global) const;

 protected:
  [[noreturn]] void Unsupported(const char* what) const;

 private:
  SchemaPtr schema_;
  std::vector<PhysicalOperatorPtr> children_;
};

}  // namespace lakestream
