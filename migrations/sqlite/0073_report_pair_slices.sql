-- +goose Up
-- Pair slices (docs/reports.md, "Slices"): a ticket report filtered by two
-- of channel, priority and operator reads one range of report_slices'
-- key too, dim 'channel_priority', 'channel_operator' or
-- 'priority_operator' with the two values joined by '|' ('email|2'),
-- under the team and every team (0); operator 0, none, has no slice.
-- Backfilled from report_days and report_durations as 0071 did.
INSERT INTO report_slices (team_id, dim, val, day, created, closed, reopened, assigned, answers, open_delta,
    sla_met, sla_due)
SELECT t, dim, val, day, SUM(created), SUM(closed), SUM(reopened), SUM(assigned), SUM(answers), SUM(open_delta),
    SUM(sla_met), SUM(sla_due)
FROM (SELECT CASE WHEN w.every = 1 THEN 0 ELSE d.team_id END AS t, m.dim AS dim,
        CASE m.dim WHEN 'channel_priority' THEN d.channel || '|' || CAST(d.priority AS TEXT)
            WHEN 'channel_operator' THEN d.channel || '|' || CAST(d.operator_id AS TEXT)
            ELSE CAST(d.priority AS TEXT) || '|' || CAST(d.operator_id AS TEXT) END AS val,
        d.day, d.created, d.closed, d.reopened, d.assigned, d.answers, d.open_delta, d.sla_met, d.sla_due
    FROM report_days d
    CROSS JOIN (SELECT 0 AS every UNION ALL SELECT 1) w
    CROSS JOIN (SELECT 'channel_priority' AS dim UNION ALL SELECT 'channel_operator'
        UNION ALL SELECT 'priority_operator') m
    WHERE NOT (m.dim <> 'channel_priority' AND d.operator_id = 0) AND (w.every = 1 OR d.team_id <> 0))
GROUP BY t, dim, val, day;

-- The histograms, from report_durations.
CREATE TEMP TABLE pair_histograms AS
SELECT t, dim, val, day, metric, json_group_object(bucket, json_array(n, total_s)) AS h
FROM (SELECT t, dim, val, day, metric, bucket, SUM(n) AS n, SUM(total_s) AS total_s
    FROM (SELECT CASE WHEN w.every = 1 THEN 0 ELSE d.team_id END AS t, m.dim AS dim,
            CASE m.dim WHEN 'channel_priority' THEN d.channel || '|' || CAST(d.priority AS TEXT)
                WHEN 'channel_operator' THEN d.channel || '|' || CAST(d.operator_id AS TEXT)
                ELSE CAST(d.priority AS TEXT) || '|' || CAST(d.operator_id AS TEXT) END AS val,
            d.day, d.metric, d.bucket, d.n, d.total_s
        FROM report_durations d
        CROSS JOIN (SELECT 0 AS every UNION ALL SELECT 1) w
        CROSS JOIN (SELECT 'channel_priority' AS dim UNION ALL SELECT 'channel_operator'
            UNION ALL SELECT 'priority_operator') m
        WHERE d.metric IN ('frt_wall', 'frt_business', 'res_wall', 'res_business')
            AND NOT (m.dim <> 'channel_priority' AND d.operator_id = 0) AND (w.every = 1 OR d.team_id <> 0))
    GROUP BY t, dim, val, day, metric, bucket)
GROUP BY t, dim, val, day, metric;
CREATE INDEX temp.pair_histograms_key ON pair_histograms(t, dim, val, day, metric);

-- A histogram without counts that day (a first response's own row) gets a row.
INSERT OR IGNORE INTO report_slices (team_id, dim, val, day)
SELECT DISTINCT t, dim, val, day FROM pair_histograms;

UPDATE report_slices SET
    frt_wall = (SELECT h FROM pair_histograms s WHERE s.t = report_slices.team_id AND s.dim = report_slices.dim
        AND s.val = report_slices.val AND s.day = report_slices.day AND s.metric = 'frt_wall'),
    frt_business = (SELECT h FROM pair_histograms s WHERE s.t = report_slices.team_id AND s.dim = report_slices.dim
        AND s.val = report_slices.val AND s.day = report_slices.day AND s.metric = 'frt_business'),
    res_wall = (SELECT h FROM pair_histograms s WHERE s.t = report_slices.team_id AND s.dim = report_slices.dim
        AND s.val = report_slices.val AND s.day = report_slices.day AND s.metric = 'res_wall'),
    res_business = (SELECT h FROM pair_histograms s WHERE s.t = report_slices.team_id AND s.dim = report_slices.dim
        AND s.val = report_slices.val AND s.day = report_slices.day AND s.metric = 'res_business')
WHERE dim IN ('channel_priority', 'channel_operator', 'priority_operator');

DROP TABLE pair_histograms;

-- +goose Down
SELECT 'forward-only';
