//! The trusted kiosks: trusting a kiosk's key for a point, and the roll of
//! trusted points.

use rusqlite::{OptionalExtension, params};

use super::{Result, Tally, now, words};

impl Tally {
    /// Trusts a kiosk's public key (the text `urna key` prints) for a point.
    pub fn trust(&mut self, public_key_text: &str, point: &str) -> Result<String> {
        // Only an id a kiosk can have (`urna init --point`): anything else is
        // a typo no bundle would ever match.
        if !crate::store::valid_point_id(point) {
            return Err(words(|lang| crate::tr!(lang, "tally-trust-point-id")));
        }
        let key = public_key_text
            .lines()
            .find(|l| !l.starts_with("untrusted comment:") && !l.trim().is_empty())
            .unwrap_or_default()
            .trim()
            .to_string();
        let not_a_key = || words(|lang| crate::tr!(lang, "tally-trust-not-a-key"));
        minisign_verify::PublicKey::from_base64(&key).map_err(|_| not_a_key())?;
        let raw = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, &key)
            .map_err(|_| not_a_key())?;
        let key_id = crate::store::signing::key_id(&raw[2..10]);
        let existing: Option<String> = self
            .conn
            .query_row(
                "SELECT public_key FROM kiosks WHERE point = ?1",
                [point],
                |r| r.get(0),
            )
            .optional()?;
        // A kiosk's store belongs to one point (its first entry says which):
        // the same key for another point is the wrong `.pub` file.
        let elsewhere: Option<String> = self
            .conn
            .query_row(
                "SELECT point FROM kiosks WHERE public_key = ?1 AND point <> ?2 LIMIT 1",
                [&key, point],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = elsewhere {
            return Err(words({
                let key_id = key_id.to_string();
                let other = other.to_string();
                let point = point.to_string();
                move |lang| {
                    crate::tr!(
                        lang,
                        "tally-trust-key-elsewhere",
                        key_id = key_id.as_str(),
                        other = other.as_str(),
                        point = point.as_str()
                    )
                }
            }));
        }
        match existing {
            Some(k) if k == key => {}
            Some(_) => {
                return Err(words({
                    let point = point.to_string();
                    move |lang| crate::tr!(lang, "tally-trust-other-key", point = point.as_str())
                }));
            }
            None => {
                self.conn.execute(
                    "INSERT INTO kiosks(point, key_id, public_key, trusted_at) VALUES (?1, ?2, ?3, ?4)",
                    params![point, key_id, key, now()],
                )?;
            }
        }
        Ok(key_id)
    }

    /// Every trusted point in id order: the name its latest accepted
    /// bundle's manifest gives (if any), and whether any of its bundles was
    /// accepted — what the page's "N of M points reported" counts.
    pub fn point_roll(&self) -> Result<Vec<PointRoll>> {
        let mut stmt = self.conn.prepare(
            "SELECT k.point,
                    (SELECT i.point_name FROM imports i WHERE i.point = k.point
                       AND i.outcome = 'accepted' AND i.point_name IS NOT NULL
                     ORDER BY i.id DESC LIMIT 1),
                    EXISTS (SELECT 1 FROM imports i WHERE i.point = k.point
                       AND i.kind = 'bundle' AND i.outcome = 'accepted')
             FROM kiosks k ORDER BY k.point",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PointRoll {
                point: r.get(0)?,
                name: r.get(1)?,
                reported: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The trusted points, in id order.
    pub fn points(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT point FROM kiosks ORDER BY point")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A trusted point as the published page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointRoll {
    pub point: String,
    pub name: Option<String>,
    pub reported: bool,
}
