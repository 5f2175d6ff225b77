# The tally office: results as text (src/tally/report.rs) …

tally-money = { $amount } zł
tally-key-top-points = więcej głosów z najwyższą liczbą punktów ({ $top })
tally-key-voters = więcej głosujących
tally-key-top-points-any = więcej głosów z najwyższą liczbą punktów
tally-tie-settled = rozstrzygnięty kluczem { $key } ({ $meaning })
tally-tie-undecided = NIEROZSTRZYGNIĘTY: równe także według każdego klucza; kolejność z pliku edycji, decyduje biuro
tally-tie-mark = remis: { $key }
tally-tie-mark-undecided = remis nierozstrzygnięty
tally-selected = WYBRANE
tally-not-selected = niewybrane
tally-report-head = Edycja { $edition }: kart { $total }, ważnych { $valid }, nieważnych { $invalid }
tally-report-tie-break = Przy równej liczbie punktów decyduje: { $keys }
tally-report-citywide = Zadania ogólnomiejskie
tally-report-district = Dzielnica { $roman } { $name }
tally-report-budget = budżet { $budget }
tally-report-no-budget = bez budżetu
tally-report-spent = wybrane kosztują { $spent }, zostaje { $left }
tally-report-nothing-selected = bez budżetu i kosztu każdego zadania nic nie jest wybierane
tally-report-col-top = głos.×{ $top }
tally-report-col-rank = msc
tally-report-col-id = nr
tally-report-col-points = punkty
tally-report-col-voters = głos.
tally-report-col-cost = koszt
tally-report-col-outcome = wynik · tytuł
tally-report-tie = remis ({ $points } pkt): { $projects } — { $how }
