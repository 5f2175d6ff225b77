//! The office store's schema: every migration, oldest first.

use rusqlite_migration::{M, Migrations};

pub(super) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
         CREATE TABLE kiosks (
             point TEXT PRIMARY KEY, key_id TEXT NOT NULL, public_key TEXT NOT NULL,
             trusted_at TEXT NOT NULL) STRICT;
         CREATE TABLE kiosk_entries (
             point TEXT NOT NULL REFERENCES kiosks(point), seq INTEGER NOT NULL,
             body BLOB NOT NULL, hash BLOB NOT NULL, bundle INTEGER NOT NULL,
             PRIMARY KEY (point, seq)) STRICT, WITHOUT ROWID;
         CREATE TRIGGER kiosk_entries_no_update BEFORE UPDATE ON kiosk_entries
         BEGIN SELECT RAISE(ABORT, 'kiosk entries are never changed'); END;
         CREATE TRIGGER kiosk_entries_no_delete BEFORE DELETE ON kiosk_entries
         BEGIN SELECT RAISE(ABORT, 'kiosk entries are never deleted'); END;
         CREATE TABLE card_ids (
             card_id TEXT PRIMARY KEY, point TEXT NOT NULL, digest TEXT NOT NULL) STRICT;
         CREATE TABLE online (
             id TEXT PRIMARY KEY, file TEXT NOT NULL, line INTEGER NOT NULL,
             card TEXT NOT NULL, digest TEXT NOT NULL) STRICT;
         CREATE TABLE imports (
             id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL,
             file TEXT NOT NULL, sha256 TEXT NOT NULL, point TEXT, sequence INTEGER,
             outcome TEXT NOT NULL, detail TEXT NOT NULL) STRICT;",
        ),
        // The office's own decisions, hash-chained like a kiosk journal, and
        // every table of what was received made append-only.
        M::up(
            "CREATE TABLE decisions (
                 seq INTEGER PRIMARY KEY, body TEXT NOT NULL, hash BLOB NOT NULL) STRICT;
             CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
             BEGIN SELECT RAISE(ABORT, 'decisions are never changed'); END;
             CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
             BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
             CREATE TRIGGER online_no_update BEFORE UPDATE ON online
             BEGIN SELECT RAISE(ABORT, 'internet rows are never changed'); END;
             CREATE TRIGGER online_no_delete BEFORE DELETE ON online
             BEGIN SELECT RAISE(ABORT, 'internet rows are never deleted'); END;
             CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
             BEGIN SELECT RAISE(ABORT, 'the import log is never changed'); END;
             CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
             BEGIN SELECT RAISE(ABORT, 'the import log is never changed'); END;",
        ),
        // Faster at a million entries: journal entries (~1 KB each) in an
        // ordinary rowid table, which SQLite advises for rows this large,
        // and the small card-id rows in one b-tree. The rows move as they are.
        M::up(
            "CREATE TABLE kiosk_entries_2 (
                 id INTEGER PRIMARY KEY,
                 point TEXT NOT NULL REFERENCES kiosks(point), seq INTEGER NOT NULL,
                 body BLOB NOT NULL, hash BLOB NOT NULL, bundle INTEGER NOT NULL,
                 UNIQUE (point, seq)) STRICT;
             INSERT INTO kiosk_entries_2(point, seq, body, hash, bundle)
                 SELECT point, seq, body, hash, bundle FROM kiosk_entries ORDER BY point, seq;
             DROP TABLE kiosk_entries;
             ALTER TABLE kiosk_entries_2 RENAME TO kiosk_entries;
             CREATE TRIGGER kiosk_entries_no_update BEFORE UPDATE ON kiosk_entries
             BEGIN SELECT RAISE(ABORT, 'kiosk entries are never changed'); END;
             CREATE TRIGGER kiosk_entries_no_delete BEFORE DELETE ON kiosk_entries
             BEGIN SELECT RAISE(ABORT, 'kiosk entries are never deleted'); END;
             CREATE TABLE card_ids_2 (
                 card_id TEXT PRIMARY KEY, point TEXT NOT NULL, digest TEXT NOT NULL)
                 STRICT, WITHOUT ROWID;
             INSERT INTO card_ids_2 SELECT card_id, point, digest FROM card_ids;
             DROP TABLE card_ids;
             ALTER TABLE card_ids_2 RENAME TO card_ids;",
        ),
        // What deduplication reads: each card entry's id, kind and PESEL,
        // written with the entry, so the count's first pass reads no JSON.
        M::up(
            "CREATE TABLE kiosk_cards (
                 point TEXT NOT NULL, seq INTEGER NOT NULL, card_id TEXT NOT NULL,
                 kind TEXT NOT NULL, pesel TEXT NOT NULL,
                 PRIMARY KEY (point, seq)) STRICT, WITHOUT ROWID;
             INSERT INTO kiosk_cards
                 SELECT point, seq, json_extract(j, '$.data.card_id'), json_extract(j, '$.kind'),
                        COALESCE(json_extract(j, '$.data.card.pesel'), '')
                 FROM (SELECT point, seq, CAST(body AS TEXT) AS j FROM kiosk_entries)
                 WHERE json_extract(j, '$.kind') IN ('card_entered', 'card_amended', 'card_voided');
             CREATE TRIGGER kiosk_cards_no_update BEFORE UPDATE ON kiosk_cards
             BEGIN SELECT RAISE(ABORT, 'kiosk entries are never changed'); END;
             CREATE TRIGGER kiosk_cards_no_delete BEFORE DELETE ON kiosk_cards
             BEGIN SELECT RAISE(ABORT, 'kiosk entries are never deleted'); END;",
        ),
        // Each import's outcome as a code and its arguments, so that it can
        // be shown in Polish or English. Old rows get codes where their
        // English text says exactly which (acceptances, "unchanged"); a
        // rejection's old text stays as it was written.
        M::up(
            "ALTER TABLE imports ADD COLUMN code TEXT;
             ALTER TABLE imports ADD COLUMN args TEXT;
             DROP TRIGGER imports_no_update;
             UPDATE imports SET code = 'accepted', args = json_array(substr(detail, 14))
                 WHERE kind = 'bundle' AND outcome = 'accepted' AND detail GLOB 'new entries: [0-9]*';
             UPDATE imports SET code = 'unchanged', args = '[]'
                 WHERE kind = 'bundle' AND outcome = 'unchanged';
             UPDATE imports SET code = 'online_accepted', args = json_array(substr(detail, 7))
                 WHERE kind = 'online' AND outcome = 'accepted' AND detail GLOB 'rows: [0-9]*';
             UPDATE imports SET code = 'online_unchanged', args = '[]'
                 WHERE kind = 'online' AND outcome = 'unchanged';
             CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
             BEGIN SELECT RAISE(ABORT, 'the import log is never changed'); END;",
        ),
        // The point's name as each accepted bundle's manifest gives it, for
        // the published page (earlier imports have none: the page shows ids).
        M::up("ALTER TABLE imports ADD COLUMN point_name TEXT;"),
        // Each entered or amended card judged by the office's rules as it
        // is imported, in the form the count reads (`results::Compact`):
        // the count then parses no JSON. Rows stored before have NULL here
        // and are judged from their entry when counted.
        M::up(
            "ALTER TABLE kiosk_cards ADD COLUMN reasons TEXT;
             ALTER TABLE kiosk_cards ADD COLUMN district INTEGER;
             ALTER TABLE kiosk_cards ADD COLUMN local BLOB;
             ALTER TABLE kiosk_cards ADD COLUMN citywide BLOB;",
        ),
        // Each imported `card_verified` entry as a row, for the per-point
        // verification figures (`tally::verification`).
        M::up(crate::tally::verification::MIGRATION),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tally::store::ImportRecord;
    use rusqlite::{Connection, params};

    /// A store made before outcomes had codes: its acceptances and
    /// "unchanged" rows get theirs, so the audit shows them in Polish; an
    /// old rejection keeps the English text it was written with.
    #[test]
    fn old_import_rows_get_codes_and_polish_words() {
        let mut conn = Connection::open_in_memory().expect("sqlite");
        migrations()
            .to_version(&mut conn, 4)
            .expect("the old schema");
        for (kind, outcome, detail) in [
            ("bundle", "accepted", "new entries: 868"),
            ("bundle", "unchanged", "the same or an older bundle"),
            (
                "bundle",
                "rejected",
                "a training bundle (made by a demo kiosk); it is not counted",
            ),
            ("online", "accepted", "rows: 12"),
            ("online", "unchanged", "every row was imported before"),
        ] {
            conn.execute(
                "INSERT INTO imports(at, kind, file, sha256, point, sequence, outcome, detail)
                 VALUES ('2026-12-01T10:00:00+01:00', ?1, 'f', '', NULL, NULL, ?2, ?3)",
                params![kind, outcome, detail],
            )
            .expect("an old row");
        }
        migrations().to_latest(&mut conn).expect("migrate");
        let rows: Vec<ImportRecord> = conn
            .prepare(
                "SELECT id, at, kind, file, sha256, point, sequence, outcome, detail, code, args
                 FROM imports ORDER BY id",
            )
            .expect("query")
            .query_map([], |r| {
                Ok(ImportRecord {
                    id: r.get::<_, i64>(0)? as u64,
                    at: r.get(1)?,
                    kind: r.get(2)?,
                    file: r.get(3)?,
                    sha256: r.get(4)?,
                    point: r.get(5)?,
                    sequence: None,
                    outcome: r.get(7)?,
                    detail: r.get(8)?,
                    code: r.get(9)?,
                    args: r
                        .get::<_, Option<String>>(10)?
                        .and_then(|a| serde_json::from_str(&a).ok())
                        .unwrap_or_default(),
                })
            })
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        let pl: Vec<String> = rows.iter().map(|r| r.detail_in(Lang::Pl)).collect();
        assert_eq!(
            pl,
            [
                "nowe wpisy: 868",
                "ta sama lub starsza paczka",
                "a training bundle (made by a demo kiosk); it is not counted",
                "wiersze: 12",
                "każdy wiersz był już zaimportowany",
            ]
        );
        for r in &rows {
            assert_eq!(r.detail_in(Lang::En), r.detail, "English as written");
        }
        // The log is append-only again after the migration.
        assert!(
            conn.execute("UPDATE imports SET detail = 'x' WHERE id = 1", [])
                .is_err()
        );
    }
}
