# Tests beyond the per-layer unit tests; included by the top-level
# CMakeLists.txt when LAKESTREAM_BUILD_TESTS is on.

# DataFrame results compared with DuckDB's on the same generated CSV data
# (tests/duckdb/README.md). Needs node and the npm test peers (make deps).
add_executable(compare_queries
  ${CMAKE_SOURCE_DIR}/tests/duckdb/compare_queries.cc
  ${CMAKE_SOURCE_DIR}/tests/duckdb/dataframe_queries.cc
  ${CMAKE_SOURCE_DIR}/tests/duckdb/result_writer.cc)
target_link_libraries(compare_queries PRIVATE ls_api)
add_test(NAME duckdb_compare
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/duckdb/run_compare.sh
          $<TARGET_FILE:compare_queries> ${CMAKE_BINARY_DIR}/duckdb_compare)
set_tests_properties(duckdb_compare PROPERTIES TIMEOUT 300 LABELS duckdb)

# Parquet files written by Lakestream, read back by DuckDB and hyparquet.
include(${CMAKE_SOURCE_DIR}/tests/parquet_write/parquet_write.cmake)

# Parquet corpus files read by Lakestream and DuckDB (tests/parquet/).
include(${CMAKE_SOURCE_DIR}/tests/parquet/parquet_tests.cmake)

# sqllogictest runner, SQLite's corpus and Lakestream's own tests/sql/*.slt.
include(${CMAKE_SOURCE_DIR}/tests/sqllogictest/sqllogictest.cmake)

# TPC-H's 22 queries at SF 0.01 compared with DuckDB (bench/tpch/).
include(${CMAKE_SOURCE_DIR}/bench/tpch/tpch_test.cmake)
