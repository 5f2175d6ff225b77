//! The seal: the journal key's signature over the journal's head.

use rusqlite::{Connection, OptionalExtension};

use super::{Genesis, Problem, sql_problem};
use crate::store::journal::GENESIS;
use crate::store::keys;

fn head(conn: &Connection) -> rusqlite::Result<Option<(u64, Vec<u8>)>> {
    conn.prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))
        .optional()
}

/// The seal: the journal key's signature over the head as it is now.
pub(super) fn check_seal(conn: &Connection, g: &Genesis, out: &mut Vec<Problem>) {
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
