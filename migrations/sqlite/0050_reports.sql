-- +goose Up
-- The report record (docs/reports.md). report_events is append-only: one
-- row per fact a report counts, written in the transaction of the ticket
-- change that caused it, with its durations (wall and business seconds)
-- computed then. day is the local date in the zone of the ticket's team
-- (its calendar's, else UTC) as YYYY-MM-DD text, which sorts and compares
-- the same on both engines. No foreign key to tickets: the record outlives
-- a deleted ticket, as the figures it fed did.
CREATE TABLE report_events (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    at          DATETIME NOT NULL,
    day         TEXT NOT NULL,
    team_id     INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    operator_id INTEGER NOT NULL DEFAULT 0,
    wall_s      INTEGER,
    business_s  INTEGER,
    sla         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_events_ticket ON report_events(ticket_id, id);

-- What the record last knew of each ticket: the key its open count sits
-- under, so a change of team, priority or assignee moves it.
CREATE TABLE report_tickets (
    ticket_id   INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    operator_id INTEGER NOT NULL DEFAULT 0,
    is_open     BOOLEAN NOT NULL,
    answered    BOOLEAN NOT NULL,
    created_at  DATETIME NOT NULL
);
-- The open tickets now, from which a report counts its backlog back.
CREATE INDEX report_tickets_open ON report_tickets(team_id) WHERE is_open;

-- Daily roll-up of the counts, per (day, team, channel, priority,
-- operator); operator 0 is none. open_delta summed up to a day is the
-- backlog at its end.
CREATE TABLE report_days (
    day             TEXT NOT NULL,
    team_id         INTEGER NOT NULL,
    channel         TEXT NOT NULL,
    priority        INTEGER NOT NULL,
    operator_id     INTEGER NOT NULL,
    created         INTEGER NOT NULL DEFAULT 0,
    closed          INTEGER NOT NULL DEFAULT 0,
    reopened        INTEGER NOT NULL DEFAULT 0,
    moved_in        INTEGER NOT NULL DEFAULT 0,
    moved_out       INTEGER NOT NULL DEFAULT 0,
    assigned        INTEGER NOT NULL DEFAULT 0,
    answers         INTEGER NOT NULL DEFAULT 0,
    first_responses INTEGER NOT NULL DEFAULT 0,
    open_delta      INTEGER NOT NULL DEFAULT 0,
    sla_met         INTEGER NOT NULL DEFAULT 0,
    sla_due         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, channel, priority, operator_id)
);
CREATE INDEX report_days_team ON report_days(team_id, day);

-- Daily roll-up of durations as a histogram on a log scale (bucket b holds
-- durations whose ln(1+s)/ln(1.05) floors to b, about 5% wide), with the
-- sum of the durations in it: a percentile is the mean of the bucket it
-- falls in, exact when the bucket holds one value and within 5% always.
CREATE TABLE report_durations (
    day         TEXT NOT NULL,
    team_id     INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    operator_id INTEGER NOT NULL,
    metric      TEXT NOT NULL,
    bucket      INTEGER NOT NULL,
    n           INTEGER NOT NULL DEFAULT 0,
    total_s     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, channel, priority, operator_id, metric, bucket)
);
CREATE INDEX report_durations_team ON report_durations(team_id, day);

-- +goose Down
SELECT 'forward-only';
