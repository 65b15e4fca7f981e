-- +goose Up
-- The received and closed mails become automation rules: one of each per
-- team, switched on or off as the team had its template (no row: on, the
-- default). The outbox no longer sends them itself, so nothing is sent
-- twice; new teams get both rules when they are created.
INSERT INTO rules (name, enabled, team_id, position, event, definition, preset, created_at, updated_at)
SELECT 'Mail the received template',
    COALESCE((SELECT mt.enabled FROM team_mail_templates mt WHERE mt.team_id = t.id AND mt.kind = 'received'), TRUE),
    t.id, 0, 'ticket_created',
    '{"when":{"event":"ticket_created","channels":["email","web_form","widget"]},"if":[],"then":[{"action":"mail_customer","template":"received"}]}',
    'received_mail', now(), now()
FROM teams t;
INSERT INTO rules (name, enabled, team_id, position, event, definition, preset, created_at, updated_at)
SELECT 'Mail the closed template',
    COALESCE((SELECT mt.enabled FROM team_mail_templates mt WHERE mt.team_id = t.id AND mt.kind = 'closed'), TRUE),
    t.id, 0, 'status_entered',
    '{"when":{"event":"status_entered","closing":true},"if":[],"then":[{"action":"mail_customer","template":"closed"}]}',
    'closed_mail', now(), now()
FROM teams t;

-- +goose Down
SELECT 'forward-only';
