//! Card ids: the id a kiosk gives the card an entry enters, and which
//! point entered a card.

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;

/// Whether `card_id` is the id a kiosk of `point` gives the card its entry
/// `seq` enters: the point, a dash and the number, at least six digits.
pub(super) fn is_entry_card_id(card_id: &str, point: &str, seq: u64) -> bool {
    let Some(digits) = card_id
        .strip_prefix(point)
        .and_then(|rest| rest.strip_prefix('-'))
    else {
        return false;
    };
    digits.len() >= 6
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.len() == 6 || !digits.starts_with('0'))
        && digits.parse::<u64>() == Ok(seq)
}

/// The point whose kiosk entered the card, if the office holds it.
pub(crate) fn point_of_card(conn: &Connection, card_id: &str) -> Result<Option<String>> {
    if let Some((point, _)) = card_id.rsplit_once('-')
        && in_kiosk_cards(conn, point, card_id)?
    {
        return Ok(Some(point.to_string()));
    }
    earlier_point(conn, card_id)
}

/// Whether this point's kiosk entered the card: its id names the point and
/// the entry that entered it, and the office holds that entry; or an office
/// that imported with an earlier release kept it so in `card_ids`.
pub(super) fn entered_here(conn: &Connection, point: &str, card_id: &str) -> Result<bool> {
    Ok(in_kiosk_cards(conn, point, card_id)?
        || earlier_point(conn, card_id)?.as_deref() == Some(point))
}

/// Whether `kiosk_cards` holds the entry of `point` that entered the card
/// its id names.
fn in_kiosk_cards(conn: &Connection, point: &str, card_id: &str) -> Result<bool> {
    let Some(seq) = crate::tally::sample::card_number(point, card_id)
        .filter(|seq| is_entry_card_id(card_id, point, *seq))
    else {
        return Ok(false);
    };
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT 1 FROM kiosk_cards
             WHERE point = ?1 AND seq = ?2 AND card_id = ?3 AND kind = 'card_entered'",
        )?
        .query_row(params![point, seq as i64, card_id], |r| r.get(0))
        .optional()?;
    Ok(found.is_some())
}

/// The point `card_ids` gives the card (written by earlier releases only).
fn earlier_point(conn: &Connection, card_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT point FROM card_ids WHERE card_id = ?1")?
        .query_row([card_id], |r| r.get(0))
        .optional()?)
}
