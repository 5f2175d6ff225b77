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
