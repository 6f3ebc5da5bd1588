#include "lakestream/error.h"

#include "columnar/check.h"

namespace lakestream {

Error::Error(std::string error_class, std::string sql_state, const std::string& message)
    : std::runtime_error("[" + error_class + "] " + message),
      error_class_(std::move(error_class)),
      sql_state_(std::move(sql_state)),
      message_(message) {}

InternalError::InternalError(const std::string& message)
    : Error("INTERNAL_ERROR", "XX000", message) {}

CancelledError::CancelledError()
    : Error("OPERATION_CANCELED", "HY008", "The operation was cancelled.") {}

void FailCheck(const char* file, int line, const std::string& what) {
  throw InternalError(std::string(file) + ":" + std::to_string(line) + ": " + what);
}

}  // namespace lakestream
