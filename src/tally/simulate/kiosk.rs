//! One polling point's kiosk: its journal, typed card by card as
//! `Store` would write it (entered, amended, voided), and its bundle.

use super::*;

/// A kiosk journal being written: canonical lines and the chain's head.
pub(super) struct Journal {
    pub(super) lines: Vec<u8>,
    pub(super) prev: Hash,
    pub(super) seq: u64,
}

impl Journal {
    pub(super) fn push(&mut self, at: String, operator: &str, event: Event) {
        self.seq += 1;
        let entry = Entry {
            seq: self.seq,
            at,
            operator: operator.to_string(),
            event,
        };
        let body = entry.canonical_bytes();
        self.prev = chain_hash(&self.prev, &body);
        self.lines.extend_from_slice(&body);
        self.lines.push(b'\n');
    }
}

/// Poland's offset from UTC on a day: CEST from the last Sunday of March to
/// the last Sunday of October, CET otherwise (in the daytime).
pub(super) fn warsaw_offset(day: NaiveDate) -> FixedOffset {
    let last_sunday = |month: u32| {
        let mut d = NaiveDate::from_ymd_opt(day.year(), month, 31)?;
        while d.weekday() != Weekday::Sun {
            d = d.pred_opt()?;
        }
        Some(d)
    };
    let summer = match (last_sunday(3), last_sunday(10)) {
        (Some(from), Some(to)) => day >= from && day < to,
        _ => false,
    };
    let hours = if summer { 2 } else { 1 };
    FixedOffset::east_opt(hours * 3600).unwrap_or_else(|| chrono::Utc.fix())
}

/// `day` at `secs` after midnight, local time, RFC 3339.
pub(super) fn at(day: NaiveDate, secs: u32) -> String {
    let secs = secs.min(86_399);
    let offset = warsaw_offset(day);
    format!(
        "{day}T{:02}:{:02}:{:02}{offset}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// A card typed today whose fate (amended, voided) is decided by evening.
pub(super) struct DayCard {
    pub(super) id: String,
    pub(super) key: Option<String>,
    pub(super) assessment: Assessment,
    pub(super) double: bool,
    pub(super) defect: bool,
    pub(super) voided: bool,
    pub(super) amended: bool,
    pub(super) flagged: bool,
    /// Typed with one field wrong and never corrected: the field, and the
    /// verdict on the paper (`keying`).
    pub(super) keyed_wrong: Option<(String, Assessment)>,
    /// The paper card, when it was typed wrong.
    pub(super) paper: Option<RawCard>,
    /// Who keyed the current version, and its entry.
    pub(super) keyer: String,
    pub(super) version_seq: u64,
}

/// The kiosk's index of PESELs: cards (not voided) whose latest version
/// carries each, in the order of that version, as `Store::enter_card` sees it.
#[derive(Default)]
pub(super) struct PeselIndex(HashMap<String, Vec<String>>);

impl PeselIndex {
    pub(super) fn others(&self, key: &Option<String>, except: &str) -> Vec<String> {
        key.as_ref()
            .and_then(|k| self.0.get(k))
            .map(|ids| ids.iter().filter(|id| *id != except).cloned().collect())
            .unwrap_or_default()
    }

    pub(super) fn add(&mut self, key: &Option<String>, id: &str) {
        if let Some(k) = key {
            self.0.entry(k.clone()).or_default().push(id.to_string());
        }
    }

    pub(super) fn remove(&mut self, key: &Option<String>, id: &str) {
        if let Some(ids) = key.as_ref().and_then(|k| self.0.get_mut(k)) {
            ids.retain(|i| i != id);
        }
    }
}

/// What one point's task produced.
pub(super) struct PointDone {
    pub(super) truth: Truth,
    pub(super) report: PointReport,
    /// Lines of `paper-truth.csv` (with `--keying-errors` only).
    pub(super) paper_truth: String,
}

/// One point in `expected.json`.
#[derive(Debug, Clone, Serialize)]
pub(super) struct PointReport {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) mobile: bool,
    pub(super) file: String,
    pub(super) days: Vec<NaiveDate>,
    /// Cards typed (voided ones included), as the manifest counts them.
    pub(super) cards: u64,
    pub(super) voided: u64,
    pub(super) amended: u64,
    /// Ballots that stand (cards less voided ones).
    pub(super) ballots: u64,
    /// The kiosk's own verdict (the manifest's counts).
    pub(super) kiosk_valid: u64,
    pub(super) kiosk_invalid: u64,
    /// Ballots of persons who also voted elsewhere.
    pub(super) multiple_votes: u64,
    /// Cards typed with a field wrong (`--keying-errors`), verified or not.
    pub(super) keyed_wrong: u64,
    /// Verification (`--verify`): cards verified, fields compared, keyer
    /// errors found (each a card keyed wrong, corrected).
    pub(super) verified: u64,
    pub(super) fields_compared: u64,
    pub(super) keyer_errors: u64,
}

/// How one card was typed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Typed<'a> {
    pub(super) operator: &'a str,
    /// Seconds after midnight.
    pub(super) secs: u32,
    pub(super) double: bool,
    pub(super) defect: bool,
}

/// A point's kiosk while it types one day's cards: its journal, its PESEL
/// index, and today's cards until their fate is known.
pub(super) struct Desk<'a> {
    pub(super) edition: &'a Edition,
    pub(super) point: &'a str,
    pub(super) journal: Journal,
    pub(super) index: PeselIndex,
    pub(super) today: Vec<DayCard>,
    pub(super) day: NaiveDate,
    pub(super) stop: Option<String>,
}

impl Desk<'_> {
    /// Journals a new card as `Store::enter_card` would; its place in `today`.
    pub(super) fn enter(&mut self, card: RawCard, typed: &Typed<'_>) -> usize {
        let id = format!("{}-{:06}", self.point, self.journal.seq + 1);
        let key = pesel_key(&card.pesel);
        let same_pesel = self.index.others(&key, &id);
        self.index.add(&key, &id);
        let assessment = card::assess(self.edition, &card, RuleOptions::default());
        self.today.push(DayCard {
            id: id.clone(),
            key,
            assessment: assessment.clone(),
            double: typed.double,
            defect: typed.defect,
            voided: false,
            amended: false,
            flagged: !same_pesel.is_empty(),
            keyed_wrong: None,
            paper: None,
            keyer: typed.operator.to_string(),
            version_seq: self.journal.seq + 1,
        });
        self.journal.push(
            at(self.day, typed.secs),
            typed.operator,
            Event::CardEntered {
                card_id: id,
                card,
                assessment,
                source: Source::Kiosk,
                same_pesel,
                training: false,
                stop: self.stop.clone(),
                keys: None,
            },
        );
        self.today.len() - 1
    }

    pub(super) fn void(&mut self, i: usize, operator: &str, secs: u32) {
        let c = &mut self.today[i];
        self.index.remove(&c.key, &c.id);
        c.voided = true;
        self.journal.push(
            at(self.day, secs),
            operator,
            Event::CardVoided {
                card_id: c.id.clone(),
                reason: "karta wprowadzona dwa razy".into(),
            },
        );
    }

    pub(super) fn amend(
        &mut self,
        i: usize,
        card: RawCard,
        reason: &str,
        operator: &str,
        secs: u32,
    ) {
        let c = &mut self.today[i];
        self.index.remove(&c.key, &c.id);
        let key = pesel_key(&card.pesel);
        let same_pesel = self.index.others(&key, &c.id);
        self.index.add(&key, &c.id);
        let assessment = card::assess(self.edition, &card, RuleOptions::default());
        c.key = key;
        c.assessment = assessment.clone();
        c.amended = true;
        c.keyer = operator.to_string();
        c.version_seq = self.journal.seq + 1;
        self.journal.push(
            at(self.day, secs),
            operator,
            Event::CardAmended {
                card_id: c.id.clone(),
                card,
                assessment,
                reason: reason.into(),
                same_pesel,
            },
        );
    }
}

/// Why point `point`'s bundle could not be sealed or written: a fault of
/// urna's own as one, else (the office's key, the file) as the bundle
/// code says it, after the point.
fn point_bundle(point: &str, e: bundle::ExportError) -> TallyError {
    let point = point.to_string();
    match e {
        bundle::ExportError::Fault(fault) => TallyFault::Bundle { point, fault }.into(),
        e => {
            let e = std::sync::Arc::new(e);
            refusal(move |lang| {
                tr!(
                    lang,
                    "simulate-point-bundle",
                    point = point.as_str(),
                    error = e.localized(lang)
                )
            })
        }
    }
}

/// Makes point `p`'s journal and bundle and writes its key and bundle.
pub(super) fn simulate_point(w: &World<'_>, p: usize, out: &Path) -> Result<PointDone> {
    let plan = &w.points[p];
    let edition = w.edition;
    let mut rng = Rng::new(w.seed, &[POINT, p as u64]);
    let (key, public) = signing::generate().map_err(|e| TallyFault::KioskKey {
        point: plan.id.clone(),
        detail: e.to_string(),
    })?;

    // Who votes here, on which day.
    let mut ballots: Vec<(usize, u64, u64)> = Vec::new();
    let day_of = |person: u64, ordinal: u64| {
        let mut r = Rng::new(w.seed, &[BALLOT, person, ordinal, 0]);
        let weights: Vec<f64> = plan.days.iter().map(|d| w.day_weights[*d]).collect();
        plan.days[r.weighted(&weights)]
    };
    for person in plan.start..plan.end {
        ballots.push((day_of(person, 0), person, 0));
    }
    for person in &w.guests[p] {
        ballots.push((day_of(*person, 1), *person, 1));
    }
    ballots.sort_unstable();

    let operators: Vec<String> = {
        let mut names: Vec<String> = Vec::new();
        let want = 3 + rng.index(3);
        while names.len() < want {
            let female = rng.chance(0.6);
            let s = *rng.pick(&w.names.surnames);
            let name = if female {
                format!("{} {}", rng.pick(&w.names.female), feminine(s))
            } else {
                format!("{} {}", rng.pick(&w.names.male), s)
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    };
    let coordinator = operators[0].clone();

    let mut journal = Journal {
        lines: Vec::new(),
        prev: GENESIS,
        seq: 0,
    };
    let first_day = w.days[plan.days[0]];
    for (i, name) in operators.iter().enumerate() {
        journal.push(
            at(first_day, 7 * 3600 + 30 * 60 + 60 * i as u32),
            &coordinator,
            Event::OperatorAdded {
                name: name.clone(),
                role: if i == 0 { "coordinator" } else { "volunteer" }.into(),
                pin_record: None,
            },
        );
    }

    let mut truth = Truth::new(edition);
    let mut counts = Counts {
        cards: 0,
        valid: 0,
        invalid: 0,
        invalid_by_reason: BTreeMap::new(),
        amended: 0,
        voided: 0,
        flagged: 0,
        verification: None,
    };
    let mut desk = Desk {
        edition,
        point: &plan.id,
        journal,
        index: PeselIndex::default(),
        today: Vec::new(),
        day: first_day,
        stop: None,
    };
    let defect_weights: Vec<f64> = Defect::ALL.iter().map(|d| d.1).collect();
    let mut paper_truth = String::new();
    let mut keyed_wrong_typed = 0u64;
    let mut checked = Checked::default();
    for group in ballots.chunk_by(|a, b| a.0 == b.0) {
        let day = w.days[group[0].0];
        desk.day = day;
        desk.journal
            .push(at(day, 8 * 3600), &coordinator, Event::DaySet { day });
        desk.stop = plan.mobile.then(|| rng.pick(&w.names.stops).to_string());
        if let Some(location) = &desk.stop {
            desk.journal.push(
                at(day, 8 * 3600 + 60),
                &coordinator,
                Event::StopSet {
                    location: location.clone(),
                },
            );
        }
        let step = (11 * 3600 / (group.len() as u32 + 1)).max(1);
        let mut amend: Vec<(usize, RawCard, &'static str)> = Vec::new();
        let mut void: Vec<usize> = Vec::new();
        for (k, (_, person_no, ordinal)) in group.iter().enumerate() {
            let secs = 9 * 3600 + step * k as u32;
            let operator = &operators[1 + (k / 40) % (operators.len() - 1)];
            let person = w.person(*person_no);
            let double = w.is_double(*person_no);
            let mut r = Rng::new(w.seed, &[BALLOT, *person_no, *ordinal, 1]);
            let mut card = w.card(&person, &mut r, plan.home, day);
            let mut defect = person.underage;
            if !defect && r.chance(DEFECT_RATE) {
                let mut kind = Defect::ALL[r.weighted(&defect_weights)].0;
                // A changed PESEL would hide a double voter from the tally.
                if kind == Defect::CheckDigit && double {
                    kind = Defect::Signature;
                }
                defect = w.spoil(&mut card, kind, &mut r);
            }
            let typed = Typed {
                operator,
                secs,
                double,
                defect,
            };
            if defect {
                desk.enter(card, &typed);
            } else if r.chance(AMEND_RATE) {
                let (first, reason) = w.mistyped(&card, &mut r);
                amend.push((desk.enter(first, &typed), card, reason));
            } else if r.chance(DUPLICATE_RATE) {
                desk.enter(card.clone(), &typed);
                let again = Typed {
                    secs: secs + 1,
                    ..typed
                };
                void.push(desk.enter(card, &again));
            } else if w.keying_errors > 0.0 && r.chance(w.keying_errors) {
                let (wrong, field) = keyed_wrong(w, &card, &mut r);
                let paper = card::assess(edition, &card, RuleOptions::default());
                let i = desk.enter(wrong, &typed);
                desk.today[i].keyed_wrong = Some((field, paper));
                desk.today[i].paper = Some(card);
                keyed_wrong_typed += 1;
            } else {
                desk.enter(card, &typed);
            }
        }
        // In the evening the coordinator voids what was typed twice and
        // corrects the typing mistakes found on checking.
        let mut secs = 20 * 3600 + 30 * 60;
        for i in void {
            desk.void(i, &coordinator, secs);
            secs += 30;
        }
        for (i, card, reason) in amend {
            desk.amend(i, card, reason, &coordinator, secs);
            secs += 30;
        }
        if w.verify > 0.0 {
            desk.verify_day(w, &operators, secs, &mut checked);
        }
        for c in desk.today.drain(..) {
            counts.cards += 1;
            truth.cards += 1;
            counts.flagged += u64::from(c.flagged);
            if c.amended {
                counts.amended += 1;
                truth.amended += 1;
            }
            if c.voided {
                counts.voided += 1;
                truth.voided += 1;
                continue;
            }
            if c.assessment.is_valid() {
                counts.valid += 1;
            } else {
                counts.invalid += 1;
                for r in &c.assessment.reasons {
                    *counts
                        .invalid_by_reason
                        .entry(r.code().to_string())
                        .or_default() += 1;
                }
            }
            if c.defect {
                truth.defective += 1;
                for r in &c.assessment.reasons {
                    truth.defects[*r as usize] += 1;
                }
            }
            truth.paper += 1;
            if w.keying_errors > 0.0 {
                truth_line(
                    &mut paper_truth,
                    &plan.id,
                    &c.id,
                    c.keyed_wrong.as_ref().map(|(f, _)| f.as_str()),
                );
            }
            // The truth is the paper's: a card typed wrong counts as written.
            let paper = c.keyed_wrong.as_ref().map_or(&c.assessment, |(_, a)| a);
            truth.ballot(w, paper, c.double);
        }
    }
    let last_day = desk.day;
    let mut journal = desk.journal;

    let entries = journal.seq;
    let head_hash = hex::encode(journal.prev);
    let offset = warsaw_offset(last_day);
    let created = last_day
        .and_hms_opt(21, 0, 0)
        .and_then(|t| t.and_local_timezone(offset).single())
        .ok_or_else(|| TallyFault::ExportTime {
            point: plan.id.clone(),
            day: last_day.to_string(),
        })?;
    let multiple = truth.multiple;
    let sealed = bundle::seal(Contents {
        edition: &edition.id,
        point: PointInfo {
            id: plan.id.clone(),
            name: plan.name.clone(),
            mobile: plan.mobile,
        },
        training: false,
        key: &key,
        recipient: &w.recipient,
        sequence: 1,
        previous_bundle: None,
        day: last_day,
        created,
        counts: Counts {
            verification: checked.totals(),
            ..counts.clone()
        },
        journal: std::mem::take(&mut journal.lines),
        entries,
        head_hash,
        journal_seal: None,
        investigation: false,
    })
    .map_err(|e| point_bundle(&plan.id, e))?;
    let key_path = out.join("keys").join(format!("{}.pub", plan.id));
    fs::write(&key_path, public.as_bytes()).map_err(io_err(&key_path))?;
    let stick = out.join("usb").join(&plan.id);
    fs::DirBuilder::new()
        .mode(0o700)
        .create(&stick)
        .map_err(io_err(&stick))?;
    let file = sealed.file_name();
    let path = stick.join(&file);
    bundle::write_atomically(&path, &sealed.tar).map_err(|e| point_bundle(&plan.id, e))?;
    Ok(PointDone {
        report: PointReport {
            id: plan.id.clone(),
            name: plan.name.clone(),
            mobile: plan.mobile,
            file,
            days: plan.days.iter().map(|d| w.days[*d]).collect(),
            cards: counts.cards,
            voided: counts.voided,
            amended: counts.amended,
            ballots: counts.cards - counts.voided,
            kiosk_valid: counts.valid,
            kiosk_invalid: counts.invalid,
            multiple_votes: multiple,
            keyed_wrong: keyed_wrong_typed,
            verified: checked.cards,
            fields_compared: checked.fields,
            keyer_errors: checked.keyer_errors,
        },
        truth,
        paper_truth,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poland_changes_its_clocks() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(at(d(2014, 9, 27), 9 * 3600), "2014-09-27T09:00:00+02:00");
        assert_eq!(at(d(2014, 10, 26), 0), "2014-10-26T00:00:00+01:00");
        assert_eq!(at(d(2014, 10, 25), 0), "2014-10-25T00:00:00+02:00");
        assert_eq!(at(d(2021, 3, 28), 0), "2021-03-28T00:00:00+02:00");
        assert_eq!(at(d(2021, 1, 5), 86_400), "2021-01-05T23:59:59+01:00");
    }
}
