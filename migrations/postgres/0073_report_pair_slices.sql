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
        CASE m.dim WHEN 'channel_priority' THEN d.channel || '|' || d.priority::text
            WHEN 'channel_operator' THEN d.channel || '|' || d.operator_id::text
            ELSE d.priority::text || '|' || d.operator_id::text END AS val,
        d.day, d.created, d.closed, d.reopened, d.assigned, d.answers, d.open_delta, d.sla_met, d.sla_due
    FROM report_days d
    CROSS JOIN (VALUES (0), (1)) AS w(every)
    CROSS JOIN (VALUES ('channel_priority'), ('channel_operator'), ('priority_operator')) AS m(dim)
    WHERE NOT (m.dim <> 'channel_priority' AND d.operator_id = 0) AND (w.every = 1 OR d.team_id <> 0)) x
GROUP BY t, dim, val, day;

-- The histograms, from report_durations.
CREATE TEMP TABLE pair_histograms ON COMMIT DROP AS
SELECT t, dim, val, day, metric, jsonb_object_agg(bucket::text, jsonb_build_array(n, total_s)) AS h
FROM (SELECT t, dim, val, day, metric, bucket, SUM(n) AS n, SUM(total_s) AS total_s
    FROM (SELECT CASE WHEN w.every = 1 THEN 0 ELSE d.team_id END AS t, m.dim AS dim,
            CASE m.dim WHEN 'channel_priority' THEN d.channel || '|' || d.priority::text
                WHEN 'channel_operator' THEN d.channel || '|' || d.operator_id::text
                ELSE d.priority::text || '|' || d.operator_id::text END AS val,
            d.day, d.metric, d.bucket, d.n, d.total_s
        FROM report_durations d
        CROSS JOIN (VALUES (0), (1)) AS w(every)
        CROSS JOIN (VALUES ('channel_priority'), ('channel_operator'), ('priority_operator')) AS m(dim)
        WHERE d.metric IN ('frt_wall', 'frt_business', 'res_wall', 'res_business')
            AND NOT (m.dim <> 'channel_priority' AND d.operator_id = 0) AND (w.every = 1 OR d.team_id <> 0)) x
    GROUP BY t, dim, val, day, metric, bucket) b
GROUP BY t, dim, val, day, metric;

-- A histogram without counts that day (a first response's own row) gets a row.
INSERT INTO report_slices (team_id, dim, val, day)
SELECT DISTINCT t, dim, val, day FROM pair_histograms ON CONFLICT DO NOTHING;

UPDATE report_slices r SET frt_wall = s.h FROM pair_histograms s
WHERE s.t = r.team_id AND s.dim = r.dim AND s.val = r.val AND s.day = r.day AND s.metric = 'frt_wall';
UPDATE report_slices r SET frt_business = s.h FROM pair_histograms s
WHERE s.t = r.team_id AND s.dim = r.dim AND s.val = r.val AND s.day = r.day AND s.metric = 'frt_business';
UPDATE report_slices r SET res_wall = s.h FROM pair_histograms s
WHERE s.t = r.team_id AND s.dim = r.dim AND s.val = r.val AND s.day = r.day AND s.metric = 'res_wall';
UPDATE report_slices r SET res_business = s.h FROM pair_histograms s
WHERE s.t = r.team_id AND s.dim = r.dim AND s.val = r.val AND s.day = r.day AND s.metric = 'res_business';

-- +goose Down
SELECT 'forward-only';
