//! Whether a journal is the one its kiosk sealed: its creation entry made by
//! the bundle's kiosk key, and the manifest's seal the journal key's.

use crate::bundle;
use crate::i18n::Lang;
use crate::store::journal::Entry;
use crate::tr;

use super::Rejection;

/// A journal that begins with its store's creation entry (every kiosk store
/// since schema 2) must be sealed: the creation entry signed by the very kiosk
/// key that signed the bundle, and the manifest's seal made by the journal
/// key that entry names, over exactly this journal's head. Someone who
/// rewrote the journal on the kiosk's disk without a PIN could recompute the
/// hashes but not this seal. (Journals without a creation entry, from
/// earlier releases and the simulator, are checked by their chain alone.)
pub(super) fn unsealed(words: impl Fn(Lang) -> String) -> Rejection {
    Rejection::Unsealed {
        en: words(Lang::En),
        pl: words(Lang::Pl),
        uk: words(Lang::Uk),
    }
}

/// What the journal's creation entry says, checked against the manifest:
/// made by the kiosk key that names this bundle or delta, for this point.
pub(super) fn genesis_for(
    m: &bundle::Manifest,
    first: &Entry,
) -> std::result::Result<crate::store::check::Genesis, Rejection> {
    let g = crate::store::check::genesis_of(first).map_err(|p| Rejection::Unsealed {
        en: p.en,
        uk: p.uk,
        pl: p.pl,
    })?;
    if g.kiosk_public_key != m.kiosk_public_key || g.point_id != m.point.id {
        return Err(unsealed(|lang| tr!(lang, "tally-seal-other-kiosk")));
    }
    Ok(g)
}

pub(super) fn check_sealed(
    m: &bundle::Manifest,
    created: Option<&Entry>,
) -> std::result::Result<(), Rejection> {
    use crate::store::keys;
    let Some(first) = created else {
        return Ok(());
    };
    let g = genesis_for(m, first)?;
    let text = keys::seal_text(&m.point.id, m.journal.entries, &m.journal.head_hash);
    match &m.journal.seal {
        Some(seal) if keys::seal_verify(&g.journal_public_key, text.as_bytes(), seal) => Ok(()),
        Some(_) => Err(unsealed(|lang| tr!(lang, "tally-seal-not-the-key"))),
        None => Err(unsealed(|lang| tr!(lang, "tally-seal-none"))),
    }
}
