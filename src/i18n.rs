//! Every user-facing sentence of the command line, in Polish (default) and
//! English, in one place so the two stay in step.

use crate::card::Reason;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Pl,
    En,
}

/// Polish plural category of `n`: `one` (1), `few` (2–4, 22–24, … but not
/// 12–14), `many` (0, 5–21, 25–31, …).
pub fn plural_pl<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
        few
    } else {
        many
    }
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
/// ```
pub fn count(lang: Lang, n: u64, forms: &Forms) -> String {
    let word = match lang {
        Lang::Pl => plural_pl(n, forms.pl[0], forms.pl[1], forms.pl[2]),
        Lang::En if n == 1 => forms.en[0],
        Lang::En => forms.en[1],
    };
    format!("{n} {word}")
}

/// A noun's forms: Polish one/few/many, English singular/plural.
pub struct Forms {
    pub pl: [&'static str; 3],
    pub en: [&'static str; 2],
}

/// "karta" as the object of "zapisano" (accusative): 1 kartę, 2 karty, 5 kart.
pub const CARD_ACC: Forms = Forms {
    pl: ["kartę", "karty", "kart"],
    en: ["card", "cards"],
};
/// "karta" as a subject: 1 karta, 2 karty, 5 kart.
pub const CARD: Forms = Forms {
    pl: ["karta", "karty", "kart"],
    en: ["card", "cards"],
};
pub const ROW: Forms = Forms {
    pl: ["wiersz", "wiersze", "wierszy"],
    en: ["row", "rows"],
};
pub const VALID: Forms = Forms {
    pl: ["ważna", "ważne", "ważnych"],
    en: ["valid", "valid"],
};
pub const INVALID: Forms = Forms {
    pl: ["nieważna", "nieważne", "nieważnych"],
    en: ["invalid", "invalid"],
};
pub const VOTE: Forms = Forms {
    pl: ["głos", "głosy", "głosów"],
    en: ["vote", "votes"],
};
pub const BALLOT: Forms = Forms {
    pl: ["głos", "głosy", "głosów"],
    en: ["ballot", "ballots"],
};
/// "minuta" after "co": co 1 minutę, co 2 minuty, co 5 minut.
pub const MINUTE_ACC: Forms = Forms {
    pl: ["minutę", "minuty", "minut"],
    en: ["minute", "minutes"],
};
pub const BYTE: Forms = Forms {
    pl: ["bajt", "bajty", "bajtów"],
    en: ["byte", "bytes"],
};
pub const ENTRY: Forms = Forms {
    pl: ["wpis", "wpisy", "wpisów"],
    en: ["entry", "entries"],
};

pub const DISTRICT: Forms = Forms {
    pl: ["dzielnica", "dzielnice", "dzielnic"],
    en: ["district", "districts"],
};
pub const LOCAL_PROJECT: Forms = Forms {
    pl: ["zadanie lokalne", "zadania lokalne", "zadań lokalnych"],
    en: ["local project", "local projects"],
};
pub const CITYWIDE_PROJECT: Forms = Forms {
    pl: [
        "zadanie ogólnomiejskie",
        "zadania ogólnomiejskie",
        "zadań ogólnomiejskich",
    ],
    en: ["city-wide project", "city-wide projects"],
};

/// What a reason code means, for people.
/// A reason's code (as manifests, results and the store keep it) in words
/// of `lang`; a code this version does not know, as it is.
pub fn reason_of_code(lang: Lang, code: &str) -> &str {
    code.parse::<Reason>().map_or(code, |r| reason(lang, r))
}

pub fn reason(lang: Lang, r: Reason) -> &'static str {
    use Reason::*;
    match lang {
        Lang::Pl => match r {
            MissingFirstName => "brak imienia",
            MissingLastName => "brak nazwiska",
            MissingAddress => "brak adresu",
            MissingPesel => "brak numeru PESEL",
            PeselInvalid => "niepoprawny PESEL",
            Underage => "osoba nie ukończyła wymaganego wieku w dniu głosowania",
            OutsideWindow => "głos oddany poza terminem głosowania",
            MissingSignature => "brak podpisu",
            NoDistrict => "nie wpisano dzielnicy",
            UnknownDistrict => "nie ma takiej dzielnicy",
            LocalIncomplete => "nie wypełniono wszystkich rubryk zadań lokalnych",
            LocalDuplicate => "zadanie lokalne wpisane więcej niż raz",
            LocalUnknownProject => "nie ma takiego zadania lokalnego w tej dzielnicy",
            CitywideIncomplete => "nie wypełniono wszystkich rubryk zadań ogólnomiejskich",
            CitywideDuplicate => "zadanie ogólnomiejskie wpisane więcej niż raz",
            CitywideUnknownProject => "nie ma takiego zadania ogólnomiejskiego",
            Illegible => "karta nieczytelna",
            WrongRubric => "dane wpisane w niewłaściwej rubryce",
            MultipleVotes => "osoba głosowała więcej niż raz",
            Annulled => "głos unieważniony decyzją biura: konto założone na cudzy PESEL",
        },
        Lang::En => match r {
            MissingFirstName => "first name missing",
            MissingLastName => "surname missing",
            MissingAddress => "address missing",
            MissingPesel => "PESEL missing",
            PeselInvalid => "PESEL is not valid",
            Underage => "voter under the minimum age on the day of voting",
            OutsideWindow => "cast outside the voting window",
            MissingSignature => "not signed",
            NoDistrict => "no district given",
            UnknownDistrict => "no such district",
            LocalIncomplete => "not every local rubric is filled",
            LocalDuplicate => "a local project appears more than once",
            LocalUnknownProject => "no such local project in this district",
            CitywideIncomplete => "not every city-wide rubric is filled",
            CitywideDuplicate => "a city-wide project appears more than once",
            CitywideUnknownProject => "no such city-wide project",
            Illegible => "card illegible",
            WrongRubric => "data in the wrong rubric",
            MultipleVotes => "person voted more than once",
            Annulled => "annulled by the office: an account registered on someone else's PESEL",
        },
    }
}

/// A reason in a few words, for a list row or a mark (the kiosk's F3 list).
pub fn reason_short(lang: Lang, r: Reason) -> &'static str {
    use Reason::*;
    match lang {
        Lang::Pl => match r {
            MissingFirstName => "brak imienia",
            MissingLastName => "brak nazwiska",
            MissingAddress => "brak adresu",
            MissingPesel => "brak PESEL-u",
            PeselInvalid => "zły PESEL",
            Underage => "za młoda osoba",
            OutsideWindow => "poza terminem",
            MissingSignature => "brak podpisu",
            NoDistrict => "brak dzielnicy",
            UnknownDistrict => "zła dzielnica",
            LocalIncomplete => "niepełne lokalne",
            LocalDuplicate => "powtórzone lokalne",
            LocalUnknownProject => "złe zadanie lokalne",
            CitywideIncomplete => "niepełne miejskie",
            CitywideDuplicate => "powtórzone miejskie",
            CitywideUnknownProject => "złe zadanie miejskie",
            Illegible => "nieczytelna",
            WrongRubric => "zła rubryka",
            MultipleVotes => "głosowała kilka razy",
            Annulled => "unieważniona przez biuro",
        },
        Lang::En => match r {
            MissingFirstName => "no first name",
            MissingLastName => "no surname",
            MissingAddress => "no address",
            MissingPesel => "no PESEL",
            PeselInvalid => "bad PESEL",
            Underage => "under age",
            OutsideWindow => "outside the window",
            MissingSignature => "not signed",
            NoDistrict => "no district",
            UnknownDistrict => "unknown district",
            LocalIncomplete => "local incomplete",
            LocalDuplicate => "local repeated",
            LocalUnknownProject => "unknown local project",
            CitywideIncomplete => "city-wide incomplete",
            CitywideDuplicate => "city-wide repeated",
            CitywideUnknownProject => "unknown city-wide project",
            Illegible => "illegible",
            WrongRubric => "wrong rubric",
            MultipleVotes => "voted more than once",
            Annulled => "annulled by the office",
        },
    }
}

/// A role in words: `koordynator`, `wolontariusz`.
pub fn role(lang: Lang, role: crate::store::Role) -> &'static str {
    use crate::store::Role;
    match (role, lang) {
        (Role::Coordinator, Lang::Pl) => "koordynator",
        (Role::Volunteer, Lang::Pl) => "wolontariusz",
        (Role::Coordinator, Lang::En) => "coordinator",
        (Role::Volunteer, Lang::En) => "volunteer",
    }
}

/// Picks the Polish or English text.
pub fn t<'a>(lang: Lang, pl: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Pl => pl,
        Lang::En => en,
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
        assert_eq!(count(Lang::En, 2, &CARD), "2 cards");
    }

    #[test]
    fn every_reason_has_words_in_both_languages() {
        for r in Reason::ALL {
            assert!(!reason(Lang::Pl, r).is_empty());
            assert!(!reason(Lang::En, r).is_empty());
            assert_ne!(reason(Lang::Pl, r), reason(Lang::En, r));
            assert_ne!(reason_short(Lang::Pl, r), reason_short(Lang::En, r));
            assert_ne!(reason_short(Lang::Pl, r), r.code());
        }
    }
}
