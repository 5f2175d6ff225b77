//! A drawn card as it was typed (`urna tally audit-card CARD`): what the
//! office's clerk compares with the paper, field by field, named as
//! `audit-record --differs` takes them. The card as it stands (its latest
//! amendment), with who typed it and when. Only a card drawn in a sample is
//! shown: the office reads a voter's card for the audit, not at will.

use serde::Deserialize;

use crate::card::RawCard;
use crate::i18n::Lang;
use crate::tr;

use super::sample::fields;
use super::store::{Decision, Result, Tally, words};

/// One version of the card: when, by whom, and why (an amendment).
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub kind: String,
    pub at: String,
    pub operator: String,
}

/// A drawn card as the office holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Typed {
    pub card_id: String,
    pub point: String,
    /// Every entry of the card, in order (entered, amended, voided).
    pub versions: Vec<Version>,
    /// The card as it stands; `None` if voided.
    pub card: Option<RawCard>,
}

#[derive(Deserialize)]
struct Body {
    at: String,
    operator: String,
    kind: String,
    data: Data,
}

#[derive(Deserialize)]
struct Data {
    #[serde(default)]
    card: Option<RawCard>,
}

/// The typed card `card_id`, if it was drawn in a sample.
pub fn typed(tally: &Tally, card_id: &str) -> Result<Typed> {
    let drawn = tally.decisions()?.iter().any(
        |d| matches!(&d.decision, Decision::AuditSample(s) if s.cards.iter().any(|c| c == card_id)),
    );
    let shown = super::paper::shown_card(card_id);
    if !drawn {
        return Err(words({
            let shown = shown.to_string();
            move |lang| crate::tr!(lang, "tally-typed-not-drawn", shown = shown.as_str())
        }));
    }
    let conn = tally.conn();
    let Some(point) = super::store::point_of_card(conn, card_id)? else {
        return Err(rusqlite::Error::QueryReturnedNoRows.into());
    };
    let mut stmt = conn.prepare(
        "SELECT e.body FROM kiosk_cards c
         JOIN kiosk_entries e ON e.point = c.point AND e.seq = c.seq
         WHERE c.point = ?1 AND c.card_id = ?2 ORDER BY c.seq",
    )?;
    let rows = stmt.query_map([&point, card_id], |r| r.get::<_, Vec<u8>>(0))?;
    let mut out = Typed {
        card_id: card_id.to_string(),
        point,
        versions: Vec::new(),
        card: None,
    };
    for body in rows {
        let body: Body = serde_json::from_slice(&body?).map_err(|e| {
            words({
                let e = e.to_string();
                let shown = shown.to_string();
                move |lang| {
                    crate::tr!(
                        lang,
                        "tally-typed-unreadable",
                        e = e.as_str(),
                        shown = shown.as_str()
                    )
                }
            })
        })?;
        out.card = if body.kind == "card_voided" {
            None
        } else {
            body.data.card
        };
        out.versions.push(Version {
            kind: body.kind,
            at: body.at,
            operator: body.operator,
        });
    }
    Ok(out)
}

/// Each field of the card and its value as typed, in the card's order.
pub fn values(edition: &crate::edition::Edition, card: &RawCard) -> Vec<(String, String)> {
    let pick = |part: &[String], i: usize| part.get(i).cloned().unwrap_or_default();
    fields(edition)
        .into_iter()
        .map(|f| {
            let v = match f.split_once('.') {
                Some(("local", i)) => pick(
                    &card.local,
                    i.parse::<usize>().unwrap_or(1).saturating_sub(1),
                ),
                Some((_, i)) => pick(
                    &card.citywide,
                    i.parse::<usize>().unwrap_or(1).saturating_sub(1),
                ),
                None => match f.as_str() {
                    "first_name" => card.first_name.clone(),
                    "last_name" => card.last_name.clone(),
                    "address" => card.address.clone(),
                    "pesel" => card.pesel.clone(),
                    "signed" => if card.signed { "t" } else { "n" }.to_string(),
                    "district" => card.district.clone(),
                    _ => card.cast_date.to_string(),
                },
            };
            (f, v)
        })
        .collect()
}

impl Typed {
    /// For the clerk, Polish or English. The values are shown as typed (the
    /// clerk holds the paper); control characters escaped.
    pub fn text(&self, lang: Lang, edition: &crate::edition::Edition) -> String {
        let shown = crate::shown::escape_controls;
        let mut lines = vec![tr!(
            lang,
            "tally-typed-head",
            card = self.card_id.as_str(),
            point = self.point.as_str()
        )];
        for v in &self.versions {
            let kind = match v.kind.as_str() {
                "card_entered" => tr!(lang, "tally-typed-entered"),
                "card_amended" => tr!(lang, "tally-typed-amended"),
                "card_voided" => tr!(lang, "tally-typed-voided"),
                other => other.to_string(),
            };
            let version = tr!(
                lang,
                "tally-typed-version",
                kind = kind,
                at = shown(&v.at),
                operator = shown(&v.operator)
            );
            lines.push(format!("  {version}"));
        }
        match &self.card {
            None => lines.push(tr!(lang, "tally-typed-voided-card")),
            Some(card) => lines.extend(
                values(edition, card)
                    .into_iter()
                    .map(|(f, v)| format!("  {f:<12} {}", shown(&v))),
            ),
        }
        lines.into_iter().map(|l| l + "\n").collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_its_value() {
        let e = crate::edition::Edition::parse(
            include_str!("../../assets/editions/krakow-2014.toml"),
            "krakow-2014.toml",
        )
        .expect("edition");
        let card = RawCard {
            first_name: "Ewa".into(),
            last_name: "Nowak".into(),
            address: "ul. Długa 1".into(),
            pesel: "44051401359".into(),
            signed: true,
            district: "XI".into(),
            local: vec!["4".into(), "2".into(), "1".into(), "3".into()],
            citywide: ["1", "5", "2", "9", "7"].map(String::from).to_vec(),
            cast_date: chrono::NaiveDate::from_ymd_opt(2014, 9, 28).expect("date"),
            marks: Vec::new(),
        };
        let v = values(&e, &card);
        let get = |f: &str| v.iter().find(|(k, _)| k == f).map(|(_, v)| v.as_str());
        assert_eq!(v.len(), 17);
        assert_eq!(get("signed"), Some("t"));
        assert_eq!(get("local.4"), Some("3"));
        assert_eq!(get("local.5"), Some(""), "district XI has four");
        assert_eq!(get("citywide.2"), Some("5"));
        assert_eq!(get("cast_date"), Some("2014-09-28"));
    }
}
