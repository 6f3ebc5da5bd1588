#include "cli/line_editor.h"

#include <errno.h>
#include <histedit.h>
#include <unistd.h>

#include <clocale>

namespace lakestream::cli {

namespace {

char kPrompt[] = "lakestream> ";
char kContinuationPrompt[] = "         > ";
constexpr int kHistorySize = 1000;

bool IsBlank(const std::string& line) { return line.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

LineEditor::LineEditor(InterruptSignal& interrupt, const std::string& history_path)
    : interrupt_(interrupt), history_path_(history_path), out_(isatty(STDOUT_FILENO) ? stdout : stderr) {
  // libedit decodes typed UTF-8 only under a UTF-8 character type locale.
  std::setlocale(LC_CTYPE, "");
  HistEvent event;
  history_ = history_init();
  history(history_, &event, H_SETSIZE, kHistorySize);
  history(history_, &event, H_SETUNIQUE, 1);
  if (!history_path_.empty()) history(history_, &event, H_LOAD, history_path_.c_str());  // none yet is fine
  editor_ = el_init("lakestream", stdin, out_, stderr);
  el_set(editor_, EL_CLIENTDATA, this);
  el_set(editor_, EL_PROMPT, &LineEditor::Prompt);
  el_set(editor_, EL_GETCFN, &LineEditor::ReadKey);
  el_set(editor_, EL_EDITOR, "emacs");
  el_set(editor_, EL_HIST, history, history_);
  el_source(editor_, nullptr);  // the user's ~/.editrc
}

LineEditor::~LineEditor() {
  HistEvent event;
  if (!history_path_.empty()) history(history_, &event, H_SAVE, history_path_.c_str());
  el_end(editor_);
  history_end(history_);
}

char* LineEditor::Prompt(::editline* editor) {
  void* self = nullptr;
  el_get(editor, EL_CLIENTDATA, &self);
  return static_cast<LineEditor*>(self)->continuation_ ? kContinuationPrompt : kPrompt;
}

int LineEditor::ReadKey(::editline* editor, wchar_t* key) {
  void* client = nullptr;
  el_get(editor, EL_CLIENTDATA, &client);
  auto* self = static_cast<LineEditor*>(client);
  while (true) {
    // libedit's own reader can miss a Ctrl-C that lands between two reads;
    // waiting with SIGINT unblocked only inside the wait cannot.
    if (!self->interrupt_.WaitForInput(STDIN_FILENO)) {
      errno = EINTR;
      return -1;
    }
    char byte;
    const ssize_t got = read(STDIN_FILENO, &byte, 1);
    if (got == 0) return 0;
    if (got < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return -1;
    }
    const size_t decoded = std::mbrtowc(key, &byte, 1, &self->key_state_);
    if (decoded == static_cast<size_t>(-2)) continue;  // more bytes to come
    if (decoded == static_cast<size_t>(-1)) {
      // Not valid in the locale's encoding: pass the byte on as it is.
      self->key_state_ = {};
      *key = static_cast<unsigned char>(byte);
    }
    return 1;
  }
}

LineReader::Result LineEditor::Read(bool continuation) {
  continuation_ = continuation;
  interrupt_.Clear();  // a press while the last statement printed is spent
  int count = 0;
  const char* text;
  {
    InterruptSignal::Blocked blocked;  // Ctrl-C arrives only while ReadKey waits
    key_state_ = {};
    // Raw mode before the prompt shows: el_gets prints the prompt and only
    // then leaves cooked mode, so keys typed at once were echoed by the
    // terminal and a Ctrl-D there was lost as a cooked-mode end of file.
    el_set(editor_, EL_PREP_TERM, 1);
    text = el_gets(editor_, &count);
  }
  Result result;
  if (text == nullptr) {
    // libedit leaves the cursor after what was typed (or after "^D").
    std::fputs("\n", out_);
    std::fflush(out_);
    if (count < 0 && interrupt_.Pending()) {
      interrupt_.Clear();
      result.status = Status::kInterrupted;
    }
    return result;
  }
  result.status = Status::kLine;
  result.line = text;
  if (!result.line.empty() && result.line.back() == '\n') result.line.pop_back();
  if (!IsBlank(result.line)) {
    HistEvent event;
    history(history_, &event, H_ENTER, result.line.c_str());
  }
  return result;
}

}  // namespace lakestream::cli
