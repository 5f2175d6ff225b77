//! Every user-facing sentence, by message id, in the Fluent catalogs under
//! `assets/locales/<lang>/` (Polish, English, Ukrainian), compiled into the
//! binary. [`tr!`](crate::tr) looks a message up with its arguments; plural
//! forms are the catalogs' business (Fluent's CLDR rules: Polish and
//! Ukrainian one/few/many). `tests/catalogs.rs` keeps the catalogs in step:
//! every id in every language with the same arguments, and no id unused.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, langid};

use crate::card::Reason;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Pl,
    En,
    Uk,
}

impl Lang {
    /// Every language, in the order the kiosk's login screen cycles them.
    pub const ALL: [Lang; 3] = [Lang::Pl, Lang::Uk, Lang::En];

    /// The language's code, as `--lang` and the catalogs' folders spell it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Pl => "pl",
            Lang::En => "en",
            Lang::Uk => "uk",
        }
    }

    /// The language after this one on the login screen.
    pub fn next(self) -> Lang {
        let i = Lang::ALL.iter().position(|l| *l == self).unwrap_or(0);
        Lang::ALL[(i + 1) % Lang::ALL.len()]
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Pl => langid!("pl"),
            Lang::En => langid!("en"),
            Lang::Uk => langid!("uk"),
        }
    }
}

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./assets/locales",
        fallback_language: "pl",
        // No Unicode isolation marks around arguments: the terminal, the CSV
        // and the protocol would show them as stray characters.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The message `id` in `lang` with `args`. A message missing from the
/// catalog comes out as its id (which `tests/catalogs.rs` refuses), never
/// as another language's text.
pub fn lookup(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let map: Option<HashMap<Cow<'static, str>, FluentValue<'_>>> = (!args.is_empty()).then(|| {
        args.iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect()
    });
    LOCALES
        .lookup_single_language(&lang.id(), id, map.as_ref())
        .unwrap_or_else(|_| id.to_string())
}

/// A message by id, with named arguments:
/// `tr!(lang, "central-cadence", cards = 10, minutes = 5)`.
///
/// ```
/// use urna::i18n::Lang;
///
/// assert_eq!(urna::tr!(Lang::Pl, "count-card", n = 3), "3 karty");
/// assert_eq!(urna::tr!(Lang::Uk, "count-card", n = 5), "5 карток");
/// assert_eq!(urna::tr!(Lang::En, "count-card", n = 1), "1 card");
/// ```
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(,)?) => {
        $crate::i18n::lookup($lang, $id, &[])
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::lookup(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::arg($value))),+],
        )
    };
}

/// `Display` for a type that says itself in a language (`describe(lang)`,
/// or the method named): its English catalog text, which logs and
/// internal reports show. People are shown the method in their own
/// language; no sentence is written out in the Rust source.
#[macro_export]
macro_rules! display_in_english {
    ($ty:ty) => {
        $crate::display_in_english!($ty, describe);
    };
    ($ty:ty, $method:ident) => {
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.$method($crate::i18n::Lang::En))
            }
        }
    };
}

/// A value as a Fluent argument: numbers stay numbers (so that plurals
/// select on them), everything else is text.
pub fn arg<'a, T: Into<FluentValue<'a>>>(value: T) -> FluentValue<'a> {
    value.into()
}

/// `n` with the right form of a noun.
///
/// ```
/// use urna::i18n::{CARD_ACC, Lang, count};
///
/// assert_eq!(count(Lang::Pl, 1, &CARD_ACC), "1 kartę");
/// assert_eq!(count(Lang::Pl, 3, &CARD_ACC), "3 karty");
/// assert_eq!(count(Lang::Pl, 5, &CARD_ACC), "5 kart");
/// assert_eq!(count(Lang::Pl, 22, &CARD_ACC), "22 karty");
/// assert_eq!(count(Lang::En, 2, &CARD_ACC), "2 cards");
/// assert_eq!(count(Lang::Uk, 3, &CARD_ACC), "3 картки");
/// ```
pub fn count(lang: Lang, n: u64, forms: &Forms) -> String {
    lookup(lang, forms.id, &[("n", FluentValue::from(n))])
}

/// A noun counted: the catalog message (`count-…`) that puts `$n` with the
/// right form of the noun in every language.
pub struct Forms {
    pub id: &'static str,
}

/// "karta" as the object of "zapisano" (accusative): 1 kartę, 2 karty, 5 kart.
pub const CARD_ACC: Forms = Forms {
    id: "count-card-acc",
};
/// "karta" as a subject: 1 karta, 2 karty, 5 kart.
pub const CARD: Forms = Forms { id: "count-card" };
pub const ROW: Forms = Forms { id: "count-row" };
pub const VALID: Forms = Forms { id: "count-valid" };
pub const INVALID: Forms = Forms {
    id: "count-invalid",
};
pub const VOTE: Forms = Forms { id: "count-vote" };
pub const BALLOT: Forms = Forms { id: "count-ballot" };
/// "minuta" after "co": co 1 minutę, co 2 minuty, co 5 minut.
pub const MINUTE_ACC: Forms = Forms {
    id: "count-minute-acc",
};
pub const BYTE: Forms = Forms { id: "count-byte" };
pub const ENTRY: Forms = Forms { id: "count-entry" };
pub const DISTRICT: Forms = Forms {
    id: "count-district",
};
pub const LOCAL_PROJECT: Forms = Forms {
    id: "count-local-project",
};
pub const CITYWIDE_PROJECT: Forms = Forms {
    id: "count-citywide-project",
};

/// Every counted noun, for the catalogs' test.
pub const ALL_FORMS: [&Forms; 13] = [
    &CARD_ACC,
    &CARD,
    &ROW,
    &VALID,
    &INVALID,
    &VOTE,
    &BALLOT,
    &MINUTE_ACC,
    &BYTE,
    &ENTRY,
    &DISTRICT,
    &LOCAL_PROJECT,
    &CITYWIDE_PROJECT,
];

/// A reason's code (as manifests, results and the store keep it) in words
/// of `lang`; a code this version does not know, as it is.
pub fn reason_of_code(lang: Lang, code: &str) -> String {
    code.parse::<Reason>()
        .map_or_else(|_| code.to_string(), |r| reason(lang, r))
}

/// What a reason means, for people (`reason-…` in the catalogs).
pub fn reason(lang: Lang, r: Reason) -> String {
    lookup(lang, &reason_id("reason-", r), &[])
}

/// A reason in a few words, for a list row or a mark (the kiosk's F3 list).
pub fn reason_short(lang: Lang, r: Reason) -> String {
    lookup(lang, &reason_id("reason-short-", r), &[])
}

/// The catalog id of a reason: its code, hyphenated, after `prefix`.
pub fn reason_id(prefix: &str, r: Reason) -> String {
    format!("{prefix}{}", r.code().replace('_', "-"))
}

/// A role in words: `koordynator`, `wolontariusz`.
pub fn role(lang: Lang, role: crate::store::Role) -> String {
    use crate::store::Role;
    match role {
        Role::Coordinator => tr!(lang, "role-coordinator"),
        Role::Volunteer => tr!(lang, "role-volunteer"),
    }
}

/// A language's name in itself (`polski`, `українська`, `English`).
pub fn language_name(lang: Lang) -> String {
    match lang {
        Lang::Pl => tr!(lang, "language-pl"),
        Lang::En => tr!(lang, "language-en"),
        Lang::Uk => tr!(lang, "language-uk"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_plurals() {
        let forms: Vec<String> = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 102, 112, 1001]
            .iter()
            .map(|n| count(Lang::Pl, *n, &CARD_ACC))
            .collect();
        assert_eq!(
            forms,
            [
                "0 kart",
                "1 kartę",
                "2 karty",
                "4 karty",
                "5 kart",
                "11 kart",
                "12 kart",
                "14 kart",
                "21 kart",
                "22 karty",
                "25 kart",
                "102 karty",
                "112 kart",
                "1001 kart"
            ]
        );
        assert_eq!(count(Lang::En, 1, &CARD), "1 card");
        let uk: Vec<String> = [1, 3, 5, 11, 21, 22, 25]
            .iter()
            .map(|n| count(Lang::Uk, *n, &CARD))
            .collect();
        assert_eq!(
            uk,
            [
                "1 картка",
                "3 картки",
                "5 карток",
                "11 карток",
                "21 картка",
                "22 картки",
                "25 карток"
            ]
        );
        assert_eq!(count(Lang::En, 2, &CARD), "2 cards");
    }

    #[test]
    fn every_reason_has_words_in_both_languages() {
        for r in Reason::ALL {
            for lang in Lang::ALL {
                assert_ne!(reason(lang, r), reason_id("reason-", r), "{lang:?}");
                assert_ne!(reason_short(lang, r), reason_id("reason-short-", r));
            }
            assert_ne!(reason(Lang::Pl, r), reason(Lang::En, r));
            assert_ne!(reason(Lang::Uk, r), reason(Lang::Pl, r));
            assert_ne!(reason_short(Lang::Pl, r), reason_short(Lang::En, r));
        }
    }
}
