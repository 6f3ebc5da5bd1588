# sqllogictest: the runner (tests/sqllogictest/README.md), SQLite's corpus
# gated by a per-script baseline, and Lakestream's own scripts in tests/sql/.
pkg_check_modules(LIBMD REQUIRED IMPORTED_TARGET libmd)

add_library(ls_slt STATIC
  ${CMAKE_SOURCE_DIR}/tests/sqllogictest/slt_parser.cc
  ${CMAKE_SOURCE_DIR}/tests/sqllogictest/result_renderer.cc
  ${CMAKE_SOURCE_DIR}/tests/sqllogictest/script_runner.cc)
target_include_directories(ls_slt PUBLIC ${CMAKE_SOURCE_DIR}/tests)
target_link_libraries(ls_slt PUBLIC ls_api PkgConfig::LIBMD)

add_executable(slt_runner ${CMAKE_SOURCE_DIR}/tests/sqllogictest/slt_main.cc)
target_link_libraries(slt_runner PRIVATE ls_slt)

add_executable(unit_slt ${CMAKE_SOURCE_DIR}/tests/sqllogictest/slt_runner_test.cc)
target_link_libraries(unit_slt PRIVATE ls_slt GTest::gtest GTest::gtest_main)
gtest_discover_tests(unit_slt DISCOVERY_TIMEOUT 60)

# Lakestream's own scripts: every record must pass.
file(GLOB slt_own_scripts CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/sql/*.slt)
foreach(script ${slt_own_scripts})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME sql.${name} COMMAND slt_runner --dialect spark --max-failed 0 --verbose ${script})
  set_tests_properties(sql.${name} PROPERTIES TIMEOUT 120 LABELS sql)
endforeach()

# SQLite's corpus: each script must pass at least its baseline count. Scripts
# marked "full" in the baseline are too slow for `make test` on two cores; they
# run with the rest in `make slt` (slt_runner --baseline over every script).
if(DEFINED ENV{LAKESTREAM_SLT_CORPUS})
  set(slt_corpus $ENV{LAKESTREAM_SLT_CORPUS})
else()
  get_filename_component(slt_corpus ${CMAKE_SOURCE_DIR}/../shared/corpus/sqllogictest ABSOLUTE)
  # A clone outside the workspace (CI's fresh clone) finds the shared corpus at its fixed place.
  if(NOT EXISTS ${slt_corpus} AND EXISTS /work/shared/corpus/sqllogictest)
    set(slt_corpus /work/shared/corpus/sqllogictest)
  endif()
endif()
set(slt_baseline ${CMAKE_SOURCE_DIR}/tests/sqllogictest/baseline.txt)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${slt_baseline})
if(EXISTS ${slt_corpus})
  file(STRINGS ${slt_baseline} slt_lines REGEX "^[^#]")
  foreach(line ${slt_lines})
    string(REGEX MATCHALL "[^ \t]+" words "${line}")
    list(LENGTH words nwords)
    if(nwords GREATER 2)
      continue()  # "full": make slt only
    endif()
    list(GET words 0 script)
    list(GET words 1 minimum)
    string(REGEX REPLACE "^test/" "" name ${script})
    string(REGEX REPLACE "\\.test$" "" name ${name})
    string(REPLACE "/" "." name ${name})
    add_test(NAME slt.${name}
             COMMAND slt_runner --dialect sqlite --corpus ${slt_corpus} --min-passed ${minimum} ${script})
    set_tests_properties(slt.${name} PROPERTIES TIMEOUT 600 LABELS slt)
  endforeach()
else()
  message(STATUS "sqllogictest corpus not found at ${slt_corpus}; slt.* tests are off")
endif()
