-- +goose Up
-- One roll-up row per (team, dimension, value, day) holding the day's
-- counts and its duration histograms (docs/reports.md, "Slices"): a ticket
-- report filtered by at most one of channel, priority and operator reads
-- one range of the key, some 90 rows for 90 days, where the per-bucket
-- tables read thousands. team_id 0 is every team; dim '' is no filter
-- (val ''), else 'channel', 'priority' or 'operator' with the value as
-- text (operator 0, none, has no slice). A histogram is one JSON object
-- {"bucket": [n, total_s], ...}.
CREATE TABLE report_slices (
    team_id      INTEGER NOT NULL,
    dim          TEXT NOT NULL,
    val          TEXT NOT NULL,
    day          TEXT NOT NULL,
    created      INTEGER NOT NULL DEFAULT 0,
    closed       INTEGER NOT NULL DEFAULT 0,
    reopened     INTEGER NOT NULL DEFAULT 0,
    assigned     INTEGER NOT NULL DEFAULT 0,
    answers      INTEGER NOT NULL DEFAULT 0,
    open_delta   INTEGER NOT NULL DEFAULT 0,
    sla_met      INTEGER NOT NULL DEFAULT 0,
    sla_due      INTEGER NOT NULL DEFAULT 0,
    frt_wall     TEXT,
    frt_business TEXT,
    res_wall     TEXT,
    res_business TEXT,
    PRIMARY KEY (team_id, dim, val, day)
) WITHOUT ROWID;

-- The counts, from report_days (tickets only): each row under its team
-- and team 0, once per dimension.
INSERT INTO report_slices (team_id, dim, val, day, created, closed, reopened, assigned, answers, open_delta,
    sla_met, sla_due)
SELECT t, dim, val, day, SUM(created), SUM(closed), SUM(reopened), SUM(assigned), SUM(answers), SUM(open_delta),
    SUM(sla_met), SUM(sla_due)
FROM (SELECT CASE WHEN w.every = 1 THEN 0 ELSE d.team_id END AS t, m.dim AS dim,
        CASE m.dim WHEN 'channel' THEN d.channel WHEN 'priority' THEN CAST(d.priority AS TEXT)
            WHEN 'operator' THEN CAST(d.operator_id AS TEXT) ELSE '' END AS val,
        d.day, d.created, d.closed, d.reopened, d.assigned, d.answers, d.open_delta, d.sla_met, d.sla_due
    FROM report_days d
    CROSS JOIN (SELECT 0 AS every UNION ALL SELECT 1) w
    CROSS JOIN (SELECT '' AS dim UNION ALL SELECT 'channel' UNION ALL SELECT 'priority' UNION ALL SELECT 'operator') m
    WHERE NOT (m.dim = 'operator' AND d.operator_id = 0) AND (w.every = 1 OR d.team_id <> 0))
GROUP BY t, dim, val, day;

-- The histograms, from report_durations, one metric at a time.
CREATE TEMP TABLE slice_buckets AS
SELECT t, dim, val, day, metric, bucket, SUM(n) AS n, SUM(total_s) AS total_s
FROM (SELECT CASE WHEN w.every = 1 THEN 0 ELSE d.team_id END AS t, m.dim AS dim,
        CASE m.dim WHEN 'channel' THEN d.channel WHEN 'priority' THEN CAST(d.priority AS TEXT)
            WHEN 'operator' THEN CAST(d.operator_id AS TEXT) ELSE '' END AS val,
        d.day, d.metric, d.bucket, d.n, d.total_s
    FROM report_durations d
    CROSS JOIN (SELECT 0 AS every UNION ALL SELECT 1) w
    CROSS JOIN (SELECT '' AS dim UNION ALL SELECT 'channel' UNION ALL SELECT 'priority' UNION ALL SELECT 'operator') m
    WHERE d.metric IN ('frt_wall', 'frt_business', 'res_wall', 'res_business')
        AND NOT (m.dim = 'operator' AND d.operator_id = 0) AND (w.every = 1 OR d.team_id <> 0))
GROUP BY t, dim, val, day, metric, bucket;

CREATE TEMP TABLE slice_histograms AS
SELECT t, dim, val, day, metric, json_group_object(bucket, json_array(n, total_s)) AS h
FROM slice_buckets GROUP BY t, dim, val, day, metric;
CREATE INDEX temp.slice_histograms_key ON slice_histograms(t, dim, val, day, metric);

-- A histogram without counts that day (a first response's own row) gets a row.
INSERT OR IGNORE INTO report_slices (team_id, dim, val, day)
SELECT DISTINCT t, dim, val, day FROM slice_histograms;

UPDATE report_slices SET
    frt_wall = (SELECT h FROM slice_histograms s WHERE s.t = report_slices.team_id AND s.dim = report_slices.dim
        AND s.val = report_slices.val AND s.day = report_slices.day AND s.metric = 'frt_wall'),
    frt_business = (SELECT h FROM slice_histograms s WHERE s.t = report_slices.team_id AND s.dim = report_slices.dim
        AND s.val = report_slices.val AND s.day = report_slices.day AND s.metric = 'frt_business'),
    res_wall = (SELECT h FROM slice_histograms s WHERE s.t = report_slices.team_id AND s.dim = report_slices.dim
        AND s.val = report_slices.val AND s.day = report_slices.day AND s.metric = 'res_wall'),
    res_business = (SELECT h FROM slice_histograms s WHERE s.t = report_slices.team_id AND s.dim = report_slices.dim
        AND s.val = report_slices.val AND s.day = report_slices.day AND s.metric = 'res_business');

DROP TABLE slice_histograms;
DROP TABLE slice_buckets;

-- The ticket histograms summed per team and day are the slices of dim ''
-- now; report_sum_durations keeps the chats' (chat_wait, chat_duration).
DELETE FROM report_sum_durations WHERE metric IN ('frt_wall', 'frt_business', 'res_wall', 'res_business');
-- So are the operators' first responses of report_sum_operator_durations,
-- which keeps the chat waits.
DELETE FROM report_sum_operator_durations WHERE metric IN ('frt_wall', 'frt_business');

-- +goose Down
SELECT 'forward-only';
