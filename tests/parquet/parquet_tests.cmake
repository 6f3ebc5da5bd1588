# Parquet reader checks beyond the unit tests: every file of the
# parquet-testing corpus read by Lakestream and compared with DuckDB
# (tests/parquet/compare_corpus.mjs). Included from tests/tests.cmake.
add_executable(parquet_dump ${CMAKE_SOURCE_DIR}/tests/parquet/parquet_dump.cc)
target_link_libraries(parquet_dump PRIVATE ls_formats nlohmann_json::nlohmann_json)
add_test(NAME parquet_corpus
  COMMAND node ${CMAKE_SOURCE_DIR}/tests/parquet/compare_corpus.mjs $<TARGET_FILE:parquet_dump>)
set_tests_properties(parquet_corpus PROPERTIES TIMEOUT 600 LABELS duckdb)

# The Parquet fuzzer's reads (tests/fuzz/), replayed over its findings by
# unit_formats' ParquetFuzzRegressionTest.
target_sources(unit_formats PRIVATE ${CMAKE_SOURCE_DIR}/tests/fuzz/parquet_fuzz_read.cc)
