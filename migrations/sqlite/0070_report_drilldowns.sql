-- +goose Up
-- The report record's lists behind two more figures (docs/reports.md).

-- One row per SLA target settled (a first response, a close on a ticket
-- an SLA policy applies to), written with its report_sla_days increment
-- under the same key, so the tickets behind a "missed" count are exactly
-- the ones it counted.
CREATE TABLE report_sla_events (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL,
    day         TEXT NOT NULL,
    team_id     INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    operator_id INTEGER NOT NULL,
    policy_id   INTEGER NOT NULL,
    target      TEXT NOT NULL,
    met         BOOLEAN NOT NULL
);
CREATE INDEX report_sla_events_day ON report_sla_events(day, team_id);
-- The targets settled before this table, from the record's events (the
-- policy is the ticket's now; the events did not keep it).
INSERT INTO report_sla_events (ticket_id, day, team_id, channel, priority, operator_id, policy_id, target, met)
SELECT e.ticket_id, e.day, e.team_id, e.channel, e.priority, e.operator_id, COALESCE(t.sla_policy_id, 0),
    CASE WHEN e.kind = 'first_response' THEN 'first_response' ELSE 'resolution' END, e.sla = 'met'
FROM report_events e LEFT JOIN tickets t ON t.id = e.ticket_id WHERE e.sla <> '' ORDER BY e.id;

-- One row per offline message left on a chat channel's form: the ticket
-- it became, the team of the channel (0: none) and when. The day is the
-- local date in the team's zone; a rebuild computes it again from at.
CREATE TABLE report_chat_offline (
    ticket_id INTEGER PRIMARY KEY,
    day       TEXT NOT NULL,
    team_id   INTEGER NOT NULL,
    at        DATETIME NOT NULL
);
CREATE INDEX report_chat_offline_day ON report_chat_offline(day, team_id);
-- Offline messages from before this table: the chat tickets of the form
-- ("Message from ...") that no chat became, on their UTC day.
INSERT INTO report_chat_offline (ticket_id, day, team_id, at)
SELECT t.id, substr(t.created_at, 1, 10), t.team_id, t.created_at FROM tickets t
WHERE t.channel = 'chat' AND t.subject LIKE 'Message from %'
    AND NOT EXISTS (SELECT 1 FROM chats c WHERE c.ticket_id = t.id);

-- +goose Down
SELECT 'forward-only';
