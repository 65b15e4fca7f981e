-- +goose Up
-- SLA policies, tried in position order; the first whose selector matches a
-- ticket applies. The selector lists and the pause statuses are JSON text:
-- they are read whole with the policy (a handful of policies, cached) and
-- never searched. Targets are minutes of business time; NULL is no target.
CREATE TABLE sla_policies (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    position       INTEGER NOT NULL,
    match          TEXT NOT NULL DEFAULT '{}',
    calendar_id    INTEGER REFERENCES calendars(id),
    first_response INTEGER,
    next_response  INTEGER,
    resolution     INTEGER,
    pause_statuses TEXT NOT NULL DEFAULT '[]',
    warn_minutes   INTEGER NOT NULL DEFAULT 0,
    created_at     DATETIME NOT NULL,
    updated_at     DATETIME NOT NULL
);
CREATE UNIQUE INDEX sla_policies_name ON sla_policies(lower(name));
CREATE INDEX sla_policies_calendar ON sla_policies(calendar_id);

-- The SLA clock's source of truth: what happened to a ticket that the
-- clock reads (created, status entered, public answer, customer message,
-- policy chosen), in a narrow table so that recomputing many tickets reads
-- a few small rows each instead of their messages and history. policy_id
-- has no foreign key: a deleted policy reads as "no policy" from then on
-- without rewriting old rows. calendar_id 0 or NULL: round the clock.
CREATE TABLE sla_events (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('created', 'status', 'answer', 'customer', 'policy')),
    at          DATETIME NOT NULL,
    status_id   INTEGER,
    closed      BOOLEAN NOT NULL DEFAULT FALSE,
    policy_id   INTEGER,
    calendar_id INTEGER
);
CREATE INDEX sla_events_ticket ON sla_events(ticket_id, id);

-- The clock's projection, kept on the ticket for lists: the policy and
-- calendar in force, the next due time (sorting "due soonest"), the worst
-- state of a running target, each target's status (JSON text, as the API
-- shows it), when the state next changes (the SLA worker's queue) and the
-- warnings and breaches already announced.
ALTER TABLE tickets ADD COLUMN sla_policy_id INTEGER;
ALTER TABLE tickets ADD COLUMN sla_calendar_id INTEGER;
ALTER TABLE tickets ADD COLUMN sla_due_at DATETIME;
ALTER TABLE tickets ADD COLUMN sla_state TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN sla TEXT;
ALTER TABLE tickets ADD COLUMN sla_check_at DATETIME;
ALTER TABLE tickets ADD COLUMN sla_notified TEXT NOT NULL DEFAULT '';
CREATE INDEX tickets_sla_due ON tickets(is_open, sla_due_at, id) WHERE sla_due_at IS NOT NULL;
CREATE INDEX tickets_team_sla_due ON tickets(team_id, is_open, sla_due_at, id) WHERE sla_due_at IS NOT NULL;
CREATE INDEX tickets_sla_check ON tickets(sla_check_at) WHERE sla_check_at IS NOT NULL;

-- +goose Down
SELECT 'forward-only';
