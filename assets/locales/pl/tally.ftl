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

# The office's store errors (src/tally/store/**).
tally-error-not-initialised = w { $dir } nie ma magazynu biura: najpierw uruchom `urna tally init`
tally-error-already-initialised = w { $dir } już jest magazyn biura
tally-error-database = baza danych: { $error }
tally-error-database-value = baza danych: wartość nieoczekiwanego typu
tally-error-schema = schemat bazy danych: { $error }

# Refusals of the office (paper samples, typed cards, simulate, decisions, trust).
tally-paper-empty = { $what } nie może być puste
tally-paper-control = { $what } zawiera znak sterujący
tally-paper-invisible = { $what } zawiera znak niewidoczny albo zmieniający kierunek tekstu
tally-paper-too-long = { $what } może mieć najwyżej { $max_text } znaków
tally-paper-spaces = { $what } zaczyna się albo kończy spacją: ziarno jest brane bajt po bajcie, więc podaj je bez nich
tally-paper-pesel-like = { $what } zawiera ciąg cyfr jak PESEL; podaj imię i nazwisko pracownika biura
tally-paper-count-zero = --count musi wynosić co najmniej 1
tally-paper-unknown-point = biuro nie zna punktu { $shown } (tally trust)
tally-paper-no-cards-point = biuro nie ma jeszcze żadnej karty z punktu { $p }: nie ma z czego losować
tally-paper-no-cards = biuro nie ma jeszcze żadnej karty z punktów (tally import): nie ma z czego losować
tally-paper-unknown-field = nieznane pole karty „{ $f }”; pola karty: { $all }
tally-paper-no-such-card = biuro nie ma karty { $shown } z żadnego punktu
tally-paper-not-drawn = karta { $shown } nie została wylosowana w żadnej próbie (tally audit-sample); zapisuje się tylko karty wylosowane
tally-paper-already-recorded = karta { $shown } jest już zapisana (decyzja nr { $n }); aby zapisać ją na nowo, dodaj --again (poprzedni zapis zostaje w dzienniku)
tally-typed-not-drawn = karta { $shown } nie została wylosowana w żadnej próbie: biuro pokazuje tylko karty wylosowane
tally-typed-unreadable = wpis karty { $shown } nieczytelny: { $e }
tally-simulate-voters-zero = --voters musi wynosić co najmniej 1
tally-simulate-voters-max = --voters może wynosić najwyżej { $max_voters }
tally-simulate-points-zero = --points musi wynosić co najmniej 1 (albo --online 100)
tally-simulate-online-percent = --online to procent, od 0 do 100
tally-simulate-keying-percent = --keying-errors to procent, od 0 do 100
tally-simulate-verify-percent = --verify to procent, od 0 do 100
tally-simulate-points-max = --points może wynosić najwyżej 99999
tally-simulate-not-empty = { $shown } nie jest pusty; symuluj do nowego folderu
tally-annul-no-reason = decyzja wymaga uzasadnienia (--reason)
tally-decision-chain = decyzja biura nr { $seq } nie pasuje do swojego łańcucha skrótów
tally-trust-point-id = identyfikator punktu to litery, cyfry, „-” i „_” (najwyżej 32 znaki), jak w `urna init --point`
tally-trust-not-a-key = to nie jest klucz publiczny minisign (wypisuje go `urna key`)
tally-trust-key-elsewhere = ten klucz kiosku (id { $key_id }) jest już zaufany dla punktu { $other }, a kiosk obsługuje jeden punkt: to chyba nie ten plik .pub (`urna key` na kiosku punktu { $point } wypisuje jego klucz)
tally-trust-other-key = punkt { $point } jest już zaufany z innym kluczem
tally-error-not-identity = { $shown }: to nie jest klucz tożsamości age

# Paper samples in the audit (src/tally/paper.rs).
tally-percent = { $value } %
tally-paper-head = Kontrola kart z papierem ({ $samples })
tally-paper-sample = próba z ziarna „{ $seed }”, { $cards } z { $population } { $point }{ $all ->
        [yes] , czyli wszystkie
       *[no] {""}
    }; losował(a) { $operator }
tally-paper-sample-point = (punkt { $point })
tally-paper-sample-all-points = (wszystkie punkty)
tally-paper-drawn = Wylosowane: { $drawn }; jeszcze niesprawdzone: { $unchecked }
tally-paper-checked = Sprawdzone z papierem: { $checked }; z różnicą: { $found }
tally-paper-card-rate = Szacowany odsetek kart wpisanych z błędem: { $rate } (górna granica 95 %: { $bound })
tally-paper-field-rate = Pola z różnicą: { $found } z { $fields } ({ $rate }; górna granica 95 %: { $bound })
tally-paper-record = karta { $card } (punkt { $point }): { $verdict }; sprawdził(a) { $operator }
tally-paper-superseded = {" "}— zastąpiona decyzją nr { $decision }
tally-paper-matches = zgodna z papierem
tally-paper-differs = RÓŻNI SIĘ: { $fields }

# Verification at the points (src/tally/verification.rs).
tally-verification-head = Weryfikacja w punktach (karty wpisane, zweryfikowane, pola porównane, błędy wpisującego, błędy na 100 pól)
tally-verification-point = wpisane { $entered }, zweryfikowane { $verified } ({ $percent } %), pola { $fields }, błędy wpisującego { $errors }, na 100 pól { $per_100 }; karty z błędem { $wrong }/{ $verified }, górna granica 95% { $bound }

# A typed card (src/tally/typed.rs).
tally-typed-head = Karta { $card } (punkt { $point })
tally-typed-entered = wpisana
tally-typed-amended = poprawiona
tally-typed-voided = anulowana
tally-typed-version = { $kind } { $at } przez { $operator }
tally-typed-voided-card = Karta anulowana: nie liczy się.

# tally simulate (src/tally/simulate/mod.rs).
tally-simulate-written = Symulacja zapisana w { $out } ({ $seconds } s):
tally-simulate-made = { $persons }, { $points } ({ $bundles } w usb/), { $online } (internet.csv)
tally-simulate-cards = { $cards }: z wadą { $defective }, poprawionych { $amended }, anulowanych { $voided }
tally-simulate-double = głosujący dwa razy: { $persons }
tally-simulate-keyed-wrong = wpisane z błędem i niepoprawione: { $cards } (paper-truth.csv)
tally-simulate-next = Dalej: README.txt (sh trust.sh, import usb/ i internet.csv); prawdziwe liczby są w expected.json.

# urna tally … (src/cli/tally.rs).
tally-cli-ready = Biuro gotowe. Klucz (odbiorca age) do wpisania w kioskach:
tally-cli-cannot-read-folder = NIE MOŻNA ODCZYTAĆ FOLDERU
tally-cli-no-bundles = nie znaleziono plików .urna
tally-cli-bundle-known = już znana — nic się nie zmienia
tally-cli-bundle-rejected = ODRZUCONA
tally-cli-online-known = już znany — nic się nie zmienia
tally-cli-online-rejected = ODRZUCONY
tally-cli-annul-no-reason = decyzja potrzebuje uzasadnienia (--reason)
tally-cli-annul-reason-pesel = --reason zawiera ciąg cyfr jak PESEL: decyzja zapisuje PESEL zamaskowany, uzasadnienie jest jawne w audycie — usuń z niego numer
tally-cli-pabulib-needs-out = format pabulib to kilka plików: podaj folder w --out
tally-cli-trusted = Zaufany kiosk punktu { $point }: { $id }
tally-cli-bundle-accepted = przyjęta ({ $point }, nowe wpisy: { $entries })
tally-cli-import-summary = Paczki przyjęte: { $accepted }, bez zmian: { $unchanged }, odrzucone: { $rejected }
tally-cli-rows-accepted = przyjęto wierszy: { $rows }
tally-cli-annulled = Decyzja { $decision }: unieważniono głosy internetowe z numeru PESEL { $pesel } — { $votes }

# urna tally audit-sample / audit-record (src/cli/audit_sample.rs).
tally-sample-needs-args = podaj --seed, --count i --as (albo --all-ids)
tally-sample-head = Próba do kontroli z papierem, ziarno „{ $seed }”{ $point }: wylosowano { $cards } spośród { $population } (decyzja nr { $decision }{ $already ->
        [yes] , ta sama próba była już zapisana
       *[no] {""}
    })
tally-sample-head-point = , punkt { $point }
tally-sample-fewer = Poproszono o { $count }, a zbiór liczy tylko { $population }: wylosowano wszystkie.
tally-sample-population = Zbiór kart (tally audit-sample --all-ids): sha256 { $sha256 }
tally-sample-card = punkt { $point }{ $name }, karta nr { $number } ({ $card }), paczka { $bundle } #{ $sequence }
tally-record-done = Decyzja { $decision }: karta { $card } { $verdict }

# urna verification (src/cli/verification.rs).
tally-verification-policy-all = weryfikowana jest każda karta
tally-verification-policy-sample = próba: pierwsze { $first } każdego operatora, potem { $share }% (więcej przy błędach)
tally-verification-set = Weryfikacja: { $policy }.
tally-verification-show = Weryfikacja: { $policy }; w próbie { $n ->
        [one] czeka
        [few] czekają
       *[many] czeka
    } { $waiting }.
