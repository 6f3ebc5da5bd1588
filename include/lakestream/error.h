// Errors raised by Lakestream. Every error that ends a query or command is a
// lakestream::Error carrying a Spark-style error class and SQLSTATE.
//
// UserError: the input (query, data, option) is wrong; the message explains it.
// InternalError: an engine invariant failed; always a bug in Lakestream.
#pragma once

#include <stdexcept>
#include <string>

namespace lakestream {

class Error : public std::runtime_error {
 public:
  Error(std::string error_class, std::string sql_state, const std::string& message);

  // Spark error class, e.g. "DIVIDE_BY_ZERO", "UNRESOLVED_COLUMN.WITH_SUGGESTION".
  const std::string& error_class() const { return error_class_; }
  // Five-character SQLSTATE, e.g. "22012".
  const std::string& sql_state() const { return sql_state_; }
  // The message without the "[CLASS]" prefix that what() carries.
  const std::string& message() const { return message_; }

 private:
  std::string error_class_;
  std::string sql_state_;
  std::string message_;
};

class UserError : public Error {
 public:
  using Error::Error;
};

class InternalError : public Error {
 public:
  explicit InternalError(const std::string& message);
};

// Thrown when a running query is cancelled (Ctrl-C, StreamingQuery.stop()).
class CancelledError : public Error {
 public:
  CancelledError();
};

}  // namespace lakestream
