//! The day's protocol: the counts a coordinator signs on paper, with the
//! bundle's file name and fingerprint, so the paper and the file can be
//! matched. Plain text (with a QR code of the fingerprint in block
//! characters) and a printable HTML page (the same QR as SVG).

use qrcode::render::{svg, unicode};
use qrcode::{EcLevel, QrCode};

use super::{ExportError, Exported, write_atomically};
use crate::i18n::{self, Lang, count};
use crate::store::stats::VerificationTotals;
use crate::store::{Status, Store, StoreError};
use crate::tr;

/// What the protocol says of one voting day.
#[derive(Debug, Clone, Default)]
pub struct DayFigures {
    pub status: Status,
    /// The first and last paper numbers of the day's cards.
    pub numbers: Option<(String, String)>,
    /// Verifications of the day's cards.
    pub verification: VerificationTotals,
}

impl DayFigures {
    pub fn of(store: &Store, day: chrono::NaiveDate) -> Result<DayFigures, StoreError> {
        Ok(DayFigures {
            status: store.status_of(Some(day))?,
            numbers: store.day_numbers(day)?,
            verification: store.verification_totals(Some(day))?,
        })
    }
}

/// The short form of a fingerprint people compare by eye.
pub fn short(fingerprint: &str) -> String {
    fingerprint
        .chars()
        .take(16)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The QR code of a fingerprint: its hex in capitals, which QR stores in
/// alphanumeric mode (version 3, 29×29 modules), small enough for 80×24.
fn qr(fingerprint: &str) -> Option<QrCode> {
    QrCode::with_error_correction_level(fingerprint.to_ascii_uppercase(), EcLevel::L).ok()
}

/// The fingerprint as a QR code in terminal block characters; `quiet` adds
/// the white border scanners like (on paper; a screen has its own margin).
pub fn qr_text(fingerprint: &str, quiet: bool) -> String {
    match qr(fingerprint) {
        Some(code) => code
            .render::<unicode::Dense1x2>()
            .dark_color(unicode::Dense1x2::Light)
            .light_color(unicode::Dense1x2::Dark)
            .quiet_zone(quiet)
            .build(),
        None => String::new(),
    }
}

fn qr_svg(fingerprint: &str) -> String {
    match qr(fingerprint) {
        Some(code) => code.render::<svg::Color>().min_dimensions(160, 160).build(),
        None => String::new(),
    }
}

/// The protocol's lines, in the user's language.
pub fn lines(lang: Lang, exported: &Exported, day: &DayFigures, operator: &str) -> Vec<String> {
    let status = &day.status;
    let m = &exported.manifest;
    let file = exported
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = vec![
        tr!(
            lang,
            "bundle-protocol-head",
            point = m.point.id.as_str(),
            name = m.point.name.as_str()
        ),
        tr!(lang, "bundle-protocol-day", day = m.day.to_string()),
        tr!(
            lang,
            "bundle-protocol-edition",
            edition = m.edition.as_str()
        ),
    ];
    if m.training {
        out.push(tr!(lang, "bundle-protocol-training"));
    }
    out.extend([
        tr!(
            lang,
            "bundle-protocol-bundle",
            file = file.as_str(),
            sequence = m.sequence.to_string()
        ),
        tr!(
            lang,
            "bundle-protocol-fingerprint",
            fingerprint = short(&exported.fingerprint)
        ),
        tr!(
            lang,
            "bundle-protocol-in-bundle",
            cards = count(lang, m.counts.cards, &i18n::CARD)
        ),
        String::new(),
        tr!(
            lang,
            "bundle-protocol-cards-of-day",
            day = m.day.to_string(),
            cards = count(lang, status.cards, &i18n::CARD)
        ),
    ]);
    let numbers = match &day.numbers {
        Some((first, last)) => tr!(
            lang,
            "bundle-protocol-numbers",
            first = first.as_str(),
            last = last.as_str()
        ),
        None => tr!(lang, "bundle-protocol-numbers-none"),
    };
    let num = |n: u64| n.to_string();
    out.extend(under(
        2,
        [
            numbers,
            tr!(lang, "bundle-protocol-valid", n = num(status.valid)),
            tr!(lang, "bundle-protocol-invalid", n = num(status.invalid)),
        ],
    ));
    for (code, n) in &status.invalid_by_reason {
        let words = i18n::reason_of_code(lang, code);
        out.push(format!("    {n:>5}  {words}"));
    }
    let v = &day.verification;
    let verified = tr!(
        lang,
        "bundle-protocol-verified",
        cards = num(v.cards_verified),
        fields = num(v.fields)
    );
    let errors = tr!(
        lang,
        "bundle-protocol-errors",
        keyer = num(v.keyer_errors),
        verifier = num(v.verifier_errors)
    );
    out.extend(under(
        2,
        [
            tr!(lang, "bundle-protocol-amended", n = num(status.amended)),
            tr!(lang, "bundle-protocol-voided", n = num(status.voided)),
            tr!(lang, "bundle-protocol-flagged", n = num(status.flagged)),
            verified,
        ],
    ));
    out.push(format!("    {errors}"));
    out.push(tr!(lang, "bundle-protocol-by-operator"));
    for (op, n) in &status.by_operator {
        out.push(format!("    {n:>5}  {op}"));
    }
    if !status.by_stop.is_empty() {
        out.push(tr!(lang, "bundle-protocol-by-stop"));
        for (stop, n) in &status.by_stop {
            out.push(format!("    {n:>5}  {stop}"));
        }
    }
    out.extend([
        String::new(),
        tr!(
            lang,
            "bundle-protocol-full-fingerprint",
            fingerprint = exported.fingerprint.as_str()
        ),
        tr!(
            lang,
            "bundle-protocol-journal",
            entries = count(lang, m.journal.entries, &i18n::ENTRY),
            head = m.journal.head_hash.as_str()
        ),
        tr!(
            lang,
            "bundle-protocol-made-by",
            operator = operator,
            created = m.created.as_str()
        ),
        String::new(),
        tr!(lang, "bundle-protocol-signature"),
    ]);
    out
}

/// `lines` set `pad` spaces in, under the line before them.
fn under<const N: usize>(pad: usize, lines: [String; N]) -> impl Iterator<Item = String> {
    lines.into_iter().map(move |l| format!("{:pad$}{l}", ""))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes `<bundle>.protocol.txt` and `<bundle>.protocol.html` beside the bundle.
pub fn write(
    lang: Lang,
    exported: &Exported,
    day: &DayFigures,
    operator: &str,
) -> Result<(std::path::PathBuf, std::path::PathBuf), ExportError> {
    let lines = lines(lang, exported, day, operator);
    let base = exported.path.with_extension("");
    let txt_path = base.with_extension("protocol.txt");
    let html_path = base.with_extension("protocol.html");
    let mut text = lines.join("\n");
    text.push_str("\n\n");
    text.push_str(&qr_text(&exported.fingerprint, true));
    text.push('\n');
    let body: String = lines
        .iter()
        .map(|l| {
            if l.is_empty() {
                "<br>".to_string()
            } else {
                format!("<div>{}</div>", escape(l))
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let html = format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>body{{font-family:monospace;white-space:pre;margin:2em}}@media print{{body{{margin:0}}}}</style></head>\n<body>\n{body}\n<div>{}</div>\n</body></html>\n",
        lang.code(),
        escape(&lines[0]),
        qr_svg(&exported.fingerprint)
    );
    write_atomically(&txt_path, text.as_bytes())?;
    write_atomically(&html_path, html.as_bytes())?;
    Ok((txt_path, html_path))
}
