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

-- One row per card: its number at this point and the source row it came from.
CREATE TABLE cards (
    card_no     INTEGER PRIMARY KEY,
    card_id     TEXT NOT NULL UNIQUE,
    source_ref  TEXT UNIQUE,
    entered_seq INTEGER NOT NULL REFERENCES journal(seq)
) STRICT;

-- One row per journal entry about a card (entered, amended, voided).
CREATE TABLE card_versions (
    seq      INTEGER PRIMARY KEY REFERENCES journal(seq),
    card_id  TEXT NOT NULL REFERENCES cards(card_id),
    kind     TEXT NOT NULL CHECK (kind IN ('entered', 'amended', 'voided')),
    pesel    TEXT,             -- as typed, without spaces and dashes
    surname  TEXT,             -- folded for search
    valid    INTEGER NOT NULL,
    reasons  TEXT NOT NULL,    -- reason codes, comma-separated
    flagged  INTEGER NOT NULL, -- another card with this PESEL was in the store
    operator TEXT NOT NULL,
    at       TEXT NOT NULL
) STRICT;

CREATE INDEX card_versions_pesel ON card_versions(pesel);
CREATE INDEX card_versions_surname ON card_versions(surname);
CREATE INDEX card_versions_card ON card_versions(card_id, seq);
