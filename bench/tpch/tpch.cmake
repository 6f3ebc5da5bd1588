# The TPC-H data generator (bench/tpch/tpch_gen.cc); included from bench/bench.cmake.
# Only the Parquet output needs the engine (through its public API, ls_api).
add_executable(tpch_gen
  ${CMAKE_CURRENT_LIST_DIR}/tpch_gen.cc
  ${CMAKE_CURRENT_LIST_DIR}/tpch_csv_buffer.cc
  ${CMAKE_CURRENT_LIST_DIR}/tpch_csv_writer.cc
  ${CMAKE_CURRENT_LIST_DIR}/tpch_generator.cc
  ${CMAKE_CURRENT_LIST_DIR}/tpch_order.cc
  ${CMAKE_CURRENT_LIST_DIR}/tpch_parquet_writer.cc
  ${CMAKE_CURRENT_LIST_DIR}/tpch_table_spec.cc
  ${CMAKE_CURRENT_LIST_DIR}/tpch_text_pool.cc
  ${CMAKE_CURRENT_LIST_DIR}/tpch_vocabulary.cc)
target_link_libraries(tpch_gen PRIVATE ls_api Threads::Threads)

# The TPC-H query runner (bench/tpch/tpch_run.cc): the 22 queries through
# Session::sql, results in the canonical form of tests/duckdb/result_writer.h.
add_executable(tpch_run
  ${CMAKE_CURRENT_LIST_DIR}/tpch_run.cc
  ${CMAKE_SOURCE_DIR}/tests/duckdb/result_writer.cc)
target_include_directories(tpch_run PRIVATE ${CMAKE_SOURCE_DIR}/tests/duckdb)
target_link_libraries(tpch_run PRIVATE ls_api nlohmann_json::nlohmann_json)
