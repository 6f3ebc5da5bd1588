# Benchmarks; included by the top-level CMakeLists.txt when LAKESTREAM_BUILD_BENCH
# is on. bench/run.sh (make bench) runs them beside DuckDB.
add_executable(bench_agg_join ${CMAKE_SOURCE_DIR}/bench/agg_join_bench.cc)
target_link_libraries(bench_agg_join PRIVATE ls_api)

# TPC-H: the data generator tpch_gen (bench/tpch/).
include(${CMAKE_SOURCE_DIR}/bench/tpch/tpch.cmake)

# Parquet scan and write on TPC-H lineitem; bench/run_parquet_bench.sh runs it
# beside DuckDB.
add_executable(bench_parquet ${CMAKE_SOURCE_DIR}/bench/parquet_bench.cc)
target_link_libraries(bench_parquet PRIVATE ls_api)
