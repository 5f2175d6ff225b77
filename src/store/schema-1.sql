-- urna kiosk store, schema 1.
-- The journal is the record; every other table is an index over it that can be
-- rebuilt from it. Nothing in the journal is ever updated or deleted.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE journal (
    seq       INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    body      BLOB NOT NULL,   -- canonical JSON of the entry, the hashed bytes
    prev_hash BLOB NOT NULL,   -- 32 bytes; zeros before the first entry
    hash      BLOB NOT NULL    -- SHA-256(prev_hash || body)
) STRICT;

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: entries are never changed'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: entries are never deleted'); END;
-- The current voting day, stop and last export are the latest such entries; this partial
-- index holds only them, so card entries cost nothing here.
CREATE INDEX journal_settings ON journal(kind, seq)
    WHERE kind IN ('day_set', 'stop_set', 'export_made');

CREATE TABLE operators (
    name      TEXT PRIMARY KEY,
    role      TEXT NOT NULL CHECK (role IN ('volunteer', 'coordinator')),
    pin_hash  TEXT NOT NULL,
    added_seq INTEGER NOT NULL REFERENCES journal(seq)
) STRICT;

-- Failed PIN attempts; login state, not part of the record.
CREATE TABLE operator_lock (
    name         TEXT PRIMARY KEY REFERENCES operators(name),
    failures     INTEGER NOT NULL,
    locked_until TEXT
) STRICT;

-- One row per journal entry about a card (entered, amended, voided), clustered
-- by card so a card's versions sit together. A card's id is the point id and
-- the sequence number of the entry that entered it (P01-000042), so ids are
-- new keys at the end of the tree. Per card saved, SQLite writes the journal's
-- last page, this table's last page and one page of the PESEL index: few pages
-- for one fsync. Surnames are searched by scanning (rare) rather than indexed
-- on every save.
CREATE TABLE card_versions (
    card_id    TEXT NOT NULL,
    seq        INTEGER NOT NULL REFERENCES journal(seq),
    kind       TEXT NOT NULL CHECK (kind IN ('entered', 'amended', 'voided')),
    pesel      TEXT,             -- as typed, without spaces and dashes
    surname    TEXT,             -- folded for search
    valid      INTEGER NOT NULL,
    reasons    TEXT NOT NULL,    -- reason codes, comma-separated
    flagged    INTEGER NOT NULL, -- another card with this PESEL was in the store
    operator   TEXT NOT NULL,
    at         TEXT NOT NULL,
    source_ref TEXT,             -- the `id` of the imported row it came from
    day        TEXT,             -- the card's voting day (YYYY-MM-DD); NULL when voided
    stop       TEXT,             -- a mobile point's stop, on the entered row
    PRIMARY KEY (card_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX card_versions_pesel ON card_versions(pesel) WHERE pesel IS NOT NULL;
-- The day's cards, newest first, for the kiosk's list and summary.
CREATE INDEX card_versions_day ON card_versions(day, seq) WHERE kind = 'entered';
CREATE UNIQUE INDEX card_versions_source ON card_versions(source_ref)
    WHERE source_ref IS NOT NULL;
