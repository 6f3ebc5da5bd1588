# Parquet files written by Lakestream, read back by DuckDB and hyparquet and
# compared value by value (tests/parquet_write/README.md). Needs node and the
# npm test peers (make deps).
add_executable(write_parquet_cases
  ${CMAKE_SOURCE_DIR}/tests/parquet_write/write_parquet_cases.cc
  ${CMAKE_SOURCE_DIR}/tests/parquet_write/expected_rows.cc
  ${CMAKE_SOURCE_DIR}/tests/parquet_write/random_rows.cc)
target_link_libraries(write_parquet_cases PRIVATE ls_formats)
add_test(NAME parquet_write_interop
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/parquet_write/run_parquet_write.sh
          $<TARGET_FILE:write_parquet_cases> ${CMAKE_BINARY_DIR}/parquet_write)
set_tests_properties(parquet_write_interop PROPERTIES TIMEOUT 300 LABELS "duckdb;parquet")
