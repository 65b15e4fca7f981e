-- +goose Up
-- Live chat (docs/chat.md). A channel belongs to a team (its "chat"
-- switch) or stands alone. Empty option values mean "the default", so a
-- reset is writing ''. Everything a node needs to route a chat lives here,
-- so any node can route any chat.
CREATE TABLE chat_channels (
    id                INTEGER PRIMARY KEY,
    team_id           INTEGER REFERENCES teams(id),
    name              TEXT NOT NULL,
    slug              TEXT NOT NULL,
    enabled           BOOLEAN NOT NULL DEFAULT TRUE,
    notification_text TEXT NOT NULL DEFAULT '',
    button_color      TEXT NOT NULL DEFAULT '',
    header_color      TEXT NOT NULL DEFAULT '',
    welcome_message   TEXT NOT NULL DEFAULT '',
    input_placeholder TEXT NOT NULL DEFAULT '',
    prechat_name      TEXT NOT NULL DEFAULT 'off' CHECK (prechat_name IN ('off', 'optional', 'required')),
    prechat_email     TEXT NOT NULL DEFAULT 'off' CHECK (prechat_email IN ('off', 'optional', 'required')),
    missed_after      INTEGER NOT NULL DEFAULT 60,
    created_at        DATETIME NOT NULL,
    updated_at        DATETIME NOT NULL
);
CREATE UNIQUE INDEX chat_channels_slug ON chat_channels(lower(slug));
CREATE UNIQUE INDEX chat_channels_team ON chat_channels(team_id);

CREATE TABLE chat_channel_operators (
    channel_id  INTEGER NOT NULL REFERENCES chat_channels(id) ON DELETE CASCADE,
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    joined_at   DATETIME NOT NULL,
    PRIMARY KEY (channel_id, operator_id)
);
CREATE INDEX chat_channel_operators_operator ON chat_channel_operators(operator_id);

-- An operator's chosen status and when a node last heard from them; the
-- effective status (away after 15 idle minutes) is derived when read.
CREATE TABLE chat_operators (
    operator_id   INTEGER PRIMARY KEY REFERENCES operators(id) ON DELETE CASCADE,
    status        TEXT NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'away', 'offline')),
    capacity      INTEGER NOT NULL DEFAULT 4,
    -- active chats held now, kept in the transactions that assign and
    -- free them, so "active < capacity" is one atomic row check on both engines
    active        INTEGER NOT NULL DEFAULT 0,
    last_seen_at  DATETIME NOT NULL,
    last_assigned_at DATETIME
);

CREATE TABLE chats (
    id                INTEGER PRIMARY KEY,
    channel_id        INTEGER NOT NULL REFERENCES chat_channels(id),
    token_hash        TEXT NOT NULL UNIQUE,
    state             TEXT NOT NULL CHECK (state IN ('queued', 'active', 'ended', 'missed')),
    visitor_key       TEXT NOT NULL DEFAULT '',
    visitor_name      TEXT NOT NULL DEFAULT '',
    visitor_email     TEXT NOT NULL DEFAULT '',
    external_id       TEXT NOT NULL DEFAULT '',
    email_signed      BOOLEAN NOT NULL DEFAULT FALSE,
    contact_id        INTEGER REFERENCES contacts(id),
    verified          BOOLEAN NOT NULL DEFAULT FALSE,
    operator_id       INTEGER REFERENCES operators(id),
    country           TEXT NOT NULL DEFAULT '',
    last_seq          INTEGER NOT NULL DEFAULT 0,
    rating            TEXT CHECK (rating IN ('satisfied', 'okay', 'dissatisfied')),
    rating_comment    TEXT NOT NULL DEFAULT '',
    ticket_id         INTEGER REFERENCES tickets(id),
    created_at        DATETIME NOT NULL,
    queued_at         DATETIME NOT NULL,
    assigned_at       DATETIME,
    answered_at       DATETIME,
    ended_at          DATETIME
);
CREATE INDEX chats_queue ON chats(channel_id, state, queued_at, id);
CREATE INDEX chats_operator ON chats(operator_id, state);
CREATE INDEX chats_visitor ON chats(visitor_key, created_at);
CREATE INDEX chats_contact ON chats(contact_id, created_at);
CREATE INDEX chats_external ON chats(external_id, created_at);
CREATE INDEX chats_state ON chats(state, id);

-- Messages numbered per chat; seq comes from chats.last_seq in the same
-- transaction. client_id makes a retried send land once.
CREATE TABLE chat_messages (
    id          INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    author      TEXT NOT NULL CHECK (author IN ('visitor', 'operator', 'system')),
    operator_id INTEGER REFERENCES operators(id),
    body        TEXT NOT NULL,
    private     BOOLEAN NOT NULL DEFAULT FALSE,
    client_id   TEXT NOT NULL DEFAULT '',
    created_at  DATETIME NOT NULL
);
CREATE UNIQUE INDEX chat_messages_seq ON chat_messages(chat_id, seq);
CREATE UNIQUE INDEX chat_messages_client ON chat_messages(chat_id, author, client_id) WHERE client_id <> '';

CREATE TABLE chat_files (
    id           INTEGER PRIMARY KEY,
    chat_id      INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    message_id   INTEGER NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
    sha256       TEXT NOT NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    created_at   DATETIME NOT NULL
);
CREATE INDEX chat_files_message ON chat_files(message_id);
CREATE INDEX chat_files_sha256 ON chat_files(sha256);

CREATE TABLE chat_pages (
    id         INTEGER PRIMARY KEY,
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    url        TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    visited_at DATETIME NOT NULL
);
CREATE INDEX chat_pages_chat ON chat_pages(chat_id, id);

-- Canned responses: shared by a team (team_id) or by everyone (NULL).
CREATE TABLE canned_responses (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER REFERENCES teams(id) ON DELETE CASCADE,
    shortcut   TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX canned_responses_shortcut ON canned_responses(COALESCE(team_id, 0), lower(shortcut));

-- +goose Down
SELECT 'forward-only';
