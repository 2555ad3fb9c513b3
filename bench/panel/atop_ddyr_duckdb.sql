-- The all-pairs directed ATOP dyad-year panel in DuckDB SQL: every ordered
-- pair of COW system members per year 1816-2016 with ATOP's five flags
-- rebuilt from the member file (rules: docs/validation.md, and the header of
-- atop_ddyr_pandas.py). Run through compare.py, which substitutes the
-- paths for ${ATOP_DIR}, ${SYSTEM} and ${OUT}.
COPY (
  WITH m AS (
    SELECT atopid, member, phase, defense, offense, neutral, nonagg, consul,
           yrent * 10000 + coalesce(nullif(moent, 0), 1) * 100
             + coalesce(nullif(dayent, 0), 1) AS entry,
           CASE WHEN yrexit > 0
                THEN yrexit * 10000 + coalesce(nullif(moexit, 0), 12) * 100
                     + coalesce(nullif(dayexit, 0), 31)
                ELSE 9223372036854775807 END AS exit,
           yrent AS y0,
           CASE WHEN yrexit > 0 THEN yrexit ELSE 2018 END AS y1
    FROM read_csv_auto('${ATOP_DIR}/atop5_1m.csv')
  ),
  pairs AS (
    SELECT a.atopid, a.member AS ccode1, b.member AS ccode2,
           least(a.phase, b.phase) AS phase,
           greatest(a.y0, b.y0) AS lo, least(a.y1, b.y1) AS hi,
           a.defense, a.offense, a.neutral, a.nonagg, a.consul
    FROM m a JOIN m b ON a.atopid = b.atopid AND a.member <> b.member
    WHERE NOT (b.entry >= a.exit OR a.entry >= b.exit)
  ),
  years AS (
    SELECT p.*, y.year
    FROM pairs p, LATERAL (SELECT unnest(range(p.lo, p.hi + 1)) AS year) y
  ),
  last_phase AS (
    SELECT *, max(phase) OVER (PARTITION BY atopid, ccode1, ccode2, year) AS lp
    FROM years
  ),
  flags AS (
    SELECT ccode1, ccode2, year,
           max(defense) AS defense, max(offense) AS offense,
           max(neutral) AS neutral, max(nonagg) AS nonagg, max(consul) AS consul
    FROM last_phase WHERE phase = lp
    GROUP BY ccode1, ccode2, year
  ),
  sys AS (
    SELECT ccode, year FROM read_csv_auto('${SYSTEM}')
    WHERE year BETWEEN 1816 AND 2016
  ),
  dyads AS (
    SELECT a.ccode AS ccode1, b.ccode AS ccode2, a.year
    FROM sys a JOIN sys b ON a.year = b.year AND a.ccode <> b.ccode
  )
  SELECT d.ccode1, d.ccode2, d.year,
         coalesce(f.defense, 0) AS defense, coalesce(f.offense, 0) AS offense,
         coalesce(f.neutral, 0) AS neutral, coalesce(f.nonagg, 0) AS nonagg,
         coalesce(f.consul, 0) AS consul
  FROM dyads d LEFT JOIN flags f USING (ccode1, ccode2, year)
  ORDER BY d.year, d.ccode1, d.ccode2
) TO '${OUT}' (HEADER, DELIMITER ',');
