//! Everything decided before the first ballot: voting days, points, who
//! votes where and twice, what each list's favourites are; and how one
//! person fills a card.

use super::*;

/// A polling point's plan.
#[derive(Debug, Clone)]
pub(super) struct PointPlan {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) mobile: bool,
    /// Index into the edition's districts of the district it stands in.
    pub(super) home: Option<usize>,
    /// Indices into the voting days on which it is open, in order.
    pub(super) days: Vec<usize>,
    /// Its voters (persons `start..end`).
    pub(super) start: u64,
    pub(super) end: u64,
}

/// A paper-card defect the generator puts on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Defect {
    Signature,
    CheckDigit,
    Incomplete,
    Duplicate,
    Illegible,
}

impl Defect {
    pub(super) const ALL: [(Defect, f64); 5] = [
        (Defect::Signature, 0.30),
        (Defect::CheckDigit, 0.15),
        (Defect::Incomplete, 0.25),
        (Defect::Duplicate, 0.15),
        (Defect::Illegible, 0.15),
    ];
}

/// Everything the generator knows before the first ballot; shared by the
/// workers, read only.
pub(super) struct World<'a> {
    pub(super) edition: &'a Edition,
    pub(super) recipient: String,
    pub(super) seed: u64,
    pub(super) persons: u64,
    /// Persons `0..online` vote on the internet.
    pub(super) online: u64,
    pub(super) online_percent: u8,
    pub(super) points: Vec<PointPlan>,
    /// Per place (points, then the internet): persons whose second ballot is there.
    pub(super) guests: Vec<Vec<u64>>,
    /// Persons with two ballots, ascending.
    pub(super) doubles: Vec<u64>,
    pub(super) births: Births,
    pub(super) days: Vec<NaiveDate>,
    pub(super) day_weights: Vec<f64>,
    pub(super) district_weights: Vec<f64>,
    pub(super) local_weights: Vec<Vec<f64>>,
    pub(super) citywide_weights: Vec<f64>,
    pub(super) citywide_index: HashMap<String, usize>,
    pub(super) local_index: Vec<HashMap<String, usize>>,
    pub(super) names: Names,
    /// Share of paper cards typed with one field wrong and left so.
    pub(super) keying_errors: f64,
    /// Share of standing cards verified by another operator.
    pub(super) verify: f64,
}

/// The ids of a list's projects that a part of a card does not hold.
pub(super) fn unused<'a>(list: &'a crate::edition::ProjectList, part: &[String]) -> Vec<&'a str> {
    list.projects
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| !part.iter().any(|s| s == id))
        .collect()
}

/// Popularity of a list's projects: a few clear favourites, a long tail.
pub(super) fn popularity(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.index(i + 1));
    }
    let mut w = vec![0.0; n];
    for (rank, i) in order.into_iter().enumerate() {
        w[i] = (0.8 + 0.4 * rng.unit()) / (rank as f64 + 1.0).powf(1.1);
    }
    w
}

/// The voting days and how busy each is: weekends more, the last day most.
pub(super) fn voting_days(edition: &Edition) -> Result<(Vec<NaiveDate>, Vec<f64>)> {
    let mut days = Vec::new();
    let mut d = edition.voting_start;
    while d <= edition.voting_end {
        days.push(d);
        d = d.succ_opt().ok_or_else(|| {
            let end = edition.voting_end.to_string();
            refusal(move |lang| tr!(lang, "simulate-window-past-calendar", end = end.as_str()))
        })?;
    }
    if days.is_empty() {
        let start = edition.voting_start.to_string();
        let end = edition.voting_end.to_string();
        return Err(refusal(move |lang| {
            tr!(
                lang,
                "simulate-window-empty",
                start = start.as_str(),
                end = end.as_str()
            )
        }));
    }
    let weights = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            let last = i + 1 == days.len();
            (if weekend { 1.8 } else { 1.0 }) * (if last { 1.4 } else { 1.0 })
        })
        .collect();
    Ok((days, weights))
}

/// Project id → its position in the list.
pub(super) fn positions(list: &crate::edition::ProjectList) -> HashMap<String, usize> {
    list.projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect()
}

/// The polling points: where they stand, when they are open, and their
/// voters (`first_voter..` on, in proportion to how busy each is).
pub(super) fn plan_points(
    edition: &Edition,
    count: usize,
    days: usize,
    district_weights: &[f64],
    voters: (u64, u64),
    layout: &mut Rng,
) -> Result<Vec<PointPlan>> {
    let (first_voter, paper) = voters;
    let width = count.to_string().len().max(3);
    let mobile_every = if count >= 4 { 8 } else { usize::MAX };
    let mut points = Vec::with_capacity(count);
    let mut weights = Vec::with_capacity(count);
    for p in 0..count {
        let id = format!("P{:0width$}", p + 1);
        let mobile = p % mobile_every == mobile_every - 1;
        let home = (!edition.districts.is_empty()).then(|| layout.weighted(district_weights));
        let name = match (mobile, home) {
            (true, _) => format!("Punkt mobilny nr {}", p + 1),
            (false, Some(h)) => {
                let d = &edition.districts[h];
                format!(
                    "Dzielnica {} {} — punkt nr {}",
                    roman::to_roman(d.number),
                    d.name,
                    p + 1
                )
            }
            (false, None) => format!("Punkt nr {}", p + 1),
        };
        let open: Vec<usize> = if mobile {
            let want = (2 + layout.index(3)).min(days);
            let mut chosen = layout.weighted_distinct(&vec![1.0; days], want);
            chosen.sort_unstable();
            chosen
        } else {
            (0..days).collect()
        };
        let busy = 0.4 + 1.6 * layout.unit() * layout.unit();
        weights.push(if mobile { busy * 0.4 } else { busy });
        points.push(PointPlan {
            id,
            name,
            mobile,
            home,
            days: open,
            start: 0,
            end: 0,
        });
    }
    if count == 0 {
        return if paper > 0 {
            Err(refusal(move |lang| {
                tr!(lang, "simulate-paper-needs-point", voters = paper)
            }))
        } else {
            Ok(points)
        };
    }
    // Split the paper voters in proportion (largest remainder).
    let total: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| paper as f64 * w / total).collect();
    let mut sizes: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let mut left = paper.saturating_sub(sizes.iter().sum::<u64>());
    let mut by_remainder: Vec<usize> = (0..count).collect();
    by_remainder.sort_by(|a, b| {
        let ra = exact[*a] - exact[*a].floor();
        let rb = exact[*b] - exact[*b].floor();
        rb.total_cmp(&ra).then(a.cmp(b))
    });
    for i in by_remainder.into_iter().cycle() {
        if left == 0 {
            break;
        }
        sizes[i] += 1;
        left -= 1;
    }
    let mut start = first_voter;
    for (p, size) in points.iter_mut().zip(sizes) {
        p.start = start;
        p.end = start + size;
        start += size;
    }
    Ok(points)
}

impl<'a> World<'a> {
    pub(super) fn new(edition: &'a Edition, recipient: String, plan: &Plan) -> Result<World<'a>> {
        let seed = plan.seed;
        let persons = plan.voters;
        let online = persons * u64::from(plan.online_percent) / 100;
        let mut layout = Rng::new(seed, &[LAYOUT]);
        let (days, day_weights) = voting_days(edition)?;
        // Popularity of districts and projects.
        let district_weights: Vec<f64> = edition
            .districts
            .iter()
            .map(|_| 0.4 + 1.6 * layout.unit())
            .collect();
        let citywide_weights = popularity(&mut layout, edition.citywide.projects.len());
        let local_weights = edition
            .districts
            .iter()
            .map(|d| popularity(&mut layout, d.list.projects.len()))
            .collect();
        let points = plan_points(
            edition,
            plan.points as usize,
            days.len(),
            &district_weights,
            (online, persons - online),
            &mut layout,
        )?;
        let mut world = World {
            edition,
            recipient,
            seed,
            persons,
            online,
            online_percent: plan.online_percent,
            guests: vec![Vec::new(); points.len() + 1],
            points,
            doubles: Vec::new(),
            births: Births::new(edition, seed, persons)?,
            days,
            day_weights,
            district_weights,
            local_weights,
            citywide_weights,
            citywide_index: positions(&edition.citywide),
            local_index: edition
                .districts
                .iter()
                .map(|d| positions(&d.list))
                .collect(),
            names: Names::new(),
            keying_errors: f64::from(plan.keying_errors_bp) / 10_000.0,
            verify: f64::from(plan.verify_percent) / 100.0,
        };
        world.choose_doubles();
        Ok(world)
    }

    /// About 1% of persons vote a second time: at another point, or (for
    /// a paper voter, as often as people vote online) on the internet.
    pub(super) fn choose_doubles(&mut self) {
        let k = self.points.len();
        let internet = k;
        let online_share = f64::from(self.online_percent) / 100.0;
        for i in 0..self.persons {
            let mut rng = Rng::new(self.seed, &[DOUBLE, i]);
            if !rng.chance(DOUBLE_RATE) {
                continue;
            }
            let primary = self.place_of(i);
            let second = if primary == internet {
                (k > 0).then(|| rng.index(k))
            } else if online_share > 0.0 && rng.chance(online_share) {
                Some(internet)
            } else if k > 1 {
                let o = rng.index(k - 1);
                Some(if o >= primary { o + 1 } else { o })
            } else {
                None
            };
            if let Some(place) = second {
                self.guests[place].push(i);
                self.doubles.push(i);
            }
        }
    }

    /// Where a person casts their first ballot: a point's index, or `points.len()`
    /// for the internet.
    pub(super) fn place_of(&self, person: u64) -> usize {
        if person < self.online {
            return self.points.len();
        }
        self.points.partition_point(|p| p.end <= person)
    }

    pub(super) fn is_double(&self, person: u64) -> bool {
        self.doubles.binary_search(&person).is_ok()
    }

    pub(super) fn is_underage(&self, person: u64) -> bool {
        person >= self.online && (person - self.online) % UNDERAGE_EVERY == UNDERAGE_EVERY / 2
    }

    pub(super) fn person(&self, i: u64) -> Person {
        let mut rng = Rng::new(self.seed, &[PERSON, i]);
        let underage = self.is_underage(i);
        let (born, serial, sex) = if underage {
            self.births.young.at((i - self.online) / UNDERAGE_EVERY)
        } else {
            self.births.adult(i)
        };
        // The bands' dates were checked to have PESEL numbers.
        let pesel = pesel::synthesize(born, serial, sex).unwrap_or_default();
        // Common surnames more often: the square of a uniform number.
        let u = rng.unit();
        let names = &self.names;
        let surname = names.surnames[((u * u) * names.surnames.len() as f64) as usize];
        let (first_name, last_name) = match sex {
            Sex::Female => (*rng.pick(&names.female), feminine(surname)),
            Sex::Male => (*rng.pick(&names.male), surname.to_string()),
        };
        let street = rng.pick(&names.streets);
        let number = 1 + rng.below(150);
        let address = if rng.chance(0.65) {
            format!("{street} {number}/{}", 1 + rng.below(80))
        } else {
            format!("{street} {number}")
        };
        Person {
            pesel,
            first_name,
            last_name,
            address,
            underage,
        }
    }

    /// A correctly filled card of this person, cast on `day`; `home` is the
    /// district the point stands in.
    pub(super) fn card(
        &self,
        person: &Person,
        rng: &mut Rng,
        home: Option<usize>,
        day: NaiveDate,
    ) -> RawCard {
        let e = self.edition;
        let ballot = e.ballot;
        let local = !e.districts.is_empty() && (ballot.require_local || rng.chance(0.85));
        let citywide = !e.citywide.projects.is_empty()
            && (ballot.require_citywide || !local || rng.chance(0.85));
        let (district, local_ids) = if local {
            let d = match home {
                Some(h) if rng.chance(0.7) => h,
                _ => rng.weighted(&self.district_weights),
            };
            let list = &e.districts[d].list.projects;
            let k = (ballot.local_picks as usize).min(list.len());
            let ids = rng
                .weighted_distinct(&self.local_weights[d], k)
                .into_iter()
                .map(|i| list[i].id.clone())
                .collect();
            let number = e.districts[d].number;
            let typed = if rng.chance(0.8) {
                roman::to_roman(number)
            } else {
                number.to_string()
            };
            (typed, ids)
        } else {
            (String::new(), Vec::new())
        };
        let citywide_ids = if citywide {
            let list = &e.citywide.projects;
            let k = (ballot.citywide_picks as usize).min(list.len());
            rng.weighted_distinct(&self.citywide_weights, k)
                .into_iter()
                .map(|i| list[i].id.clone())
                .collect()
        } else {
            Vec::new()
        };
        RawCard {
            first_name: person.first_name.to_string(),
            last_name: person.last_name.clone(),
            address: person.address.clone(),
            pesel: person.pesel.clone(),
            signed: true,
            district,
            local: local_ids,
            citywide: citywide_ids,
            cast_date: day,
            marks: Vec::new(),
        }
    }

    /// Puts a defect on a card; false if this card cannot carry it.
    pub(super) fn spoil(&self, card: &mut RawCard, defect: Defect, rng: &mut Rng) -> bool {
        match defect {
            Defect::Signature => {
                if !self.edition.ballot.require_signature {
                    return false;
                }
                card.signed = false;
            }
            Defect::CheckDigit => {
                let Some(last) = card.pesel.pop() else {
                    return false;
                };
                let d = last.to_digit(10).unwrap_or(0);
                let wrong = (d + 1 + rng.below(9) as u32) % 10;
                card.pesel.push(char::from(b'0' + wrong as u8));
            }
            Defect::Incomplete => {
                let part =
                    if !card.local.is_empty() && (card.citywide.is_empty() || rng.chance(0.5)) {
                        &mut card.local
                    } else {
                        &mut card.citywide
                    };
                if part.is_empty() {
                    return false;
                }
                let i = rng.index(part.len());
                part[i].clear();
            }
            Defect::Duplicate => {
                let part = if card.local.len() >= 2 && (card.citywide.len() < 2 || rng.chance(0.5))
                {
                    &mut card.local
                } else {
                    &mut card.citywide
                };
                if part.len() < 2 {
                    return false;
                }
                let i = 1 + rng.index(part.len() - 1);
                part[i] = part[rng.index(i)].clone();
            }
            Defect::Illegible => card.marks.push(Reason::Illegible),
        }
        true
    }

    /// The card as first typed with a typing mistake, and why it was amended.
    pub(super) fn mistyped(&self, card: &RawCard, rng: &mut Rng) -> (RawCard, &'static str) {
        let mut first = card.clone();
        match rng.index(3) {
            0 if first.pesel.len() == 11 => {
                let mut digits: Vec<u8> = first.pesel.bytes().collect();
                let i = rng.index(11);
                digits[i] = b'0' + (digits[i] - b'0' + 1 + rng.below(9) as u8) % 10;
                first.pesel = String::from_utf8(digits).unwrap_or_default();
                (first, "literówka w numerze PESEL")
            }
            1 => {
                first.last_name = misspelt(&first.last_name);
                (first, "literówka w nazwisku")
            }
            _ => {
                // Another project of the same list in one rubric.
                let d = self.edition.parse_district(&card.district);
                let list = match d {
                    Some(d) if !card.local.is_empty() && rng.chance(0.5) => Some((&d.list, true)),
                    _ if !card.citywide.is_empty() => Some((&self.edition.citywide, false)),
                    _ => None,
                };
                if let Some((list, local)) = list {
                    let part = if local {
                        &mut first.local
                    } else {
                        &mut first.citywide
                    };
                    let unused = unused(list, part);
                    if !unused.is_empty() && !part.is_empty() {
                        let i = rng.index(part.len());
                        part[i] = rng.pick(&unused).to_string();
                        return (first, "pomyłka w numerze zadania");
                    }
                }
                first.last_name = misspelt(&first.last_name);
                (first, "literówka w nazwisku")
            }
        }
    }
}
