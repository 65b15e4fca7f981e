-- +goose Up
-- Pre-summed roll-ups of the report record (docs/reports.md), written with
-- the facts beside the full-key roll-ups (report_days, report_durations,
-- report_sla_days, report_hour_days).
-- A report without a priority filter reads these instead of the full key:
-- a few rows a day instead of one per (team, channel, priority, operator)
-- touched. team_id 0 holds the sums over every team (a ticket always has a
-- team, so 0 is free), for an admin's report across teams. The key leads
-- with the team, so a report reads one contiguous range per team.

-- report_days summed over priority.
CREATE TABLE report_sum_days (
    team_id         INTEGER NOT NULL,
    day             TEXT NOT NULL,
    channel         TEXT NOT NULL,
    operator_id     INTEGER NOT NULL,
    created         INTEGER NOT NULL DEFAULT 0,
    closed          INTEGER NOT NULL DEFAULT 0,
    reopened        INTEGER NOT NULL DEFAULT 0,
    assigned        INTEGER NOT NULL DEFAULT 0,
    answers         INTEGER NOT NULL DEFAULT 0,
    open_delta      INTEGER NOT NULL DEFAULT 0,
    sla_met         INTEGER NOT NULL DEFAULT 0,
    sla_due         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, day, channel, operator_id)
) WITHOUT ROWID;

-- report_durations summed over channel, priority and operator: the
-- tickets' metrics and the chats' (chat_wait, chat_duration). Keyed by
-- metric before day: a report reads two metrics of six, a range each.
CREATE TABLE report_sum_durations (
    team_id INTEGER NOT NULL,
    day     TEXT NOT NULL,
    metric  TEXT NOT NULL,
    bucket  INTEGER NOT NULL,
    n       INTEGER NOT NULL DEFAULT 0,
    total_s INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, metric, day, bucket)
) WITHOUT ROWID;

-- The first responses (frt_wall, frt_business) and chat waits (chat_wait)
-- per operator, summed over channel and priority, by day (span 1, start
-- the day) and by week (span 7, start its Monday): the operators' medians
-- of a period read its whole weeks and the days around them.
CREATE TABLE report_sum_operator_durations (
    team_id     INTEGER NOT NULL,
    metric      TEXT NOT NULL,
    span        INTEGER NOT NULL,
    start       TEXT NOT NULL,
    operator_id INTEGER NOT NULL,
    bucket      INTEGER NOT NULL,
    n           INTEGER NOT NULL DEFAULT 0,
    total_s     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, metric, span, start, operator_id, bucket)
) WITHOUT ROWID;

-- report_hour_days summed over channel, priority and operator.
CREATE TABLE report_sum_hours (
    team_id INTEGER NOT NULL,
    day     TEXT NOT NULL,
    hour    INTEGER NOT NULL,
    created INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, day, hour)
) WITHOUT ROWID;

-- report_sla_days summed over channel and priority, once by policy
-- (dim 'policy', dim_id the policy) and once by operator (dim 'operator'):
-- the SLA tables group by one of them at a time.
CREATE TABLE report_sum_sla (
    team_id INTEGER NOT NULL,
    day     TEXT NOT NULL,
    target  TEXT NOT NULL,
    dim     TEXT NOT NULL,
    dim_id  INTEGER NOT NULL,
    met     INTEGER NOT NULL DEFAULT 0,
    due     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, day, target, dim, dim_id)
) WITHOUT ROWID;

-- The tickets open now per key: a report's backlog is counted back from
-- it (the open count less what moved since the period began).
CREATE TABLE report_sum_open (
    team_id     INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    operator_id INTEGER NOT NULL,
    open_now    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, channel, priority, operator_id)
) WITHOUT ROWID;

INSERT INTO report_sum_open (team_id, channel, priority, operator_id, open_now)
SELECT team_id, channel, priority, operator_id, COUNT(*) FROM report_tickets WHERE is_open
    GROUP BY team_id, channel, priority, operator_id
UNION ALL
SELECT 0, channel, priority, operator_id, COUNT(*) FROM report_tickets WHERE is_open
    GROUP BY channel, priority, operator_id;

INSERT INTO report_sum_days (team_id, day, channel, operator_id, created, closed, reopened, assigned, answers,
    open_delta, sla_met, sla_due)
SELECT team_id, day, channel, operator_id, SUM(created), SUM(closed), SUM(reopened), SUM(assigned), SUM(answers),
    SUM(open_delta), SUM(sla_met), SUM(sla_due) FROM report_days GROUP BY team_id, day, channel, operator_id
UNION ALL
SELECT 0, day, channel, operator_id, SUM(created), SUM(closed), SUM(reopened), SUM(assigned), SUM(answers),
    SUM(open_delta), SUM(sla_met), SUM(sla_due) FROM report_days GROUP BY day, channel, operator_id;

-- (A chat of no team is under team 0 already: its row is the sum's.)
INSERT INTO report_sum_durations (team_id, day, metric, bucket, n, total_s)
SELECT team_id, day, metric, bucket, SUM(n), SUM(total_s) FROM report_durations
    WHERE team_id <> 0 AND (metric IN ('frt_wall', 'frt_business', 'res_wall', 'res_business')
    OR channel = 'chat' AND metric IN ('chat_wait', 'chat_duration')) GROUP BY team_id, day, metric, bucket
UNION ALL
SELECT 0, day, metric, bucket, SUM(n), SUM(total_s) FROM report_durations
    WHERE metric IN ('frt_wall', 'frt_business', 'res_wall', 'res_business')
    OR channel = 'chat' AND metric IN ('chat_wait', 'chat_duration') GROUP BY day, metric, bucket;

INSERT INTO report_sum_operator_durations (team_id, metric, span, start, operator_id, bucket, n, total_s)
SELECT team_id, metric, 1, day, operator_id, bucket, SUM(n), SUM(total_s) FROM report_durations
    WHERE team_id <> 0 AND metric IN ('frt_wall', 'frt_business', 'chat_wait')
    GROUP BY team_id, metric, day, operator_id, bucket
UNION ALL
SELECT 0, metric, 1, day, operator_id, bucket, SUM(n), SUM(total_s) FROM report_durations
    WHERE metric IN ('frt_wall', 'frt_business', 'chat_wait') GROUP BY metric, day, operator_id, bucket
UNION ALL
SELECT team_id, metric, 7, date(day, '-6 days', 'weekday 1'), operator_id, bucket, SUM(n), SUM(total_s) FROM report_durations
    WHERE team_id <> 0 AND metric IN ('frt_wall', 'frt_business', 'chat_wait')
    GROUP BY team_id, metric, date(day, '-6 days', 'weekday 1'), operator_id, bucket
UNION ALL
SELECT 0, metric, 7, date(day, '-6 days', 'weekday 1'), operator_id, bucket, SUM(n), SUM(total_s) FROM report_durations
    WHERE metric IN ('frt_wall', 'frt_business', 'chat_wait') GROUP BY metric, date(day, '-6 days', 'weekday 1'), operator_id, bucket;

INSERT INTO report_sum_sla (team_id, day, target, dim, dim_id, met, due)
SELECT team_id, day, target, 'policy', policy_id, SUM(met), SUM(due) FROM report_sla_days
    GROUP BY team_id, day, target, policy_id
UNION ALL
SELECT 0, day, target, 'policy', policy_id, SUM(met), SUM(due) FROM report_sla_days GROUP BY day, target, policy_id
UNION ALL
SELECT team_id, day, target, 'operator', operator_id, SUM(met), SUM(due) FROM report_sla_days
    GROUP BY team_id, day, target, operator_id
UNION ALL
SELECT 0, day, target, 'operator', operator_id, SUM(met), SUM(due) FROM report_sla_days GROUP BY day, target, operator_id;

INSERT INTO report_sum_hours (team_id, day, hour, created)
SELECT team_id, day, hour, SUM(created) FROM report_hour_days GROUP BY team_id, day, hour
UNION ALL
SELECT 0, day, hour, SUM(created) FROM report_hour_days GROUP BY day, hour;

-- +goose Down
SELECT 'forward-only';
