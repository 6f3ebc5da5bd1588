# The TPC-H correctness test (bench/tpch/tpch_test.sh): the 22 queries at
# SF 0.01 through Session::sql, each result compared with DuckDB's on the same
# generated files, once over CSV and once over Parquet. Included from
# tests/tests.cmake; needs the benchmark targets tpch_gen and tpch_run.
if(NOT LAKESTREAM_BUILD_BENCH)
  return()
endif()
foreach(format csv parquet)
  add_test(NAME tpch_sf001_${format}
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/tpch_test.sh $<TARGET_FILE:tpch_gen> $<TARGET_FILE:tpch_run>
            ${CMAKE_BINARY_DIR}/tpch_sf001_${format} ${format})
  set_tests_properties(tpch_sf001_${format} PROPERTIES TIMEOUT 600 LABELS duckdb)
endforeach()
