//! The seal: the journal key's signature over the journal's head as it was
//! at the last seal, and the entries after it — cards saved since, each
//! carrying its own signature by the journal key (see store::append).

use crate::tr;
use rusqlite::{Connection, OptionalExtension};

use super::{Genesis, Problem, sql_problem};
use crate::i18n::Lang;
use crate::store::card_index::SEAL_AT;
use crate::store::journal::{GENESIS, chain_hash};
use crate::store::keys;

/// A problem an edit without the journal key leaves: what `say` says, then
/// what ends every such problem (`check-without-pin`).
fn problem(row: u64, say: impl Fn(Lang) -> String) -> Problem {
    Problem::new("journal", row.to_string(), |lang| {
        tr!(lang, "check-without-pin", what = say(lang))
    })
}

type Seal = (i64, Vec<u8>, String);

/// The seal, the sealed entry, and every entry after it.
pub(super) fn check_seal(conn: &Connection, g: &Genesis, out: &mut Vec<Problem>) {
    let head: Option<i64> = match conn.query_row("SELECT MAX(seq) FROM journal", [], |r| r.get(0)) {
        Ok(h) => h,
        Err(e) => return out.push(sql_problem("journal", e)),
    };
    let n = head.unwrap_or(0) as u64;
    let seal: Option<Seal> = match conn
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
        return out.push(Problem::new("seal", "", |lang| {
            tr!(lang, "check-seal-missing")
        }));
    };
    let s = entries.max(0) as u64;
    let text = keys::seal_text(&g.point_id, s, &hex::encode(&sealed_head));
    if !keys::seal_verify(&g.journal_public_key, text.as_bytes(), &sig) {
        return out.push(Problem::new("seal", "", |lang| {
            tr!(lang, "check-seal-not-signed")
        }));
    }
    if s > n {
        return out.push(problem(n, |lang| {
            tr!(lang, "check-seal-beyond-head", head = n, sealed = s)
        }));
    }
    let at_seal: Option<Vec<u8>> = match s {
        0 => Some(GENESIS.to_vec()),
        _ => match conn
            .query_row("SELECT hash FROM journal WHERE seq = ?1", [s as i64], |r| {
                r.get(0)
            })
            .optional()
        {
            Ok(h) => h,
            Err(e) => return out.push(sql_problem("journal", e)),
        },
    };
    if at_seal.as_deref() != Some(sealed_head.as_slice()) {
        return out.push(problem(s, |lang| {
            tr!(lang, "check-seal-other-hash", entry = s)
        }));
    }
    if n - s > SEAL_AT {
        out.push(problem(n, |lang| {
            tr!(lang, "check-seal-too-far-behind", n = n - s, most = SEAL_AT)
        }));
    }
    if let Err(p) = check_after_seal(conn, g, s, &sealed_head) {
        out.push(p);
    }
}

/// The entries after the seal: each follows the one before, matches its
/// contents, and carries the journal key's signature over the journal up to
/// it. The first that does not is the problem.
fn check_after_seal(
    conn: &Connection,
    g: &Genesis,
    sealed: u64,
    sealed_head: &[u8],
) -> Result<(), Problem> {
    let sql = |e| sql_problem("journal", e);
    let mut prev: [u8; 32] = sealed_head.try_into().unwrap_or(GENESIS);
    let mut stmt = conn
        .prepare("SELECT seq, body, prev_hash, hash, sig FROM journal WHERE seq > ?1 ORDER BY seq")
        .map_err(sql)?;
    let mut rows = stmt.query([sealed as i64]).map_err(sql)?;
    let mut expected = sealed + 1;
    while let Some(r) = rows.next().map_err(sql)? {
        let cols = (|| -> rusqlite::Result<_> {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get::<_, Vec<u8>>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })();
        let (seq, body, prev_hash, hash, sig) = cols.map_err(sql)?;
        if seq != expected {
            return Err(problem(expected, |lang| {
                tr!(lang, "check-after-seal-missing", entry = expected)
            }));
        }
        let computed = chain_hash(&prev, &body);
        // As the full check's walk of the chain says it (check::chain).
        if prev_hash != prev {
            return Err(Problem::new("journal", seq.to_string(), |lang| {
                tr!(lang, "check-not-following")
            }));
        }
        if hash != computed {
            return Err(Problem::new("journal", seq.to_string(), |lang| {
                tr!(lang, "check-hash-changed")
            }));
        }
        let text = keys::seal_text(&g.point_id, seq, &hex::encode(computed));
        if !sig.is_some_and(|sig| keys::seal_verify(&g.journal_public_key, text.as_bytes(), &sig)) {
            return Err(problem(seq, |lang| tr!(lang, "check-after-seal-unsigned")));
        }
        prev = computed;
        expected += 1;
    }
    Ok(())
}
