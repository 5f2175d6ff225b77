# The public results page (src/tally/html/**).

html-lang = en
html-citywide = City-wide projects
html-district = District { $roman } — { $name }
html-footer-edition = edition
html-date = { $year }-{ $month }-{ $day } { $time } (UTC{ $offset })
html-results-title = Voting results
html-edition = Edition
html-as-of = As of { $at }
html-no-data = No data received yet
html-reported = { $reported } of { $all } { $n ->
        [one] has reported
       *[other] have reported
    }
html-sample = Sample data.
html-sample-note = The project titles, costs and budgets of this edition are samples — this is not the official list of projects.
html-contents = Contents
html-ballots = Ballots
html-channels-points = Channels and points
html-how-to-check = How to check
html-rule = The rule: projects are ordered by points; level on points, the edition's tie-break keys order them, in turn: { $keys } (<code>top_points</code>: more votes giving the top points, <code>voters</code>: more voters). A project is selected if its cost fits what is left of the budget; otherwise it is skipped and the next one is tried. A tie that changed the selection is described at its list.
html-check-json = The same figures come from <code>urna tally results --format json</code> (and <code>--format csv</code> and <code>--format text</code>); this page is made from them and adds nothing.
html-check-pabulib = <code>urna tally results --format pabulib --out FOLDER</code> writes every valid ballot in the Pabulib format (a file per district and one city-wide), so anyone can recount with their own program, e.g. pabutools.
html-check-audit = <code>urna tally audit</code> lists every invalid ballot with its reasons and source (point, bundle, operator, or internet file), every person who voted more than once, every import — accepted or rejected — and the office's decisions.
html-check-bundle = A point's bundle can be checked without urna: <code>minisign -V -p kiosk.pub -m manifest.json</code>, or <code>urna verify FILE</code>.
html-check-as-of = “As of” is the time of the last accepted import, not of making the page: the same data always gives the same page, so a copy can be compared with the original by its SHA-256.

html-cast = { $total } cast
html-ballot-count = Number of ballots
html-all = All
html-valid = Valid
html-invalid = Invalid
html-invalid-by-reason = Invalid ballots by reason
html-no-invalid = There are no invalid ballots.
html-code = Code
html-reason = Reason
html-reasons-note = One ballot can be invalid for several reasons at once, so the figures above may add up to more than the number of invalid ballots. An invalid ballot gives no points to any project.
html-by-channel = Ballots by channel and point
html-channels = Voting channels
html-channel = Channel
html-paper = Paper cards at polling points
html-internet = Internet
html-total = Total
html-no-point-ballots = There are no ballots from polling points.
html-by-point = Paper cards by polling point
html-point = Point
html-not-reported = not reported
html-voided-note = A card voided at the point (spoilt, typed twice) is not a ballot and is not counted here. The audit shows every amendment and voiding.

html-selected = ✓ selected
html-not-selected = ✗ not selected
html-budget = Budget: { $budget }.
html-no-budget = No budget.
html-spent = Selected: { $chosen }, costing { $spent } (left: { $left }).
html-nothing-selected = Without a budget and every project's cost no projects are selected; the list shows points and ranks.
html-list-totals = Valid ballots with picks on this list: { $ballots }; points in all: { $points }.
html-no-points = Nobody gave points to the projects of this list.
html-points-chart = Points per project
html-rank = Rank
html-id = Id
html-cost = Cost
html-points = Points
html-voters = Voters
html-top-votes = Top-points votes
html-outcome = Outcome
html-list-caption = { $heading }: results
html-project = Project
html-shares-note = Share of points: of all points on this list. Share of voters: of the valid ballots with picks on this list, those that gave the project points.
html-tie-figures = top-points votes ({ $top }): { $top_votes }, voters: { $voters }
html-tie-member = <code>{ $id }</code> “{ $title }” ({ $figures }; { $outcome })
html-tie-level = Projects { $names } have the same points ({ $points }), and not all of them could be selected.
html-tie-settled = Settled by the edition's tie-break key <code>{ $key }</code>: { $meaning }.
html-tie-undecided = <strong>Undecided:</strong> the projects are level on every tie-break key of the edition too. This page lists them in the edition file's order and marks the selection by it; the office decides.
html-tie = Tie.

html-verification = Verification at the points
html-verification-entered = Cards entered
html-verification-verified = Verified
html-verification-verified-percent = Verified (%)
html-verification-fields = Fields compared
html-verification-errors = Keyer errors
html-verification-per-100 = Per 100 fields
