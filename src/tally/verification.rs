//! Verification at the points as the office sees it (docs/verification.md):
//! every `card_verified` entry imported is also a row of
//! `kiosk_verifications`, and the results and the audit show per point the
//! cards entered, the cards verified, the fields compared, the keyer errors
//! found and their rate, with the keyer error rate's 95 % upper bound.

use std::fmt::Write as _;

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::i18n::Lang;
use crate::tr;

use super::store::Result;

/// The table, and the rows of entries imported before it existed.
pub(crate) const MIGRATION: &str = "CREATE TABLE kiosk_verifications (
         point TEXT NOT NULL, seq INTEGER NOT NULL, card_id TEXT NOT NULL,
         fields INTEGER NOT NULL, keyer_errors INTEGER NOT NULL,
         verifier_errors INTEGER NOT NULL,
         PRIMARY KEY (point, seq)) STRICT;
     INSERT INTO kiosk_verifications
         SELECT point, seq, json_extract(CAST(body AS TEXT), '$.data.card_id'),
                coalesce(json_extract(CAST(body AS TEXT), '$.data.fields'), 0),
                coalesce(json_array_length(CAST(body AS TEXT), '$.data.keyer_errors'), 0),
                coalesce(json_array_length(CAST(body AS TEXT), '$.data.verifier_errors'), 0)
         FROM kiosk_entries
         WHERE json_extract(CAST(body AS TEXT), '$.kind') = 'card_verified';";

/// A `card_verified` entry's row.
pub(crate) struct VerifiedRow {
    pub(crate) card_id: String,
    pub(crate) fields: u32,
    pub(crate) keyer_errors: u32,
    pub(crate) verifier_errors: u32,
}

pub(crate) fn insert(
    tx: &rusqlite::Transaction<'_>,
    point: &str,
    seq: u64,
    v: &VerifiedRow,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO kiosk_verifications(point, seq, card_id, fields, keyer_errors, verifier_errors)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        point,
        seq as i64,
        v.card_id,
        v.fields,
        v.keyer_errors,
        v.verifier_errors
    ])?;
    Ok(())
}

/// One point's verification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointVerification {
    pub point: String,
    /// Cards its kiosk entered (voided ones included).
    pub cards_entered: u64,
    /// Distinct cards verified at least once.
    pub cards_verified: u64,
    /// 100 × cards verified / cards entered.
    pub verified_percent: f64,
    pub fields: u64,
    /// Fields the paper showed the first keying had wrong.
    pub keyer_errors: u64,
    pub verifier_errors: u64,
    /// 100 × keyer errors / fields (0 with no fields).
    pub errors_per_100_fields: f64,
    /// Verified cards with at least one keyer error.
    pub cards_keyed_wrong: u64,
    /// The 95 % upper bound of the share of cards keyed wrong
    /// (cards keyed wrong among cards verified); `None` with none verified.
    pub cards_keyed_wrong_upper_95: Option<f64>,
}

/// Every point the office has cards from, in point order; zeros where
/// nothing was verified.
pub fn per_point(conn: &Connection) -> Result<Vec<PointVerification>> {
    let mut stmt = conn.prepare(
        "SELECT c.point, c.entered,
                coalesce(v.cards, 0), coalesce(v.fields, 0), coalesce(v.keyer, 0),
                coalesce(v.verifier, 0), coalesce(v.wrong, 0)
         FROM (SELECT point, count(*) AS entered FROM kiosk_cards
               WHERE kind = 'card_entered' GROUP BY point) c
         LEFT JOIN (SELECT point, count(DISTINCT card_id) AS cards, sum(fields) AS fields,
                           sum(keyer_errors) AS keyer, sum(verifier_errors) AS verifier,
                           count(DISTINCT CASE WHEN keyer_errors > 0 THEN card_id END) AS wrong
                    FROM kiosk_verifications GROUP BY point) v
         ON v.point = c.point
         ORDER BY c.point",
    )?;
    let rows = stmt.query_map([], |r| {
        let n = |i: usize| r.get::<_, i64>(i).map(|v| v.max(0) as u64);
        Ok((
            r.get::<_, String>(0)?,
            n(1)?,
            n(2)?,
            n(3)?,
            n(4)?,
            n(5)?,
            n(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (point, entered, cards, fields, keyer, verifier, wrong) = row?;
        out.push(PointVerification {
            point,
            cards_entered: entered,
            cards_verified: cards,
            verified_percent: percent(cards, entered),
            fields,
            keyer_errors: keyer,
            verifier_errors: verifier,
            errors_per_100_fields: percent(keyer, fields),
            cards_keyed_wrong: wrong,
            cards_keyed_wrong_upper_95: super::bound::upper_bound(wrong, cards, 0.95),
        });
    }
    Ok(out)
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn decimal(lang: Lang, x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match lang {
        Lang::Pl | Lang::Uk => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The per-point lines for the results and the audit text.
pub fn text(lang: Lang, points: &[PointVerification]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "\n{}", tr!(lang, "tally-verification-head"));
    for p in points {
        let bound = p.cards_keyed_wrong_upper_95.map_or_else(
            || "—".to_string(),
            |b| format!("{} %", decimal(lang, 100.0 * b, 2)),
        );
        let _ = writeln!(
            s,
            "  {}: {}",
            p.point,
            tr!(
                lang,
                "tally-verification-point",
                entered = p.cards_entered.to_string(),
                verified = p.cards_verified.to_string(),
                percent = decimal(lang, p.verified_percent, 1),
                fields = p.fields.to_string(),
                errors = p.keyer_errors.to_string(),
                per_100 = decimal(lang, p.errors_per_100_fields, 2),
                wrong = p.cards_keyed_wrong.to_string(),
                bound = bound
            )
        );
    }
    s
}

/// The per-point table of the published page (numbers and point ids only).
pub fn html(lang: Lang, points: &[PointVerification]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "<section id=\"verification\" aria-labelledby=\"h-verification\">\n<h2 id=\"h-verification\">{}</h2>",
        tr!(lang, "html-verification")
    );
    // The columns' names, also on each cell, for the cards the table
    // becomes on a phone (the page's `.cards` style shows the label before
    // the value); the percentage's header is "%" beside "Verified".
    let labels = [
        tr!(lang, "html-verification-entered"),
        tr!(lang, "html-verification-verified"),
        tr!(lang, "html-verification-verified-percent"),
        tr!(lang, "html-verification-fields"),
        tr!(lang, "html-verification-errors"),
        tr!(lang, "html-verification-per-100"),
    ];
    let header: String = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "<th scope=\"col\">{}</th>",
                if i == 2 { "%" } else { l.as_str() }
            )
        })
        .collect();
    let _ = writeln!(
        o,
        "<div class=\"wrap\"><table id=\"t-verification\" class=\"cards\">\n<thead><tr><th scope=\"col\">{}</th>{header}</tr></thead>\n<tbody>",
        tr!(lang, "html-point"),
    );
    for p in points {
        let point: String = p
            .point
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{point}</th>{}</tr>",
            labels
                .iter()
                .zip([
                    p.cards_entered.to_string(),
                    p.cards_verified.to_string(),
                    decimal(lang, p.verified_percent, 1),
                    p.fields.to_string(),
                    p.keyer_errors.to_string(),
                    decimal(lang, p.errors_per_100_fields, 2),
                ])
                .map(|(label, value)| format!("<td data-label=\"{label}\">{value}</td>"))
                .collect::<String>()
        );
    }
    o.push_str("</tbody>\n</table></div>\n</section>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An office that imported `card_verified` entries before the table
    /// existed gets their rows from the migration.
    #[test]
    fn the_migration_fills_the_table_from_entries_imported_before() {
        let conn = Connection::open_in_memory().expect("db");
        conn.execute_batch(
            "CREATE TABLE kiosk_entries (point TEXT, seq INTEGER, body BLOB);
             CREATE TABLE kiosk_cards (point TEXT, seq INTEGER, card_id TEXT, kind TEXT);",
        )
        .expect("tables");
        let verified = br#"{"seq":28,"at":"2014-09-27T20:31:00+02:00","operator":"N","kind":"card_verified","data":{"card_id":"P1-000008","version_seq":8,"keyer":"H","fields":16,"keyer_errors":["local.5","pesel"],"amended_seq":27}}"#;
        let clean = br#"{"seq":29,"at":"2014-09-27T20:32:00+02:00","operator":"N","kind":"card_verified","data":{"card_id":"P1-000009","version_seq":9,"keyer":"H","fields":15}}"#;
        let other = br#"{"seq":30,"at":"2014-09-27T20:33:00+02:00","operator":"N","kind":"day_set","data":{"day":"2014-09-27"}}"#;
        for (seq, body) in [(28, &verified[..]), (29, &clean[..]), (30, &other[..])] {
            conn.execute(
                "INSERT INTO kiosk_entries VALUES ('P1', ?1, ?2)",
                params![seq, body],
            )
            .expect("entry");
        }
        for seq in [8, 9, 10] {
            conn.execute(
                "INSERT INTO kiosk_cards VALUES ('P1', ?1, ?2, 'card_entered')",
                params![seq, format!("P1-{seq:06}")],
            )
            .expect("card");
        }
        conn.execute_batch(MIGRATION).expect("migration");
        let p = per_point(&conn).expect("figures");
        assert_eq!(p.len(), 1);
        let p = &p[0];
        assert_eq!(
            (p.cards_entered, p.cards_verified, p.fields, p.keyer_errors),
            (3, 2, 31, 2)
        );
        assert_eq!(p.cards_keyed_wrong, 1);
        assert!((p.errors_per_100_fields - 200.0 / 31.0).abs() < 1e-9);
        let bound = p.cards_keyed_wrong_upper_95.expect("bound");
        assert!(bound > 0.5 && bound < 1.0, "{bound}");
    }

    #[test]
    fn no_verification_is_zeros() {
        let conn = Connection::open_in_memory().expect("db");
        conn.execute_batch(
            "CREATE TABLE kiosk_entries (point TEXT, seq INTEGER, body BLOB);
             CREATE TABLE kiosk_cards (point TEXT, seq INTEGER, card_id TEXT, kind TEXT);
             INSERT INTO kiosk_cards VALUES ('P2', 3, 'P2-000003', 'card_entered');",
        )
        .expect("tables");
        conn.execute_batch(MIGRATION).expect("migration");
        let p = per_point(&conn).expect("figures");
        assert_eq!(p[0].cards_verified, 0);
        assert_eq!(p[0].errors_per_100_fields, 0.0);
        assert_eq!(p[0].cards_keyed_wrong_upper_95, None);
        assert!(text(Lang::En, &p).contains("P2: entered 1, verified 0 (0.0 %)"));
    }
}
