-- +goose Up
-- A durable job queue: a job is due when run_at has passed. Claiming a job
-- moves run_at forward by a lease, so a job whose worker died runs again
-- once the lease is over; success deletes it, failure sets the next try.
-- leased tells a lease from a backoff wait: on SQLite (one process) the
-- leases left by a crash are released at start instead of waited out.
-- AUTOINCREMENT: a finished job's id must never name a new job, or a
-- worker ending the old one would delete the new one.
CREATE TABLE jobs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    ref_id     INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    leased     BOOLEAN NOT NULL DEFAULT FALSE,
    run_at     DATETIME NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE INDEX jobs_due ON jobs(kind, run_at);
CREATE UNIQUE INDEX jobs_ref ON jobs(kind, ref_id);

-- Every mail as it arrived. The bytes live in the blob store under sha256;
-- the row is written, with its processing job, before the sender hears 250.
CREATE TABLE raw_mails (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('smtp', 'imap', 'import')),
    envelope_from TEXT NOT NULL DEFAULT '',
    envelope_to   TEXT NOT NULL DEFAULT '',
    team_id       INTEGER REFERENCES teams(id) ON DELETE SET NULL,
    received_at   DATETIME NOT NULL,
    status        TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processed', 'failed', 'ignored')),
    error         TEXT NOT NULL DEFAULT '',
    subject       TEXT NOT NULL DEFAULT '',
    sender        TEXT NOT NULL DEFAULT '',
    ticket_id     INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
    message_id    INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    processed_at  DATETIME
);
-- The same bytes delivered twice to one team are one mail.
CREATE UNIQUE INDEX raw_mails_sha ON raw_mails(COALESCE(team_id, 0), sha256);
CREATE INDEX raw_mails_status ON raw_mails(status, id DESC);

-- People copied on a ticket's mails besides its contact: they receive replies.
CREATE TABLE ticket_participants (
    ticket_id  INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    email      TEXT NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL,
    PRIMARY KEY (ticket_id, email)
);
CREATE INDEX ticket_participants_email ON ticket_participants(email);

-- +goose Down
SELECT 'forward-only';
