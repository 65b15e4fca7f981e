-- +goose Up
-- The customers' ratings of closed tickets, given with one click from the
-- rating link of the "closed" mail (docs/reports.md). One per ticket: a
-- later click changes it. day, team_id and operator_id are where the
-- rating counts in the reports: the local day of the first rating in the
-- team's zone, the ticket's team, channel, priority and assignee then.
CREATE TABLE ticket_ratings (
    ticket_id   BIGINT PRIMARY KEY,
    rating      TEXT NOT NULL CHECK (rating IN ('satisfied', 'okay', 'dissatisfied')),
    comment     TEXT NOT NULL DEFAULT '',
    day         TEXT NOT NULL,
    team_id     BIGINT NOT NULL,
    channel     TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    operator_id BIGINT NOT NULL DEFAULT 0,
    rated_at    TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_ratings_day ON ticket_ratings(team_id, day);

-- Daily roll-up of the ratings per (day, team, channel, priority,
-- operator), the key of report_days.
CREATE TABLE report_rating_days (
    day          TEXT NOT NULL,
    team_id      BIGINT NOT NULL,
    channel      TEXT NOT NULL,
    priority     INTEGER NOT NULL,
    operator_id  BIGINT NOT NULL,
    rated        INTEGER NOT NULL DEFAULT 0,
    satisfied    INTEGER NOT NULL DEFAULT 0,
    okay         INTEGER NOT NULL DEFAULT 0,
    dissatisfied INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, channel, priority, operator_id)
);
CREATE INDEX report_rating_days_team ON report_rating_days(team_id, day);

-- +goose Down
SELECT 'forward-only';
