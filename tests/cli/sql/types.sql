-- Values of most types, the quoting each output format needs, a command that
-- prints nothing, and an empty result. Run with -e and -f in every format.
SELECT 1 AS i, CAST(2 AS BIGINT) AS l, 1.5D AS d, CAST(3.25 AS DECIMAL(5, 2)) AS dec, true AS b,
       'plain' AS s, 'comma, "quote"; semicolon' AS q, '' AS empty, NULL AS n,
       DATE'2024-02-29' AS dt, TIMESTAMP'2024-01-02 03:04:05' AS ts;
SELECT array(1, 2) AS arr, map('k', 1) AS m, array(array('a', NULL)) AS nested;
/* a comment; with a semicolon */
CREATE TEMPORARY VIEW squares AS SELECT id, id * id AS square FROM range(3);
SELECT * FROM squares ORDER BY id;
SELECT id FROM range(0)
