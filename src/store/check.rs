//! The store checks itself: every table is the journal's, or committed to by
//! it, and the journal's head is sealed by the journal key.
//!
//! - [`quick`] reads only what a kiosk needs before its first frame: the
//!   schema, the first entry (signed by the kiosk key), `meta`, `operators`
//!   against their entries, `kiosk.pub`, and the seal over the head. A few
//!   rows whatever the size of the store.
//! - [`full`] adds SQLite's integrity check, every entry's hash chain, and
//!   the card index row by row, column by column.
//!
//! Each difference is a [`Problem`]: which table, which row, what, in Polish
//! and English.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::card_index::IndexRow;
use super::journal::{Entry, Event, GENESIS, Hash, chain_hash, parse_entry};
use super::keys::{self, sha256_hex};
use super::{Role, signing};
use crate::i18n::Lang;

/// One difference between the store and its journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub table: String,
    /// The row (a key, an entry number), or empty for the whole table.
    pub row: String,
    pub pl: String,
    pub en: String,
}

impl Problem {
    pub fn new(
        table: &str,
        row: impl Into<String>,
        pl: impl Into<String>,
        en: impl Into<String>,
    ) -> Problem {
        Problem {
            table: table.into(),
            row: row.into(),
            pl: pl.into(),
            en: en.into(),
        }
    }

    /// `table[row]: what`, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let what = match lang {
            Lang::Pl => &self.pl,
            Lang::En => &self.en,
        };
        if self.row.is_empty() {
            format!("{}: {what}", self.table)
        } else {
            format!("{}[{}]: {what}", self.table, self.row)
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// What the first entry says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Genesis {
    pub point_id: String,
    pub point_name: String,
    pub mobile: bool,
    pub training: bool,
    pub edition_id: String,
    pub edition_sha256: String,
    pub central_recipient: Option<String>,
    pub kiosk_public_key: String,
    pub journal_public_key: String,
    pub min_pin_length: u8,
}

/// The bytes the kiosk key signs in the first entry: the entry with an
/// empty `signature`.
pub fn genesis_claims(entry: &Entry) -> Option<Vec<u8>> {
    let mut e = entry.clone();
    match &mut e.event {
        Event::StoreCreated { signature, .. } => signature.clear(),
        _ => return None,
    }
    Some(e.canonical_bytes())
}

/// The trusted comment of the first entry's signature.
pub fn genesis_comment(point: &str) -> String {
    format!("urna store created point={point}")
}

/// Reads and checks the first entry: it must be `store_created`, signed by
/// the kiosk key it names.
pub fn genesis_of(entry: &Entry) -> Result<Genesis, Problem> {
    let bad = |pl: &str, en: &str| Problem::new("journal", "1", pl, en);
    let Event::StoreCreated {
        point_id,
        point_name,
        mobile,
        training,
        edition_id,
        edition_sha256,
        central_recipient,
        kiosk_public_key,
        journal_public_key,
        min_pin_length,
        signature,
    } = &entry.event
    else {
        return Err(bad(
            "pierwszy wpis nie jest wpisem założenia magazynu (magazyn z wcześniejszej wersji albo podmieniony)",
            "the first entry is not the store's creation (a store of an earlier release, or replaced)",
        ));
    };
    let claims = genesis_claims(entry).unwrap_or_default();
    if entry.seq != 1
        || !keys::verify(
            kiosk_public_key,
            &claims,
            signature,
            &genesis_comment(point_id),
        )
    {
        return Err(bad(
            "wpis założenia nie jest podpisany kluczem kiosku, który podaje",
            "the creation entry is not signed by the kiosk key it names",
        ));
    }
    Ok(Genesis {
        point_id: point_id.clone(),
        point_name: point_name.clone(),
        mobile: *mobile,
        training: *training,
        edition_id: edition_id.clone(),
        edition_sha256: edition_sha256.clone(),
        central_recipient: central_recipient.clone(),
        kiosk_public_key: kiosk_public_key.clone(),
        journal_public_key: journal_public_key.clone(),
        min_pin_length: *min_pin_length,
    })
}

fn sql_problem(table: &str, e: impl std::fmt::Display) -> Problem {
    Problem::new(
        table,
        "",
        format!("nie da się odczytać: {e}"),
        format!("unreadable: {e}"),
    )
}

fn entry_at(conn: &Connection, seq: u64) -> Result<Option<(Entry, Vec<u8>)>, Problem> {
    let body: Option<Vec<u8>> = conn
        .prepare_cached("SELECT body FROM journal WHERE seq = ?1")
        .and_then(|mut s| s.query_row([seq as i64], |r| r.get(0)).optional())
        .map_err(|e| sql_problem("journal", e))?;
    let Some(body) = body else { return Ok(None) };
    let entry = parse_entry(&body).map_err(|e| {
        Problem::new(
            "journal",
            seq.to_string(),
            format!("wpis nieczytelny: {e}"),
            format!("unreadable entry: {e}"),
        )
    })?;
    Ok(Some((entry, body)))
}

/// Entries of the kinds the `journal_settings` index holds, in order.
fn entries_of_kind(conn: &Connection, kind: &str) -> Result<Vec<Entry>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT seq, body FROM journal WHERE kind = ?1 AND kind IN ('day_set', 'stop_set', 'export_made', 'store_created', 'operator_added', 'central_set') ORDER BY seq",
        )
        .map_err(|e| sql_problem("journal", e))?;
    let rows = stmt
        .query_map([kind], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
        })
        .map_err(|e| sql_problem("journal", e))?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, body) = row.map_err(|e| sql_problem("journal", e))?;
        match parse_entry(&body) {
            Ok(e) if e.event.kind() == kind && e.seq == seq as u64 => out.push(e),
            _ => {
                return Err(Problem::new(
                    "journal",
                    seq.to_string(),
                    "wpis nie zgadza się ze swoim rodzajem lub numerem",
                    "the entry disagrees with its kind or number",
                ));
            }
        }
    }
    Ok(out)
}

/// The schema every store must have, from the migrations themselves.
fn expected_schema() -> Option<Vec<(String, String, String)>> {
    let mut mem = Connection::open_in_memory().ok()?;
    super::migrations().to_latest(&mut mem).ok()?;
    schema_of(&mem).ok()
}

fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<(String, String, String)>> {
    let mut stmt = conn
        .prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

fn check_schema(conn: &Connection, out: &mut Vec<Problem>) {
    let (Some(want), found) = (expected_schema(), schema_of(conn)) else {
        return;
    };
    let found = match found {
        Ok(f) => f,
        Err(e) => return out.push(sql_problem("sqlite_master", e)),
    };
    let want: BTreeMap<_, _> = want.into_iter().map(|(t, n, s)| ((t, n), s)).collect();
    let found: BTreeMap<_, _> = found.into_iter().map(|(t, n, s)| ((t, n), s)).collect();
    for ((t, n), s) in &want {
        match found.get(&(t.clone(), n.clone())) {
            None => out.push(Problem::new(
                "sqlite_master",
                format!("{t} {n}"),
                "brakuje (usunięte)",
                "missing (dropped)",
            )),
            Some(f) if f != s => out.push(Problem::new(
                "sqlite_master",
                format!("{t} {n}"),
                "zmieniona definicja",
                "its definition was changed",
            )),
            Some(_) => {}
        }
    }
    for (t, n) in found.keys() {
        if !want.contains_key(&(t.clone(), n.clone())) {
            out.push(Problem::new(
                "sqlite_master",
                format!("{t} {n}"),
                "obiekt spoza urny (dodany)",
                "not urna's (added)",
            ));
        }
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap_or(-1);
    if version != super::SCHEMA_VERSION {
        out.push(Problem::new(
            "sqlite_master",
            "user_version",
            format!(
                "wersja schematu {version}, oczekiwana {}",
                super::SCHEMA_VERSION
            ),
            format!(
                "schema version {version}, expected {}",
                super::SCHEMA_VERSION
            ),
        ));
    }
}

/// What the quick check learned, for opening the store.
pub struct Quick {
    pub genesis: Option<Genesis>,
    pub problems: Vec<Problem>,
}

/// The checks of a few rows (see the module's doc).
pub fn quick(conn: &Connection, dir: &Path) -> Quick {
    let mut out = Vec::new();
    check_schema(conn, &mut out);
    let genesis = match entry_at(conn, 1) {
        Ok(Some((entry, _))) => match genesis_of(&entry) {
            Ok(g) => Some(g),
            Err(p) => {
                out.push(p);
                None
            }
        },
        Ok(None) => {
            out.push(Problem::new(
                "journal",
                "1",
                "brak pierwszego wpisu",
                "the first entry is missing",
            ));
            None
        }
        Err(p) => {
            out.push(p);
            None
        }
    };
    if let Some(g) = &genesis {
        check_key_file(dir, g, &mut out);
        check_meta(conn, g, &mut out);
        check_operators(conn, &mut out);
        check_seal(conn, g, &mut out);
    }
    Quick {
        genesis,
        problems: out,
    }
}

fn check_key_file(dir: &Path, g: &Genesis, out: &mut Vec<Problem>) {
    let found = signing::public_text(dir).ok().and_then(|t| {
        minisign::PublicKeyBox::from_string(&t)
            .and_then(|b| b.into_public_key())
            .ok()
            .map(|k| k.to_base64())
    });
    if found.as_deref() != Some(g.kiosk_public_key.as_str()) {
        out.push(Problem::new(
            signing::PUB_FILE,
            "",
            "to nie jest klucz kiosku zapisany w dzienniku",
            "not the kiosk key the journal names",
        ));
    }
}

/// `meta` as the journal says it must be.
fn check_meta(conn: &Connection, g: &Genesis, out: &mut Vec<Problem>) {
    let central = match entries_of_kind(conn, "central_set") {
        Ok(sets) => sets
            .into_iter()
            .filter_map(|e| match e.event {
                Event::CentralSet { recipient } => Some(recipient),
                _ => None,
            })
            .next_back()
            .or_else(|| g.central_recipient.clone()),
        Err(p) => return out.push(p),
    };
    let mut want: BTreeMap<&str, String> = BTreeMap::new();
    want.insert("point_id", g.point_id.clone());
    want.insert("point_name", g.point_name.clone());
    want.insert("mobile", (g.mobile as u8).to_string());
    want.insert("training", (g.training as u8).to_string());
    want.insert("edition_id", g.edition_id.clone());
    want.insert("central_recipient", central.unwrap_or_default());
    let rows: Vec<(String, String)> =
        match conn
            .prepare("SELECT key, value FROM meta")
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            }) {
            Ok(r) => r,
            Err(e) => return out.push(sql_problem("meta", e)),
        };
    let mut seen = std::collections::BTreeSet::new();
    for (k, v) in &rows {
        seen.insert(k.as_str());
        let ok = match k.as_str() {
            "edition_toml" => sha256_hex(v.as_bytes()) == g.edition_sha256,
            key => want.get(key).is_some_and(|w| w == v),
        };
        if !ok {
            out.push(if want.contains_key(k.as_str()) || k == "edition_toml" {
                Problem::new(
                    "meta",
                    k.clone(),
                    "wartość inna niż w dzienniku",
                    "differs from the journal",
                )
            } else {
                Problem::new("meta", k.clone(), "klucz spoza urny", "not urna's key")
            });
        }
    }
    for k in want.keys().copied().chain(["edition_toml"]) {
        if !seen.contains(k) {
            out.push(Problem::new(
                "meta",
                k,
                "brak wiersza",
                "the row is missing",
            ));
        }
    }
}

/// `operators` as the journal's `operator_added` entries say.
fn check_operators(conn: &Connection, out: &mut Vec<Problem>) {
    let added = match entries_of_kind(conn, "operator_added") {
        Ok(a) => a,
        Err(p) => return out.push(p),
    };
    let rows: Vec<(String, String, String, i64)> = match conn
        .prepare("SELECT name, role, pin_hash, added_seq FROM operators")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()
        }) {
        Ok(r) => r,
        Err(e) => return out.push(sql_problem("operators", e)),
    };
    let mut rows: HashMap<String, (String, String, i64)> = rows
        .into_iter()
        .map(|(n, r, p, s)| (n, (r, p, s)))
        .collect();
    let mut coordinators: Vec<String> = Vec::new();
    for e in &added {
        let Event::OperatorAdded {
            name,
            role,
            pin_record,
        } = &e.event
        else {
            continue;
        };
        let first = coordinators.is_empty();
        let by_coordinator = coordinators.contains(&e.operator)
            || (first && e.operator == *name && role == Role::Coordinator.as_str());
        if !by_coordinator {
            out.push(Problem::new(
                "journal",
                e.seq.to_string(),
                format!("operatora {name} dodał ktoś, kto nie jest koordynatorem"),
                format!("operator {name} was added by someone who is not a coordinator"),
            ));
        }
        if role == Role::Coordinator.as_str() {
            coordinators.push(name.clone());
        }
        match rows.remove(name) {
            None => out.push(Problem::new(
                "operators",
                name.clone(),
                "brak wiersza operatora z dziennika",
                "the journal's operator has no row",
            )),
            Some((r, pin, seq)) => {
                if r != *role {
                    // A role code in words; anything else as it is stored.
                    let word = |code: &str, lang| match Role::parse(code) {
                        Some(role) => role.word(lang).to_string(),
                        None => format!("„{}”", crate::shown::Shown::new(code)),
                    };
                    use crate::i18n::Lang::{En, Pl};
                    out.push(Problem::new(
                        "operators",
                        name.clone(),
                        format!("rola {}, a w dzienniku {}", word(&r, Pl), word(role, Pl)),
                        format!(
                            "role {}, but {} in the journal",
                            word(&r, En),
                            word(role, En)
                        ),
                    ));
                }
                if pin_record.as_deref() != Some(sha256_hex(pin.as_bytes()).as_str()) {
                    out.push(Problem::new(
                        "operators",
                        name.clone(),
                        "zapis PIN-u inny niż ten, który zapisał dziennik",
                        "the PIN record is not the one the journal committed to",
                    ));
                }
                if seq as u64 != e.seq {
                    out.push(Problem::new(
                        "operators",
                        name.clone(),
                        "added_seq inny niż wpis w dzienniku",
                        "added_seq is not its journal entry",
                    ));
                }
            }
        }
    }
    for name in rows.keys() {
        out.push(Problem::new(
            "operators",
            name.clone(),
            "operator, którego nie ma w dzienniku (dopisany)",
            "an operator the journal never added",
        ));
    }
}

fn head(conn: &Connection) -> rusqlite::Result<Option<(u64, Vec<u8>)>> {
    conn.prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))
        .optional()
}

/// The seal: the journal key's signature over the head as it is now.
fn check_seal(conn: &Connection, g: &Genesis, out: &mut Vec<Problem>) {
    let head = match head(conn) {
        Ok(h) => h,
        Err(e) => return out.push(sql_problem("journal", e)),
    };
    let seal: Option<(i64, Vec<u8>, String)> = match conn
        .query_row(
            "SELECT entries, head, signature FROM seal WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
    {
        Ok(s) => s,
        Err(e) => return out.push(sql_problem("seal", e)),
    };
    let Some((entries, sealed_head, sig)) = seal else {
        return out.push(Problem::new(
            "seal",
            "",
            "brak pieczęci dziennika",
            "the journal's seal is missing",
        ));
    };
    let (n, h) = head.unwrap_or((0, GENESIS.to_vec()));
    let text = keys::seal_text(&g.point_id, entries as u64, &hex::encode(&sealed_head));
    if !keys::seal_verify(&g.journal_public_key, text.as_bytes(), &sig) {
        out.push(Problem::new(
            "seal",
            "",
            "pieczęć nie jest podpisem klucza dziennika (zmieniona bez PIN-u)",
            "the seal is not the journal key's signature (changed without a PIN)",
        ));
    } else if entries as u64 != n || sealed_head != h {
        out.push(Problem::new(
            "journal",
            n.to_string(),
            format!(
                "dziennik kończy się na wpisie {n}, a zapieczętowano wpis {entries} o innym skrócie: zmieniony, skrócony lub dopisany bez PIN-u"
            ),
            format!(
                "the journal ends at entry {n}, but entry {entries} with another hash was sealed: rewritten, cut or appended to without a PIN"
            ),
        ));
    }
}

fn index_rows(conn: &Connection) -> rusqlite::Result<HashMap<u64, IndexRow>> {
    let mut stmt = conn.prepare(
        "SELECT seq, card_id, kind, pesel, surname, valid, reasons, flagged, operator, at, source_ref, day, stop FROM card_versions",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)? as u64,
            IndexRow {
                card_id: r.get(1)?,
                kind: r.get(2)?,
                pesel: r.get(3)?,
                surname: r.get(4)?,
                valid: r.get(5)?,
                reasons: r.get(6)?,
                flagged: r.get(7)?,
                operator: r.get(8)?,
                at: r.get(9)?,
                source_ref: r.get(10)?,
                day: r.get(11)?,
                stop: r.get(12)?,
            },
        ))
    })?;
    rows.collect()
}

/// What the full check found.
pub struct Full {
    pub entries: u64,
    pub head: Hash,
    pub problems: Vec<Problem>,
}

/// Every check: [`quick`], SQLite's integrity check, the hash chain of every
/// entry, and the card index.
pub fn full(conn: &Connection, dir: &Path) -> Full {
    let mut out = Vec::new();
    match conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)) {
        Ok(s) if s == "ok" => {}
        Ok(s) => out.push(Problem::new(
            "sqlite",
            "",
            format!("kontrola spójności SQLite: {s}"),
            format!("SQLite integrity check: {s}"),
        )),
        Err(e) => out.push(sql_problem("sqlite", e)),
    }
    out.extend(quick(conn, dir).problems);
    let (entries, head) = chain(conn, &mut out);
    Full {
        entries,
        head,
        problems: out,
    }
}

fn chain(conn: &Connection, out: &mut Vec<Problem>) -> (u64, Hash) {
    let mut index = match index_rows(conn) {
        Ok(i) => i,
        Err(e) => {
            out.push(sql_problem("card_versions", e));
            HashMap::new()
        }
    };
    let mut prev = GENESIS;
    let mut expected = 1u64;
    // Cards entered without an index row since the last entry that is
    // indexed or is not a card's: the waiting tail if nothing else follows.
    let mut waiting: Vec<u64> = Vec::new();
    let lacks = |seq: u64| {
        Problem::new(
            "card_versions",
            seq.to_string(),
            "brak wiersza indeksu kart dla wpisu",
            "the card index lacks this entry",
        )
    };
    let result = (|| -> rusqlite::Result<()> {
        let mut stmt =
            conn.prepare("SELECT seq, kind, body, prev_hash, hash FROM journal ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let seq = r.get::<_, i64>(0)? as u64;
            let bad = |pl: &str, en: &str| Problem::new("journal", seq.to_string(), pl, en);
            if seq != expected {
                out.push(bad(
                    &format!("oczekiwano wpisu {expected} (brakuje wpisów)"),
                    &format!("expected entry {expected} (entries are missing)"),
                ));
                return Ok(());
            }
            let kind: String = r.get(1)?;
            let body: Vec<u8> = r.get(2)?;
            let prev_hash: Vec<u8> = r.get(3)?;
            let hash: Vec<u8> = r.get(4)?;
            if prev_hash != prev {
                out.push(bad(
                    "nie wynika ze skrótu poprzedniego wpisu",
                    "does not follow the previous entry's hash",
                ));
                return Ok(());
            }
            let computed = chain_hash(&prev, &body);
            if hash != computed {
                out.push(bad(
                    "skrót nie zgadza się z treścią (wpis zmieniony)",
                    "the hash does not match its contents (the entry was changed)",
                ));
                return Ok(());
            }
            let entry = match parse_entry(&body) {
                Ok(e) => e,
                Err(_) => {
                    out.push(bad("wpis nieczytelny", "unreadable entry"));
                    return Ok(());
                }
            };
            if entry.seq != seq || entry.event.kind() != kind || !entry.is_canonical(&body) {
                out.push(bad(
                    "treść nie zgadza się z numerem lub rodzajem wpisu",
                    "the contents disagree with the entry's number or kind",
                ));
                return Ok(());
            }
            let want = IndexRow::of(&entry);
            let found = if want.is_some() {
                index.remove(&seq)
            } else {
                None
            };
            match (want, found) {
                (Some(want), Some(found)) if found == want => {
                    out.extend(waiting.drain(..).map(lacks))
                }
                (Some(_), Some(_)) => {
                    out.extend(waiting.drain(..).map(lacks));
                    out.push(Problem::new(
                        "card_versions",
                        seq.to_string(),
                        "wiersz indeksu kart inny niż wpis dziennika",
                        "the card index row differs from the journal entry",
                    ))
                }
                // A card entered without its row may be waiting for it, if
                // only such cards come after it (see card_index).
                (Some(_), None) if kind == "card_entered" => waiting.push(seq),
                (Some(_), None) => {
                    out.extend(waiting.drain(..).map(lacks));
                    out.push(lacks(seq));
                }
                (None, _) => out.extend(waiting.drain(..).map(lacks)),
            }
            prev = computed;
            expected += 1;
        }
        Ok(())
    })();
    if let Err(e) = result {
        out.push(sql_problem("journal", e));
    }
    let mut extra: Vec<_> = index.keys().copied().collect();
    extra.sort_unstable();
    for seq in extra {
        out.push(Problem::new(
            "card_versions",
            seq.to_string(),
            "wiersz indeksu kart bez wpisu w dzienniku",
            "a card index row with no journal entry",
        ));
    }
    (expected - 1, prev)
}
