// Buffer: a contiguous, 64-byte-aligned block of memory shared by arrays.
// Written only while being built; immutable once an Array holds it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

namespace lakestream {

class Buffer;
using BufferPtr = std::shared_ptr<Buffer>;

class Buffer {
 public:
  // Zero-filled buffer of `size` bytes (capacity rounded up to 64).
  static BufferPtr Allocate(int64_t size);
  // Like Allocate, but the bytes are left unset: for buffers the caller
  // overwrites in full before any array reads them (decoders, kernels).
  static BufferPtr AllocateUninitialized(int64_t size);
  // Wraps memory owned elsewhere (Arrow C Data import); `release` runs when the
  // last reference goes away.
  static BufferPtr Wrap(const uint8_t* data, int64_t size, std::function<void()> release);

  ~Buffer();
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  const uint8_t* data() const { return data_; }
  uint8_t* mutable_data() { return data_; }
  int64_t size() const { return size_; }
  int64_t capacity() const { return capacity_; }
  // Grows capacity (keeping contents, zero-filling new bytes); only for owned buffers.
  void Resize(int64_t new_size);

  template <typename T> const T* data_as() const { return reinterpret_cast<const T*>(data_); }
  template <typename T> T* mutable_data_as() { return reinterpret_cast<T*>(data_); }

 private:
  Buffer() = default;
  uint8_t* data_ = nullptr;
  int64_t size_ = 0;
  int64_t capacity_ = 0;
  std::function<void()> release_;  // set for wrapped memory
};

}  // namespace lakestream
