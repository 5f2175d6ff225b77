//! The TOML reader's (and serde's) error messages in Polish. Neither
//! library has kinds to match on, only English text made from a few fixed
//! templates (serde's `invalid type: …, expected …`, `missing field …`,
//! toml's parser descriptions); each template is read here and said again
//! in Polish. What is not one of them is shown as the library's text,
//! labelled as such.

use crate::i18n::Lang;

/// A TOML error's message (`message`, on one line) in `lang`; `key` is the
/// key the error's position points at, if known.
pub fn describe(lang: Lang, message: &str, key: Option<&str>) -> String {
    let message = message.trim_end().replace('\n', " ");
    match lang {
        Lang::En => {
            let message = message
                .replace("expected u64", "expected a whole number")
                .replace("expected u32", "expected a whole number");
            match key {
                Some(key) if !message.contains(&format!("`{key}`")) => {
                    format!("`{key}`: {message}")
                }
                _ => message,
            }
        }
        Lang::Pl | Lang::Uk => {
            let pl = polish(&message, key);
            match key {
                Some(key) if !pl.contains(&format!("`{key}`")) => format!("`{key}`: {pl}"),
                _ => pl,
            }
        }
    }
}

fn polish(message: &str, key: Option<&str>) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return format!(
            "zły rodzaj wartości: jest {}, a oczekiwano: {}",
            value(got),
            expected(want)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return format!(
            "niedozwolona wartość: {}, a oczekiwano: {}",
            value(got),
            expected(want)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((n, _)) = rest.split_once(", expected ")
    {
        return format!("zła liczba elementów listy: {n}");
    }
    if let Some(name) = message.strip_prefix("missing field ") {
        return format!("brak wymaganego klucza {name}");
    }
    if let Some(name) = message.strip_prefix("duplicate field ") {
        return format!("klucz {name} podany więcej niż raz");
    }
    for (prefix, what) in [
        ("unknown field ", "nieznany klucz"),
        ("unknown variant ", "nieznana wartość"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            return match rest.split_once(", ") {
                None => format!("{what} {rest}"),
                Some((name, "there are no fields")) => {
                    format!("{what} {name}: w tym miejscu nie ma żadnych kluczy")
                }
                Some((name, "there are no variants")) => {
                    format!("{what} {name}: nie ma tu dozwolonych wartości")
                }
                Some((name, allowed)) => {
                    let allowed = allowed
                        .trim_start_matches("expected one of ")
                        .trim_start_matches("expected ")
                        .replace(", or ", ", ")
                        .replace(" or ", ", ");
                    format!("{what} {name}; dozwolone: {allowed}")
                }
            };
        }
    }
    if message == "duplicate key" {
        return match key {
            Some(k) => format!("klucz `{k}` podany więcej niż raz"),
            None => "klucz podany więcej niż raz".into(),
        };
    }
    if let Some(pl) = money(message).or_else(|| not_an_amount(message)) {
        return pl;
    }
    // The parser's own descriptions, then what it expected.
    let (description, wanted) = match message.split_once(", expected ") {
        Some((d, w)) => (d, Some(w)),
        None => (message, None),
    };
    if let Some(pl) = syntax(description) {
        let mut out = format!("błąd składni TOML: {pl}");
        if let Some(w) = wanted.and_then(tokens) {
            out.push_str(&format!(" (oczekiwano: {w})"));
        }
        return out;
    }
    format!("błąd w zapisie TOML (szczegół po angielsku, z biblioteki TOML: {message})")
}

/// What serde says a value was (`integer `5``, `string "x"`).
fn value(got: &str) -> String {
    for (en, pl) in [
        ("boolean ", "wartość logiczna "),
        ("integer ", "liczba całkowita "),
        ("floating point ", "liczba z częścią ułamkową "),
        ("character ", "znak "),
        ("string ", "tekst "),
    ] {
        if let Some(v) = got.strip_prefix(en) {
            return format!("{pl}{v}");
        }
    }
    match got {
        "sequence" => "lista".into(),
        "map" => "tabela".into(),
        "unit value" => "pusta wartość".into(),
        "datetime" | "offset datetime" | "local datetime" | "local date" | "local time" => {
            "data lub godzina".into()
        }
        "byte array" => "ciąg bajtów".into(),
        _ => "wartość innego rodzaju".into(),
    }
}

/// What a field wants, as serde or urna's own types say it.
fn expected(want: &str) -> &'static str {
    let w = want.trim();
    if w.starts_with("an amount in złoty") {
        "kwota w złotych: liczba całkowita albo tekst z groszami, na przykład \"1546168.66\""
    } else if w.contains("string") {
        "tekst w cudzysłowie"
    } else if ["u8", "u16", "u32", "u64", "usize", "a whole number"].contains(&w) {
        "liczba całkowita nie mniejsza niż 0"
    } else if ["i8", "i16", "i32", "i64", "isize"].contains(&w) {
        "liczba całkowita"
    } else if w.contains("bool") {
        "true albo false"
    } else if w.contains("sequence") || w.contains("array") {
        "lista w nawiasach [ ]"
    } else if w.contains("datetime") || w.contains("date") {
        "data, na przykład 2014-09-27"
    } else if w.starts_with("struct ") || w.contains("map") || w.contains("table") {
        "tabela"
    } else if w.contains("float") || w == "f64" || w == "f32" {
        "liczba"
    } else {
        "wartość innego rodzaju"
    }
}

/// urna's own words about an amount ([`crate::edition::Money`]'s reader).
fn money(message: &str) -> Option<String> {
    let amount = message.strip_prefix("the amount ")?;
    let (v, rest) = amount.split_once(' ')?;
    Some(match rest {
        "is too large" => format!("kwota {v} jest za duża"),
        r if r.starts_with("is negative") => {
            format!("kwota {v} jest ujemna: kwota wynosi 0 lub więcej")
        }
        r if r.starts_with("has a decimal point") => format!(
            "kwota {v} ma część ułamkową: kwotę z groszami wpisz w cudzysłowie, \"{v}\", żeby została odczytana dokładnie"
        ),
        _ => return None,
    })
}

/// A money string that is not an amount: `"x" is not an amount: …`.
fn not_an_amount(message: &str) -> Option<String> {
    let (v, _) = message.split_once(" is not an amount: ")?;
    Some(format!(
        "{v} nie jest kwotą: wpisz złote z najwyżej dwiema cyframi po kropce, na przykład \"1546168.66\""
    ))
}

/// The TOML parser's descriptions of a syntax error.
fn syntax(description: &str) -> Option<&'static str> {
    Some(match description {
        "`_` may only go between digits" => "`_` może stać tylko między cyframi",
        "cannot recurse further; max recursion depth met" | "recursion limit" => {
            "za głębokie zagnieżdżenie"
        }
        "carriage return must be followed by newline" => {
            "po znaku powrotu karetki (CR) musi być koniec linii"
        }
        "extra `=`" => "nadmiarowy znak `=`",
        "extra assignment between key-value pairs" => "nadmiarowe `=` między parami klucz–wartość",
        "extra comma in array" => "nadmiarowy przecinek w liście",
        "extra comma in inline table" => "nadmiarowy przecinek w tabeli w linii",
        "integers with a radix cannot be signed" => {
            "liczba szesnastkowa, ósemkowa lub dwójkowa nie może mieć znaku"
        }
        "invalid comment character" => "niedozwolony znak w komentarzu",
        "invalid inline table element" => "niepoprawny element tabeli w linii",
        "invalid key-value pair" => "niepoprawna para klucz–wartość",
        "invalid unquoted key" => "niepoprawny klucz bez cudzysłowu",
        "invalid value" => "niepoprawna wartość",
        "key with no value" => "klucz bez wartości",
        "keys cannot be multi-line basic strings" | "keys cannot be multi-line literal strings" => {
            "klucz nie może być tekstem wielowierszowym"
        }
        "missing array opening" => "brak otwarcia listy `[`",
        "missing assignment between key-value pairs" => "brak `=` między kluczem a wartością",
        "missing comma between array elements" => "brak przecinka między elementami listy",
        "missing comma between key-value pairs" => "brak przecinka między parami klucz–wartość",
        "missing comment start" => "brak początku komentarza `#`",
        "missing escaped value" => "brak znaku po `\\`",
        "missing inline table opening" => "brak otwarcia tabeli w linii `{`",
        "missing key for inline table element" => "brak klucza elementu tabeli w linii",
        "missing opening quote" => "brak cudzysłowu otwierającego",
        "missing table open" => "brak otwarcia nagłówka tabeli `[`",
        "missing value for key" | "missing value" => "brak wartości",
        "radix must be lowercase" => "przedrostek 0x, 0o, 0b pisze się małą literą",
        "redundant integer number prefix" => "zbędny przedrostek liczby",
        "redundant numeric sign" => "zbędny znak liczby",
        "string values must be quoted" => "tekst musi być w cudzysłowie",
        "too few unicode value digits" => "za mało cyfr kodu Unicode",
        "unclosed array table" => "niezamknięty nagłówek tabeli [[…]]",
        "unclosed array" => "niezamknięta lista",
        "unclosed inline table" => "niezamknięta tabela w linii",
        "unclosed table" => "niezamknięty nagłówek tabeli [...]",
        "unexpected `=` in array" => "nieoczekiwany znak `=` w liście",
        "unexpected content between comment and newline" => {
            "nieoczekiwana treść między komentarzem a końcem linii"
        }
        "unexpected content" => "nieoczekiwana treść",
        "unexpected key or value" => "nieoczekiwany klucz lub wartość",
        "unexpected leading zero" => "niedozwolone zero na początku liczby",
        "unexpected sign" => "nieoczekiwany znak liczby",
        "unquoted keys cannot be empty" => "klucz bez cudzysłowu nie może być pusty",
        "invalid basic string" | "invalid multi-line basic string" => {
            "niepoprawny tekst w cudzysłowie"
        }
        d if d.starts_with("cannot extend value of type ") => {
            "klucz z kropką nie może rozszerzać wartości, która nie jest tabelą"
        }
        _ => return None,
    })
}

/// What the parser expected, if every item can be said in Polish
/// (literal tokens such as `` `]` `` stay as they are).
fn tokens(wanted: &str) -> Option<String> {
    let items: Option<Vec<String>> = wanted
        .split(", ")
        .map(|item| {
            if item.starts_with('`') || item.starts_with('\'') || item.starts_with('"') {
                return Some(item.to_string());
            }
            Some(
                match item {
                    "nothing" => "nic więcej",
                    "key" => "klucz",
                    "value" => "wartość",
                    "digits" => "cyfry",
                    "numbers" => "liczby",
                    "letters" => "litery",
                    "characters" | "printable characters" => "znaki drukowalne",
                    "basic string" => "tekst w cudzysłowie",
                    "literal string" => "tekst w apostrofach",
                    "multi-line basic string" => "tekst wielowierszowy",
                    "unicode hexadecimal value" => "kod Unicode szesnastkowo",
                    "newline" => "koniec linii",
                    _ => return None,
                }
                .to_string(),
            )
        })
        .collect();
    items.map(|i| i.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// English phrases of the libraries that a Polish line must not hold.
    const ENGLISH: &[&str] = &[
        "invalid",
        "expected",
        "missing",
        "unknown",
        "duplicate",
        "field",
        "unclosed",
    ];

    fn pl_of(toml_text: &str) -> String {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            n: u32,
            s: String,
            b: Option<bool>,
            list: Option<Vec<String>>,
            m: Option<crate::edition::Money>,
        }
        let e = toml::from_str::<T>(toml_text).expect_err("an error");
        describe(Lang::Pl, e.message(), None)
    }

    #[test]
    fn serde_and_parser_messages_in_polish() {
        for (text, words) in [
            (
                "n = \"x\"\ns = \"a\"",
                "zły rodzaj wartości: jest tekst \"x\"",
            ),
            ("n = 1\ns = 2", "oczekiwano: tekst w cudzysłowie"),
            (
                "n = -1\ns = \"a\"",
                "niedozwolona wartość: liczba całkowita `-1`",
            ),
            ("s = \"a\"", "brak wymaganego klucza `n`"),
            (
                "n = 1\ns = \"a\"\nfoo = 1",
                "nieznany klucz `foo`; dozwolone: `n`",
            ),
            ("n = 1\nn = 2\ns = \"a\"", "klucz podany więcej niż raz"),
            ("[n\n", "błąd składni TOML: niezamknięty nagłówek tabeli"),
            ("n = \n", "błąd składni TOML"),
            ("n = 1\ns = \"a\"\nb = 3", "oczekiwano: true albo false"),
            ("n = 1\ns = \"a\"\nlist = 3", "oczekiwano: lista"),
            ("n = 1\ns = \"a\"\nm = -5", "kwota -5 jest ujemna"),
            ("n = 1\ns = \"a\"\nm = 1.5", "kwota 1.5 ma część ułamkową"),
            ("n = 1\ns = \"a\"\nm = \"x\"", "nie jest kwotą"),
        ] {
            let pl = pl_of(text);
            assert!(pl.contains(words), "{text:?}: {pl}");
            for en in ENGLISH {
                assert!(!pl.contains(en), "{text:?}: {pl}");
            }
        }
    }

    #[test]
    fn english_stays_as_the_library_says_it_with_the_key() {
        assert_eq!(
            describe(
                Lang::En,
                "invalid type: string \"x\", expected u32",
                Some("min_age")
            ),
            "`min_age`: invalid type: string \"x\", expected a whole number"
        );
        assert!(describe(Lang::Pl, "something new", None).contains("po angielsku"));
    }
}
