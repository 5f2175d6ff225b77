//! What `urna verify` and the office's import say about a file, in Polish
//! and English. A refusal or an import's outcome is a code and its
//! arguments ([`Said`]); the import log stores both, so `tally import` and
//! `tally audit` put the same sentence in whichever language is asked for.

use crate::i18n::Lang;

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

/// What a member or file type code means.
fn kind(lang: Lang, code: &str) -> &'static str {
    let (pl, en) = match code {
        "old_regular" => (
            "plik w starym (sprzed POSIX) formacie",
            "an old-style (pre-POSIX) file",
        ),
        "hardlink" => ("dowiązanie twarde", "a hard link"),
        "symlink" => ("dowiązanie symboliczne", "a symbolic link"),
        "char_device" => ("urządzenie znakowe", "a character device"),
        "block_device" => ("urządzenie blokowe", "a block device"),
        "directory" => ("katalog", "a directory"),
        "fifo" => ("potok nazwany (FIFO)", "a FIFO (named pipe)"),
        "socket" => ("gniazdo", "a socket"),
        "contiguous" => ("plik ciągły", "a contiguous file"),
        "gnu_sparse" => ("plik rzadki GNU (sparse)", "a GNU sparse file"),
        "pax_header" => ("rozszerzony nagłówek PAX", "a PAX extended header"),
        "pax_global" => ("globalny nagłówek PAX", "a PAX global header"),
        "gnu_longname" => ("nagłówek długiej nazwy GNU", "a GNU long-name header"),
        "gnu_longlink" => ("nagłówek długiego dowiązania GNU", "a GNU long-link header"),
        "gnu_dumpdir" => ("zrzut katalogu GNU", "a GNU directory dump"),
        "gnu_multivolume" => (
            "część archiwum wielotomowego GNU",
            "a GNU multi-volume part",
        ),
        "gnu_volume" => ("etykieta tomu GNU", "a GNU volume label"),
        _ => ("coś nieznanego typu", "something of an unknown type"),
    };
    crate::i18n::t(lang, pl, en)
}

/// A header field's name.
fn field(lang: Lang, code: &str) -> &'static str {
    let (pl, en) = match code {
        "name" => ("nazwa", "name"),
        "linkname" => ("nazwa dowiązania", "link name"),
        "prefix" => ("przedrostek nazwy", "name prefix"),
        _ => ("rozmiar", "size"),
    };
    crate::i18n::t(lang, pl, en)
}

/// Where a file ended too soon.
fn cut(lang: Lang, args: &[String]) -> String {
    let a = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let pl = lang == Lang::Pl;
    match a(0) {
        "empty" if pl => "plik jest pusty".into(),
        "empty" => "the file is empty".into(),
        "end_blocks" if pl => "brak bloków końca archiwum".into(),
        "end_blocks" => "the end-of-archive blocks are missing".into(),
        "block" if pl => format!("plik kończy się na bajcie {}, w środku bloku", a(1)),
        "block" => format!("the file ends at byte {}, inside a 512-byte block", a(1)),
        "before" if pl => format!(
            "plik kończy się na bajcie {}, tam gdzie powinien zaczynać się {}",
            a(1),
            a(2)
        ),
        "before" => format!(
            "the file ends at byte {}, where {} should begin",
            a(1),
            a(2)
        ),
        "padding" if pl => format!("plik kończy się na bajcie {}, w dopełnieniu", a(1)),
        "padding" => format!("the file ends at byte {}, inside a member's padding", a(1)),
        _ if pl => format!("plik kończy się na bajcie {}, w środku {}", a(1), a(2)),
        _ => format!("the file ends at byte {}, inside {}", a(1), a(2)),
    }
}

/// What a broken journal line is.
fn broken(lang: Lang, what: &str) -> String {
    let (pl, en) = match what {
        "unreadable" => ("nieczytelny wpis", "unreadable entry"),
        "out_of_order" => ("zła kolejność", "out of order"),
        "not_canonical" => ("wpis nie w postaci kanonicznej", "not in canonical form"),
        "field_too_long" => (
            "karta z polem dłuższym niż pozwalają limity pól (README: Field limits)",
            "a card with a field longer than the field limits allow (README: Field limits)",
        ),
        "control_character" => (
            "karta ze znakiem sterującym w polu, którego kiosk nie pozwala wpisać (README: Field limits)",
            "a card with a control character in a field, which a kiosk does not let be typed (README: Field limits)",
        ),
        "too_long" => (
            "wiersz dłuższy niż dopuszczalny (docs/bundle-format.md)",
            "a line longer than a journal entry can be (docs/bundle-format.md)",
        ),
        _ => (
            "wpisy nie kończą się na skrócie z manifestu",
            "the entries do not end at the manifest's head hash",
        ),
    };
    crate::i18n::t(lang, pl, en).to_string()
}

/// "1 bajt", "64 bajty", "100 bajtów" (an argument that is not a number
/// as it is, with the many-form).
fn bytes(lang: Lang, n: &str) -> String {
    match n.parse::<u64>() {
        Ok(n) => crate::i18n::count(lang, n, &crate::i18n::BYTE),
        Err(_) => format!("{n} {}", crate::i18n::t(lang, "bajtów", "bytes")),
    }
}

/// The sentence for `code` with `args`, in `lang`. An unknown code (from a
/// newer urna) shows its arguments as they are.
pub fn render(lang: Lang, code: &str, args: &[String]) -> String {
    let a = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let pl = lang == Lang::Pl;
    match code {
        "unreadable" if pl => format!(
            "nie można odczytać pliku: {}",
            crate::foreign::words(lang, a(0))
        ),
        "unreadable" => format!(
            "cannot read the file: {}",
            crate::foreign::words(lang, a(0))
        ),
        "tar" if pl => format!(
            "niepełne archiwum tar (ucięte lub uszkodzone): {}",
            cut(lang, args)
        ),
        "tar" => format!(
            "not a complete tar archive (truncated or damaged): {}",
            cut(lang, args)
        ),
        "header_checksum" if pl => format!(
            "nagłówek tar na bajcie {} ma złą sumę kontrolną (uszkodzony lub zmieniony)",
            a(0)
        ),
        "header_checksum" => format!(
            "the tar header at byte {} has a wrong checksum (damaged or altered)",
            a(0)
        ),
        "member_type" if pl => format!(
            "nagłówek tar na bajcie {} („{}”) to {}; paczka to trzy zwykłe pliki, bez rozszerzeń tar",
            a(2),
            a(0),
            kind(lang, a(1))
        ),
        "member_type" => format!(
            "the tar header at byte {} (\"{}\") is {}; a bundle is three regular files, no tar extensions",
            a(2),
            a(0),
            kind(lang, a(1))
        ),
        "not_ustar" if pl => format!(
            "nagłówek tar na bajcie {} nie jest w formacie POSIX ustar (format GNU lub stary)",
            a(0)
        ),
        "not_ustar" => format!(
            "the tar header at byte {} is not POSIX ustar (a GNU or old tar format)",
            a(0)
        ),
        "header_field" if pl => format!(
            "nagłówek tar na bajcie {}: pole „{}” nie jest takie, jakie zapisuje kiosk",
            a(0),
            field(lang, a(1))
        ),
        "header_field" => format!(
            "the tar header at byte {}: its {} field is not as a kiosk writes it",
            a(0),
            field(lang, a(1))
        ),
        "too_large" if pl => format!(
            "{} deklaruje {}; w paczce ma najwyżej {}",
            a(0),
            bytes(lang, a(1)),
            bytes(lang, a(2))
        ),
        "too_large" => format!(
            "{} declares {} bytes; a bundle's {} is at most {} bytes",
            a(0),
            a(1),
            a(0),
            a(2)
        ),
        "input_too_large" if pl => format!(
            "plik ma {}; najwyżej {}",
            bytes(lang, a(0)),
            bytes(lang, a(1))
        ),
        "input_too_large" => format!(
            "the file is {} bytes; at most {} bytes are read",
            a(0),
            a(1)
        ),
        "body_too_large" if pl => format!(
            "przesyłka jest większa, niż przyjmuje serwer (najwyżej {})",
            bytes(lang, a(1))
        ),
        "body_too_large" => format!(
            "the upload is larger than the server takes (at most {})",
            bytes(lang, a(1))
        ),
        "file_too_large" if pl => format!(
            "plik ma {}; paczka ma najwyżej {}",
            bytes(lang, a(0)),
            bytes(lang, a(1))
        ),
        "file_too_large" => format!(
            "the file is {} bytes; a bundle is at most {} bytes",
            a(0),
            a(1)
        ),
        "missing" if pl => format!("w paczce brak {}", a(0)),
        "missing" => format!("the bundle has no {}", a(0)),
        "unexpected" if pl => format!("paczka zawiera nieoczekiwany plik „{}”", a(0)),
        "unexpected" => format!("the bundle holds an unexpected file \"{}\"", a(0)),
        "duplicate" if pl => format!("paczka zawiera „{}” więcej niż raz", a(0)),
        "duplicate" => format!("the bundle holds \"{}\" more than once", a(0)),
        "order" if pl => format!(
            "„{}” w miejscu „{}”: pliki paczki mają stałą kolejność",
            a(0),
            a(1)
        ),
        "order" => format!(
            "\"{}\" where \"{}\" should be: a bundle's members come in a fixed order",
            a(0),
            a(1)
        ),
        "extra_member" if pl => format!(
            "dalsze dane na bajcie {} po journal.jsonl.age: paczka ma dokładnie trzy pliki",
            a(0)
        ),
        "extra_member" => format!(
            "more at byte {} after journal.jsonl.age: a bundle has exactly three members",
            a(0)
        ),
        "trailing_data" if pl => format!("dane za końcem archiwum (bajt {})", a(0)),
        "trailing_data" => format!("data after the end of the archive (byte {})", a(0)),
        "padding" if pl => format!("niezerowy bajt w dopełnieniu (bajt {})", a(0)),
        "padding" => format!("a non-zero byte in the padding (byte {})", a(0)),
        // Rows logged before the kind/line/column form kept one text.
        "manifest" if args.len() < 3 && pl => {
            format!("manifest.json nie jest czytelnym manifestem: {}", a(0))
        }
        "manifest" if args.len() < 3 => format!("manifest.json is not a readable manifest: {}", a(0)),
        "manifest" if pl => format!(
            "manifest.json nie jest czytelnym manifestem: {} w linii {}, kolumnie {}",
            match a(0) {
                "syntax" => "błąd składni JSON",
                "eof" => "JSON urwany",
                "data" => "pole złego typu, brakujące lub nieznane",
                _ => "błąd odczytu",
            },
            a(1),
            a(2)
        ),
        "manifest" => format!(
            "manifest.json is not a readable manifest: {} at line {}, column {}",
            match a(0) {
                "syntax" => "JSON syntax error",
                "eof" => "JSON cut short",
                "data" => "a field of the wrong type, missing or unknown",
                _ => "read error",
            },
            a(1),
            a(2)
        ),
        "delta_start" if pl => format!(
            "manifest przyrostu nie mówi, od którego wpisu się zaczyna: pole {} (journal.from to liczba wpisów przed przyrostem, najwyżej journal.entries; journal.from_hash to 64 cyfry szesnastkowe)",
            a(0)
        ),
        "delta_start" => format!(
            "the delta's manifest does not say which entry it starts after: field {} (journal.from is the count of entries before it, at most journal.entries; journal.from_hash is 64 hex digits)",
            a(0)
        ),
        "format" if pl => format!(
            "ta paczka ma format „{}”; ta wersja urna czyta {}",
            a(0),
            super::FORMAT
        ),
        "format" => format!(
            "this bundle is format \"{}\"; this urna reads {}",
            a(0),
            super::FORMAT
        ),
        "signature_unreadable" if pl => format!(
            "manifest.json.minisig nie jest podpisem minisign: {}",
            crate::foreign::words(lang, a(0))
        ),
        "signature_unreadable" => format!(
            "manifest.json.minisig is not a minisign signature: {}",
            crate::foreign::words(lang, a(0))
        ),
        "wrong_key" if pl => format!(
            "podpisana kluczem {}, a manifest wskazuje klucz {}",
            a(0),
            a(1)
        ),
        "wrong_key" => format!(
            "signed by key {}, but the manifest names key {}",
            a(0),
            a(1)
        ),
        "key_mismatch" if pl => format!(
            "klucz publiczny w manifeście ({}) nie jest kluczem, który manifest wskazuje, albo nie jest kluczem",
            a(0)
        ),
        "key_mismatch" => format!(
            "the manifest's public key {} is not the key it names or is not a key",
            a(0)
        ),
        "not_expected_key" if pl => format!(
            "podpisana kluczem {}, a nie oczekiwanym kluczem kiosku {}",
            a(0),
            a(1)
        ),
        "not_expected_key" => format!(
            "signed by key {}, not by the expected kiosk key {}",
            a(0),
            a(1)
        ),
        "bad_signature" if pl => {
            "podpis nie pasuje do manifest.json (zmieniono manifest lub podpis)".into()
        }
        "bad_signature" => {
            "the signature does not match manifest.json (the manifest or the signature was changed)"
                .into()
        }
        "trusted_comment" if pl => {
            "zaufany komentarz podpisu nie wskazuje tego manifestu i punktu".into()
        }
        "trusted_comment" => {
            "the signature's trusted comment does not name this manifest and point".into()
        }
        "payload_hash" if pl => format!(
            "journal.jsonl.age ma SHA-256 {}, a manifest podaje {} (zmieniono zawartość)",
            a(1),
            a(0)
        ),
        "payload_hash" => format!(
            "journal.jsonl.age has SHA-256 {}, the manifest says {} (the payload was changed)",
            a(1),
            a(0)
        ),
        "file_name" if pl => format!(
            "plik nazywa się „{}”, a manifest podaje „{}” (zmieniono nazwę)",
            a(1),
            a(0)
        ),
        "file_name" => format!(
            "the file is named \"{}\", but its manifest says \"{}\" (renamed)",
            a(1),
            a(0)
        ),
        "not_a_file" if pl => format!(
            "to nie zwykły plik, lecz {}; nie został otwarty",
            kind(lang, a(0))
        ),
        "not_a_file" => format!(
            "not a regular file but {}; it was not opened",
            kind(lang, a(0))
        ),
        "symlink" if pl => format!(
            "dowiązanie symboliczne (do {}); dowiązań się nie śledzi — skopiuj sam plik",
            a(0)
        ),
        "symlink" => format!(
            "a symbolic link (to {}); links are not followed — copy the file itself",
            a(0)
        ),
        "changed_while_opened" if pl => "plik zmienił się w trakcie otwierania".into(),
        "changed_while_opened" => "the file changed while it was being opened".into(),
        // The office's own checks, after the bundle's.
        "unknown_kiosk" if pl => format!(
            "nieznany kiosk: punkt {} (klucz {}) nie jest zaufany; najpierw `urna tally trust` z jego kluczem",
            a(0),
            a(1)
        ),
        "unknown_kiosk" => format!(
            "unknown kiosk: point {} (key {}) is not trusted; `urna tally trust` its key first",
            a(0),
            a(1)
        ),
        "not_trusted_key" if pl => format!(
            "podpisana kluczem {}, a punkt {} jest zaufany z kluczem {}",
            a(2),
            a(0),
            a(1)
        ),
        "not_trusted_key" => format!(
            "signed by key {}, but point {} is trusted with key {}",
            a(2),
            a(0),
            a(1)
        ),
        "other_edition" if pl => format!(
            "paczka edycji {}; to biuro liczy edycję {}",
            a(1),
            a(0)
        ),
        "other_edition" => format!(
            "a bundle of edition {}; this tally counts {}",
            a(1),
            a(0)
        ),
        "training" if pl => {
            "paczka szkoleniowa (z kiosku demonstracyjnego); nie jest liczona".into()
        }
        "training" => "a training bundle (made by a demo kiosk); it is not counted".into(),
        "undecryptable" if pl => format!(
            "zawartości nie da się odszyfrować kluczem biura: {}",
            crate::foreign::words(lang, a(0))
        ),
        "undecryptable" => format!(
            "the payload cannot be decrypted with the office key: {}",
            crate::foreign::words(lang, a(0))
        ),
        "broken_chain" if pl => format!(
            "dziennik jest przerwany przy wpisie {}: {}",
            a(0),
            broken(lang, a(1))
        ),
        "broken_chain" => format!(
            "the journal is broken at entry {}: {}",
            a(0),
            broken(lang, a(1))
        ),
        "fork" if pl => format!(
            "rozwidlenie: wpis {} punktu {} ma tu skrót {}, a w tej paczce {}; paczka nie przedłuża tego, co kiosk przysłał wcześniej",
            a(1),
            a(0),
            a(2),
            a(3)
        ),
        "fork" => format!(
            "a fork: point {}'s entry {} has hash {} here but {} in this bundle; it does not extend what the kiosk sent before",
            a(0),
            a(1),
            a(2),
            a(3)
        ),
        "gap" if pl => format!(
            "luka: biuro ma od punktu {} {}, a przyrost zaczyna się po wpisie {}; kiosk musi wysłać od miejsca, które biuro ma",
            a(0),
            crate::i18n::count(lang, a(1).parse().unwrap_or(0), &crate::i18n::ENTRY),
            a(2)
        ),
        "gap" => format!(
            "a gap: the office holds {} from point {}, but the delta starts after entry {}; the kiosk must send from what the office holds",
            crate::i18n::count(lang, a(1).parse().unwrap_or(0), &crate::i18n::ENTRY),
            a(0),
            a(2)
        ),
        "record_changed" if pl => format!("rekord {} był już widziany z innymi danymi", a(0)),
        "record_changed" => format!("record {} was seen before with different data", a(0)),
        "not_its_card" if pl => format!(
            "wpis {} dotyczy karty {}, której punkt {} nie wprowadził",
            a(0),
            a(1),
            a(2)
        ),
        "not_its_card" => format!(
            "entry {} is about card {}, which point {} did not enter",
            a(0),
            a(1),
            a(2)
        ),
        "wrong_card_id" if pl => format!(
            "wpis {} wprowadza kartę {}, a kiosk nazywa kartę wprowadzaną we wpisie {} {}",
            a(0),
            a(1),
            a(0),
            a(2)
        ),
        "wrong_card_id" => format!(
            "entry {} enters card {}, but a kiosk names the card it enters as entry {} {}",
            a(0),
            a(1),
            a(0),
            a(2)
        ),
        "investigation" if pl => "paczka do wyjaśnień, wyeksportowana z magazynu kiosku, który nie przeszedł kontroli; nie jest liczona (przyjmuje ją `urna tally import --investigation`)".into(),
        "investigation" => "a bundle for investigation, exported from a kiosk store that failed its checks; it is not counted (`urna tally import --investigation` takes it)".into(),
        "unsealed" if pl => format!("to nie jest dziennik zapieczętowany przez jego kiosk: {}", a(1)),
        "unsealed" => format!("the journal is not the one its kiosk sealed: {}", a(0)),
        "internal" if pl => "błąd wewnętrzny urna przy czytaniu tego pliku; nic z niego nie zapisano (prosimy o zgłoszenie)".into(),
        "internal" => "an internal error in urna while reading this file; nothing from it was stored (please report it)".into(),
        // Outcomes.
        "accepted" if pl => format!("nowe wpisy: {}", a(0)),
        "accepted" => format!("new entries: {}", a(0)),
        "unchanged" if pl => "ta sama lub starsza paczka".into(),
        "unchanged" => "the same or an older bundle".into(),
        "online_accepted" if pl => format!("wiersze: {}", a(0)),
        "online_accepted" => format!("rows: {}", a(0)),
        "online_unchanged" if pl => "każdy wiersz był już zaimportowany".into(),
        "online_unchanged" => "every row was imported before".into(),
        // An internet file's refusal, made (and masked) by tally::online in
        // both languages: English first, Polish second. Rows logged before
        // it had both keep their one text.
        "online" if pl && args.len() > 1 => a(1).to_string(),
        "online" => a(0).to_string(),
        // Text made elsewhere, shown as it is.
        _ => args.join("; "),
    }
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
            assert_ne!(pl, en, "{code}");
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
            assert_ne!(kind(Lang::En, k), kind(Lang::En, "?"), "{k}");
            assert_ne!(kind(Lang::Pl, k), kind(Lang::En, k), "{k}");
        }
    }
}
