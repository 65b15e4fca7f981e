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
    team_id      BIGINT NOT NULL,
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
    frt_wall     JSONB,
    frt_business JSONB,
    res_wall     JSONB,
    res_business JSONB,
    PRIMARY KEY (team_id, dim, val, day)
);

-- The counts, from report_days (tickets only): each row under its team
-- and team 0, once per dimension.
INSERT INTO report_slices (team_id, dim, val, day, created, closed, reopened, assigned, answers, open_delta,
    sla_met, sla_due)
SELECT t, dim, val, day, SUM(created), SUM(closed), SUM(reopened), SUM(assigned), SUM(answers), SUM(open_delta),
    SUM(sla_met), SUM(sla_due)
FROM (SELECT CASE WHEN w.every = 1 THEN 0 ELSE d.team_id END AS t, m.dim AS dim,
        CASE m.dim WHEN 'channel' THEN d.channel WHEN 'priority' THEN d.priority::text
            WHEN 'operator' THEN d.operator_id::text ELSE '' END AS val,
        d.day, d.created, d.closed, d.reopened, d.assigned, d.answers, d.open_delta, d.sla_met, d.sla_due
    FROM report_days d
    CROSS JOIN (VALUES (0), (1)) AS w(every)
    CROSS JOIN (VALUES (''), ('channel'), ('priority'), ('operator')) AS m(dim)
    WHERE NOT (m.dim = 'operator' AND d.operator_id = 0) AND (w.every = 1 OR d.team_id <> 0)) x
GROUP BY t, dim, val, day;

-- The histograms, from report_durations, one metric at a time.
CREATE TEMP TABLE slice_histograms ON COMMIT DROP AS
SELECT t, dim, val, day, metric, jsonb_object_agg(bucket::text, jsonb_build_array(n, total_s)) AS h
FROM (SELECT t, dim, val, day, metric, bucket, SUM(n) AS n, SUM(total_s) AS total_s
    FROM (SELECT CASE WHEN w.every = 1 THEN 0 ELSE d.team_id END AS t, m.dim AS dim,
            CASE m.dim WHEN 'channel' THEN d.channel WHEN 'priority' THEN d.priority::text
                WHEN 'operator' THEN d.operator_id::text ELSE '' END AS val,
            d.day, d.metric, d.bucket, d.n, d.total_s
        FROM report_durations d
        CROSS JOIN (VALUES (0), (1)) AS w(every)
        CROSS JOIN (VALUES (''), ('channel'), ('priority'), ('operator')) AS m(dim)
        WHERE d.metric IN ('frt_wall', 'frt_business', 'res_wall', 'res_business')
            AND NOT (m.dim = 'operator' AND d.operator_id = 0) AND (w.every = 1 OR d.team_id <> 0)) x
    GROUP BY t, dim, val, day, metric, bucket) b
GROUP BY t, dim, val, day, metric;

-- A histogram without counts that day (a first response's own row) gets a row.
INSERT INTO report_slices (team_id, dim, val, day)
SELECT DISTINCT t, dim, val, day FROM slice_histograms ON CONFLICT DO NOTHING;

UPDATE report_slices r SET frt_wall = s.h FROM slice_histograms s
WHERE s.t = r.team_id AND s.dim = r.dim AND s.val = r.val AND s.day = r.day AND s.metric = 'frt_wall';
UPDATE report_slices r SET frt_business = s.h FROM slice_histograms s
WHERE s.t = r.team_id AND s.dim = r.dim AND s.val = r.val AND s.day = r.day AND s.metric = 'frt_business';
UPDATE report_slices r SET res_wall = s.h FROM slice_histograms s
WHERE s.t = r.team_id AND s.dim = r.dim AND s.val = r.val AND s.day = r.day AND s.metric = 'res_wall';
UPDATE report_slices r SET res_business = s.h FROM slice_histograms s
WHERE s.t = r.team_id AND s.dim = r.dim AND s.val = r.val AND s.day = r.day AND s.metric = 'res_business';

-- The ticket histograms summed per team and day are the slices of dim ''
-- now; report_sum_durations keeps the chats' (chat_wait, chat_duration).
DELETE FROM report_sum_durations WHERE metric IN ('frt_wall', 'frt_business', 'res_wall', 'res_business');
-- So are the operators' first responses of report_sum_operator_durations,
-- which keeps the chat waits.
DELETE FROM report_sum_operator_durations WHERE metric IN ('frt_wall', 'frt_business');

-- +goose Down
SELECT 'forward-only';
