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
