# The command line's help (`urna --help`, `urna COMMAND --help`), made by
# src/cli/help.rs: every command's about (`help-` and its path, `help-urna`
# for urna itself), every argument's help (`help-`, the path, the argument;
# a global one under the command that defines it), a possible value's
# (`…-value-` and the value). The English words are the doc comments' in
# src/cli/ (tests/catalogs.rs holds them together): change both at once.

# clap's own words. Headings are followed by a colon.
help-heading-usage = Użycie
help-heading-commands = Polecenia
help-heading-arguments = Argumenty
help-heading-options = Opcje
help-flag-help = Wyświetl pomoc
help-flag-help-see-more = Wyświetl pomoc (więcej pokazuje „--help”)
help-flag-help-see-summary = Wyświetl pomoc (skrót pokazuje „-h”)
help-flag-version = Wyświetl wersję
help-command-help = Wyświetl tę pomoc albo pomoc podanego polecenia
help-command-help-subcommand = Polecenie (i jego podpolecenia), którego pomoc wyświetlić
# What follows an argument's help; $value, $values and $variable come styled.
help-default = [domyślnie: { $value }]
help-possible-values = [możliwe wartości: { $values }]
help-possible-values-list = Możliwe wartości
help-env = [zmienna środowiskowa: { $variable }]

# The usage line's placeholders: clap's [OPTIONS] and <COMMAND>, and the
# value names (<PATH>, <FILE>…), which the usage errors name arguments by
# too (`help-value-` and the name, lower case, `_` as `-`; an argument of
# help.rs's OWN_PLACEHOLDER has its own, `…-placeholder`). One word: a
# help that names a placeholder (`I co M minut`) names it as here.
help-usage-options = OPCJE
help-value-command = POLECENIE
help-value-addr = ADRES
help-value-age-recipient = ODBIORCA_AGE
help-value-bytes = BAJTY
help-value-card = KARTA
help-value-coordinator = KOORDYNATOR
help-value-digits = CYFRY
help-value-dir = KATALOG
help-value-field = POLE
help-value-file = PLIK
help-value-files = PLIKI
help-value-format = FORMAT
help-value-id = ID
help-value-k = K
help-value-kiosk-pubkey = KLUCZ_KIOSKU
help-value-lang = JĘZYK
help-value-m = M
help-value-min-age = WIEK
help-value-mode = TRYB
help-value-n = N
help-value-name = IMIĘ
help-value-path = ŚCIEŻKA
help-value-percent = PROCENT
help-value-pesel = PESEL
help-value-pubfile = PLIK_PUB
help-value-recipient = ODBIORCA
help-value-role = ROLA
help-value-seconds = SEKUNDY
help-value-seed = ZIARNO
help-value-text = TEKST
help-value-url = URL

# The man pages' section headings (`urna generate-assets`; English pages
# are clap_mangen's own).
help-man-name = NAZWA
help-man-synopsis = SKŁADNIA
help-man-description = OPIS
help-man-options = OPCJE
help-man-commands = POLECENIA
help-man-version = WERSJA

# urna and its global options
help-urna = Kiosk offline i centralne liczenie głosów Budżetu Obywatelskiego
help-verbose = Więcej szczegółów w pliku logu (-v debug, -vv trace); URNA_LOG ma pierwszeństwo
help-data-dir = Gdzie ten kiosk trzyma dane (domyślnie: katalog danych systemu)
help-lang = Język komunikatów

# urna demo
help-demo = Kiosk szkoleniowy na dołączonej edycji 2014, w jednorazowym katalogu danych

# urna init
help-init = Skonfiguruj ten kiosk: edycja, punkt głosowania, pierwszy koordynator
help-init-edition = Plik edycji (TOML), np. assets/editions/krakow-2014.toml
help-init-point = Identyfikator punktu głosowania, np. P-XI-03
help-init-point-name = Nazwa punktu głosowania, np. „Rada Dzielnicy XI”
help-init-point-name-placeholder = NAZWA
help-init-mobile = Mobilny punkt głosowania (w ciągu dnia przenosi się między przystankami)
help-init-central = Odbiorca age biura (age1…), dla którego szyfrowane są paczki
help-init-coordinator = Imię pierwszego koordynatora
help-init-min-pin-length = Najkrótszy PIN, jaki ten kiosk przyjmie (od 4 do 12 cyfr; 4-cyfrowy PIN da się odgadnąć offline ze skopiowanego dysku, zob. docs/threat-model.md)
help-init-pin-stdin = Wczytaj PIN jako jeden wiersz ze standardowego wejścia zamiast z terminala

# urna operator
help-operator = Zarządzaj operatorami (wolontariuszami i koordynatorami)
help-operator-add = Dodaj wolontariusza albo koordynatora (robi to koordynator: najpierw podaje swój PIN, potem PIN nowego operatora; z --pin-stdin dwa wiersze)
help-operator-add-name = Imię operatora, tak jak widać je przy logowaniu
help-operator-add-role = Rola nowego operatora
help-operator-add-by = Koordynator, który dodaje operatora
help-operator-add-pin-stdin = Wczytaj PIN jako jeden wiersz ze standardowego wejścia zamiast z terminala
help-operator-list = Wypisz operatorów

# urna import-cards
help-import-cards = Wprowadź karty wpisane gdzie indziej, z pliku CSV kart, według tych samych reguł i z tym samym dziennikiem
help-import-cards-file = CSV kart: id,pesel,first_name,last_name,address,cast_date,district,local,citywide[,signed]
help-import-cards-json = Jeden obiekt JSON na wiersz zamiast tekstu
help-import-cards-operator = Operator, który wprowadza karty (podaje PIN; w dzienniku karty są zapisane jako jego)
help-import-cards-pin-stdin = Wczytaj PIN jako jeden wiersz ze standardowego wejścia zamiast z terminala

# urna status
help-status = Pokaż liczby: karty, ważne, nieważne według powodu, operatorzy, dziennik
help-status-json = Wypisz liczby jako jeden obiekt JSON

# urna check
help-check = Sprawdź magazyn: spójność SQLite, łańcuch i pieczęć dziennika oraz każdą tabelę względem dziennika

# urna central
help-central = Klucz biura: `urna central set age1… --as IMIĘ`
help-central-set = Ustaw albo zmień odbiorcę age biura, dla którego szyfrowane są paczki
help-central-set-recipient = Odbiorca age biura (age1…, 62 znaki), z `urna tally init`
help-central-set-coordinator = Koordynator, który wprowadza zmianę (podaje PIN)
help-central-set-pin-stdin = Wczytaj PIN jako jeden wiersz ze standardowego wejścia zamiast z terminala
help-central-url = Wysyłaj dziennik do serwera synchronizacji biura na bieżąco, w miarę wpisywania kart (tam działa `urna tally serve`), albo z `--off` przestań wysyłać
help-central-url-url = `http://HOST:PORT` albo `https://HOST:PORT`
help-central-url-off = Przestań wysyłać (paczki dalej trafiają do biura na pendrivie)
help-central-url-ca = Certyfikat PEM, któremu ufać przy https (własny certyfikat biura albo jego CA)
help-central-url-every-cards = Wysyłaj co N kart
help-central-url-every-minutes = I co M minut
help-central-url-coordinator = Koordynator, który wprowadza zmianę (podaje PIN)
help-central-url-pin-stdin = Wczytaj PIN jako jeden wiersz ze standardowego wejścia zamiast z terminala
help-central-show = Pokaż odbiorcę age biura i adres synchronizacji albo powiedz, że jeszcze ich nie ma

# urna sync
help-sync = Wyślij teraz serwerowi synchronizacji biura to, czego jeszcze nie ma
help-sync-operator = Operator, który wysyła (dowolny: jego PIN otwiera klucz dziennika, którym podpisany jest przyrost)
help-sync-pin-stdin = Wczytaj PIN jako jeden wiersz ze standardowego wejścia zamiast z terminala

# urna verification
help-verification = Ile weryfikuje punkt: `urna verification set all|sample --as IMIĘ`
help-verification-set = Ustaw, ile weryfikuje punkt (docs/verification.md)
help-verification-set-mode = Ile weryfikować
help-verification-set-mode-value-all = Każdą kartę
help-verification-set-mode-value-sample = Pierwsze karty operatora, potem część rosnąca wraz z odsetkiem jego błędów
help-verification-set-first = Próbka: wszystkie pierwsze N kart operatora
help-verification-set-share = Próbka: potem taka część (w procentach) jego dalszych kart
help-verification-set-coordinator = Koordynator, który wprowadza zmianę (podaje PIN)
help-verification-set-pin-stdin = Wczytaj PIN jako jeden wiersz ze standardowego wejścia zamiast z terminala
help-verification-show = Pokaż obowiązującą zasadę i ile kart z próbki czeka

# urna edition
help-edition = Sprawdź pliki edycji albo zbuduj edycję z danych Pabulib
help-edition-check = Sprawdź plik edycji; błędy wskazują wiersz
help-edition-check-file = Plik edycji (TOML)
help-edition-import-pabulib = Zbuduj edycję z plików Pabulib .pb (pliki dzielnic i jeden plik ogólnomiejski)
help-edition-import-pabulib-files = Pliki Pabulib .pb: po jednym na dzielnicę i jeden ogólnomiejski
help-edition-import-pabulib-out = Dokąd zapisać plik TOML edycji
help-edition-import-pabulib-min-age = Najniższy wiek głosującego (pliki Pabulib go nie podają)

# urna key
help-key = Wypisz publiczny klucz podpisu tego kiosku (w formacie minisign)

# urna export
help-export = Zapisz paczkę na koniec dnia i protokół dnia (robi to koordynator)
help-export-out = Katalog, do którego zapisać paczkę i protokół dnia (pendrive)
help-export-coordinator = Koordynator, który robi eksport (podaje PIN)
help-export-pin-stdin = Wczytaj PIN jako jeden wiersz ze standardowego wejścia zamiast z terminala
help-export-investigation = Wyeksportuj magazyn, który nie przeszedł `urna check`, żeby biuro mogło go obejrzeć (tak oznaczony w manifeście; bez wpisu w dzienniku; biuro importuje go tylko przez `urna tally import --investigation`)

# urna verify
help-verify = Sprawdź paczkę bez klucza biura i wypisz jej manifest
help-verify-file = Paczka (.urna)
help-verify-key = Wymagaj tego klucza publicznego kiosku (plik .pub minisign)

# urna paths
help-paths = Pokaż, gdzie leżą dane, klucze i logi tego użytkownika

# urna tally
help-tally = Biuro: zaufaj kioskom, importuj paczki i głosy internetowe, policz głosy

# urna tally init
help-tally-init = Załóż magazyn biura i jego tożsamość age; wypisuje odbiorcę dla kiosków
help-tally-init-edition = Plik edycji (TOML), którą liczy biuro, np. assets/editions/krakow-2014.toml

# urna tally trust
help-tally-trust = Zaufaj kluczowi publicznemu kiosku (plikowi, który wypisuje `urna key`) dla punktu
help-tally-trust-key = Plik z kluczem publicznym kiosku (to, co wypisuje na kiosku `urna key`)
help-tally-trust-point = Punkt głosowania, w którym stoi kiosk, np. P-XI-03

# urna tally import
help-tally-import = Importuj paczki (pliki albo foldery, przeszukiwane rekurencyjnie; dowiązania nie są śledzone). Jeden wiersz na każdy znaleziony plik; kod wyjścia 0, gdy każdy plik przyjęto albo był już znany, 1, gdy któryś odrzucono
help-tally-import-paths = Pliki paczek (.urna) i foldery, w których leżą
help-tally-import-investigation = Przyjmij też paczki wyeksportowane do wyjaśnienia z uszkodzonych magazynów kiosków

# urna tally serve
help-tally-serve = Obsługuj synchronizację kiosków przez HTTP(S): POST /v1/bundles przyjmuje paczkę w postaci, w jakiej zapisuje ją `urna export`, i importuje ją tak jak `tally import`; GET / pokazuje, kto się już zgłosił (docs/sync.md). Słucha tylko tam, gdzie mu się każe
help-tally-serve-listen = Gdzie słuchać, np. 127.0.0.1:8443 albo 0.0.0.0:8443 (port 0: dowolny wolny port; który, mówi pierwszy wypisany wiersz)
help-tally-serve-tls-cert = Łańcuch certyfikatów serwera (PEM); razem z --tls-key serwer działa po HTTPS
help-tally-serve-tls-key = Klucz prywatny certyfikatu (PEM)
help-tally-serve-max-body = Największa przyjmowana przesyłka, w bajtach; na większe serwer odpowiada 413
help-tally-serve-read-timeout = Ile sekund klient ma na wysłanie nagłówków i każdego kawałka treści

# urna tally import-online
help-tally-import-online = Importuj głosy z kanału internetowego (CSV kart): wszystkie albo żadnego
help-tally-import-online-file = CSV kart z kanału internetowego, z kolumnami jak dla `urna import-cards`

# urna tally annul
help-tally-annul = Unieważnij głosy internetowe oddane na PESEL (konto, które założył ktoś inny)
help-tally-annul-pesel = PESEL, na który oddano unieważniane głosy internetowe
help-tally-annul-reason = Dlaczego (zapisywane razem z unieważnieniem; bez numeru PESEL)

# urna tally results
help-tally-results = Policz i opublikuj wyniki (pabulib zapisuje folder: jeden plik na listę)
help-tally-results-format = W jakiej postaci zapisać wyniki
help-tally-results-out = Plik, do którego zapisać (dla pabulib folder); bez tego standardowe wyjście

# urna tally audit
help-tally-audit = Każda nieważna karta i skąd pochodzi, każdy głosujący wielokrotnie, każdy import i decyzje biura
help-tally-audit-format = W jakiej postaci zapisać audyt
help-tally-audit-out = Plik, do którego zapisać; bez tego standardowe wyjście

# urna tally audit-sample
help-tally-audit-sample = Wylosuj karty papierowe, powtarzalnie, z publicznego ziarna, do kontroli wpisanych kart z ich papierem (docs/audit-sample.md)
help-tally-audit-sample-seed = Ziarno ogłoszone publicznie (np. wynik rzutu kośćmi na otwartym posiedzeniu), brane bajt po bajcie
help-tally-audit-sample-count = Ile kart papierowych wylosować
help-tally-audit-sample-point = Losuj tylko spośród kart tego punktu
help-tally-audit-sample-operator = Kto losuje (imię pracownika biura; zapisywane w dzienniku)
help-tally-audit-sample-format = W jakiej postaci zapisać próbkę
help-tally-audit-sample-all-ids = Zamiast tego zapisz populację (`point,card_id`, każdą kartę, spośród których się losuje), żeby obserwator mógł powtórzyć losowanie
help-tally-audit-sample-out = Plik, do którego zapisać; bez tego standardowe wyjście

# urna tally audit-card
help-tally-audit-card = Pokaż wylosowaną kartę tak, jak ją wpisano, pole po polu, do porównania z papierem
help-tally-audit-card-card = Identyfikator karty, tak jak wypisuje go `audit-sample` (np. P01-000042)

# urna tally audit-record
help-tally-audit-record = Zapisz, co pokazał papier wylosowanej karty: --matches albo --differs POLE…
help-tally-audit-record-card = Identyfikator karty, tak jak wypisuje go `audit-sample` (np. P01-000042)
help-tally-audit-record-matches = Papier pokazuje to, co wpisano
help-tally-audit-record-differs = Pola, w których papier różni się od tego, co wpisano (first_name, last_name, address, pesel, signed, district, local.1…, citywide.1…, cast_date)
help-tally-audit-record-operator = Kto porównał kartę z papierem (zapisywane w dzienniku)
help-tally-audit-record-again = Zapisz kartę już zapisaną: nowy zapis zastępuje wcześniejszy, który zostaje w dzienniku

# urna tally simulate
help-tally-simulate = Zapisz symulowane głosowanie (klucze kiosków, paczki, plik głosów internetowych) do szkoleń i do testu skali
help-tally-simulate-voters = Ilu głosujących
help-tally-simulate-points = Ile punktów głosowania (w każdym jeden kiosk)
help-tally-simulate-out = Nowy folder, do którego zapisać głosowanie (pusty albo jeszcze nieistniejący)
help-tally-simulate-seed = Ziarno losowania: to samo ziarno, to samo głosowanie
help-tally-simulate-online = Odsetek głosujących przez internet (0: każda karta w paczce)
help-tally-simulate-keying-errors = Odsetek kart papierowych wpisanych z jednym błędnym polem i nigdy niepoprawionych, do ćwiczenia kontroli z papierem (które, mówi paper-truth.csv)
help-tally-simulate-verify = Odsetek kart każdego punktu weryfikowanych na ślepo przez innego operatora (wstrzyknięty błąd wpisania znaleziony w ten sposób zostaje poprawiony, z powodem „weryfikacja”)

# urna generate-assets
help-generate-assets = Zapisz strony man i uzupełnianie poleceń w powłoce do folderu (do pakowania)
help-generate-assets-out = Folder, do którego zapisać
