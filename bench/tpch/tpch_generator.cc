#include "tpch_generator.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "tpch_order.h"
#include "tpch_random.h"
#include "tpch_vocabulary.h"

namespace lakestream::tpch {
namespace {

// Characters of the random v-strings (addresses): 64 symbols as 4.2.2.7
// asks, without spaces so that no value has leading or trailing blanks.
constexpr std::string_view kAddressAlphabet =
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,";
static_assert(kAddressAlphabet.size() == 64);

void AppendAddress(TpchRandom& rng, TpchCsvBuffer& out) {
  char text[40];
  const auto length = static_cast<size_t>(rng.Uniform(10, 40));
  for (size_t i = 0; i < length; i++) text[i] = kAddressAlphabet[static_cast<size_t>(rng.Uniform(0, 63))];
  out.String(std::string_view(text, length));
}

// "Supplier#000000042": a prefix and the key in nine digits.
void AppendNumberedName(std::string_view prefix, int64_t number, TpchCsvBuffer& out) {
  char text[32];
  prefix.copy(text, prefix.size());
  char* digits = text + prefix.size();
  for (int i = 8; i >= 0; i--) {
    digits[i] = static_cast<char>('0' + number % 10);
    number /= 10;
  }
  out.String(std::string_view(text, prefix.size() + 9));
}

// 4.2.2.9: country code (nation key + 10), then 3, 3 and 4 random digits.
void AppendPhone(TpchRandom& rng, int64_t nationkey, TpchCsvBuffer& out) {
  const int64_t parts[4] = {nationkey + 10, rng.Uniform(100, 999), rng.Uniform(100, 999), rng.Uniform(1000, 9999)};
  std::string text;
  for (int64_t part : parts) {
    if (!text.empty()) text += '-';
    text += std::to_string(part);
  }
  out.String(text);
}

// Spec: the part's name is five distinct colors, separated by spaces.
void AppendPartName(TpchRandom& rng, TpchCsvBuffer& out) {
  size_t chosen[5];
  std::string name;
  for (int i = 0; i < 5; i++) {
    size_t color;
    do {
      color = static_cast<size_t>(rng.Uniform(0, static_cast<int64_t>(kColors.size()) - 1));
    } while (std::find(chosen, chosen + i, color) != chosen + i);
    chosen[i] = color;
    if (i > 0) name += ' ';
    name += kColors[color];
  }
  out.String(name);
}

}  // namespace

TpchGenerator::TpchGenerator(double sf) : scale_(TpchScale::For(sf)) {
  // 4.2.3: SF * 5 suppliers get "Customer ... Complaints" and SF * 5 others
  // "Customer ... Recommends". Rounded up so that small scales still have one
  // of each for Q16 to exclude.
  const auto per_kind = static_cast<size_t>(std::ceil(5 * sf));
  TpchRandom rng(TpchStream::kSupplierRemarks, 0);
  while (supplier_remarks_.size() < 2 * per_kind) {
    const int64_t key = rng.Uniform(1, scale_.suppliers);
    const auto taken = [key](const auto& remark) { return remark.first == key; };
    if (std::none_of(supplier_remarks_.begin(), supplier_remarks_.end(), taken)) {
      supplier_remarks_.emplace_back(key, supplier_remarks_.size() < per_kind);
    }
  }
  std::sort(supplier_remarks_.begin(), supplier_remarks_.end());
}

void TpchGenerator::AppendRows(TpchTable table, int64_t begin, int64_t end, TpchCsvBuffer& out) const {
  // Orders and lineitem share TpchOrder; the others have one method per row.
  if (table == TpchTable::kOrders || table == TpchTable::kLineItem) {
    TpchOrder order;
    for (int64_t i = begin; i < end; i++) {
      order.Generate(i, scale_, pool_);
      if (table == TpchTable::kOrders) {
        out.Int(order.orderkey);
        out.Int(order.custkey);
        out.String(std::string_view(&order.orderstatus, 1));
        out.Decimal(order.totalprice_cents);
        out.Date(order.orderdate);
        out.String(order.priority);
        AppendNumberedName("Clerk#", order.clerk, out);
        out.Int(0);  // O_SHIPPRIORITY
        out.String(order.comment);
        out.EndRow();
        continue;
      }
      for (int l = 0; l < order.line_count; l++) {
        const TpchLineItem& line = order.lines[l];
        out.Int(order.orderkey);
        out.Int(line.partkey);
        out.Int(line.suppkey);
        out.Int(line.linenumber);
        out.Decimal(line.quantity * 100);
        out.Decimal(line.extendedprice_cents);
        out.Decimal(line.discount_percent);
        out.Decimal(line.tax_percent);
        out.String(std::string_view(&line.returnflag, 1));
        out.String(std::string_view(&line.linestatus, 1));
        out.Date(line.shipdate);
        out.Date(line.commitdate);
        out.Date(line.receiptdate);
        out.String(line.shipinstruct);
        out.String(line.shipmode);
        out.String(line.comment);
        out.EndRow();
      }
    }
    return;
  }
  for (int64_t i = begin; i < end; i++) {
    switch (table) {
      case TpchTable::kNation: AppendNation(i, out); break;
      case TpchTable::kRegion: AppendRegion(i, out); break;
      case TpchTable::kPart: AppendPart(i + 1, out); break;
      case TpchTable::kPartSupp: AppendPartSupps(i + 1, out); break;
      case TpchTable::kSupplier: AppendSupplier(i + 1, out); break;
      case TpchTable::kCustomer: AppendCustomer(i + 1, out); break;
      case TpchTable::kOrders:
      case TpchTable::kLineItem: break;  // handled above
    }
  }
}

void TpchGenerator::AppendNation(int64_t key, TpchCsvBuffer& out) const {
  TpchRandom rng(TpchStream::kNation, key);
  const NationEntry& nation = kNations[static_cast<size_t>(key)];
  out.Int(key);
  out.String(nation.name);
  out.Int(nation.region_key);
  out.String(pool_.Comment(rng, 31, 114));
  out.EndRow();
}

void TpchGenerator::AppendRegion(int64_t key, TpchCsvBuffer& out) const {
  TpchRandom rng(TpchStream::kRegion, key);
  out.Int(key);
  out.String(kRegions[static_cast<size_t>(key)]);
  out.String(pool_.Comment(rng, 31, 115));
  out.EndRow();
}

void TpchGenerator::AppendPart(int64_t key, TpchCsvBuffer& out) const {
  TpchRandom rng(TpchStream::kPart, key);
  out.Int(key);
  AppendPartName(rng, out);
  const int64_t manufacturer = rng.Uniform(1, 5);
  out.String("Manufacturer#" + std::to_string(manufacturer));
  out.String("Brand#" + std::to_string(manufacturer * 10 + rng.Uniform(1, 5)));
  std::string type(rng.Pick(kTypeSyllable1));
  type += ' ';
  type += rng.Pick(kTypeSyllable2);
  type += ' ';
  type += rng.Pick(kTypeSyllable3);
  out.String(type);
  out.Int(rng.Uniform(1, 50));
  std::string container(rng.Pick(kContainerSyllable1));
  container += ' ';
  container += rng.Pick(kContainerSyllable2);
  out.String(container);
  out.Decimal(TpchScale::RetailPriceCents(key));
  out.String(pool_.Comment(rng, 5, 22));
  out.EndRow();
}

void TpchGenerator::AppendPartSupps(int64_t partkey, TpchCsvBuffer& out) const {
  TpchRandom rng(TpchStream::kPartSupp, partkey);
  for (int64_t i = 0; i < 4; i++) {
    out.Int(partkey);
    out.Int(scale_.PartSupplier(partkey, i));
    out.Int(rng.Uniform(1, 9'999));
    out.Decimal(rng.Uniform(100, 100'000));
    out.String(pool_.Comment(rng, 49, 198));
    out.EndRow();
  }
}

void TpchGenerator::AppendSupplier(int64_t key, TpchCsvBuffer& out) const {
  TpchRandom rng(TpchStream::kSupplier, key);
  out.Int(key);
  AppendNumberedName("Supplier#", key, out);
  AppendAddress(rng, out);
  const int64_t nationkey = rng.Uniform(0, 24);
  out.Int(nationkey);
  AppendPhone(rng, nationkey, out);
  out.Decimal(rng.Uniform(-99'999, 999'999));
  const std::string_view comment = pool_.Comment(rng, 25, 100);
  const auto remark = std::lower_bound(supplier_remarks_.begin(), supplier_remarks_.end(),
                                       std::pair<int64_t, bool>(key, false));
  if (remark == supplier_remarks_.end() || remark->first != key) {
    out.String(comment);
  } else {
    // "Customer" then, later and at a random place, "Complaints" or
    // "Recommends", written over the comment so its length is unchanged
    // (comments are at least 23 characters; the two words need 19).
    std::string text(comment);
    const std::string_view second = remark->second ? "Complaints" : "Recommends";
    const auto size = static_cast<int64_t>(text.size());
    const int64_t first_at = rng.Uniform(0, size - 19);
    const int64_t second_at = rng.Uniform(first_at + 9, size - 10);
    text.replace(static_cast<size_t>(first_at), 9, "Customer ");
    text.replace(static_cast<size_t>(second_at), second.size(), second);
    out.String(text);
  }
  out.EndRow();
}

void TpchGenerator::AppendCustomer(int64_t key, TpchCsvBuffer& out) const {
  TpchRandom rng(TpchStream::kCustomer, key);
  out.Int(key);
  AppendNumberedName("Customer#", key, out);
  AppendAddress(rng, out);
  const int64_t nationkey = rng.Uniform(0, 24);
  out.Int(nationkey);
  AppendPhone(rng, nationkey, out);
  out.Decimal(rng.Uniform(-99'999, 999'999));
  out.String(rng.Pick(kSegments));
  out.String(pool_.Comment(rng, 29, 116));
  out.EndRow();
}

}  // namespace lakestream::tpch
