# libFuzzer targets (tests/fuzz/README.md); included by the top-level
# CMakeLists.txt when LAKESTREAM_FUZZ is on, which also compiles every
# library with -fsanitize=fuzzer-no-link,address,undefined. `make fuzz`
# configures such a build in build/fuzz; scripts/fuzz_parquet.sh runs it.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "LAKESTREAM_FUZZ needs clang (libFuzzer): configure with CXX=clang++ CC=clang")
endif()

add_executable(parquet_reader_fuzzer ${CMAKE_SOURCE_DIR}/tests/fuzz/parquet_reader_fuzzer.cc
                                     ${CMAKE_SOURCE_DIR}/tests/fuzz/parquet_fuzz_read.cc)
target_include_directories(parquet_reader_fuzzer PRIVATE ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(parquet_reader_fuzzer PRIVATE ls_formats)
target_link_options(parquet_reader_fuzzer PRIVATE -fsanitize=fuzzer)

# Seeds written by Lakestream's own Parquet writer.
add_executable(parquet_fuzz_seeds ${CMAKE_SOURCE_DIR}/tests/fuzz/parquet_fuzz_seeds.cc)
target_link_libraries(parquet_fuzz_seeds PRIVATE ls_formats)
