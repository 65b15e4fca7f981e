-- +goose Up
-- Tickets created and closed per tag in report_slices (dim 'tag', val the
-- tag; docs/reports.md, "Slices"), under the team and every team (0): the
-- tags breakdown without a channel, priority or operator filter reads a
-- row per tag and day instead of report_tag_days' row per full key.
INSERT INTO report_slices (team_id, dim, val, day, created, closed)
SELECT team_id, 'tag', tag, day, SUM(created), SUM(closed) FROM report_tag_days WHERE team_id <> 0
    GROUP BY team_id, tag, day
UNION ALL
SELECT 0, 'tag', tag, day, SUM(created), SUM(closed) FROM report_tag_days GROUP BY tag, day;

-- The counts summed over priority (report_sum_days, migration 0068) are
-- the slices' now: a report with one filter reads its slice, one with
-- more the full key (report_days). The record no longer writes them.
DROP TABLE report_sum_days;

-- The chats' histograms move to the slices too (dim 'chat', val ''): a
-- row per team (0: every team, and the chats of no team) and day, from
-- report_sum_durations, which then holds nothing a report reads.
ALTER TABLE report_slices ADD COLUMN chat_wait TEXT;
ALTER TABLE report_slices ADD COLUMN chat_duration TEXT;
INSERT INTO report_slices (team_id, dim, val, day, chat_wait, chat_duration)
SELECT team_id, 'chat', '', day, json_group_object(bucket, json_array(n, total_s)) FILTER (WHERE metric = 'chat_wait'),
    json_group_object(bucket, json_array(n, total_s)) FILTER (WHERE metric = 'chat_duration')
FROM report_sum_durations WHERE metric IN ('chat_wait', 'chat_duration') GROUP BY team_id, day;
DROP TABLE report_sum_durations;

-- +goose Down
SELECT 'forward-only';
