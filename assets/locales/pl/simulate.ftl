# `tally simulate`: plan (liczby z wiersza poleceń), którego edycja biura
# nie mieści.
simulate-window-past-calendar = okno głosowania edycji sięga poza ostatnią datę, jaką urna obsługuje (voting_end = { $end })
simulate-window-empty = okno głosowania edycji nie ma ani jednego dnia (voting_start = { $start }, voting_end = { $end })
simulate-paper-needs-point = głosujący na papierze (tu { $voters }) potrzebują co najmniej jednego punktu: podaj --points 1 lub więcej albo --online 100
simulate-dates-out-of-range = daty edycji (voting_start = { $start }, voting_end = { $end }, min_age = { $min_age }) dają daty urodzenia głosujących poza kalendarzem, który urna obsługuje
simulate-band-full = --voters { $voters } to za dużo dla tej edycji: głosujący nie mieszczą się w numerach PESEL jednej grupy wiekowej; symuluj najwyżej { $max }
simulate-underage-full = --voters { $voters } to za dużo dla tej edycji: co { $every }. głosujący jest symulowany jako za młody, a min_age = { $min_age } zostawia dla nich za mało numerów PESEL; symuluj najwyżej { $max }
simulate-no-pesel = { $field } = { $value } w edycji daje głosujących urodzonych { $born }, a numery PESEL istnieją tylko dla dat urodzenia z lat 1800–2299
simulate-point-bundle = punkt { $point }: { $error }
