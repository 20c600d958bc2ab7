-- The per-step funnel of `smm-path cohort`, computed by DuckDB over a folder
-- of JSON exports (`smm-path export -f json`, one file per learner).
-- Run it from the folder that holds `exports/`:
--   duckdb < cohort_funnel.sql
WITH steps AS (
  SELECT learner, unnest(steps) AS step
  FROM read_json('exports/*.json', maximum_object_size = 268435456)
  WHERE roadmap.id = 'social-media-manager'
)
SELECT step.number AS number,
       step.id AS step,
       count(*) FILTER (WHERE step.status = 'done') AS finished,
       round(median(epoch(step.finished::TIMESTAMPTZ - step.started::TIMESTAMPTZ) / 86400)
             FILTER (WHERE step.status = 'done'), 2) AS median_days
FROM steps
GROUP BY ALL
ORDER BY number;
