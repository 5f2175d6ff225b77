//! Every ballot judged: the office's card rules, annulled internet votes and
//! multiple votes, for the reports ([`Judged`]) and for the count ([`Counted`]).

use rusqlite::params;

use crate::card::{self, Assessment, RawCard, Reason, RuleOptions};
use crate::edition::Edition;
use crate::store::pesel_key;

use super::ballots::{EntryView, Source};
use super::people::Person;
use super::{Result, Tally, TallyError};

/// The office's card rules with the edition's project positions: a card's
/// verdict in the form the count reads.
pub(crate) struct Judge {
    edition: Edition,
    positions: crate::tally::results::Positions,
}

impl Judge {
    pub(crate) fn new(edition: &Edition) -> Judge {
        Judge {
            edition: edition.clone(),
            positions: crate::tally::results::Positions::new(edition),
        }
    }

    pub(crate) fn compact(&self, card: &RawCard) -> crate::tally::results::Compact {
        self.positions
            .compact(&card::assess(&self.edition, card, RuleOptions::default()))
    }
}

impl Tally {
    /// Every ballot judged, in a list; see [`Tally::each_judged`].
    pub fn judged(&self) -> Result<Vec<Judged>> {
        let mut out = Vec::new();
        self.each_judged(|j| {
            out.push(j);
            Ok(())
        })?;
        Ok(out)
    }

    /// Every ballot judged, one at a time: the card rules; `annulled` on the
    /// internet ballots of a PESEL the office annulled (they are then not
    /// that person's votes); `multiple_votes` on every other ballot of a
    /// person (PESEL) who has more than one. Two passes over the store: the
    /// first reads only PESELs, so memory stays small at any size.
    pub fn each_judged(&self, mut f: impl FnMut(Judged) -> Result<()>) -> Result<()> {
        let annulled = self.annulled()?;
        let is_annulled = |source: &Source, key: &Option<String>| {
            matches!(source, Source::Internet { .. })
                && key.as_ref().is_some_and(|k| annulled.contains(k))
        };
        let (_, people) = self.first_pass(&annulled)?;
        let edition = &self.edition;
        self.each_ballot(
            |json| {
                let card: RawCard = serde_json::from_str(json)
                    .map_err(|_| TallyError::from(super::TallyFault::CardUnreadable))?;
                let a = card::assess(edition, &card, RuleOptions::default());
                let twice = people.twice(Person::of(&card.pesel).as_ref());
                Ok((
                    a,
                    pesel_key(&card.pesel),
                    crate::pesel::mask(&card.pesel),
                    twice,
                ))
            },
            |source, (mut a, person, pesel, twice)| {
                if is_annulled(&source, &person) {
                    a = crate::tally::results::with_reason(a, Reason::Annulled);
                } else if twice {
                    a = crate::tally::results::with_reason(a, Reason::MultipleVotes);
                }
                f(Judged {
                    pesel,
                    person,
                    source,
                    assessment: a,
                })
            },
        )
    }

    /// Every ballot that stands, as the count needs it, one at a time: the
    /// same ballots and verdicts as [`Tally::each_judged`] (the card rules,
    /// `annulled`, `multiple_votes`), read from the columns the import wrote
    /// beside each card instead of from its JSON. `point` is `None` for an
    /// internet ballot. Kiosk cards come point by point, in no set order
    /// within a point.
    pub fn each_counted(&self, f: impl FnMut(Counted<'_>)) -> Result<()> {
        // Each pass reads every page once, in order: a few pages, used
        // again and again, serve it better than the import's 64 MiB
        // (which would be allocated afresh, page by page, and not read
        // twice).
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -2048)?;
        let counted = self.each_counted_in(f);
        self.conn.pragma_update(None, "cache_size", cache)?;
        counted
    }

    fn each_counted_in(&self, mut f: impl FnMut(Counted<'_>)) -> Result<()> {
        // Both passes read one snapshot of the store.
        let snapshot = self.conn.unchecked_transaction()?;
        let annulled = self.annulled()?;
        let judge = Judge::new(&self.edition);
        let (superseded, per_person) = self.first_pass(&annulled)?;
        let mut reasons: Vec<Reason> = Vec::new();
        let mut deliver = |point: Option<&str>, c: StoredVerdict<'_>, extra: Option<Reason>| {
            reasons.clear();
            for code in c.reasons.split(',').filter(|c| !c.is_empty()) {
                if let Ok(r) = code.parse::<Reason>() {
                    reasons.push(r);
                }
            }
            let no_points = extra.is_some();
            if let Some(r) = extra
                && !reasons.contains(&r)
            {
                reasons.push(r);
                reasons.sort();
            }
            f(Counted {
                point,
                reasons: &reasons,
                district: c.district,
                local: if no_points { &[] } else { c.local },
                citywide: if no_points { &[] } else { c.citywide },
            });
        };
        // Second pass: every standing card, as it is read.
        {
            let mut stmt = snapshot.prepare(
                "SELECT point, seq, kind, pesel, reasons, district, local, citywide
                 FROM kiosk_cards ORDER BY point, seq",
            )?;
            let mut rows = stmt.query([])?;
            let mut point = String::new();
            let mut point_no = 0u32;
            while let Some(r) = rows.next()? {
                let this_point = r.get_ref(0)?.as_str()?;
                if this_point != point {
                    point = this_point.to_string();
                    point_no += 1;
                }
                let seq: i64 = r.get(1)?;
                if r.get_ref(2)?.as_str()? == "card_voided" || superseded.contains(&(point_no, seq))
                {
                    continue;
                }
                let extra = per_person
                    .twice(Person::of(r.get_ref(3)?.as_str()?).as_ref())
                    .then_some(Reason::MultipleVotes);
                match r.get_ref(4)?.as_str_or_null()? {
                    Some(codes) => deliver(
                        Some(&point),
                        StoredVerdict {
                            reasons: codes,
                            district: r
                                .get::<_, Option<i64>>(5)?
                                .and_then(|d| u32::try_from(d).ok()),
                            local: r.get_ref(6)?.as_blob_or_null()?.unwrap_or_default(),
                            citywide: r.get_ref(7)?.as_blob_or_null()?.unwrap_or_default(),
                        },
                        extra,
                    ),
                    // Stored before the import judged cards: judged now,
                    // from its entry.
                    None => {
                        let c = self.judge_stored(&judge, &point, seq)?;
                        deliver(Some(&point), c.stored(), extra);
                    }
                }
            }
        }
        let mut stmt = snapshot.prepare("SELECT card FROM online ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let card: RawCard = serde_json::from_str(r.get_ref(0)?.as_str()?)
                .map_err(|_| TallyError::from(super::TallyFault::CardUnreadable))?;
            let extra = if pesel_key(&card.pesel).is_some_and(|k| annulled.contains(&k)) {
                Some(Reason::Annulled)
            } else {
                per_person
                    .twice(Person::of(&card.pesel).as_ref())
                    .then_some(Reason::MultipleVotes)
            };
            deliver(None, judge.compact(&card).stored(), extra);
        }
        Ok(())
    }

    /// A card entry stored before the import judged cards, judged now.
    fn judge_stored(
        &self,
        judge: &Judge,
        point: &str,
        seq: i64,
    ) -> Result<crate::tally::results::Compact> {
        let body: Vec<u8> = self
            .conn
            .prepare_cached("SELECT body FROM kiosk_entries WHERE point = ?1 AND seq = ?2")?
            .query_row(params![point, seq], |r| r.get(0))?;
        let e: EntryView<'_> = serde_json::from_slice(&body)
            .map_err(|_| TallyError::from(super::TallyFault::EntryUnreadable))?;
        let card: RawCard = e
            .data
            .card
            .ok_or_else(|| {
                TallyError::from(super::TallyFault::EntryWithoutCard {
                    point: point.to_string(),
                    seq: seq as u64,
                })
            })
            .and_then(|c| {
                serde_json::from_str(c.get())
                    .map_err(|_| TallyError::from(super::TallyFault::CardUnreadable))
            })?;
        Ok(judge.compact(&card))
    }
}

/// A ballot with the tally's verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub source: Source,
    /// The PESEL as written, masked.
    pub pesel: String,
    /// Whose ballot it is, for grouping a person's ballots (never shown).
    pub(crate) person: Option<String>,
    pub assessment: Assessment,
}

/// One standing ballot as the count reads it ([`Tally::each_counted`]):
/// where it came from (`None`: the internet), its reasons (empty when it
/// is valid) and its picks as [`crate::tally::results::Picks`] encodes them.
pub struct Counted<'a> {
    pub point: Option<&'a str>,
    pub reasons: &'a [Reason],
    pub district: Option<u32>,
    pub local: &'a [u8],
    pub citywide: &'a [u8],
}

/// A stored verdict, borrowed from its row.
struct StoredVerdict<'a> {
    reasons: &'a str,
    district: Option<u32>,
    local: &'a [u8],
    citywide: &'a [u8],
}

impl crate::tally::results::Compact {
    fn stored(&self) -> StoredVerdict<'_> {
        StoredVerdict {
            reasons: &self.reasons,
            district: self.district,
            local: &self.local,
            citywide: &self.citywide,
        }
    }
}
