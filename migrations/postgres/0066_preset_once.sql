-- +goose Up
-- A ready rule exists once per scope. Adding the received or closed mail
-- again made a second rule with the same preset, and the team's "Send
-- this mail" switch then turned both on: the customer got two mails. The
-- oldest of each team's copies stays, on when any copy was on; the others
-- go. Copies of the other ready rules may have been changed since, so
-- they stay as ordinary rules, without their preset.
UPDATE rules SET enabled = TRUE
WHERE preset IN ('received_mail', 'closed_mail') AND NOT enabled
    AND NOT EXISTS (SELECT 1 FROM rules o WHERE COALESCE(o.team_id, 0) = COALESCE(rules.team_id, 0)
        AND COALESCE(o.pipeline_id, 0) = COALESCE(rules.pipeline_id, 0) AND o.preset = rules.preset AND o.id < rules.id)
    AND EXISTS (SELECT 1 FROM rules o WHERE COALESCE(o.team_id, 0) = COALESCE(rules.team_id, 0)
        AND COALESCE(o.pipeline_id, 0) = COALESCE(rules.pipeline_id, 0) AND o.preset = rules.preset AND o.enabled);
DELETE FROM rules
WHERE preset IN ('received_mail', 'closed_mail')
    AND EXISTS (SELECT 1 FROM rules o WHERE COALESCE(o.team_id, 0) = COALESCE(rules.team_id, 0)
        AND COALESCE(o.pipeline_id, 0) = COALESCE(rules.pipeline_id, 0) AND o.preset = rules.preset AND o.id < rules.id);
UPDATE rules SET preset = NULL
WHERE preset IS NOT NULL
    AND EXISTS (SELECT 1 FROM rules o WHERE COALESCE(o.team_id, 0) = COALESCE(rules.team_id, 0)
        AND COALESCE(o.pipeline_id, 0) = COALESCE(rules.pipeline_id, 0) AND o.preset = rules.preset AND o.id < rules.id);
-- From now on the database keeps it so, even for two admins at once.
CREATE UNIQUE INDEX rules_preset ON rules(COALESCE(team_id, 0), COALESCE(pipeline_id, 0), preset) WHERE preset IS NOT NULL;

-- +goose Down
SELECT 'forward-only';
