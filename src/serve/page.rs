//! The status page (`GET /`): who has reported and when, for the office's
//! screen. Point ids, names, times, counts and hashes only: nothing a voter
//! wrote reaches it.

use crate::i18n::{Lang, t};
use crate::tally::html::esc;
use crate::tally::store::PointSync;

/// The first 16 hex digits of a head hash: enough to compare with a kiosk.
fn fingerprint(head: Option<&str>) -> String {
    head.map(|h| h.chars().take(16).collect())
        .unwrap_or_else(|| "—".into())
}

/// The page, whole, in `lang`.
pub fn html(lang: Lang, edition: &str, roll: &[PointSync], refused_elsewhere: u64) -> String {
    let title = t(
        lang,
        "urna — synchronizacja biura",
        "urna — the office's sync",
    );
    let reported = roll.iter().filter(|p| p.last_sync.is_some()).count();
    let mut o = String::new();
    o.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n\
         body {{ font-family: sans-serif; margin: 1.5rem; }}\n\
         table {{ border-collapse: collapse; }}\n\
         th, td {{ border: 1px solid #888; padding: .3rem .6rem; text-align: left; }}\n\
         td.n {{ text-align: right; }}\n code {{ font-size: .95em; }}\n\
         </style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>{}: {}</p>\n",
        match lang {
            Lang::Pl | Lang::Uk => "pl",
            Lang::En => "en",
        },
        t(lang, "edycja", "edition"),
        esc(edition)
    ));
    o.push_str(&format!(
        "<p id=\"reported\">{}: {reported} {} {}</p>\n",
        t(
            lang,
            "Punkty, które przysłały dane",
            "Points that have reported"
        ),
        t(lang, "z", "of"),
        roll.len()
    ));
    o.push_str(&format!(
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        t(lang, "punkt", "point"),
        t(lang, "nazwa", "name"),
        t(lang, "ostatnia synchronizacja", "last sync"),
        t(lang, "karty", "cards"),
        t(lang, "wpisy dziennika", "journal entries"),
        t(lang, "odcisk ostatniego wpisu", "head fingerprint"),
        t(lang, "odrzucone próby", "refused attempts"),
    ));
    for p in roll {
        o.push_str(&format!(
            "<tr id=\"point-{id}\"><td>{id}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td><code>{}</code></td><td class=\"n\">{}</td></tr>\n",
            esc(p.name.as_deref().unwrap_or("—")),
            esc(p
                .last_sync
                .as_deref()
                .unwrap_or(t(lang, "jeszcze nie", "not yet"))),
            p.cards,
            p.entries,
            esc(&fingerprint(p.head.as_deref())),
            p.refused,
            id = esc(&p.point),
        ));
    }
    o.push_str("</tbody>\n</table>\n");
    o.push_str(&format!(
        "<p id=\"elsewhere\">{}: {refused_elsewhere}</p>\n",
        t(
            lang,
            "Odrzucone próby spoza zaufanych punktów (nieznane kioski, nieczytelne przesyłki)",
            "Refused attempts from no trusted point (unknown kiosks, unreadable uploads)"
        ),
    ));
    o.push_str(&format!(
        "<p>{}</p>\n</body>\n</html>\n",
        t(
            lang,
            "Stan w chwili wczytania strony: odśwież, aby zobaczyć nowsze.",
            "As of loading the page: reload to see later syncs."
        )
    ));
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_missing_values_shown_as_such() {
        let roll = [PointSync {
            point: "P1".into(),
            name: Some("<b>Rynek</b>".into()),
            last_sync: None,
            cards: 0,
            entries: 0,
            head: None,
            refused: 2,
        }];
        let page = html(Lang::Pl, "BO", &roll, 3);
        assert!(page.contains("&lt;b&gt;Rynek&lt;/b&gt;"), "{page}");
        assert!(!page.contains("<b>Rynek"), "{page}");
        assert!(page.contains("jeszcze nie"), "{page}");
        assert!(
            page.contains("Punkty, które przysłały dane: 0 z 1"),
            "{page}"
        );
        assert!(page.contains("nieczytelne przesyłki): 3"), "{page}");
    }
}
