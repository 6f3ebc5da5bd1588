# Example programs, public API only. ls_examples holds the demo pipeline that
# both `lakestream demo` and examples/taxi_pipeline.cc run. Included from the
# top-level CMakeLists.txt after the `lakestream` target, and by
# tests/cli/cli_tests.cmake, which tests the examples.
include_guard(GLOBAL)
add_library(ls_examples STATIC ${CMAKE_SOURCE_DIR}/examples/taxi/taxi_pipeline.cc)
target_include_directories(ls_examples PUBLIC ${CMAKE_SOURCE_DIR}/examples)
target_link_libraries(ls_examples PUBLIC ls_api)
# The default data and output folders are in the source tree, so that
# `lakestream demo` works from any working directory.
target_compile_definitions(ls_examples PRIVATE LAKESTREAM_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_link_libraries(lakestream PRIVATE ls_examples)

# One program per API area, built as build/<type>/examples/<name>.
set(LAKESTREAM_EXAMPLES
  taxi_pipeline
  dataframe_basics
  aggregations_and_joins
  functions_tour
  reading_and_writing_files
  sql_and_tables
  error_handling)
foreach(example ${LAKESTREAM_EXAMPLES})
  add_executable(example_${example} ${CMAKE_SOURCE_DIR}/examples/${example}.cc)
  target_link_libraries(example_${example} PRIVATE ls_examples)
  set_target_properties(example_${example} PROPERTIES
    OUTPUT_NAME ${example}
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/examples)
endforeach()
