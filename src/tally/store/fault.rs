//! What urna's own office code should never let happen
//! ([`TallyError::Internal`](super::TallyError::Internal)): a closed set of
//! faults, each said from `errors-internal.ftl` inside "an internal error
//! of urna: …; please report it", in the user's language.

use crate::i18n::Lang;
use crate::tr;

/// An internal fault of the tally or of the simulator. Nothing here holds
/// a library's words that could quote a stored value (a PESEL, a name).
#[derive(Debug)]
pub enum TallyFault {
    /// A stored card's JSON is not a card.
    CardUnreadable,
    /// A stored journal entry's JSON is not an entry.
    EntryUnreadable,
    /// A stored internet vote's JSON is not one.
    OnlineUnreadable,
    /// A stored card entry holds no card.
    EntryWithoutCard { point: String, seq: u64 },
    /// One of the office's decisions is not one.
    DecisionUnreadable { seq: u64 },
    /// A decision would not become JSON.
    DecisionUnwritable,
    /// The hash the office keeps of a point's entry is not 32 bytes.
    CopyHashLength { seq: u64 },
    /// A thread counting ballots stopped before its work ran out.
    CountingStopped,
    /// The thread reading bundles stopped before the last one.
    ReaderStopped,
    /// The side storing a bundle's entries stopped listening.
    StoringStopped,
    /// A worker of `tally simulate` panicked.
    WorkerFailed,
    /// A worker of `tally simulate` left a task undone.
    WorkerStopped,
    /// The simulator made a point id the kiosk would refuse.
    PointId { id: String },
    /// The simulator could not make a point's kiosk key (the library's
    /// words).
    KioskKey { point: String, detail: String },
    /// The simulator found no 21:00 on a point's last day.
    ExportTime { point: String, day: String },
    /// The simulator's `expected.json` would not become JSON.
    ExpectedUnwritable,
    /// The CSV writer refused a row of a file the simulator writes.
    CsvRow { path: String },
    /// Sealing a simulated point's bundle met a fault of its own.
    Bundle {
        point: String,
        fault: crate::bundle::ExportFault,
    },
}

impl TallyFault {
    /// What went wrong, in `lang`, without the frame around it.
    pub fn what(&self, lang: Lang) -> String {
        use TallyFault::*;
        match self {
            CardUnreadable => tr!(lang, "internal-card-unreadable"),
            EntryUnreadable => tr!(lang, "internal-entry-unreadable"),
            OnlineUnreadable => tr!(lang, "internal-online-unreadable"),
            EntryWithoutCard { point, seq } => tr!(
                lang,
                "internal-entry-without-card",
                point = point.as_str(),
                seq = *seq
            ),
            DecisionUnreadable { seq } => tr!(lang, "internal-decision-unreadable", seq = *seq),
            DecisionUnwritable => tr!(lang, "internal-decision-unwritable"),
            CopyHashLength { seq } => tr!(lang, "internal-copy-hash-length", seq = *seq),
            CountingStopped => tr!(lang, "internal-counting-stopped"),
            ReaderStopped => tr!(lang, "internal-reader-stopped"),
            StoringStopped => tr!(lang, "internal-storing-stopped"),
            WorkerFailed => tr!(lang, "internal-worker-failed"),
            WorkerStopped => tr!(lang, "internal-worker-stopped"),
            PointId { id } => tr!(lang, "internal-point-id", id = id.as_str()),
            KioskKey { point, detail } => tr!(
                lang,
                "internal-kiosk-key",
                point = point.as_str(),
                detail = detail.as_str()
            ),
            ExportTime { point, day } => tr!(
                lang,
                "internal-export-time",
                point = point.as_str(),
                day = day.as_str()
            ),
            ExpectedUnwritable => tr!(lang, "internal-expected-unwritable"),
            CsvRow { path } => tr!(lang, "internal-csv-row", path = path.as_str()),
            Bundle { point, fault } => tr!(
                lang,
                "internal-point-bundle",
                point = point.as_str(),
                what = fault.what(lang)
            ),
        }
    }

    /// The fault in `lang`, framed as an internal error to report.
    pub fn describe(&self, lang: Lang) -> String {
        tr!(lang, "internal-tally", what = self.what(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fault_is_said_in_every_language() {
        let all = [
            TallyFault::CardUnreadable,
            TallyFault::EntryUnreadable,
            TallyFault::OnlineUnreadable,
            TallyFault::EntryWithoutCard {
                point: "P01".into(),
                seq: 7,
            },
            TallyFault::DecisionUnreadable { seq: 3 },
            TallyFault::DecisionUnwritable,
            TallyFault::CopyHashLength { seq: 9 },
            TallyFault::CountingStopped,
            TallyFault::ReaderStopped,
            TallyFault::StoringStopped,
            TallyFault::WorkerFailed,
            TallyFault::WorkerStopped,
            TallyFault::PointId { id: "P 1".into() },
            TallyFault::KioskKey {
                point: "P01".into(),
                detail: "x".into(),
            },
            TallyFault::ExportTime {
                point: "P01".into(),
                day: "2014-10-05".into(),
            },
            TallyFault::ExpectedUnwritable,
            TallyFault::CsvRow {
                path: "internet.csv".into(),
            },
            TallyFault::Bundle {
                point: "P01".into(),
                fault: crate::bundle::ExportFault::Recipients,
            },
        ];
        for lang in [Lang::Pl, Lang::En, Lang::Uk] {
            let mut seen = std::collections::HashSet::new();
            for f in &all {
                let text = f.describe(lang);
                assert!(seen.insert(text.clone()), "{text}");
            }
        }
        let en = TallyFault::EntryWithoutCard {
            point: "P01".into(),
            seq: 7,
        }
        .describe(Lang::En);
        assert!(en.contains("P01") && en.contains('7'), "{en}");
        assert!(en.contains("internal"), "{en}");
        let pl = TallyFault::CountingStopped.describe(Lang::Pl);
        assert!(pl.contains("wewnętrzny"), "{pl}");
    }
}
