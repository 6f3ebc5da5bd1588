#include "columnar/buffer.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "columnar/check.h"

namespace lakestream {

namespace {
constexpr int64_t kAlignment = 64;

int64_t RoundUp(int64_t n) { return (n + kAlignment - 1) / kAlignment * kAlignment; }

uint8_t* AllocateUnset(int64_t capacity) {
  void* p = std::aligned_alloc(kAlignment, static_cast<size_t>(capacity));
  if (p == nullptr) throw std::bad_alloc();
  return static_cast<uint8_t*>(p);
}

uint8_t* AllocateZeroed(int64_t capacity) {
  uint8_t* p = AllocateUnset(capacity);
  std::memset(p, 0, static_cast<size_t>(capacity));
  return p;
}
}  // namespace

BufferPtr Buffer::Allocate(int64_t size) {
  LS_CHECK_GE(size, 0);
  BufferPtr b(new Buffer());
  b->capacity_ = RoundUp(std::max<int64_t>(size, 1));
  b->data_ = AllocateZeroed(b->capacity_);
  b->size_ = size;
  return b;
}

BufferPtr Buffer::AllocateUninitialized(int64_t size) {
  LS_CHECK_GE(size, 0);
  BufferPtr b(new Buffer());
  b->capacity_ = RoundUp(std::max<int64_t>(size, 1));
  b->data_ = AllocateUnset(b->capacity_);
  // The rounding tail is never part of a value; zero it so that whole-buffer
  // readers (hashing, checksums) see the same bytes every time.
  if (b->capacity_ > size) std::memset(b->data_ + size, 0, static_cast<size_t>(b->capacity_ - size));
  b->size_ = size;
  return b;
}

BufferPtr Buffer::Wrap(const uint8_t* data, int64_t size, std::function<void()> release) {
  BufferPtr b(new Buffer());
  b->data_ = const_cast<uint8_t*>(data);  // wrapped buffers are never written
  b->size_ = size;
  b->capacity_ = size;
  b->release_ = release ? std::move(release) : [] {};
  return b;
}

Buffer::~Buffer() {
  if (release_) {
    release_();
  } else {
    std::free(data_);
  }
}

void Buffer::Resize(int64_t new_size) {
  LS_CHECK(!release_);
  if (new_size > capacity_) {
    int64_t capacity = RoundUp(std::max(new_size, capacity_ * 2));
    uint8_t* data = AllocateZeroed(capacity);
    std::memcpy(data, data_, static_cast<size_t>(size_));
    std::free(data_);
    data_ = data;
    capacity_ = capacity;
  }
  size_ = new_size;
}

}  // namespace lakestream
