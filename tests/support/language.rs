//! Is a text in the language it should be? The words of the other language
//! that a sentence cannot do without (articles, pronouns, the commonest
//! verbs and prepositions) give a sentence away; data (names, addresses,
//! project titles, paths) is the caller's to strip or allow first.

#![allow(dead_code)] // each test uses the helpers it needs

use urna::i18n::Lang;

/// English words that no Polish or Ukrainian sentence holds (not "a",
/// "to", "no", "on": Polish words too).
const ENGLISH: &[&str] = &[
    "the", "and", "is", "are", "was", "not", "of", "with", "cannot", "can't", "could", "file",
    "card", "cards", "vote", "votes", "point", "points", "saved", "enter", "press", "this", "that",
    "there", "which", "from", "into", "has", "have", "been", "must", "should", "will", "yes",
    "error", "invalid", "valid", "missing", "unknown", "already", "found", "open", "read", "write",
    "wrong", "for", "in", "by", "at", "or", "an", "it", "its", "be", "you", "your", "store",
    "bundle", "office", "key", "sign", "signed", "export", "import", "total", "results", "project",
    "projects", "district", "ballot", "ballots", "entry",
];

/// Polish words that no English sentence holds.
const POLISH: &[&str] = &[
    "nie",
    "jest",
    "są",
    "się",
    "oraz",
    "lub",
    "dla",
    "przez",
    "na",
    "ze",
    "od",
    "po",
    "jak",
    "już",
    "tak",
    "czy",
    "ten",
    "ta",
    "który",
    "która",
    "które",
    "karta",
    "karty",
    "kart",
    "kartę",
    "głos",
    "głosy",
    "głosów",
    "punkt",
    "punktu",
    "plik",
    "pliku",
    "brak",
    "błąd",
    "zapisano",
    "naciśnij",
    "wpisz",
    "magazyn",
    "paczka",
    "paczki",
    "biuro",
    "biura",
    "klucz",
    "zadanie",
    "zadania",
    "zadań",
    "dzielnica",
    "dzielnicy",
    "ważna",
    "nieważna",
    "ważne",
    "nieważne",
    "wyniki",
    "wpis",
    "wpisy",
    "można",
    "trzeba",
    "został",
    "została",
];

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
}

/// The English words in `text`, which should be Polish (or Ukrainian);
/// words in `allow` (data, names of commands and flags) are not counted.
pub fn english_in(text: &str, allow: &[&str]) -> Vec<String> {
    words(text)
        .filter(|w| !allow.contains(w))
        .filter(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

/// The Polish words in `text`, which should be English: words of the list
/// and any word with a Polish letter; words in `allow` are not counted.
pub fn polish_in(text: &str, allow: &[&str]) -> Vec<String> {
    words(text)
        .filter(|w| !allow.contains(w))
        .filter(|w| {
            POLISH.contains(&w.to_lowercase().as_str())
                || w.chars().any(|c| "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".contains(c))
        })
        .map(str::to_string)
        .collect()
}

/// What is wrong with `text` as `lang`, if anything: English in Polish,
/// Polish in English, either in Ukrainian (which must hold some Cyrillic
/// too); words in `allow` are not counted.
pub fn wrong_language(lang: Lang, text: &str, allow: &[&str]) -> Option<String> {
    let english = english_in(text, allow);
    let polish = polish_in(text, allow);
    let cyrillic = text
        .chars()
        .any(|c| ('а'..='я').contains(&c) || "іїєґ".contains(c));
    match lang {
        Lang::Pl | Lang::Uk if !english.is_empty() => Some(format!("English {english:?}")),
        Lang::En | Lang::Uk if !polish.is_empty() => Some(format!("Polish {polish:?}")),
        Lang::Uk if !cyrillic => Some("no Ukrainian at all".to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_other_language() {
        assert_eq!(
            english_in("Zapisano kartę. Press Enter", &[]),
            ["Press", "Enter"]
        );
        assert!(english_in("Zapisano 3 karty w punkcie B01", &["B01"]).is_empty());
        assert_eq!(
            polish_in("Saved 3 cards; nie zapisano", &[]),
            ["nie", "zapisano"]
        );
        assert!(polish_in("Saved for Łucja", &["Łucja"]).is_empty());
    }
}
