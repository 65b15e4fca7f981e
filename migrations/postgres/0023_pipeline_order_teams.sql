-- +goose Up
-- Pipelines get an order admins choose; existing ones keep the order they
-- were listed in until now (by name).
ALTER TABLE pipelines ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE pipelines SET position = (SELECT count(*) FROM pipelines p
    WHERE lower(p.name) < lower(pipelines.name) OR (lower(p.name) = lower(pipelines.name) AND p.id < pipelines.id));

-- The teams a pipeline is limited to: no row for a pipeline means every
-- team may see and move tickets into it. Admins always may.
CREATE TABLE pipeline_teams (
    pipeline_id BIGINT NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
    team_id     BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    PRIMARY KEY (pipeline_id, team_id)
);
CREATE INDEX pipeline_teams_team ON pipeline_teams(team_id);

-- +goose Down
SELECT 'forward-only';
