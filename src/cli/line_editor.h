// LineEditor: reads the SQL shell's lines from a terminal with libedit
// (emacs keys, ~/.editrc), prompting "lakestream> " and, inside an
// unfinished statement, "         > ". Every non-blank line goes to the
// history, loaded at start and saved at the end. Ctrl-C drops the line being
// typed (Status::kInterrupted); Ctrl-D on an empty line ends the input.
#pragma once

#include <cstdio>
#include <cwchar>
#include <string>

#include "cli/interrupt_signal.h"
#include "cli/line_reader.h"

struct editline;  // libedit's EditLine and History, kept out of this header
struct history;

namespace lakestream::cli {

class LineEditor : public LineReader {
 public:
  // Reads stdin, which must be a terminal. Prompts and echo go to stdout when
  // it is a terminal and to stderr otherwise, so redirected results stay
  // clean. `history_path` "" keeps no history file. `interrupt` must outlive
  // the editor.
  LineEditor(InterruptSignal& interrupt, const std::string& history_path);
  ~LineEditor() override;
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  Result Read(bool continuation) override;

 private:
  static char* Prompt(::editline* editor);
  // libedit's key source: one character from stdin, decoded from the
  // locale's multibyte form; -1 (EINTR) when Ctrl-C is pressed instead.
  static int ReadKey(::editline* editor, wchar_t* key);

  InterruptSignal& interrupt_;
  std::string history_path_;
  std::FILE* out_;
  ::editline* editor_;
  struct history* history_;
  bool continuation_ = false;
  std::mbstate_t key_state_{};  // a partly read multibyte character
};

}  // namespace lakestream::cli
