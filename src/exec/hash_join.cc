#include "exec/hash_join.h"

#include "exec/join_build_state.h"
#include "exec/join_hash_table.h"
#include "expr/evaluator.h"

namespace lakestream {

namespace {
std::vector<DataTypePtr> KeyTypes(const std::vector<JoinKey>& keys) {
  std::vector<DataTypePtr> types;
  for (const auto& k : keys) types.push_back(k.left->type);
  return types;
}

bool IsIntegerKeyType(TypeId id) {
  switch (id) {
    case TypeId::kByte:
    case TypeId::kShort:
    case TypeId::kInt:
    case TypeId::kDate:
    case TypeId::kYearMonthInterval:
    case TypeId::kLong:
    case TypeId::kTimestamp:
    case TypeId::kTimestampNtz:
    case TypeId::kDayTimeInterval: return true;
    default: return false;
  }
}

// One or two integer keys, NULL never matching: hashed and compared as
// int64 values.
bool UsesIntegerKeys(const std::vector<JoinKey>& keys) {
  if (keys.empty() || keys.size() > 2) return false;
  for (const auto& k : keys) {
    if (k.null_safe || k.left->type->id() != k.right->type->id() || !IsIntegerKeyType(k.left->type->id())) return false;
  }
  return true;
}

template <typename T>
void Widen(const Array& a, int64_t rows, int64_t* out, int stride) {
  const T* v = a.values<T>();
  for (int64_t r = 0; r < rows; ++r) out[r * stride] = v[r];
}

// Writes the values of `a` to out[r * stride], widened to int64.
void WidenIntegers(const Array& a, int64_t rows, int64_t* out, int stride) {
  switch (a.type()->byte_width()) {
    case 1: Widen<int8_t>(a, rows, out, stride); break;
    case 2: Widen<int16_t>(a, rows, out, stride); break;
    case 4: Widen<int32_t>(a, rows, out, stride); break;
    default: Widen<int64_t>(a, rows, out, stride); break;
  }
}

class HashJoinGlobal : public JoinBuildState {
 public:
  using JoinBuildState::JoinBuildState;
  std::unique_ptr<JoinHashTable> table;
};

class ProbeState : public OperatorState {
 public:
  EncodedKeys keys;
  std::vector<int64_t> int_keys;
  std::vector<uint8_t> skip;
  std::vector<int32_t> probe_rows, build_rows;
};
}  // namespace

HashJoin::HashJoin(SchemaPtr schema, PhysicalOperatorPtr left, PhysicalOperatorPtr right, JoinType type,
                   std::vector<JoinKey> keys, ExprPtr residual, bool build_semi)
    : PhysicalOperator(schema, {left, right}),
      type_(type),
      keys_(std::move(keys)),
      residual_(residual),
      encoder_(KeyTypes(keys_)),
      integer_keys_(UsesIntegerKeys(keys_)),
      emitter_(type, residual, schema, *left->schema(), *right->schema(), build_semi) {}

std::string HashJoin::Describe() const {
  std::string l, r;
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (i > 0) l += ", ", r += ", ";
    l += keys_[i].left->ToString();
    r += keys_[i].right->ToString();
  }
  std::string s = "HashJoin [" + l + "], [" + r + "], " + JoinTypeName(type_);
  if (emitter_.build_semi()) s += " (the build side's rows)";
  if (residual_) s += ", " + residual_->ToString();
  return s;
}

std::unique_ptr<GlobalSinkState> HashJoin::MakeGlobalSinkState(ExecutionState& state) const {
  return std::make_unique<HashJoinGlobal>(state.memory(), "HashJoin");
}

void HashJoin::Sink(ExecutionState&, GlobalSinkState& global, LocalSinkState&, const RecordBatchPtr& batch,
                    int64_t order) const {
  static_cast<HashJoinGlobal&>(global).Add(batch, order);
}

void HashJoin::EncodeKeys(const RecordBatch& batch, bool left, const EvalContext& ctx, EncodedKeys& keys,
                          std::vector<int64_t>& int_keys, std::vector<uint8_t>& skip) const {
  std::vector<ArrayPtr> columns;
  const int64_t rows = batch.num_rows();
  skip.assign(rows, 0);
  if (integer_keys_) {
    const int width = static_cast<int>(keys_.size());
    int_keys.resize(rows * width);
    for (int k = 0; k < width; ++k) {
      const ExprPtr& e = left ? keys_[k].left : keys_[k].right;
      ArrayPtr a = e->kind == ExprKind::kColumn ? batch.column(e->column_index) : Evaluate(*e, batch, ctx);
      if (a->null_count() != 0) {
        for (int64_t r = 0; r < rows; ++r) skip[r] |= a->IsNull(r);
      }
      WidenIntegers(*a, rows, int_keys.data() + k, width);
    }
    return;
  }
  for (const auto& k : keys_) {
    const ExprPtr& e = left ? k.left : k.right;
    ArrayPtr a = e->kind == ExprKind::kColumn ? batch.column(e->column_index) : Evaluate(*e, batch, ctx);
    if (!k.null_safe && a->null_count() != 0) {
      for (int64_t r = 0; r < rows; ++r) skip[r] |= a->IsNull(r);
    }
    columns.push_back(std::move(a));
  }
  encoder_.Encode(columns, rows, keys);
}

void HashJoin::Finalize(ExecutionState& state, GlobalSinkState& global) const {
  auto& g = static_cast<HashJoinGlobal&>(global);
  g.Finish(children()[1]->schema(), emitter_.tracks_build_matches());
  EncodedKeys keys;
  std::vector<int64_t> int_keys;
  std::vector<uint8_t> skip;
  EncodeKeys(g.build(), false, state.eval(), keys, int_keys, skip);
  if (integer_keys_) {
    // Slots (8 bytes a word, 1.5 to 3 slots of one word more than the key per
    // row), chain links and the filter (5 bytes per row).
    const int width = static_cast<int>(keys_.size());
    g.ReserveExtra(static_cast<int64_t>(int_keys.size() / width * (24 * (width + 1) + 5)));
    g.table = std::make_unique<JoinHashTable>(std::move(int_keys), width, skip);
  } else {
    g.ReserveExtra(static_cast<int64_t>(keys.data.size() + keys.rows() * 20));
    g.table = std::make_unique<JoinHashTable>(std::move(keys), skip);
  }
}

std::unique_ptr<OperatorState> HashJoin::MakeOperatorState(ExecutionState&) const {
  return std::make_unique<ProbeState>();
}

void HashJoin::Execute(ExecutionState& state, OperatorState* local, const RecordBatchPtr& input,
                       std::vector<RecordBatchPtr>& output) const {
  auto& g = static_cast<HashJoinGlobal&>(state.sink_state(*this));
  auto& s = static_cast<ProbeState&>(*local);
  EncodeKeys(*input, true, state.eval(), s.keys, s.int_keys, s.skip);
  s.probe_rows.clear();
  s.build_rows.clear();
  if (integer_keys_) {
    g.table->Probe(s.int_keys, s.skip, s.probe_rows, s.build_rows);
  } else {
    g.table->Probe(s.keys, s.skip, s.probe_rows, s.build_rows);
  }
  emitter_.Emit(*input, 0, input->num_rows(), g.build(), s.probe_rows, s.build_rows, g.matched(), state.eval(),
                output);
}

void HashJoin::Flush(ExecutionState& state, std::vector<RecordBatchPtr>& output) const {
  auto& g = static_cast<HashJoinGlobal&>(state.sink_state(*this));
  RecordBatchPtr b = emitter_.build_semi() ? emitter_.EmitBuildSemi(g.build(), g.matched())
                                           : emitter_.EmitUnmatchedBuild(g.build(), g.matched());
  if (b) output.push_back(b);
}

}  // namespace lakestream
