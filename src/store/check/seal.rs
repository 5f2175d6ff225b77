//! The seal: the journal key's signature over the journal's head as it was
//! at the last seal, and the entries after it — cards saved since, each
//! carrying its own signature by the journal key (see store::append).

use rusqlite::{Connection, OptionalExtension};

use super::{Genesis, Problem, sql_problem};
use crate::store::card_index::CATCH_UP_AT;
use crate::store::journal::{GENESIS, chain_hash};
use crate::store::keys;

/// What ends every problem an edit without the journal key leaves.
const WITHOUT_PIN: (&str, &str) = (
    "zmieniony, skrócony lub dopisany bez PIN-u",
    "rewritten, cut or appended to without a PIN",
);

fn problem(row: u64, pl: String, en: String) -> Problem {
    Problem::new(
        "journal",
        row.to_string(),
        format!("{pl}: {}", WITHOUT_PIN.0),
        format!("{en}: {}", WITHOUT_PIN.1),
    )
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
        return out.push(Problem::new(
            "seal",
            "",
            "brak pieczęci dziennika",
            "the journal's seal is missing",
        ));
    };
    let s = entries.max(0) as u64;
    let text = keys::seal_text(&g.point_id, s, &hex::encode(&sealed_head));
    if !keys::seal_verify(&g.journal_public_key, text.as_bytes(), &sig) {
        return out.push(Problem::new(
            "seal",
            "",
            "pieczęć nie jest podpisem klucza dziennika (zmieniona bez PIN-u)",
            "the seal is not the journal key's signature (changed without a PIN)",
        ));
    }
    if s > n {
        return out.push(problem(
            n,
            format!("dziennik kończy się na wpisie {n}, a zapieczętowano wpis {s}"),
            format!("the journal ends at entry {n}, but entry {s} was sealed"),
        ));
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
        return out.push(problem(
            s,
            format!("wpis {s} ma inny skrót niż zapieczętowany"),
            format!("entry {s} has another hash than the one sealed"),
        ));
    }
    if n - s > CATCH_UP_AT as u64 {
        out.push(problem(
            n,
            format!(
                "{} wpisów po pieczęci, a kiosk zostawia najwyżej {CATCH_UP_AT}",
                n - s
            ),
            format!(
                "{} entries after the seal, where a kiosk leaves at most {CATCH_UP_AT}",
                n - s
            ),
        ));
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
            return Err(problem(
                expected,
                format!("po pieczęci brakuje wpisu {expected}"),
                format!("entry {expected} after the seal is missing"),
            ));
        }
        let computed = chain_hash(&prev, &body);
        // As the full check's walk of the chain says it (check::chain).
        if prev_hash != prev {
            return Err(Problem::new(
                "journal",
                seq.to_string(),
                "nie wynika ze skrótu poprzedniego wpisu",
                "does not follow the previous entry's hash",
            ));
        }
        if hash != computed {
            return Err(Problem::new(
                "journal",
                seq.to_string(),
                "skrót nie zgadza się z treścią (wpis zmieniony)",
                "the hash does not match its contents (the entry was changed)",
            ));
        }
        let text = keys::seal_text(&g.point_id, seq, &hex::encode(computed));
        if !sig.is_some_and(|sig| keys::seal_verify(&g.journal_public_key, text.as_bytes(), &sig)) {
            return Err(problem(
                seq,
                "wpis po pieczęci bez podpisu klucza dziennika".into(),
                "an entry after the seal without the journal key's signature".into(),
            ));
        }
        prev = computed;
        expected += 1;
    }
    Ok(())
}
