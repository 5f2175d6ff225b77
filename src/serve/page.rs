//! The status page (`GET /`): who has reported and when, for the office's
//! screen. Point ids, names, times, counts and hashes only: nothing a voter
//! wrote reaches it.

use crate::i18n::Lang;
use crate::tally::html::esc;
use crate::tally::store::PointSync;
use crate::tr;

/// The first 16 hex digits of a head hash: enough to compare with a kiosk.
fn fingerprint(head: Option<&str>) -> String {
    head.map(|h| h.chars().take(16).collect())
        .unwrap_or_else(|| "—".into())
}

/// The page, whole, in `lang`.
pub fn html(lang: Lang, edition: &str, roll: &[PointSync], refused_elsewhere: u64) -> String {
    let title = tr!(lang, "cli-page-title");
    let not_yet = tr!(lang, "cli-page-not-yet");
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
        lang.code(),
        tr!(lang, "cli-page-edition"),
        esc(edition)
    ));
    o.push_str(&format!(
        "<p id=\"reported\">{}</p>\n",
        tr!(
            lang,
            "cli-page-reported",
            reported = reported,
            points = roll.len()
        )
    ));
    o.push_str(&format!(
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        tr!(lang, "cli-page-point"),
        tr!(lang, "cli-page-name"),
        tr!(lang, "cli-page-last-sync"),
        tr!(lang, "cli-page-cards"),
        tr!(lang, "cli-page-entries"),
        tr!(lang, "cli-page-head"),
        tr!(lang, "cli-page-refused"),
    ));
    for p in roll {
        o.push_str(&format!(
            "<tr id=\"point-{id}\"><td>{id}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td><code>{}</code></td><td class=\"n\">{}</td></tr>\n",
            esc(p.name.as_deref().unwrap_or("—")),
            esc(p.last_sync.as_deref().unwrap_or(&not_yet)),
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
        tr!(lang, "cli-page-refused-elsewhere"),
    ));
    o.push_str(&format!(
        "<p>{}</p>\n</body>\n</html>\n",
        tr!(lang, "cli-page-as-of")
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
