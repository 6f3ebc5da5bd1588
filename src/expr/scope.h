// Scope: the columns an expression may refer to, with the names, qualifiers
// and plan ids under which each can be found. Built by the analyzer for each
// plan node's input; used by the binder to resolve column references.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "lakestream/types.h"

namespace lakestream {

struct ScopeColumn {
  std::string name;
  std::string qualifier;       // table or alias name ("" if none); matched case-insensitively
  std::set<int64_t> plan_ids;  // DataFrame plan nodes this column is visible from
  DataTypePtr type;
  bool nullable = true;
};

class Scope {
 public:
  Scope() = default;
  explicit Scope(std::vector<ScopeColumn> columns) : columns_(std::move(columns)) {}
  // A scope over a plain schema (no qualifiers, no plan ids).
  static Scope FromSchema(const Schema& schema);

  const std::vector<ScopeColumn>& columns() const { return columns_; }

  // Index of the column named by `parts` ("a" or "t", "a"), restricted to
  // columns visible from `plan_id` when it is >= 0. Throws UserError
  // UNRESOLVED_COLUMN.WITH_SUGGESTION (closest names listed) when none
  // matches and AMBIGUOUS_REFERENCE when several do.
  int Resolve(const std::vector<std::string>& parts, int64_t plan_id) const;
  // Like Resolve but returns -1 instead of throwing UNRESOLVED_COLUMN.
  int TryResolve(const std::vector<std::string>& parts, int64_t plan_id) const;

 private:
  std::vector<ScopeColumn> columns_;
};

}  // namespace lakestream
