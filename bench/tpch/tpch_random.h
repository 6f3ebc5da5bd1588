// TpchRandom: the generator's source of randomness. Every generated row (or
// group of rows: a part with its four partsupp rows, an order with its
// lineitems) draws from its own stream, seeded from the table and the row's
// index, so that any range of rows can be generated alone, in any order, on
// any thread, and always comes out the same.
#pragma once

#include <cstdint>
#include <span>

namespace lakestream::tpch {

// One stream family per generated entity; the values are part of the output's
// identity (changing one changes the data), so they are fixed numbers.
enum class TpchStream : uint64_t {
  kPart = 1,
  kPartSupp = 2,
  kSupplier = 3,
  kCustomer = 4,
  kOrder = 5,
  kNation = 6,
  kRegion = 7,
  kTextPool = 8,
  kSupplierRemarks = 9,
};

// SplitMix64 seeded per (stream, row): statistically sound for this use, and a
// handful of instructions per draw. Not thread-safe; each row makes its own.
class TpchRandom {
 public:
  TpchRandom(TpchStream stream, int64_t row)
      : state_(Mix(static_cast<uint64_t>(stream) * kGamma + Mix(static_cast<uint64_t>(row) + 1))) {}

  uint64_t Next() {
    state_ += kGamma;
    return Mix(state_);
  }

  // Uniform in [lo, hi], both included; requires lo <= hi. Lemire's
  // multiply-shift: the bias for ranges this small is below 2^-40.
  int64_t Uniform(int64_t lo, int64_t hi) {
    const auto span = static_cast<unsigned __int128>(static_cast<uint64_t>(hi - lo) + 1);
    return lo + static_cast<int64_t>((span * Next()) >> 64);
  }

  // One item of a non-empty list, each equally likely.
  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[static_cast<size_t>(Uniform(0, static_cast<int64_t>(items.size()) - 1))];
  }

 private:
  static constexpr uint64_t kGamma = 0x9E3779B97F4A7C15ULL;
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  uint64_t state_;
};

}  // namespace lakestream::tpch
