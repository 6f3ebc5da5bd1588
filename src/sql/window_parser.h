// WindowParser: OVER clauses of window functions, and the named windows of a
// query block (WINDOW w AS (...)). A reference `OVER w` is parsed before the
// WINDOW clause that defines it, so it is built with an empty spec and
// replaced by Resolve() once the block's definitions are known.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "sql/token_cursor.h"

namespace lakestream::sql {

class ExpressionParser;

class WindowParser {
 public:
  WindowParser(TokenCursor& in, ExpressionParser& exprs) : in_(in), exprs_(exprs) {}

  // The cursor after OVER: `(PARTITION BY ... ORDER BY ... frame)`, `(w)` or `w`.
  ExprPtr ParseOver(ExprPtr function);

  // The named windows of one query block while it is parsed; blocks nest
  // with subqueries.
  class Block {
   public:
    explicit Block(WindowParser& parser) : parser_(parser) { parser_.blocks_.emplace_back(); }
    ~Block() { parser_.blocks_.pop_back(); }
    Block(const Block&) = delete;
    Block& operator=(const Block&) = delete;

   private:
    WindowParser& parser_;
  };

  // The cursor after WINDOW: `w AS (spec) [, w2 AS (spec)]...` for the current block.
  void ParseDefinitions();
  // `e` with the current block's `OVER name` references replaced by their
  // definitions. Throws UserError MISSING_WINDOW_SPECIFICATION for a name the
  // block does not define.
  ExprPtr Resolve(const ExprPtr& e) const;

 private:
  WindowSpec ParseSpec();
  FrameBound ParseBound();

  struct Reference {
    const Expr* node;  // the placeholder kWindow node
    std::string name;  // lower case
    Token at;
  };
  struct BlockState {
    std::map<std::string, WindowSpec> definitions;  // by lower-case name
    std::vector<Reference> references;
  };

  TokenCursor& in_;
  ExpressionParser& exprs_;
  std::vector<BlockState> blocks_;
};

}  // namespace lakestream::sql
