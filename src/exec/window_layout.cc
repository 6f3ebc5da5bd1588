#include "exec/window_layout.h"

#include <cmath>

#include "expr/window_frame.h"
#include "lakestream/error.h"

namespace lakestream {

namespace {

using Kind = FrameBound::Kind;

template <typename Acc>
bool Less(Acc a, Acc b) {
  if constexpr (std::is_floating_point_v<Acc>) {
    // Spark's ordering: NaN is larger than any other value.
    if (std::isnan(a)) return false;
    if (std::isnan(b)) return true;
  }
  return a < b;
}

// First j in [lo, hi) where pred(j) is false; pred is true then false over the range.
template <typename Pred>
int64_t FirstFalse(int64_t lo, int64_t hi, Pred pred) {
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    if (pred(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

template <typename Acc>
Acc OffsetAs(const Value& v) {
  if constexpr (std::is_floating_point_v<Acc>) {
    return v.kind() == Value::Kind::kDouble ? v.as_double() : static_cast<double>(v.as_int());
  } else {
    return v.kind() == Value::Kind::kDecimal ? v.as_decimal() : static_cast<Acc>(v.as_int());
  }
}

}  // namespace

WindowLayout::WindowLayout(const SortKeyComparator& partition, const std::vector<ArrayPtr>& partition_keys,
                           const SortKeyComparator& order, const std::vector<ArrayPtr>& order_keys, int64_t rows)
    : rows_(rows),
      partition_begin_(static_cast<size_t>(rows)),
      partition_end_(static_cast<size_t>(rows)),
      peer_begin_(static_cast<size_t>(rows)),
      peer_end_(static_cast<size_t>(rows)) {
  int64_t begin = 0;
  while (begin < rows) {
    int64_t end = begin + 1;
    while (end < rows && partition.Compare(partition_keys, end - 1, partition_keys, end) == 0) ++end;
    int64_t peer = begin;
    for (int64_t i = begin; i < end; ++i) {
      partition_begin_[i] = begin;
      partition_end_[i] = end;
      if (i > peer && order.Compare(order_keys, i - 1, order_keys, i) != 0) {
        for (int64_t j = peer; j < i; ++j) peer_end_[j] = i;
        peer = i;
      }
      peer_begin_[i] = peer;
    }
    for (int64_t j = peer; j < end; ++j) peer_end_[j] = end;
    begin = end;
  }
}

WindowRows WindowLayout::Rows(const FrameRanges& frames, std::vector<ArrayPtr> args) const {
  WindowRows w;
  w.num_rows = rows_;
  w.args = std::move(args);
  w.partition_begin = partition_begin_.data();
  w.partition_end = partition_end_.data();
  w.peer_begin = peer_begin_.data();
  w.peer_end = peer_end_.data();
  w.frame_begin = frames.begin.data();
  w.frame_end = frames.end.data();
  return w;
}

FrameRanges WindowLayout::Frames(const WindowSpec& spec, const ArrayPtr& order_key, bool ascending,
                                 bool nulls_first) const {
  const bool range = spec.frame_type == WindowSpec::FrameType::kRange;
  auto is_value = [](const FrameBound& b) { return b.kind == Kind::kPreceding || b.kind == Kind::kFollowing; };
  if (range && (is_value(spec.frame_start) || is_value(spec.frame_end))) {
    return RangeOffsetFrames(spec, order_key, ascending, nulls_first);
  }
  auto row_offset = [](const FrameBound& b) { return SignedFrameOffset(b, *b.offset->type).as_int(); };
  const int64_t start_offset = is_value(spec.frame_start) ? row_offset(spec.frame_start) : 0;
  const int64_t end_offset = is_value(spec.frame_end) ? row_offset(spec.frame_end) : 0;
  FrameRanges f;
  f.begin.resize(static_cast<size_t>(rows_));
  f.end.resize(static_cast<size_t>(rows_));
  for (int64_t i = 0; i < rows_; ++i) {
    const int64_t pb = partition_begin_[i], pe = partition_end_[i];
    auto clamp = [&](int64_t v) { return v < pb ? pb : (v > pe ? pe : v); };
    int64_t b = pb, e = pe;
    switch (spec.frame_start.kind) {
      case Kind::kUnboundedPreceding: b = pb; break;
      case Kind::kCurrentRow: b = range ? peer_begin_[i] : i; break;
      case Kind::kPreceding:
      case Kind::kFollowing: b = clamp(i + start_offset); break;
      case Kind::kUnboundedFollowing: b = pe; break;
    }
    switch (spec.frame_end.kind) {
      case Kind::kUnboundedFollowing: e = pe; break;
      case Kind::kCurrentRow: e = range ? peer_end_[i] : i + 1; break;
      case Kind::kPreceding:
      case Kind::kFollowing: e = clamp(i + end_offset + 1); break;
      case Kind::kUnboundedPreceding: e = pb; break;
    }
    f.begin[i] = b;
    f.end[i] = e < b ? b : e;
  }
  return f;
}

FrameRanges WindowLayout::RangeOffsetFrames(const WindowSpec& spec, const ArrayPtr& key, bool ascending,
                                            bool nulls_first) const {
  FrameRanges f;
  f.begin.resize(static_cast<size_t>(rows_));
  f.end.resize(static_cast<size_t>(rows_));
  // One bound: `is_end` asks for the first row after the bound, else the first row not before it.
  auto search = [&](const FrameBound& b, bool is_end, auto tag, auto acc_tag, std::vector<int64_t>& out) {
    using T = decltype(tag);
    using Acc = decltype(acc_tag);
    const T* values = key->values<T>();
    const Acc offset = OffsetAs<Acc>(SignedFrameOffset(b, *b.offset->type));
    for (int64_t i = 0; i < rows_; ++i) {
      if (key->IsNull(i)) {
        // NULL plus an offset is NULL: the frame edge is the NULL peer group's.
        out[i] = is_end ? peer_end_[i] : peer_begin_[i];
        continue;
      }
      const Acc bound = ascending ? static_cast<Acc>(values[i]) + offset : static_cast<Acc>(values[i]) - offset;
      auto sorts_before = [&](int64_t j, bool or_equal) {
        if (key->IsNull(j)) return nulls_first;
        const Acc v = static_cast<Acc>(values[j]);
        if (ascending) return or_equal ? !Less(bound, v) : Less(v, bound);
        return or_equal ? !Less(v, bound) : Less(bound, v);
      };
      out[i] = FirstFalse(partition_begin_[i], partition_end_[i], [&](int64_t j) { return sorts_before(j, is_end); });
    }
  };
  auto bound = [&](const FrameBound& b, bool is_end, std::vector<int64_t>& out) {
    if (b.kind != Kind::kPreceding && b.kind != Kind::kFollowing) {
      for (int64_t i = 0; i < rows_; ++i) {
        switch (b.kind) {
          case Kind::kUnboundedPreceding: out[i] = partition_begin_[i]; break;
          case Kind::kUnboundedFollowing: out[i] = partition_end_[i]; break;
          default: out[i] = is_end ? peer_end_[i] : peer_begin_[i]; break;
        }
      }
      return;
    }
    switch (key->type_id()) {
      case TypeId::kByte: return search(b, is_end, int8_t{}, int128_t{}, out);
      case TypeId::kShort: return search(b, is_end, int16_t{}, int128_t{}, out);
      case TypeId::kInt:
      case TypeId::kDate: return search(b, is_end, int32_t{}, int128_t{}, out);
      case TypeId::kLong:
      case TypeId::kTimestamp:
      case TypeId::kTimestampNtz: return search(b, is_end, int64_t{}, int128_t{}, out);
      case TypeId::kFloat: return search(b, is_end, float{}, double{}, out);
      case TypeId::kDouble: return search(b, is_end, double{}, double{}, out);
      case TypeId::kDecimal: return search(b, is_end, int128_t{}, int128_t{}, out);
      default: throw InternalError("RANGE frame offsets over a " + key->type()->ToString() + " key");
    }
  };
  bound(spec.frame_start, false, f.begin);
  bound(spec.frame_end, true, f.end);
  for (int64_t i = 0; i < rows_; ++i) {
    if (f.end[i] < f.begin[i]) f.end[i] = f.begin[i];
  }
  return f;
}

}  // namespace lakestream
