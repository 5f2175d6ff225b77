//! The TOML reader's (and serde's) error messages in Polish and Ukrainian.
//! Neither library has kinds to match on, only English text made from a
//! few fixed templates (serde's `invalid type: …, expected …`, `missing
//! field …`, toml's parser descriptions); each template is read here and
//! said again from the catalogs (`error-toml-…`). What is not one of them is
//! shown as the library's text, labelled as such. English keeps the
//! library's own words.

use crate::i18n::Lang;
use crate::tr;

/// A TOML error's message (`message`, on one line) in `lang`; `key` is the
/// key the error's position points at, if known.
pub fn describe(lang: Lang, message: &str, key: Option<&str>) -> String {
    let message = message.trim_end().replace('\n', " ");
    let said = match lang {
        Lang::En => message
            .replace("expected u64", "expected a whole number")
            .replace("expected u32", "expected a whole number"),
        Lang::Pl | Lang::Uk => translated(lang, &message, key),
    };
    match key {
        Some(key) if !said.contains(&format!("`{key}`")) => format!("`{key}`: {said}"),
        _ => said,
    }
}

fn translated(lang: Lang, message: &str, key: Option<&str>) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return tr!(
            lang,
            "error-toml-invalid-type",
            got = value(lang, got),
            want = expected(lang, want)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return tr!(
            lang,
            "error-toml-invalid-value",
            got = value(lang, got),
            want = expected(lang, want)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((n, _)) = rest.split_once(", expected ")
    {
        return tr!(lang, "error-toml-invalid-length", length = n);
    }
    if let Some(name) = message.strip_prefix("missing field ") {
        return tr!(lang, "error-toml-missing-field", name = name);
    }
    if let Some(name) = message.strip_prefix("duplicate field ") {
        return tr!(lang, "error-toml-duplicate-field", name = name);
    }
    for (prefix, variant) in [("unknown field ", false), ("unknown variant ", true)] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let what = if variant {
                tr!(lang, "error-toml-unknown-variant")
            } else {
                tr!(lang, "error-toml-unknown-field")
            };
            return match rest.split_once(", ") {
                None => format!("{what} {rest}"),
                Some((name, "there are no fields")) => {
                    tr!(lang, "error-toml-no-fields-here", what = what, name = name)
                }
                Some((name, "there are no variants")) => {
                    tr!(
                        lang,
                        "error-toml-no-variants-here",
                        what = what,
                        name = name
                    )
                }
                Some((name, allowed)) => {
                    let allowed = allowed
                        .trim_start_matches("expected one of ")
                        .trim_start_matches("expected ")
                        .replace(", or ", ", ")
                        .replace(" or ", ", ");
                    tr!(
                        lang,
                        "error-toml-allowed",
                        what = what,
                        name = name,
                        allowed = allowed
                    )
                }
            };
        }
    }
    if message == "duplicate key" {
        return match key {
            Some(k) => tr!(lang, "error-toml-duplicate-key-named", key = k),
            None => tr!(lang, "error-toml-duplicate-key"),
        };
    }
    if let Some(said) = money(lang, message).or_else(|| not_an_amount(lang, message)) {
        return said;
    }
    let (description, wanted) = match message.split_once(", expected ") {
        Some((d, w)) => (d, Some(w)),
        None => (message, None),
    };
    if let Some(what) = syntax(lang, description) {
        return match wanted.and_then(|w| tokens(lang, w)) {
            Some(w) => tr!(
                lang,
                "error-toml-syntax-expected",
                what = what,
                expected = w
            ),
            None => tr!(lang, "error-toml-syntax", what = what),
        };
    }
    tr!(lang, "error-toml-other", message = message)
}

/// What serde says a value was (`integer `5``, `string "x"`).
fn value(lang: Lang, got: &str) -> String {
    if let Some(v) = got.strip_prefix("boolean ") {
        return tr!(lang, "error-toml-got-boolean", value = v);
    }
    if let Some(v) = got.strip_prefix("integer ") {
        return tr!(lang, "error-toml-got-integer", value = v);
    }
    if let Some(v) = got.strip_prefix("floating point ") {
        return tr!(lang, "error-toml-got-float", value = v);
    }
    if let Some(v) = got.strip_prefix("character ") {
        return tr!(lang, "error-toml-got-character", value = v);
    }
    if let Some(v) = got.strip_prefix("string ") {
        return tr!(lang, "error-toml-got-string", value = v);
    }
    match got {
        "sequence" => tr!(lang, "error-toml-kind-list"),
        "map" => tr!(lang, "error-toml-kind-table"),
        "unit value" => tr!(lang, "error-toml-kind-unit"),
        "datetime" | "offset datetime" | "local datetime" | "local date" | "local time" => {
            tr!(lang, "error-toml-kind-datetime")
        }
        "byte array" => tr!(lang, "error-toml-kind-bytes"),
        _ => tr!(lang, "error-toml-kind-other"),
    }
}

/// What a field wants, as serde or urna's own types say it.
fn expected(lang: Lang, want: &str) -> String {
    let w = want.trim();
    if w.starts_with("an amount in złoty") {
        tr!(lang, "error-toml-want-amount")
    } else if w.contains("string") {
        tr!(lang, "error-toml-want-string")
    } else if ["u8", "u16", "u32", "u64", "usize", "a whole number"].contains(&w) {
        tr!(lang, "error-toml-want-unsigned")
    } else if ["i8", "i16", "i32", "i64", "isize"].contains(&w) {
        tr!(lang, "error-toml-want-integer")
    } else if w.contains("bool") {
        tr!(lang, "error-toml-want-bool")
    } else if w.contains("sequence") || w.contains("array") {
        tr!(lang, "error-toml-want-list")
    } else if w.contains("datetime") || w.contains("date") {
        tr!(lang, "error-toml-want-date")
    } else if w.starts_with("struct ") || w.contains("map") || w.contains("table") {
        tr!(lang, "error-toml-kind-table")
    } else if w.contains("float") || w == "f64" || w == "f32" {
        tr!(lang, "error-toml-want-number")
    } else {
        tr!(lang, "error-toml-kind-other")
    }
}

/// urna's own words about an amount ([`crate::edition::Money`]'s reader).
fn money(lang: Lang, message: &str) -> Option<String> {
    let amount = message.strip_prefix("the amount ")?;
    let (v, rest) = amount.split_once(' ')?;
    Some(match rest {
        "is too large" => tr!(lang, "error-toml-amount-too-large", amount = v),
        r if r.starts_with("is negative") => tr!(lang, "error-toml-amount-negative", amount = v),
        r if r.starts_with("has a decimal point") => {
            tr!(lang, "error-toml-amount-decimal-point", amount = v)
        }
        _ => return None,
    })
}

/// A money string that is not an amount: `"x" is not an amount: …`.
fn not_an_amount(lang: Lang, message: &str) -> Option<String> {
    let (v, _) = message.split_once(" is not an amount: ")?;
    Some(tr!(lang, "error-toml-not-an-amount", value = v))
}

/// The TOML parser's descriptions of a syntax error.
fn syntax(lang: Lang, description: &str) -> Option<String> {
    Some(match description {
        "`_` may only go between digits" => tr!(
            lang,
            "error-toml-syntax-underscore-may-only-go-between-digits"
        ),
        "cannot recurse further; max recursion depth met" | "recursion limit" => tr!(
            lang,
            "error-toml-syntax-cannot-recurse-further-max-recursion-depth-met"
        ),
        "carriage return must be followed by newline" => tr!(
            lang,
            "error-toml-syntax-carriage-return-must-be-followed-by-newline"
        ),
        "extra `=`" => tr!(lang, "error-toml-syntax-extra-equals"),
        "extra assignment between key-value pairs" => tr!(
            lang,
            "error-toml-syntax-extra-assignment-between-key-value-pairs"
        ),
        "extra comma in array" => tr!(lang, "error-toml-syntax-extra-comma-in-array"),
        "extra comma in inline table" => tr!(lang, "error-toml-syntax-extra-comma-in-inline-table"),
        "integers with a radix cannot be signed" => tr!(
            lang,
            "error-toml-syntax-integers-with-a-radix-cannot-be-signed"
        ),
        "invalid comment character" => tr!(lang, "error-toml-syntax-invalid-comment-character"),
        "invalid inline table element" => {
            tr!(lang, "error-toml-syntax-invalid-inline-table-element")
        }
        "invalid key-value pair" => tr!(lang, "error-toml-syntax-invalid-key-value-pair"),
        "invalid unquoted key" => tr!(lang, "error-toml-syntax-invalid-unquoted-key"),
        "invalid value" => tr!(lang, "error-toml-syntax-invalid-value"),
        "key with no value" => tr!(lang, "error-toml-syntax-key-with-no-value"),
        "keys cannot be multi-line basic strings" | "keys cannot be multi-line literal strings" => {
            tr!(
                lang,
                "error-toml-syntax-keys-cannot-be-multi-line-basic-strings"
            )
        }
        "missing array opening" => tr!(lang, "error-toml-syntax-missing-array-opening"),
        "missing assignment between key-value pairs" => tr!(
            lang,
            "error-toml-syntax-missing-assignment-between-key-value-pairs"
        ),
        "missing comma between array elements" => tr!(
            lang,
            "error-toml-syntax-missing-comma-between-array-elements"
        ),
        "missing comma between key-value pairs" => tr!(
            lang,
            "error-toml-syntax-missing-comma-between-key-value-pairs"
        ),
        "missing comment start" => tr!(lang, "error-toml-syntax-missing-comment-start"),
        "missing escaped value" => tr!(lang, "error-toml-syntax-missing-escaped-value"),
        "missing inline table opening" => {
            tr!(lang, "error-toml-syntax-missing-inline-table-opening")
        }
        "missing key for inline table element" => tr!(
            lang,
            "error-toml-syntax-missing-key-for-inline-table-element"
        ),
        "missing opening quote" => tr!(lang, "error-toml-syntax-missing-opening-quote"),
        "missing table open" => tr!(lang, "error-toml-syntax-missing-table-open"),
        "missing value for key" | "missing value" => {
            tr!(lang, "error-toml-syntax-missing-value-for-key")
        }
        "radix must be lowercase" => tr!(lang, "error-toml-syntax-radix-must-be-lowercase"),
        "redundant integer number prefix" => {
            tr!(lang, "error-toml-syntax-redundant-integer-number-prefix")
        }
        "redundant numeric sign" => tr!(lang, "error-toml-syntax-redundant-numeric-sign"),
        "string values must be quoted" => {
            tr!(lang, "error-toml-syntax-string-values-must-be-quoted")
        }
        "too few unicode value digits" => {
            tr!(lang, "error-toml-syntax-too-few-unicode-value-digits")
        }
        "unclosed array table" => tr!(lang, "error-toml-syntax-unclosed-array-table"),
        "unclosed array" => tr!(lang, "error-toml-syntax-unclosed-array"),
        "unclosed inline table" => tr!(lang, "error-toml-syntax-unclosed-inline-table"),
        "unclosed table" => tr!(lang, "error-toml-syntax-unclosed-table"),
        "unexpected `=` in array" => tr!(lang, "error-toml-syntax-unexpected-equals-in-array"),
        "unexpected content between comment and newline" => tr!(
            lang,
            "error-toml-syntax-unexpected-content-between-comment-and-newline"
        ),
        "unexpected content" => tr!(lang, "error-toml-syntax-unexpected-content"),
        "unexpected key or value" => tr!(lang, "error-toml-syntax-unexpected-key-or-value"),
        "unexpected leading zero" => tr!(lang, "error-toml-syntax-unexpected-leading-zero"),
        "unexpected sign" => tr!(lang, "error-toml-syntax-unexpected-sign"),
        "unquoted keys cannot be empty" => {
            tr!(lang, "error-toml-syntax-unquoted-keys-cannot-be-empty")
        }
        "invalid basic string" | "invalid multi-line basic string" => {
            tr!(lang, "error-toml-syntax-invalid-basic-string")
        }
        d if d.starts_with("cannot extend value of type ") => {
            tr!(lang, "error-toml-syntax-cannot-extend")
        }
        _ => return None,
    })
}

/// What the parser expected, if every item can be said in `lang`
/// (literal tokens such as `` `]` `` stay as they are).
fn tokens(lang: Lang, wanted: &str) -> Option<String> {
    let items: Option<Vec<String>> = wanted
        .split(", ")
        .map(|item| {
            if item.starts_with('`') || item.starts_with('\'') || item.starts_with('"') {
                return Some(item.to_string());
            }
            Some(match item {
                "nothing" => tr!(lang, "error-toml-token-nothing"),
                "key" => tr!(lang, "error-toml-token-key"),
                "value" => tr!(lang, "error-toml-token-value"),
                "digits" => tr!(lang, "error-toml-token-digits"),
                "numbers" => tr!(lang, "error-toml-token-numbers"),
                "letters" => tr!(lang, "error-toml-token-letters"),
                "characters" | "printable characters" => tr!(lang, "error-toml-token-characters"),
                "basic string" => tr!(lang, "error-toml-token-basic-string"),
                "literal string" => tr!(lang, "error-toml-token-literal-string"),
                "multi-line basic string" => tr!(lang, "error-toml-token-multi-line-basic-string"),
                "unicode hexadecimal value" => {
                    tr!(lang, "error-toml-token-unicode-hexadecimal-value")
                }
                "newline" => tr!(lang, "error-toml-token-newline"),
                _ => return None,
            })
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
