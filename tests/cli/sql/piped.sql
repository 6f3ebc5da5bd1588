-- Read from a pipe: no prompts, statements span lines, a ';' in a string,
-- identifier or comment ends nothing, a failing statement does not stop the
-- rest, and dot-commands work between statements.
SELECT 1 AS one;
SELECT
  'a;b' AS `semi;colon`,  -- a comment; with a semicolon
  /* another; */ 2 AS two;
SELECT no_such_column;
.format csv
SELECT 3 AS three, 'x' AS four; SELECT 4 AS five;
.format json
SELECT 6 AS six;
.format table
\timing
\timing off
CREATE TEMPORARY VIEW v AS SELECT 7 AS seven;
-- the input ends inside a statement: it runs as if it ended with ';'
SELECT *
FROM v
