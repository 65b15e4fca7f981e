-- +goose Up
-- More roll-ups of the report record (docs/reports.md), written with the
-- facts like report_days and under the same key (day, team, channel,
-- priority, operator).

-- SLA targets settled per policy and target (first_response, resolution):
-- met on time, and all settled.
CREATE TABLE report_sla_days (
    day         TEXT NOT NULL,
    team_id     INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    operator_id INTEGER NOT NULL,
    policy_id   INTEGER NOT NULL,
    target      TEXT NOT NULL,
    met         INTEGER NOT NULL DEFAULT 0,
    due         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, channel, priority, operator_id, policy_id, target)
);
CREATE INDEX report_sla_days_team ON report_sla_days(team_id, day);

-- Tickets created and closed per tag the ticket had then.
CREATE TABLE report_tag_days (
    day         TEXT NOT NULL,
    team_id     INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    operator_id INTEGER NOT NULL,
    tag         TEXT NOT NULL,
    created     INTEGER NOT NULL DEFAULT 0,
    closed      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, channel, priority, operator_id, tag)
);
CREATE INDEX report_tag_days_team ON report_tag_days(team_id, day);

-- Tickets created per local hour (0-23) of the day, for the hour x weekday
-- heat map.
CREATE TABLE report_hour_days (
    day         TEXT NOT NULL,
    team_id     INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    operator_id INTEGER NOT NULL,
    hour        INTEGER NOT NULL,
    created     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, team_id, channel, priority, operator_id, hour)
);
CREATE INDEX report_hour_days_team ON report_hour_days(team_id, day);

-- +goose Down
SELECT 'forward-only';
