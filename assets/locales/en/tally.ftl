# The tally office: results as text (src/tally/report.rs) …

tally-money = PLN { $amount }
tally-key-top-points = more votes giving it the top points ({ $top })
tally-key-voters = more voters
tally-key-top-points-any = more votes giving the top points
tally-tie-settled = settled by the key { $key } ({ $meaning })
tally-tie-undecided = UNDECIDED: level on every key too; the edition file's order stands, the office decides
tally-tie-mark = tie: { $key }
tally-tie-mark-undecided = undecided tie
tally-selected = SELECTED
tally-not-selected = not selected
tally-report-head = Edition { $edition }: ballots { $total }, valid { $valid }, invalid { $invalid }
tally-report-tie-break = Level on points, the order is: { $keys }
tally-report-citywide = City-wide projects
tally-report-district = District { $roman } { $name }
tally-report-budget = budget { $budget }
tally-report-no-budget = no budget
tally-report-spent = selected cost { $spent }, left { $left }
tally-report-nothing-selected = without a budget and every cost nothing is selected
tally-report-col-top = votes×{ $top }
tally-report-col-rank = rank
tally-report-col-id = id
tally-report-col-points = points
tally-report-col-voters = voters
tally-report-col-cost = cost
tally-report-col-outcome = outcome · title
tally-report-tie = tie ({ $points } pts): { $projects } — { $how }

# The audit (src/tally/audit.rs).
tally-audit-head = Audit — edition { $edition }
tally-audit-ballots = Ballots: { $total } (valid { $valid }, invalid { $invalid })
tally-audit-recount-ok = Recount from the journal entries: equals the results.
tally-audit-recount-differs = THE RECOUNT FROM THE JOURNAL ENTRIES DIFFERS: the office's store was changed outside urna; the results must not be published.
tally-audit-imports = Imports ({ $count }; rejected: { $rejected })
tally-audit-accepted = accepted
tally-audit-unchanged = unchanged
tally-audit-rejected = REJECTED
tally-audit-point-export = point { $point } #{ $sequence }
tally-audit-point = point { $point }
tally-audit-internet = internet
tally-audit-decisions = The office's decisions ({ $count })
tally-audit-no-decisions = none — the office annulled no votes
tally-audit-annulment = internet votes annulled for PESEL { $pesel }: { $reason } ({ $votes })
tally-audit-invalid = Invalid ballots ({ $count })
tally-audit-multiple = People who voted more than once — every ballot of theirs is invalid ({ $count })
tally-audit-source-point = point { $point }, card { $card }, bundle { $bundle }, operator { $operator }
tally-audit-source-internet = internet, vote { $id }, file { $file }:{ $line }

# Internet files and the journal's seal (src/tally/online.rs, store/seal.rs).
tally-online-no-id = no id
tally-online-line = line { $line }: { $what }
tally-online-nothing-imported = { $file }: nothing imported; { $faults }
tally-seal-other-kiosk = the journal was created by another kiosk key or point
tally-seal-not-the-key = the seal is not the journal key's over this head (entries changed, added or removed without a PIN)
tally-seal-none = the manifest carries no seal
tally-seal-creation-in-middle = a store-creation entry in the middle of the journal
tally-seal-delta-needs-creation = a delta needs a journal that starts with its store's creation entry (the journal key); send the whole bundle

# The office's store errors (src/tally/store/**).
tally-error-not-initialised = { $dir } has no tally store: run `urna tally init` first
tally-error-already-initialised = { $dir } already holds a tally store
tally-error-database = database: { $error }
tally-error-database-value = database: a value of an unexpected type
tally-error-schema = database schema: { $error }

# Refusals of the office (paper samples, typed cards, simulate, decisions, trust).
tally-paper-empty = { $what } must not be empty
tally-paper-control = { $what } holds a control character
tally-paper-invisible = { $what } holds an invisible or text-direction character
tally-paper-too-long = { $what } may be at most { $max_text } characters long
tally-paper-spaces = { $what } starts or ends with a space: the seed is taken byte for byte, so give it without them
tally-paper-pesel-like = { $what } holds a run of digits like a PESEL; give the office worker's name
tally-paper-count-zero = --count must be at least 1
tally-paper-unknown-point = the office knows no point { $shown } (tally trust)
tally-paper-no-cards-point = the office has no card from point { $p } yet: there is nothing to draw from
tally-paper-no-cards = the office has no card from the points yet (tally import): there is nothing to draw from
tally-paper-unknown-field = unknown card field "{ $f }"; the card's fields: { $all }
tally-paper-no-such-card = the office has no card { $shown } from any point
tally-paper-not-drawn = card { $shown } was not drawn in any sample (tally audit-sample); only drawn cards are recorded
tally-paper-already-recorded = card { $shown } is already recorded (decision { $n }); to record it anew, add --again (the earlier record stays in the journal)
tally-typed-not-drawn = card { $shown } was not drawn in any sample: the office shows only drawn cards
tally-typed-unreadable = an entry of card { $shown } is unreadable: { $e }
tally-simulate-voters-zero = --voters must be at least 1
tally-simulate-voters-max = --voters may be at most { $max_voters }
tally-simulate-points-zero = --points must be at least 1 (or --online 100)
tally-simulate-online-percent = --online is a percentage, 0 to 100
tally-simulate-keying-percent = --keying-errors is a percentage, 0 to 100
tally-simulate-verify-percent = --verify is a percentage, 0 to 100
tally-simulate-points-max = --points may be at most 99999
tally-simulate-not-empty = { $shown } is not empty; simulate into a new folder
tally-annul-no-reason = a decision needs its reason (--reason)
tally-decision-chain = the office's decision { $seq } does not match its hash chain
tally-trust-point-id = a point id is letters, digits, '-' and '_' (up to 32), as in `urna init --point`
tally-trust-not-a-key = not a minisign public key (`urna key` prints one)
tally-trust-key-elsewhere = this kiosk key (id { $key_id }) is already trusted for point { $other }, and a kiosk serves one point: probably the wrong .pub file (`urna key` on point { $point }'s kiosk prints its key)
tally-trust-other-key = point { $point } is already trusted with another key
tally-error-not-identity = { $shown }: not an age identity

# Paper samples in the audit (src/tally/paper.rs).
tally-percent = { $value }%
tally-paper-head = Typed cards checked against the paper ({ $samples })
tally-paper-sample = sample from seed „{ $seed }”, { $cards } of { $population } { $point }{ $all ->
        [yes] , that is all
       *[no] {""}
    }; drawn by { $operator }
tally-paper-sample-point = (point { $point })
tally-paper-sample-all-points = (all points)
tally-paper-drawn = Drawn: { $drawn }; not checked yet: { $unchecked }
tally-paper-checked = Checked against the paper: { $checked }; with a difference: { $found }
tally-paper-card-rate = Estimated share of cards typed wrong: { $rate } (upper bound 95 %: { $bound })
tally-paper-field-rate = Fields with a difference: { $found } of { $fields } ({ $rate }; upper bound 95 %: { $bound })
tally-paper-record = card { $card } (point { $point }): { $verdict }; checked by { $operator }
tally-paper-superseded = {" "}— replaced by decision { $decision }
tally-paper-matches = matches the paper
tally-paper-differs = DIFFERS: { $fields }

# Verification at the points (src/tally/verification.rs).
tally-verification-head = Verification at the points (cards entered, verified, fields compared, keyer errors, errors per 100 fields)
tally-verification-point = entered { $entered }, verified { $verified } ({ $percent } %), fields { $fields }, keyer errors { $errors }, per 100 fields { $per_100 }; cards keyed wrong { $wrong }/{ $verified }, 95% upper bound { $bound }

# A typed card (src/tally/typed.rs).
tally-typed-head = Card { $card } (point { $point })
tally-typed-entered = entered
tally-typed-amended = amended
tally-typed-voided = voided
tally-typed-version = { $kind } { $at } by { $operator }
tally-typed-voided-card = The card is voided: it does not count.

# tally simulate (src/tally/simulate/mod.rs).
tally-simulate-written = Simulation written to { $out } ({ $seconds } s):
tally-simulate-made = { $persons }, { $points } ({ $bundles } in usb/), { $online } (internet.csv)
tally-simulate-cards = { $cards }: defective { $defective }, amended { $amended }, voided { $voided }
tally-simulate-double = voted twice: { $persons }
tally-simulate-keyed-wrong = typed wrong and never corrected: { $cards } (paper-truth.csv)
tally-simulate-next = Next: README.txt (sh trust.sh, import usb/ and internet.csv); the true figures are in expected.json.

# urna tally … (src/cli/tally.rs).
tally-cli-ready = Office ready. The key (age recipient) to give the kiosks:
tally-cli-cannot-read-folder = CANNOT READ THE FOLDER
tally-cli-no-bundles = no .urna files found
tally-cli-bundle-known = already known — nothing changes
tally-cli-bundle-rejected = REJECTED
tally-cli-online-known = already known — nothing changes
tally-cli-online-rejected = REJECTED
tally-cli-annul-no-reason = a decision needs its reason (--reason)
tally-cli-annul-reason-pesel = --reason holds a run of digits like a PESEL: the decision keeps the PESEL masked, the reason is shown in the audit — leave the number out
tally-cli-pabulib-needs-out = pabulib is several files: give a folder with --out
tally-cli-trusted = Trusted kiosk of point { $point }: { $id }
tally-cli-bundle-accepted = accepted ({ $point }, new entries: { $entries })
tally-cli-import-summary = Bundles accepted: { $accepted }, unchanged: { $unchanged }, rejected: { $rejected }
tally-cli-rows-accepted = rows accepted: { $rows }
tally-cli-annulled = Decision { $decision }: annulled the internet votes of PESEL { $pesel } — { $votes }

# urna tally audit-sample / audit-record (src/cli/audit_sample.rs).
tally-sample-needs-args = give --seed, --count and --as (or --all-ids)
tally-sample-head = Sample for the check against paper, seed „{ $seed }”{ $point }: drew { $cards } of { $population } (decision { $decision }{ $already ->
        [yes] , the same sample was already journaled
       *[no] {""}
    })
tally-sample-head-point = , point { $point }
tally-sample-fewer = Asked for { $count }, but the population holds only { $population }: all are drawn.
tally-sample-population = The population (tally audit-sample --all-ids): sha256 { $sha256 }
tally-sample-card = point { $point }{ $name }, card no. { $number } ({ $card }), bundle { $bundle } #{ $sequence }
tally-record-done = Decision { $decision }: card { $card } { $verdict }

# urna verification (src/cli/verification.rs).
tally-verification-policy-all = every card is verified
tally-verification-policy-sample = sample: each operator's first { $first }, then { $share }% (more with errors)
tally-verification-set = Verification: { $policy }.
tally-verification-show = Verification: { $policy }; { $n ->
       *[other] waiting in the sample:
    } { $waiting }.
