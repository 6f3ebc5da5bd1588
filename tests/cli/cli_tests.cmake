# Tests of the `lakestream` command and of the example programs (built by
# examples/examples.cmake). Included from the top-level CMakeLists.txt inside
# the tests block. Names are cli.*; the examples' are cli.example.* (the asan
# target skips names containing "example").
# The examples must exist to be tested; examples.cmake is also included on its
# own right after the lakestream target (the CLI links the demo pipeline).
include(${CMAKE_SOURCE_DIR}/examples/examples.cmake)

set(cli_dir ${CMAKE_SOURCE_DIR}/tests/cli)
set(cli_work ${CMAKE_BINARY_DIR}/tests/cli)
set(ls $<TARGET_FILE:lakestream>)

# cli_test(NAME expect.sh-arguments... -- COMMAND...)
function(cli_test name)
  add_test(NAME cli.${name} COMMAND bash ${cli_dir}/expect.sh ${ARGN})
endfunction()

# ---- the command line itself ----
cli_test(version --stdout-is "lakestream 0.1.0" -- ${ls} --version)
cli_test(help --stdout-has "usage: lakestream" --stdout-has "demo" --stdout-has "functions"
         --stdout-has "sql" -- ${ls} --help)
cli_test(no_command --exit 2 --stderr-has "usage: lakestream" -- ${ls})
cli_test(unknown_command --exit 2 --stderr-has "unknown command 'frobnicate'"
         --stderr-has "usage: lakestream" -- ${ls} frobnicate)
cli_test(unknown_option --exit 2 --stderr-has "unknown option '--frob'" -- ${ls} --frob)
cli_test(demo_help --stdout-has "usage: lakestream demo" --stdout-has "--threads N"
         --stdout-has "--output DIR" -- ${ls} demo --help)
cli_test(demo_unknown_option --exit 2 --stderr-has "unknown option '--bogus'"
         --stderr-has "usage: lakestream demo" -- ${ls} demo --bogus)
cli_test(demo_bad_threads --exit 2 --stderr-has "--threads expects a positive integer"
         -- ${ls} demo --threads zero)
cli_test(demo_missing_value --exit 2 --stderr-has "--data needs a value" -- ${ls} demo --data)
cli_test(demo_extra_argument --exit 2 --stderr-has "unexpected argument 'now'" -- ${ls} demo now)
# An engine error is one "error: [CLASS] message" and its SQLSTATE, never a crash.
cli_test(engine_error --exit 1 --stderr-has "error: [PATH_NOT_FOUND]" --stderr-has "SQLSTATE: "
         --stderr-lacks "terminate called"
         -- ${ls} demo --data ${cli_work}/no_such_folder --output ${cli_work}/engine_error_out)
cli_test(functions --stdout-has "year" --stdout-has "count (aggregate)" -- ${ls} functions)
# docs/functions.md is generated; this fails when it is stale (regenerate with
# `lakestream functions --markdown > docs/functions.md`).
cli_test(functions_doc_current --stdout-file ${CMAKE_SOURCE_DIR}/docs/functions.md
         -- ${ls} functions --markdown)

# Every `SELECT ...; -- result` example in docs/functions.md gives its result.
add_test(NAME cli.function_examples
         COMMAND ${CMAKE_COMMAND} -E env TZ=UTC python3 ${cli_dir}/function_examples_test.py ${ls}
                 ${CMAKE_SOURCE_DIR}/docs/functions.md)

# ---- lakestream sql ----
set(sql_e bash ${cli_dir}/run_sql_e.sh ${ls})  # -e with the statements of a file
set(types_sql ${cli_dir}/sql/types.sql)
foreach(format table csv json)
  cli_test(sql.e_${format} --stdout-file ${cli_dir}/expected/sql_types_${format}.out
           -- ${sql_e} ${types_sql} --format ${format})
endforeach()
cli_test(sql.f --stdout-file ${cli_dir}/expected/sql_types_table.out -- ${ls} sql -f ${types_sql})
cli_test(sql.f_missing --exit 1 --stderr-has "cannot read" -- ${ls} sql -f ${cli_work}/no_such.sql)
# The first failing statement stops -e: exit 1, its caret block on stderr, the
# SQLSTATE once.
cli_test(sql.parse_error --exit 1 --stdout-has "before" --stdout-lacks "after"
         --stderr-file ${cli_dir}/expected/sql_parse_error.err
         -- ${ls} sql -e "SELECT 1 AS before\; SELECT *
FORM t\; SELECT 3 AS after")
cli_test(sql.analysis_error --exit 1 --stderr-has "Error: [UNRESOLVED_COLUMN.WITH_SUGGESTION]"
         --stderr-has "SQLSTATE: 42703" --stderr-lacks "terminate called"
         -- ${ls} sql -e "SELECT nope FROM range(1)")
# EXPLAIN's plan prints bare, not inside a one-cell table.
cli_test(sql.explain --stdout-has "== Physical Plan ==" --stdout-has "+- Filter (id > 3)" --stdout-lacks "|"
         -- ${ls} sql -e "EXPLAIN SELECT id FROM range(10) WHERE id > 3")
cli_test(sql.timer --stdout-has "(3 rows)" --stdout-has "Time: " -- ${ls} sql --timer -e "SELECT * FROM range(3)")
cli_test(sql.bad_format --exit 2 --stderr-has "--format expects table, csv or json"
         -- ${ls} sql --format xml -e "SELECT 1")
cli_test(sql.e_and_f --exit 2 --stderr-has "-e and -f cannot be used together"
         -- ${ls} sql -e "SELECT 1" -f ${types_sql})
# Statements piped to stdin: no prompts, errors reported and passed over.
cli_test(sql.stdin --exit 1 --stdin ${cli_dir}/sql/piped.sql
         --stdout-file ${cli_dir}/expected/sql_piped.out --stderr-file ${cli_dir}/expected/sql_piped.err
         -- ${ls} sql)
add_test(NAME cli.sql.warehouse COMMAND bash ${cli_dir}/sql_warehouse_test.sh ${ls} ${cli_work}/sql_warehouse)
add_test(NAME cli.sql.cancel COMMAND bash ${cli_dir}/sql_cancel_test.sh ${ls} ${cli_work}/sql_cancel)
add_test(NAME cli.sql.terminal COMMAND python3 ${cli_dir}/sql_terminal_test.py ${ls} ${cli_work}/sql_terminal)
set_tests_properties(cli.sql.cancel cli.sql.terminal PROPERTIES TIMEOUT 300)

# ---- the demo pipeline, checked against tests/cli/taxi_reference.py's results ----
add_test(NAME cli.demo COMMAND bash ${cli_dir}/demo_test.sh ${cli_work}/demo_out
         -- ${ls} demo --threads 2 --output ${cli_work}/demo_out)
add_test(NAME cli.example.taxi_pipeline COMMAND bash ${cli_dir}/demo_test.sh ${cli_work}/taxi_out
         -- $<TARGET_FILE:example_taxi_pipeline> ${CMAKE_SOURCE_DIR}/examples/data ${cli_work}/taxi_out)

# ---- one example per API area: stdout must match its golden file ----
foreach(example dataframe_basics aggregations_and_joins functions_tour error_handling)
  cli_test(example.${example} --stdout-file ${cli_dir}/expected/${example}.out
           -- $<TARGET_FILE:example_${example}>)
endforeach()
cli_test(example.reading_and_writing_files
         --stdout-file ${cli_dir}/expected/reading_and_writing_files.out
         -- $<TARGET_FILE:example_reading_and_writing_files> ${cli_work}/io_example)
cli_test(example.sql_and_tables
         --stdout-file ${cli_dir}/expected/sql_and_tables.out
         -- $<TARGET_FILE:example_sql_and_tables> ${cli_work}/sql_example)
