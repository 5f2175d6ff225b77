//! What `urna verify` and the office's import say about a file, in Polish
//! and English. A refusal or an import's outcome is a code and its
//! arguments ([`Said`]); the import log stores both, so `tally import` and
//! `tally audit` put the same sentence in whichever language is asked for.

use crate::i18n::Lang;
use crate::tr;

/// A sentence not yet put in a language: a code and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub code: &'static str,
    pub args: Vec<String>,
}

impl Said {
    pub fn new(code: &'static str, args: Vec<String>) -> Said {
        Said { code, args }
    }

    pub fn render(&self, lang: Lang) -> String {
        render(lang, self.code, &self.args)
    }
}

/// A code that stands for some words inside a sentence's arguments.
#[derive(Clone, Copy)]
enum Part {
    /// What a member or file type code means.
    Kind,
    /// A header field's name.
    Field,
    /// What a broken journal line is.
    Broken,
    /// What went wrong reading a manifest's JSON.
    Manifest,
}

/// The words of `code` as a `part` of a sentence: one table of every
/// code, then each part's words for a code this urna does not know.
fn part(lang: Lang, part: Part, code: &str) -> String {
    use Part::*;
    match (part, code) {
        (Kind, "old_regular") => tr!(lang, "bundle-kind-old-regular"),
        (Kind, "hardlink") => tr!(lang, "bundle-kind-hardlink"),
        (Kind, "symlink") => tr!(lang, "bundle-kind-symlink"),
        (Kind, "char_device") => tr!(lang, "bundle-kind-char-device"),
        (Kind, "block_device") => tr!(lang, "bundle-kind-block-device"),
        (Kind, "directory") => tr!(lang, "bundle-kind-directory"),
        (Kind, "fifo") => tr!(lang, "bundle-kind-fifo"),
        (Kind, "socket") => tr!(lang, "bundle-kind-socket"),
        (Kind, "contiguous") => tr!(lang, "bundle-kind-contiguous"),
        (Kind, "gnu_sparse") => tr!(lang, "bundle-kind-gnu-sparse"),
        (Kind, "pax_header") => tr!(lang, "bundle-kind-pax-header"),
        (Kind, "pax_global") => tr!(lang, "bundle-kind-pax-global"),
        (Kind, "gnu_longname") => tr!(lang, "bundle-kind-gnu-longname"),
        (Kind, "gnu_longlink") => tr!(lang, "bundle-kind-gnu-longlink"),
        (Kind, "gnu_dumpdir") => tr!(lang, "bundle-kind-gnu-dumpdir"),
        (Kind, "gnu_multivolume") => tr!(lang, "bundle-kind-gnu-multivolume"),
        (Kind, "gnu_volume") => tr!(lang, "bundle-kind-gnu-volume"),
        (Field, "name") => tr!(lang, "bundle-field-name"),
        (Field, "linkname") => tr!(lang, "bundle-field-linkname"),
        (Field, "prefix") => tr!(lang, "bundle-field-prefix"),
        (Broken, "unreadable") => tr!(lang, "bundle-broken-unreadable"),
        (Broken, "out_of_order") => tr!(lang, "bundle-broken-out-of-order"),
        (Broken, "not_canonical") => tr!(lang, "bundle-broken-not-canonical"),
        (Broken, "field_too_long") => tr!(lang, "bundle-broken-field-too-long"),
        (Broken, "control_character") => tr!(lang, "bundle-broken-control-character"),
        (Broken, "too_long") => tr!(lang, "bundle-broken-too-long"),
        (Manifest, "syntax") => tr!(lang, "bundle-manifest-syntax"),
        (Manifest, "eof") => tr!(lang, "bundle-manifest-eof"),
        (Manifest, "data") => tr!(lang, "bundle-manifest-data"),
        // A code this urna does not know.
        (Kind, _) => tr!(lang, "bundle-kind-unknown"),
        (Field, _) => tr!(lang, "bundle-field-size"),
        (Broken, _) => tr!(lang, "bundle-broken-head"),
        (Manifest, _) => tr!(lang, "bundle-manifest-io"),
    }
}

/// Where a file ended too soon.
fn cut(lang: Lang, args: &[String]) -> String {
    let a = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    match a(0) {
        "empty" => tr!(lang, "bundle-cut-empty"),
        "end_blocks" => tr!(lang, "bundle-cut-end-blocks"),
        "block" => tr!(lang, "bundle-cut-block", at = a(1)),
        "before" => tr!(lang, "bundle-cut-before", at = a(1), what = a(2)),
        "padding" => tr!(lang, "bundle-cut-padding", at = a(1)),
        _ => tr!(lang, "bundle-cut-inside", at = a(1), what = a(2)),
    }
}

/// "1 bajt", "64 bajty", "100 bajtów" (an argument that is not a number
/// as it is, with the many-form).
fn bytes(lang: Lang, n: &str) -> String {
    match n.parse::<u64>() {
        Ok(n) => crate::i18n::count(lang, n, &crate::i18n::BYTE),
        Err(_) => tr!(lang, "bundle-bytes-text", n = n),
    }
}

/// The sentence for `code` with `args`, in `lang`. An unknown code (from a
/// newer urna) shows its arguments as they are.
pub fn render(lang: Lang, code: &str, args: &[String]) -> String {
    let a = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let foreign = |i: usize| crate::foreign::words(lang, a(i));
    match code {
        "unreadable" => tr!(lang, "bundle-said-unreadable", error = foreign(0)),
        "tar" => tr!(lang, "bundle-said-tar", place = cut(lang, args)),
        "header_checksum" => tr!(lang, "bundle-said-header-checksum", at = a(0)),
        "member_type" => tr!(
            lang,
            "bundle-said-member-type",
            at = a(2),
            name = a(0),
            kind = part(lang, Part::Kind, a(1))
        ),
        "not_ustar" => tr!(lang, "bundle-said-not-ustar", at = a(0)),
        "header_field" => tr!(
            lang,
            "bundle-said-header-field",
            at = a(0),
            field = part(lang, Part::Field, a(1))
        ),
        "too_large" => tr!(
            lang,
            "bundle-said-too-large",
            member = a(0),
            size = bytes(lang, a(1)),
            limit = bytes(lang, a(2))
        ),
        "input_too_large" => tr!(
            lang,
            "bundle-said-input-too-large",
            size = bytes(lang, a(0)),
            limit = bytes(lang, a(1))
        ),
        "body_too_large" => tr!(
            lang,
            "bundle-said-body-too-large",
            limit = bytes(lang, a(1))
        ),
        "file_too_large" => tr!(
            lang,
            "bundle-said-file-too-large",
            size = bytes(lang, a(0)),
            limit = bytes(lang, a(1))
        ),
        "missing" => tr!(lang, "bundle-said-missing", member = a(0)),
        "unexpected" => tr!(lang, "bundle-said-unexpected", member = a(0)),
        "duplicate" => tr!(lang, "bundle-said-duplicate", member = a(0)),
        "order" => tr!(lang, "bundle-said-order", member = a(0), expected = a(1)),
        "extra_member" => tr!(lang, "bundle-said-extra-member", at = a(0)),
        "trailing_data" => tr!(lang, "bundle-said-trailing-data", at = a(0)),
        "padding" => tr!(lang, "bundle-said-padding", at = a(0)),
        // Rows logged before the kind/line/column form kept one text.
        "manifest" if args.len() < 3 => tr!(lang, "bundle-said-manifest-old", error = a(0)),
        "manifest" => tr!(
            lang,
            "bundle-said-manifest",
            error = part(lang, Part::Manifest, a(0)),
            line = a(1),
            column = a(2)
        ),
        "delta_start" => tr!(lang, "bundle-said-delta-start", field = a(0)),
        "format" => tr!(
            lang,
            "bundle-said-format",
            found = a(0),
            format = super::FORMAT
        ),
        "signature_unreadable" => {
            tr!(lang, "bundle-said-signature-unreadable", error = foreign(0))
        }
        "wrong_key" => tr!(lang, "bundle-said-wrong-key", found = a(0), named = a(1)),
        "key_mismatch" => tr!(lang, "bundle-said-key-mismatch", key = a(0)),
        "not_expected_key" => tr!(
            lang,
            "bundle-said-not-expected-key",
            found = a(0),
            expected = a(1)
        ),
        "bad_signature" => tr!(lang, "bundle-said-bad-signature"),
        "trusted_comment" => tr!(lang, "bundle-said-trusted-comment"),
        "payload_hash" => tr!(
            lang,
            "bundle-said-payload-hash",
            found = a(1),
            expected = a(0)
        ),
        "file_name" => tr!(lang, "bundle-said-file-name", found = a(1), expected = a(0)),
        "not_a_file" => tr!(
            lang,
            "bundle-said-not-a-file",
            kind = part(lang, Part::Kind, a(0))
        ),
        "symlink" => tr!(lang, "bundle-said-symlink", target = a(0)),
        "changed_while_opened" => tr!(lang, "bundle-said-changed-while-opened"),
        // The office's own checks, after the bundle's.
        "unknown_kiosk" => tr!(lang, "bundle-said-unknown-kiosk", point = a(0), key = a(1)),
        "not_trusted_key" => tr!(
            lang,
            "bundle-said-not-trusted-key",
            found = a(2),
            point = a(0),
            trusted = a(1)
        ),
        "other_edition" => tr!(
            lang,
            "bundle-said-other-edition",
            found = a(1),
            expected = a(0)
        ),
        "training" => tr!(lang, "bundle-said-training"),
        "undecryptable" => tr!(lang, "bundle-said-undecryptable", error = foreign(0)),
        "broken_chain" => tr!(
            lang,
            "bundle-said-broken-chain",
            seq = a(0),
            what = part(lang, Part::Broken, a(1))
        ),
        "fork" => tr!(
            lang,
            "bundle-said-fork",
            point = a(0),
            seq = a(1),
            ours = a(2),
            theirs = a(3)
        ),
        "gap" => tr!(
            lang,
            "bundle-said-gap",
            point = a(0),
            entries = crate::i18n::count(lang, a(1).parse().unwrap_or(0), &crate::i18n::ENTRY),
            from = a(2)
        ),
        "record_changed" => tr!(lang, "bundle-said-record-changed", id = a(0)),
        "not_its_card" => tr!(
            lang,
            "bundle-said-not-its-card",
            seq = a(0),
            id = a(1),
            point = a(2)
        ),
        "wrong_card_id" => tr!(
            lang,
            "bundle-said-wrong-card-id",
            seq = a(0),
            id = a(1),
            expected = a(2)
        ),
        "investigation" => tr!(lang, "bundle-said-investigation"),
        // The reason was made in English and Polish (first and second).
        "unsealed" => tr!(lang, "bundle-said-unsealed", why = stored(lang, args)),
        "internal" => tr!(lang, "bundle-said-internal"),
        // Outcomes.
        "accepted" => tr!(lang, "bundle-said-accepted", count = a(0)),
        "unchanged" => tr!(lang, "bundle-said-unchanged"),
        "online_accepted" => tr!(lang, "bundle-said-online-accepted", count = a(0)),
        "online_unchanged" => tr!(lang, "bundle-said-online-unchanged"),
        // An internet file's refusal, made (and masked) by tally::online in
        // every language: English first, Polish second, Ukrainian third.
        // Rows logged before it had them all keep what they have.
        "online" => stored(lang, args),
        // Text made elsewhere, shown as it is.
        _ => args.join("; "),
    }
}

/// A text stored in several languages (English, Polish, then Ukrainian):
/// the one of `lang`, else Polish, else the first.
fn stored(lang: Lang, args: &[String]) -> String {
    let at = match lang {
        Lang::En => 0,
        Lang::Pl => 1,
        Lang::Uk => 2,
    };
    args.get(at)
        .or_else(|| args.get(1))
        .or_else(|| args.first())
        .cloned()
        .unwrap_or_default()
}

/// Every code [`render`] has words for.
pub const CODES: &[&str] = &[
    "unreadable",
    "tar",
    "header_checksum",
    "member_type",
    "not_ustar",
    "header_field",
    "too_large",
    "file_too_large",
    "body_too_large",
    "input_too_large",
    "missing",
    "unexpected",
    "duplicate",
    "order",
    "extra_member",
    "trailing_data",
    "padding",
    "manifest",
    "format",
    "delta_start",
    "signature_unreadable",
    "wrong_key",
    "key_mismatch",
    "not_expected_key",
    "bad_signature",
    "trusted_comment",
    "payload_hash",
    "file_name",
    "not_a_file",
    "symlink",
    "changed_while_opened",
    "unknown_kiosk",
    "not_trusted_key",
    "other_edition",
    "training",
    "undecryptable",
    "broken_chain",
    "fork",
    "gap",
    "record_changed",
    "not_its_card",
    "wrong_card_id",
    "internal",
    "investigation",
    "unsealed",
    "accepted",
    "unchanged",
    "online_accepted",
    "online_unchanged",
];

/// Whether `code` is one this urna has words for.
pub fn known(code: &str) -> bool {
    CODES.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code the reader and the office use.

    #[test]
    fn sizes_take_the_polish_plural_of_their_number() {
        let said = |size: &str, limit: &str| {
            render(Lang::Pl, "input_too_large", &[size.into(), limit.into()])
        };
        assert_eq!(
            said("1", "67108864"),
            "plik ma 1 bajt; najwyżej 67108864 bajty"
        );
        assert_eq!(
            said("12", "1000"),
            "plik ma 12 bajtów; najwyżej 1000 bajtów"
        );
        assert_eq!(said("23", "22"), "plik ma 23 bajty; najwyżej 22 bajty");
    }

    #[test]
    fn every_code_has_its_own_words_in_both_languages() {
        let args: Vec<String> = ["A1", "B2", "C3", "D4"].map(String::from).into();
        let mut seen = std::collections::HashSet::new();
        for code in CODES {
            let pl = render(Lang::Pl, code, &args);
            let en = render(Lang::En, code, &args);
            let uk = render(Lang::Uk, code, &args);
            assert_ne!(pl, en, "{code}");
            assert_ne!(uk, pl, "{code}");
            assert_ne!(en, args.join("; "), "{code} falls through to the default");
            assert!(seen.insert(en.clone()), "{code}: {en}");
        }
        for k in [
            "old_regular",
            "hardlink",
            "symlink",
            "char_device",
            "block_device",
            "directory",
            "fifo",
            "socket",
            "contiguous",
            "gnu_sparse",
            "pax_header",
            "pax_global",
            "gnu_longname",
            "gnu_longlink",
            "gnu_dumpdir",
            "gnu_multivolume",
            "gnu_volume",
        ] {
            let kind = |lang, k| part(lang, Part::Kind, k);
            assert_ne!(kind(Lang::En, k), kind(Lang::En, "?"), "{k}");
            assert_ne!(kind(Lang::Pl, k), kind(Lang::En, k), "{k}");
        }
    }
}
