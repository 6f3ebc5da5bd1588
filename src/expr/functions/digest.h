// Message digests for md5(), sha1() and sha2(): each returns the raw digest
// bytes of `data`. Pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace lakestream::digest {

std::string Md5(std::string_view data);     // 16 bytes
std::string Sha1(std::string_view data);    // 20 bytes
std::string Sha224(std::string_view data);  // 28 bytes
std::string Sha256(std::string_view data);  // 32 bytes
std::string Sha384(std::string_view data);  // 48 bytes
std::string Sha512(std::string_view data);  // 64 bytes

// Lowercase hex of `bytes`, as Spark prints digests.
std::string ToLowerHex(std::string_view bytes);

}  // namespace lakestream::digest
