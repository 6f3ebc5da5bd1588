// Invariant checks that stay on in release builds and print the values compared.
#pragma once

#include <sstream>
#include <string>

#include "lakestream/error.h"

namespace lakestream {

[[noreturn]] void FailCheck(const char* file, int line, const std::string& what);

}  // namespace lakestream

#define LS_CHECK(cond)                                                      \
  do {                                                                      \
    if (!(cond)) ::lakestream::FailCheck(__FILE__, __LINE__, "check failed: " #cond); \
  } while (0)

#define LS_CHECK_OP(a, op, b)                                               \
  do {                                                                      \
    const auto& ls_a_ = (a);                                                \
    const auto& ls_b_ = (b);                                                \
    if (!(ls_a_ op ls_b_)) {                                                \
      std::ostringstream ls_os_;                                            \
      ls_os_ << "check failed: " #a " " #op " " #b " (" << ls_a_ << " vs " << ls_b_ << ")"; \
      ::lakestream::FailCheck(__FILE__, __LINE__, ls_os_.str());            \
    }                                                                       \
  } while (0)

#define LS_CHECK_EQ(a, b) LS_CHECK_OP(a, ==, b)
#define LS_CHECK_LT(a, b) LS_CHECK_OP(a, <, b)
#define LS_CHECK_LE(a, b) LS_CHECK_OP(a, <=, b)
#define LS_CHECK_GE(a, b) LS_CHECK_OP(a, >=, b)
