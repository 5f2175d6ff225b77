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

# The audit (src/tally/audit.rs).
tally-audit-head = Audyt — edycja { $edition }
tally-audit-ballots = Głosy: { $total } (ważne { $valid }, nieważne { $invalid })
tally-audit-recount-ok = Przeliczenie od nowa z wpisów dzienników: zgodne z wynikiem.
tally-audit-recount-differs = PRZELICZENIE OD NOWA Z WPISÓW DZIENNIKÓW DAJE INNY WYNIK: magazyn biura zmieniono poza urną; wynik nie może być ogłoszony.
tally-audit-imports = Importy ({ $count }; odrzucone: { $rejected })
tally-audit-accepted = przyjęty
tally-audit-unchanged = bez zmian
tally-audit-rejected = ODRZUCONY
tally-audit-point-export = punkt { $point } #{ $sequence }
tally-audit-point = punkt { $point }
tally-audit-internet = internet
tally-audit-decisions = Decyzje biura ({ $count })
tally-audit-no-decisions = brak — biuro nie unieważniło żadnych głosów
tally-audit-annulment = unieważnienie głosów internetowych z numeru PESEL { $pesel }: { $reason } ({ $votes })
tally-audit-invalid = Głosy nieważne ({ $count })
tally-audit-multiple = Osoby, które głosowały więcej niż raz — każdy ich głos jest nieważny ({ $count })
tally-audit-source-point = punkt { $point }, karta { $card }, paczka { $bundle }, operator { $operator }
tally-audit-source-internet = internet, głos { $id }, plik { $file }:{ $line }

# Internet files and the journal's seal (src/tally/online.rs, store/seal.rs).
tally-online-no-id = brak id wiersza
tally-online-line = linia { $line }: { $what }
tally-online-nothing-imported = { $file }: nic nie zaimportowano; { $faults }
tally-seal-other-kiosk = dziennik założył inny klucz kiosku lub inny punkt
tally-seal-not-the-key = pieczęć nie jest pieczęcią klucza dziennika nad tym stanem (wpisy zmienione, dodane lub usunięte bez PIN-u)
tally-seal-none = manifest nie ma pieczęci
tally-seal-creation-in-middle = wpis o założeniu magazynu w środku dziennika
tally-seal-delta-needs-creation = przyrost wymaga dziennika zaczynającego się od wpisu o założeniu magazynu (klucz dziennika); trzeba przesłać całą paczkę
