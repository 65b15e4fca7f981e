-- +goose Up
-- Automation rules (docs/automations.md): when an event happens to a
-- ticket, if conditions hold, then actions. The scope columns and the
-- event are columns so the engine loads the rules of an event at once;
-- the conditions and actions are one JSON document, checked on save.
CREATE TABLE rules (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    enabled     BOOLEAN NOT NULL DEFAULT FALSE,
    pipeline_id BIGINT REFERENCES pipelines(id) ON DELETE CASCADE,
    team_id     BIGINT REFERENCES teams(id) ON DELETE CASCADE,
    channel     TEXT,
    position    INTEGER NOT NULL DEFAULT 0,
    event       TEXT NOT NULL,
    definition  TEXT NOT NULL,
    preset      TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX rules_order ON rules(position, id);

-- Every firing, for the rule's page and the loop guard (more than 20
-- firings of one rule on one ticket in 10 minutes stop it there).
CREATE TABLE rule_firings (
    id         BIGSERIAL PRIMARY KEY,
    rule_id    BIGINT NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    ticket_id  BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    event      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    fired_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX rule_firings_rule ON rule_firings(rule_id, id);
CREATE INDEX rule_firings_ticket ON rule_firings(rule_id, ticket_id, fired_at);
CREATE INDEX rule_firings_by_ticket ON rule_firings(ticket_id);

-- A rule switched off for one ticket by the loop guard.
CREATE TABLE rule_stops (
    rule_id    BIGINT NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    ticket_id  BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    stopped_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (rule_id, ticket_id)
);
CREATE INDEX rule_stops_ticket ON rule_stops(ticket_id);

-- Time rules: one row per (rule, ticket, anchor value). The key makes a
-- second node or a restart unable to fire one twice; a new anchor value
-- is a new row, so a changed anchor arms the rule again.
CREATE TABLE rule_timers (
    rule_id   BIGINT NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    anchor_at TIMESTAMPTZ NOT NULL,
    fired_at  TIMESTAMPTZ,
    PRIMARY KEY (rule_id, ticket_id, anchor_at)
);
-- A rule's due timers are those whose anchor is older than now minus
-- the rule's duration: a range on this index, no date arithmetic in SQL.
CREATE INDEX rule_timers_due ON rule_timers(rule_id, anchor_at) WHERE fired_at IS NULL;
CREATE INDEX rule_timers_ticket ON rule_timers(ticket_id);

-- +goose Down
SELECT 'forward-only';
