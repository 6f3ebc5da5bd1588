// Take on a selection that keeps most rows in order copies run by run; the
// result must equal a row-by-row gather, NULL rows (negative indices) included.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "columnar/array.h"

namespace lakestream {
namespace {

// Rows 0..n-1 except every 17th, with a negative index after row 40.
std::vector<int32_t> MostRows(int32_t n) {
  std::vector<int32_t> idx;
  for (int32_t i = 0; i < n; ++i) {
    if (i % 17 == 5) continue;
    idx.push_back(i);
    if (i == 40) idx.push_back(-1);
  }
  return idx;
}

TEST(TakeRunsTest, FixedWidthDenseSelection) {
  std::vector<Value> values(300);
  for (int64_t i = 0; i < 300; ++i) values[i] = Value(i * 3 - 100);
  auto array = MakeArrayFromValues(DataType::Long(), values);
  const int64_t* got = nullptr;
  auto idx = MostRows(300);
  auto out = Take(array, idx);
  ASSERT_EQ(out->length(), static_cast<int64_t>(idx.size()));
  EXPECT_EQ(out->null_count(), 1);
  got = out->values<int64_t>();
  for (size_t i = 0; i < idx.size(); ++i) {
    if (idx[i] < 0) {
      EXPECT_TRUE(out->IsNull(static_cast<int64_t>(i)));
    } else {
      EXPECT_EQ(got[i], idx[i] * 3 - 100) << i;
    }
  }
}

TEST(TakeRunsTest, StringsDenseSelection) {
  std::vector<Value> values(300);
  auto text = [](int i) { return std::string(static_cast<size_t>(i % 7), static_cast<char>('a' + i % 26)); };
  for (int i = 0; i < 300; ++i) values[i] = Value(text(i));
  auto array = MakeArrayFromValues(DataType::String(), values);
  auto idx = MostRows(300);
  auto out = Take(array, idx);
  ASSERT_EQ(out->length(), static_cast<int64_t>(idx.size()));
  EXPECT_EQ(out->null_count(), 1);
  for (size_t i = 0; i < idx.size(); ++i) {
    if (idx[i] < 0) {
      EXPECT_TRUE(out->IsNull(static_cast<int64_t>(i)));
    } else {
      EXPECT_EQ(out->GetView(static_cast<int64_t>(i)), text(idx[i])) << i;
    }
  }
}

TEST(TakeRunsTest, SparseAndReversedSelections) {
  std::vector<Value> values(200);
  for (int i = 0; i < 200; ++i) values[i] = Value("s" + std::to_string(i));
  auto array = MakeArrayFromValues(DataType::String(), values);
  std::vector<int32_t> reversed;
  for (int32_t i = 199; i >= 0; --i) reversed.push_back(i);
  auto out = Take(array, reversed);
  for (int64_t i = 0; i < 200; ++i) EXPECT_EQ(out->GetView(i), "s" + std::to_string(199 - i));
}

}  // namespace
}  // namespace lakestream
