-- +goose Up
CREATE TABLE operators (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
    password_hash TEXT NOT NULL DEFAULT '',
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    operator_id  INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   BLOB NOT NULL UNIQUE,
    created_at   DATETIME NOT NULL,
    last_used_at DATETIME,
    revoked_at   DATETIME
);
CREATE INDEX api_tokens_operator ON api_tokens(operator_id);

CREATE TABLE pipelines (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);

CREATE TABLE statuses (
    id          INTEGER PRIMARY KEY,
    pipeline_id INTEGER NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('open', 'closed')),
    position    INTEGER NOT NULL
);
CREATE UNIQUE INDEX statuses_pipeline_name ON statuses(pipeline_id, lower(name));

CREATE TABLE teams (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    slug            TEXT NOT NULL UNIQUE,
    email_alias     TEXT NOT NULL UNIQUE,
    pipeline_id     INTEGER NOT NULL REFERENCES pipelines(id),
    assignment_mode TEXT NOT NULL DEFAULT 'manual' CHECK (assignment_mode IN ('manual', 'round_robin', 'fewest_open')),
    email_enabled   BOOLEAN NOT NULL DEFAULT TRUE,
    form_enabled    BOOLEAN NOT NULL DEFAULT TRUE,
    widget_enabled  BOOLEAN NOT NULL DEFAULT TRUE,
    chat_enabled    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      DATETIME NOT NULL,
    updated_at      DATETIME NOT NULL
);

CREATE TABLE team_members (
    team_id     INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, operator_id)
);
CREATE INDEX team_members_operator ON team_members(operator_id);

CREATE TABLE companies (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    notes      TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);

CREATE TABLE company_domains (
    domain     TEXT PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE
);
CREATE INDEX company_domains_company ON company_domains(company_id);

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    first_name  TEXT NOT NULL DEFAULT '',
    last_name   TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    external_id TEXT UNIQUE,
    company_id  INTEGER REFERENCES companies(id) ON DELETE SET NULL,
    notes       TEXT NOT NULL DEFAULT '',
    merged_into INTEGER REFERENCES contacts(id),
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);
CREATE INDEX contacts_company ON contacts(company_id);
CREATE INDEX contacts_name ON contacts(lower(last_name), lower(first_name));
CREATE INDEX contacts_first_name ON contacts(lower(first_name));

-- Emails are stored lower-cased, so the primary key is the case-insensitive match.
CREATE TABLE contact_emails (
    email      TEXT PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    bouncing   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME NOT NULL
);
CREATE INDEX contact_emails_contact ON contact_emails(contact_id, position);

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('ticket_number', 1000);

CREATE TABLE tickets (
    id                        INTEGER PRIMARY KEY,
    number                    INTEGER NOT NULL UNIQUE,
    subject                   TEXT NOT NULL,
    description               TEXT NOT NULL DEFAULT '',
    team_id                   INTEGER NOT NULL REFERENCES teams(id),
    pipeline_id               INTEGER NOT NULL REFERENCES pipelines(id),
    status_id                 INTEGER NOT NULL REFERENCES statuses(id),
    is_open                   BOOLEAN NOT NULL,
    priority                  INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
    assignee_id               INTEGER REFERENCES operators(id) ON DELETE SET NULL,
    contact_id                INTEGER NOT NULL REFERENCES contacts(id),
    channel                   TEXT NOT NULL,
    public_token              TEXT NOT NULL UNIQUE,
    created_at                DATETIME NOT NULL,
    updated_at                DATETIME NOT NULL,
    last_activity_at          DATETIME NOT NULL,
    first_response_at         DATETIME,
    closed_at                 DATETIME,
    last_customer_activity_at DATETIME
);
-- Each list view has an index in its exact sort order, so a page is a range scan.
CREATE INDEX tickets_team_open ON tickets(team_id, is_open, priority DESC, last_activity_at DESC, id DESC);
CREATE INDEX tickets_open ON tickets(is_open, priority DESC, last_activity_at DESC, id DESC);
CREATE INDEX tickets_assignee_open ON tickets(assignee_id, is_open, priority DESC, last_activity_at DESC, id DESC);
CREATE INDEX tickets_status ON tickets(status_id, priority DESC, last_activity_at DESC, id DESC);
CREATE INDEX tickets_contact ON tickets(contact_id, priority DESC, last_activity_at DESC, id DESC);
CREATE INDEX tickets_order ON tickets(priority DESC, last_activity_at DESC, id DESC);

CREATE TABLE ticket_tags (
    ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
);
CREATE INDEX ticket_tags_tag ON ticket_tags(tag, ticket_id);

CREATE TABLE messages (
    id                 INTEGER PRIMARY KEY,
    ticket_id          INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    kind               TEXT NOT NULL CHECK (kind IN ('customer', 'reply', 'note', 'system')),
    author_operator_id INTEGER REFERENCES operators(id) ON DELETE SET NULL,
    author_contact_id  INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    body_text          TEXT NOT NULL DEFAULT '',
    body_html          TEXT NOT NULL DEFAULT '',
    mail_message_id    TEXT,
    mail_in_reply_to   TEXT,
    mail_references    TEXT,
    mail_from          TEXT,
    mail_to            TEXT,
    mail_cc            TEXT,
    created_at         DATETIME NOT NULL
);
CREATE INDEX messages_ticket ON messages(ticket_id, id);
CREATE INDEX messages_mail_id ON messages(mail_message_id) WHERE mail_message_id IS NOT NULL;

CREATE TABLE ticket_events (
    id                INTEGER PRIMARY KEY,
    ticket_id         INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    kind              TEXT NOT NULL,
    actor_operator_id INTEGER REFERENCES operators(id) ON DELETE SET NULL,
    data              TEXT NOT NULL DEFAULT '{}',
    created_at        DATETIME NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);

-- One row per ticket (rowid = ticket id): the subject and every message body.
CREATE VIRTUAL TABLE ticket_search USING fts5(subject, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE ticket_search_vocab USING fts5vocab(ticket_search, 'row');

-- +goose Down
SELECT 'forward-only';
