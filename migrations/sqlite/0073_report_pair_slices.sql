-- +goose Up
-- Pair slices (docs/reports.md, "Slices"): a ticket report filtered by two
-- of channel, priority and operator reads one range of report_slices'
-- key too, dim 'channel_priority', 'channel_operator' or
-- 'priority_operator' with the two values joined by '|' ('email|2'),
-- under the team and every team (0); operator 0, none, has no slice.
-- The record writes them from now on. The days before are filled in the
-- background by `frontdesk serve`, a day per transaction from the newest
-- down (internal/report/slices_fill.go): summing a year of the full key
-- here held a large install's start-up for over half an hour.
-- report_marks.day of 'pairs_from' is the first day from which the pair
-- slices are complete: '' all days (no history to fill), '9999-12-31'
-- none yet. Reports read the pairs only for periods from that day on.
-- 0071 creates report_marks now; an install that ran it before it did
-- gets it here.
CREATE TABLE IF NOT EXISTS report_marks (
    name TEXT PRIMARY KEY,
    day  TEXT NOT NULL
);
INSERT INTO report_marks (name, day)
SELECT 'pairs_from', CASE WHEN EXISTS (SELECT 1 FROM report_days) OR EXISTS (SELECT 1 FROM report_durations)
    THEN '9999-12-31' ELSE '' END;

-- +goose Down
SELECT 'forward-only';
