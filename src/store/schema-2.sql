-- urna kiosk store, schema 2: the journal's head is sealed, and the entries
-- everything else is derived from are found without reading the journal.

-- The journal key's signature over the head: `entries` and `head` are the
-- journal's last entry as sealed. Rewritten by every write, in its transaction.
CREATE TABLE seal (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    entries   INTEGER NOT NULL,
    head      BLOB NOT NULL,
    signature TEXT NOT NULL
) STRICT;

DROP INDEX journal_settings;
CREATE INDEX journal_settings ON journal(kind, seq)
    WHERE kind IN ('day_set', 'stop_set', 'export_made', 'store_created',
                   'operator_added', 'central_set');
