// LineReader: where the SQL shell's interactive input comes from. A terminal
// is read through LineEditor (line_editor.h: prompts, editing, history);
// anything else (a pipe, a redirected file) through StreamLineReader, line by
// line with no prompt, as sqlite3 and spark-sql read a piped script.
#pragma once

#include <istream>
#include <string>

namespace lakestream::cli {

class LineReader {
 public:
  enum class Status {
    kLine,         // `line` holds the next line, without its newline
    kInterrupted,  // Ctrl-C at the prompt: drop what was typed so far
    kEnd,          // end of input (Ctrl-D)
  };
  struct Result {
    Status status = Status::kEnd;
    std::string line;
  };

  virtual ~LineReader() = default;
  // The next line; `continuation` when it continues an unfinished statement
  // (a terminal shows the continuation prompt). Main thread only.
  virtual Result Read(bool continuation) = 0;
};

class StreamLineReader : public LineReader {
 public:
  // `in` must outlive the reader.
  explicit StreamLineReader(std::istream& in) : in_(in) {}
  Result Read(bool continuation) override;

 private:
  std::istream& in_;
};

}  // namespace lakestream::cli
