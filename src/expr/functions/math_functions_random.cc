// rand/random and randn with Spark's generator, so that a seeded query returns
// the numbers Spark returns: XORShiftRandom (seeded through Scala's
// MurmurHash3.bytesHash) behind java.util.Random's nextDouble/nextGaussian.
// Spark seeds one generator per partition with seed + partitionIndex; one
// bound expression here keeps one generator, i.e. partition 0's sequence.
#include <bit>
#include <cmath>
#include <mutex>
#include <random>

#include "expr/function_registry.h"
#include "expr/functions/argument_types.h"
#include "expr/functions/math_families.h"
#include "expr/functions/signature_check.h"
#include "expr/kernel_builder.h"

namespace lakestream {
namespace {

using Args = std::vector<DataTypePtr>;
using Kernels = std::vector<ArrayPtr>;

// scala.util.hashing.MurmurHash3.bytesHash over 8 big-endian bytes.
uint32_t ScalaBytesHash(const unsigned char (&data)[8], uint32_t seed) {
  auto mix_k = [](uint32_t k) { return std::rotl(k * 0xcc9e2d51u, 15) * 0x1b873593u; };
  uint32_t h = seed;
  for (int i = 0; i < 8; i += 4) {
    const uint32_t k = uint32_t(data[i]) | uint32_t(data[i + 1]) << 8 | uint32_t(data[i + 2]) << 16 |
                       uint32_t(data[i + 3]) << 24;
    h = std::rotl(h ^ mix_k(k), 13) * 5 + 0xe6546b64u;
  }
  h ^= 8;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  return h ^ (h >> 16);
}

class XorShiftRandom {
 public:
  explicit XorShiftRandom(int64_t seed) {
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(static_cast<uint64_t>(seed) >> (56 - 8 * i));
    const uint32_t low = ScalaBytesHash(bytes, 0x3c074a61u);
    const uint32_t high = ScalaBytesHash(bytes, low);
    state_ = static_cast<uint64_t>(high) << 32 | low;
  }

  double NextDouble() {
    return static_cast<double>((static_cast<int64_t>(Next(26)) << 27) + Next(27)) * 0x1.0p-53;
  }

  // java.util.Random.nextGaussian: the polar method, caching the second value.
  double NextGaussian() {
    if (have_next_gaussian_) {
      have_next_gaussian_ = false;
      return next_gaussian_;
    }
    double v1, v2, s;
    do {
      v1 = 2 * NextDouble() - 1;
      v2 = 2 * NextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    const double multiplier = std::sqrt(-2 * std::log(s) / s);
    next_gaussian_ = v2 * multiplier;
    have_next_gaussian_ = true;
    return v1 * multiplier;
  }

 private:
  int32_t Next(int bits) {
    uint64_t s = state_ ^ (state_ << 21);
    s ^= s >> 35;
    s ^= s << 4;
    state_ = s;
    return static_cast<int32_t>(s & ((uint64_t{1} << bits) - 1));
  }

  uint64_t state_;
  bool have_next_gaussian_ = false;
  double next_gaussian_ = 0;
};

// One generator per bound expression, shared by the threads evaluating it.
struct RandomState {
  std::mutex mu;
  std::optional<XorShiftRandom> rng;  // created on first use from the seed argument
};

void AddRandom(FunctionRegistry& r, const std::string& name, FunctionDoc doc, bool gaussian) {
  r.AddScalar({name, std::move(doc), [name, gaussian](const Args& args) {
                 signature::CheckArgCount(name, args.size(), 0, 1);
                 BoundScalarFunction f;
                 if (args.size() == 1) f.arg_types = {argument::AsLong(name, args, 0)};
                 f.return_type = DataType::Double();
                 f.deterministic = false;
                 // Spark draws a random seed when none is given.
                 const int64_t default_seed = static_cast<int64_t>(std::random_device{}()) << 32 | std::random_device{}();
                 auto state = std::make_shared<RandomState>();
                 f.kernel = [state, default_seed, gaussian](const Kernels& a, int64_t rows, const EvalContext&) {
                   std::lock_guard<std::mutex> lock(state->mu);
                   if (!state->rng) {
                     // The seed is a literal; rand(NULL) seeds with 0 as Spark does.
                     int64_t seed = default_seed;
                     if (!a.empty()) seed = rows > 0 && a[0]->IsValid(0) ? a[0]->values<int64_t>()[0] : 0;
                     if (!a.empty() && rows == 0) return MakeConstantArray(DataType::Double(), Value(0.0), 0);
                     state->rng.emplace(seed);
                   }
                   PrimitiveBuilder<double> out(DataType::Double(), rows);
                   for (int64_t i = 0; i < rows; ++i) {
                     out.Append(gaussian ? state->rng->NextGaussian() : state->rng->NextDouble());
                   }
                   return out.Finish();
                 };
                 return f;
               }});
}

}  // namespace

void RegisterMathRandomFunctions(FunctionRegistry& r) {
  AddRandom(r, "rand",
            {"rand([seed]) - Returns a random value with independent and identically distributed (i.i.d.) uniformly "
             "distributed values in [0, 1).",
             "SELECT rand(0); -- 0.7604953758285915"},
            false);
  r.AddAlias("random", "rand");
  AddRandom(r, "randn",
            {"randn([seed]) - Returns a random value with independent and identically distributed (i.i.d.) values "
             "drawn from the standard normal distribution.",
             "SELECT randn(0); -- 1.6034991609278433"},
            true);
}

}  // namespace lakestream
