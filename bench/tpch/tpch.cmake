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
