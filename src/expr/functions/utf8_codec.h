// UTF-8 stepping, decoding and encoding for the string functions, which count
// characters the way Spark's UTF8String does: by the lead byte of each
// character (an invalid lead byte counts as a one-byte character).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace lakestream::utf8 {

// Bytes in the character that starts with `lead` (Spark's numBytesForFirstByte).
inline int CharWidth(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 1;
}

// True when every byte of [p, p + n) is below 0x80 (then characters = bytes);
// eight bytes at a time.
inline bool IsAscii(const char* p, size_t n) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    uint64_t a, b, c, d;
    std::memcpy(&a, p + i, 8);
    std::memcpy(&b, p + i + 8, 8);
    std::memcpy(&c, p + i + 16, 8);
    std::memcpy(&d, p + i + 24, 8);
    if (((a | b | c | d) & kHigh) != 0) return false;
  }
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if ((w & kHigh) != 0) return false;
  }
  unsigned char rest = 0;
  for (; i < n; ++i) rest |= static_cast<unsigned char>(p[i]);
  return rest < 0x80;
}

inline int64_t CharCount(std::string_view s) {
  if (IsAscii(s.data(), s.size())) return static_cast<int64_t>(s.size());
  int64_t n = 0;
  for (size_t i = 0; i < s.size(); i += CharWidth(static_cast<unsigned char>(s[i]))) ++n;
  return n;
}

// Byte offset `chars` characters after byte offset `from` (clamped to the end).
inline size_t Advance(std::string_view s, size_t from, int64_t chars) {
  size_t i = from;
  for (; chars > 0 && i < s.size(); --chars) i += CharWidth(static_cast<unsigned char>(s[i]));
  return i < s.size() ? i : s.size();
}

// Decodes the character at byte `pos` and moves pos past it. Malformed or
// truncated sequences yield U+FFFD.
inline uint32_t Decode(std::string_view s, size_t& pos) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  const int width = CharWidth(lead);
  if (width == 1 || pos + width > s.size()) {
    ++pos;
    return lead < 0x80 ? lead : 0xFFFD;
  }
  uint32_t cp = lead & (0xFF >> (width + 1));
  for (int k = 1; k < width; ++k) {
    const auto c = static_cast<unsigned char>(s[pos + k]);
    if ((c & 0xC0) != 0x80) {
      pos += k;
      return 0xFFFD;
    }
    cp = cp << 6 | (c & 0x3F);
  }
  pos += width;
  return cp;
}

inline void Append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | cp >> 6));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | cp >> 12));
    out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | cp >> 18));
    out.push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// `s` with every ill-formed sequence (overlong, surrogate, past U+10FFFF,
// truncated) replaced by U+FFFD, as Java's decoders do.
std::string ReplaceInvalid(std::string_view s);

}  // namespace lakestream::utf8
