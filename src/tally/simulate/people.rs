//! Who votes: Polish names and addresses, and birth dates spread over the
//! PESEL numbers so that no two persons share one.

use super::*;

/// Birth dates × serials × sexes the PESEL gives per day.
pub(super) const PER_DAY: u64 = 2000;

/// Persons born between `first` and `first + days`, spread without repeats
/// over every (birth date, serial, sex) of that span.
#[derive(Debug, Clone)]
pub(super) struct Band {
    pub(super) first: NaiveDate,
    pub(super) shuffle: Shuffle,
    /// Of every 100 adult persons, how many fall in this band.
    pub(super) share: u64,
}

impl Band {
    pub(super) fn new(first: NaiveDate, last: NaiveDate, share: u64, key: u64) -> Band {
        let days = (last - first).num_days().max(0) as u64 + 1;
        Band {
            first,
            shuffle: Shuffle::new(days * PER_DAY, key),
            share,
        }
    }

    pub(super) fn capacity(&self) -> u64 {
        self.shuffle.size
    }

    /// The `j`-th person of the band: birth date, PESEL serial and sex.
    pub(super) fn at(&self, j: u64) -> (NaiveDate, u16, Sex) {
        let x = self.shuffle.apply(j % self.shuffle.size);
        let born = self
            .first
            .checked_add_days(chrono::Days::new(x / PER_DAY))
            .unwrap_or(self.first);
        let r = x % PER_DAY;
        let sex = if r.is_multiple_of(2) {
            Sex::Female
        } else {
            Sex::Male
        };
        (born, (r / 2) as u16, sex)
    }
}

/// Adult age bands on the first voting day: (from, below) years and the share
/// of voters, roughly as participatory budgets are voted.
pub(super) const AGE_BANDS: [(u32, u32, u64); 6] = [
    (0, 9, 14),
    (9, 19, 24),
    (19, 29, 21),
    (29, 44, 21),
    (44, 59, 15),
    (59, 75, 5),
];

pub(super) const FEMALE: &str = "\
    Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Zofia \
    Joanna Magdalena Monika Teresa Danuta Natalia Aleksandra Julia Zuzanna Helena \
    Jadwiga Halina Irena Beata Dorota Łucja Bożena Grażyna Jolanta Urszula Weronika \
    Wiktoria Paulina Justyna Marta Karolina Iwona Renata Alicja Stanisława";

pub(super) const MALE: &str = "\
    Jan Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Adam Łukasz Mateusz \
    Józef Stanisław Marek Grzegorz Wojciech Zbigniew Jerzy Tadeusz Kazimierz Ryszard \
    Maciej Bartłomiej Szymon Kacper Jacek Rafał Dariusz Mirosław Sławomir Przemysław \
    Filip Dawid Henryk Zdzisław Leszek Wiesław Błażej Karol";

/// Surnames in their masculine form, the commonest first.
pub(super) const SURNAMES: &str = "\
    Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński \
    Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk \
    Piotrowski Grabowski Nowakowski Pawłowski Michalski Król Wieczorek Jabłoński \
    Wróbel Nowicki Majewski Olszewski Stępień Malinowski Jaworski Adamczyk Dudek \
    Nowacki Pawlak Górski Witkowski Walczak Sikora Baran Rutkowski Michalak Szewczyk \
    Ostrowski Tomaszewski Pietrzak Zalewski Wróblewski Marciniak Jasiński Zawadzki \
    Bąk Jakubowski Sadowski Duda Włodarczyk Wilk Chmielewski Borkowski Sokołowski \
    Szczepański Sawicki Lis Kucharski Kalinowski Wysocki Mazurek Kubiak Maciejewski \
    Czarnecki Kołodziej Kaczmarek Zając Gołębiowski Żak Ptak Łuczak Ślusarczyk \
    Gąsior Żurek";

pub(super) const STREETS: &str = "\
    ul. Długa|ul. Grodzka|al. Mickiewicza|ul. Karmelicka|os. Centrum A|ul. Wielicka|\
    ul. Kalwaryjska|ul. Zakopiańska|ul. Półłanki|ul. Mogilska|al. Pokoju|\
    ul. Bora-Komorowskiego|os. Złotej Jesieni|ul. Łokietka|ul. Wrocławska|\
    ul. Królewska|ul. Bronowicka|ul. Armii Krajowej|ul. Kobierzyńska|ul. Zabłocie|\
    ul. Lipska|ul. Nowohucka|ul. Józefińska|ul. Starowiślna|ul. Dietla|\
    ul. Kościuszki|ul. Księcia Józefa|ul. Tyniecka|ul. Zakrzowiecka|ul. Ruczaj|\
    ul. Czerwone Maki|ul. Bobrzyńskiego|ul. Łagiewnicka|ul. Witosa|ul. Sawy|\
    ul. Na Kozłówce|ul. Teligi|ul. Kurczaba|os. Dywizjonu 303|os. Oświecenia|\
    ul. Dobrego Pasterza|ul. Kazimierza Wielkiego|ul. Prądnicka|ul. Opolska|\
    ul. Jasnogórska|ul. Kluczborska|ul. Pilotów|ul. Śliczna";

/// Where mobile points stand.
pub(super) const STOPS: &str = "\
    Rynek Główny|Plac Centralny|Galeria Krakowska|Rondo Mogilskie|Park Jordana|\
    Kampus UJ|Dworzec MDA|Plac Wolnica|Rynek Dębnicki|Hala Targowa|Bulwary Wiślane|\
    Plac Bohaterów Getta";

/// The word lists, split once.
pub(super) struct Names {
    pub(super) female: Vec<&'static str>,
    pub(super) male: Vec<&'static str>,
    pub(super) surnames: Vec<&'static str>,
    pub(super) streets: Vec<&'static str>,
    pub(super) stops: Vec<&'static str>,
}

impl Names {
    pub(super) fn new() -> Names {
        Names {
            female: FEMALE.split_whitespace().collect(),
            male: MALE.split_whitespace().collect(),
            surnames: SURNAMES.split_whitespace().collect(),
            streets: STREETS.split('|').collect(),
            stops: STOPS.split('|').collect(),
        }
    }
}

/// The feminine form of a surname (Kowalski → Kowalska; Nowak stays).
pub(super) fn feminine(surname: &str) -> String {
    if surname.ends_with("ski") || surname.ends_with("cki") || surname.ends_with("dzki") {
        format!("{}a", &surname[..surname.len() - 1])
    } else {
        surname.to_string()
    }
}

/// A surname typed without its Polish letters, or with two letters swapped.
pub(super) fn misspelt(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            'Ł' => 'L',
            'Ś' => 'S',
            'Ż' | 'Ź' => 'Z',
            c => c,
        })
        .collect();
    if folded != s {
        return folded;
    }
    let mut chars: Vec<char> = s.chars().collect();
    if chars.len() > 3 {
        chars.swap(1, 2);
    }
    chars.into_iter().collect()
}

/// One person: what they write in the card's personal rubrics.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub(super) pesel: String,
    pub(super) first_name: &'static str,
    pub(super) last_name: String,
    pub(super) address: String,
    pub(super) underage: bool,
}

pub(super) fn years_before(day: NaiveDate, years: u32) -> Option<NaiveDate> {
    day.checked_sub_months(Months::new(years.checked_mul(12)?))
}

/// Where birth dates come from: adult age bands, and the too young.
pub(super) struct Births {
    pub(super) bands: Vec<Band>,
    /// For `person % 100`: its band and its rank inside that band's share.
    pub(super) slots: [(u8, u8); 100],
    pub(super) young: Band,
}

impl Births {
    pub(super) fn new(edition: &Edition, seed: u64, persons: u64) -> Result<Births> {
        let out_of_range = || {
            let (start, end) = (
                edition.voting_start.to_string(),
                edition.voting_end.to_string(),
            );
            let min_age = edition.min_age;
            refusal(move |lang| {
                tr!(
                    lang,
                    "simulate-dates-out-of-range",
                    start = start.as_str(),
                    end = end.as_str(),
                    min_age = min_age
                )
            })
        };
        // Everyone born by this day is of age on every voting day.
        let adult_last = years_before(edition.voting_start, edition.min_age)
            .and_then(|d| d.pred_opt())
            .ok_or_else(out_of_range)?;
        let mut bands = Vec::new();
        let mut slots = [(0u8, 0u8); 100];
        let mut slot = 0usize;
        for (b, (from, below, share)) in AGE_BANDS.iter().enumerate() {
            let last = years_before(adult_last, *from).ok_or_else(out_of_range)?;
            let first = years_before(adult_last, *below)
                .and_then(|d| d.succ_opt())
                .ok_or_else(out_of_range)?;
            bands.push(Band::new(
                first,
                last,
                *share,
                mix(seed ^ mix(SHUFFLE + b as u64)),
            ));
            for rank in 0..*share {
                slots[slot] = (b as u8, rank as u8);
                slot += 1;
            }
        }
        // Born after this day: too young on every voting day.
        let young_first = years_before(edition.voting_end, edition.min_age)
            .and_then(|d| d.checked_add_days(chrono::Days::new(2)))
            .ok_or_else(out_of_range)?;
        let young_last = years_before(edition.voting_end, edition.min_age.saturating_sub(3))
            .filter(|d| *d > young_first)
            .unwrap_or(young_first);
        let young = Band::new(young_first, young_last, 0, mix(seed ^ mix(SHUFFLE + 99)));
        // Each band holds its share of every 100 persons (rounded up), the
        // young band one person in UNDERAGE_EVERY (and one more).
        let fits_bands = bands
            .iter()
            .map(|b| {
                (b.capacity() / b.share.max(1))
                    .saturating_mul(100)
                    .saturating_sub(1)
            })
            .min()
            .unwrap_or(u64::MAX)
            .min(MAX_VOTERS);
        if persons > fits_bands {
            return Err(refusal(move |lang| {
                tr!(
                    lang,
                    "simulate-band-full",
                    voters = persons,
                    max = fits_bands
                )
            }));
        }
        let fits_young = young
            .capacity()
            .saturating_mul(UNDERAGE_EVERY)
            .saturating_sub(1);
        if persons > fits_young {
            let min_age = edition.min_age;
            return Err(refusal(move |lang| {
                tr!(
                    lang,
                    "simulate-underage-full",
                    voters = persons,
                    min_age = min_age,
                    every = UNDERAGE_EVERY,
                    max = fits_young
                )
            }));
        }
        let oldest = bands.last().map_or(young_first, |b| b.first);
        for (day, field, value) in [
            (oldest, "voting_start", edition.voting_start),
            (young_last, "voting_end", edition.voting_end),
        ] {
            if pesel::synthesize(day, 0, Sex::Female).is_none() {
                let (born, value) = (day.to_string(), value.to_string());
                return Err(refusal(move |lang| {
                    tr!(
                        lang,
                        "simulate-no-pesel",
                        field = field,
                        value = value.as_str(),
                        born = born.as_str()
                    )
                }));
            }
        }
        Ok(Births {
            bands,
            slots,
            young,
        })
    }

    /// Birth date, PESEL serial and sex of adult person `i`.
    pub(super) fn adult(&self, i: u64) -> (NaiveDate, u16, Sex) {
        let (band, rank) = self.slots[(i % 100) as usize];
        let band = &self.bands[band as usize];
        band.at((i / 100) * band.share + u64::from(rank))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_surnames_agree_with_sex() {
        assert_eq!(feminine("Kowalski"), "Kowalska");
        assert_eq!(feminine("Czarnecki"), "Czarnecka");
        assert_eq!(feminine("Zawadzki"), "Zawadzka");
        assert_eq!(feminine("Nowak"), "Nowak");
        assert_eq!(misspelt("Wójcik"), "Wojcik");
        assert_eq!(misspelt("Nowak"), "Nwoak");
    }
}
