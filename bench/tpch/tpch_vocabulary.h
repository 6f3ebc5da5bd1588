// The TPC-H specification's fixed lists (v3.0.1): the words of the comment
// grammar with their weights (clause 4.2.2.13) and the value lists of the
// columns (4.2.3: P_NAME colors, P_TYPE and P_CONTAINER syllables, segments,
// priorities, ship instructions and modes, nations and regions). Data only;
// the rules that use them are in TpchTextPool and TpchGenerator.
#pragma once

#include <span>
#include <string_view>

namespace lakestream::tpch {

// A grammar word; a word is chosen with probability weight / (sum of weights).
struct WeightedWord {
  std::string_view text;
  int weight;
};

struct NationEntry {
  std::string_view name;
  int region_key;
};

// Grammar (4.2.2.13). Sentence and phrase forms use one letter per part:
// N noun phrase / noun, V verb phrase / verb, P prepositional phrase,
// T terminator, J adjective, D adverb, X auxiliary; ',' is a literal comma.
extern const std::span<const WeightedWord> kSentenceForms;
extern const std::span<const WeightedWord> kNounPhraseForms;
extern const std::span<const WeightedWord> kVerbPhraseForms;
extern const std::span<const WeightedWord> kNouns;
extern const std::span<const WeightedWord> kVerbs;
extern const std::span<const WeightedWord> kAdjectives;
extern const std::span<const WeightedWord> kAdverbs;
extern const std::span<const WeightedWord> kPrepositions;
extern const std::span<const WeightedWord> kAuxiliaries;
extern const std::span<const WeightedWord> kTerminators;

// Column value lists, each value equally likely.
extern const std::span<const std::string_view> kColors;  // 92 P_NAME words
extern const std::span<const std::string_view> kTypeSyllable1;
extern const std::span<const std::string_view> kTypeSyllable2;
extern const std::span<const std::string_view> kTypeSyllable3;
extern const std::span<const std::string_view> kContainerSyllable1;
extern const std::span<const std::string_view> kContainerSyllable2;
extern const std::span<const std::string_view> kSegments;
extern const std::span<const std::string_view> kPriorities;
extern const std::span<const std::string_view> kShipInstructions;
extern const std::span<const std::string_view> kShipModes;

// NATION and REGION contents, indexed by key.
extern const std::span<const NationEntry> kNations;  // 25
extern const std::span<const std::string_view> kRegions;  // 5

}  // namespace lakestream::tpch
