#include "cli/line_reader.h"

namespace lakestream::cli {

LineReader::Result StreamLineReader::Read(bool) {
  Result result;
  if (!std::getline(in_, result.line)) return result;
  result.status = Status::kLine;
  return result;
}

}  // namespace lakestream::cli
