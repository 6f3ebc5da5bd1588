#include "tpch_text_pool.h"

#include <span>

#include "tpch_vocabulary.h"

namespace lakestream::tpch {
namespace {

// Runs once per process over a few million words; a linear scan of lists of
// at most 47 entries is fast enough and obviously right.
std::string_view PickWeighted(TpchRandom& rng, std::span<const WeightedWord> words) {
  int total = 0;
  for (const WeightedWord& w : words) total += w.weight;
  int64_t target = rng.Uniform(0, total - 1);
  for (const WeightedWord& w : words) {
    target -= w.weight;
    if (target < 0) return w.text;
  }
  return words.back().text;
}

// Appends one word or phrase, separated from the previous text by a space.
void AppendWord(std::string& out, std::string_view word) {
  if (!out.empty() && out.back() != ' ') out += ' ';
  out += word;
}

void AppendNounPhrase(TpchRandom& rng, std::string& out) {
  for (char part : PickWeighted(rng, kNounPhraseForms)) {
    switch (part) {
      case 'N': AppendWord(out, PickWeighted(rng, kNouns)); break;
      case 'J': AppendWord(out, PickWeighted(rng, kAdjectives)); break;
      case 'D': AppendWord(out, PickWeighted(rng, kAdverbs)); break;
      case ',': out += ','; break;
    }
  }
}

void AppendVerbPhrase(TpchRandom& rng, std::string& out) {
  for (char part : PickWeighted(rng, kVerbPhraseForms)) {
    switch (part) {
      case 'V': AppendWord(out, PickWeighted(rng, kVerbs)); break;
      case 'X': AppendWord(out, PickWeighted(rng, kAuxiliaries)); break;
      case 'D': AppendWord(out, PickWeighted(rng, kAdverbs)); break;
    }
  }
}

void AppendSentence(TpchRandom& rng, std::string& out) {
  for (char part : PickWeighted(rng, kSentenceForms)) {
    switch (part) {
      case 'N': AppendNounPhrase(rng, out); break;
      case 'V': AppendVerbPhrase(rng, out); break;
      case 'P':
        AppendWord(out, PickWeighted(rng, kPrepositions));
        AppendWord(out, "the");
        AppendNounPhrase(rng, out);
        break;
      case 'T': out += PickWeighted(rng, kTerminators); break;  // no space before punctuation
    }
  }
}

}  // namespace

TpchTextPool::TpchTextPool(size_t bytes) {
  TpchRandom rng(TpchStream::kTextPool, 0);
  text_.reserve(bytes + 256);
  while (text_.size() < bytes) AppendSentence(rng, text_);
  text_.resize(bytes);
}

std::string_view TpchTextPool::Comment(TpchRandom& rng, int min_length, int max_length) const {
  const int64_t length = rng.Uniform(min_length, max_length);
  const int64_t offset = rng.Uniform(0, static_cast<int64_t>(text_.size()) - length);
  std::string_view s(text_.data() + offset, static_cast<size_t>(length));
  // Words are separated by single spaces, so at most one on each side.
  if (s.front() == ' ') s.remove_prefix(1);
  if (s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace lakestream::tpch
