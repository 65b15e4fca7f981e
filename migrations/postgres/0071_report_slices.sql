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

-- The record writes the slices from now on. The days before are filled
-- in the background by `frontdesk serve`, a day per transaction from the
-- newest down (internal/report/slices_fill.go): summing a year of the full
-- key here held a large install's start-up for most of an hour.
-- report_marks.day of 'slices_from' is the first day from which these
-- slices are complete: '' all days (no history to fill), '9999-12-31'
-- none yet. Reports read them only for periods from that day on, the full
-- key before. (Installs that ran this migration when it summed the
-- history here have no 'slices_from': a missing mark is complete.)
CREATE TABLE report_marks (
    name TEXT PRIMARY KEY,
    day  TEXT NOT NULL
);
INSERT INTO report_marks (name, day)
SELECT 'slices_from', CASE WHEN EXISTS (SELECT 1 FROM report_days) OR EXISTS (SELECT 1 FROM report_durations)
    THEN '9999-12-31' ELSE '' END;

-- The ticket histograms summed per team and day are the slices of dim ''
-- now; report_sum_durations keeps the chats' (chat_wait, chat_duration).
DELETE FROM report_sum_durations WHERE metric IN ('frt_wall', 'frt_business', 'res_wall', 'res_business');
-- So are the operators' first responses of report_sum_operator_durations,
-- which keeps the chat waits.
DELETE FROM report_sum_operator_durations WHERE metric IN ('frt_wall', 'frt_business');

-- +goose Down
SELECT 'forward-only';
