# The kiosk's command line: what `urna init`, `status`, `operator`,
# `central`, `import-cards`, `edition`, `check`, `sync` and `paths` say.

cli-error-label = błąd
cli-no-data-dir = nie można ustalić katalogu danych; podaj --data-dir
cli-store-damaged = MAGAZYN USZKODZONY — zmieniony poza urną albo zepsuty; nic w nim nie zapisano. Zostaw laptopa tak, jak jest, i zadzwoń do biura.
cli-status-damaged = Powyższe liczby odczytano z uszkodzonego magazynu: nie podawaj ich jako wyniku punktu.
cli-pin-for = PIN dla { $name }:
cli-pin-repeat = Powtórz PIN:
cli-pins-differ = PIN-y się różnią
cli-pin-no-terminal = brak terminala do wpisania PIN-u: użyj --pin-stdin

cli-paths-office-data = dane biura
cli-paths-database = baza
cli-paths-office-identity = tożsamość age biura
cli-paths-logs = logi
cli-paths-data = dane
cli-paths-signing-key = klucz podpisu
cli-paths-public-key = klucz publiczny
cli-paths-pin-secret = sekret PIN-ów
cli-paths-editions = edycje

# A command line clap refused, said from the error's kind (clap speaks
# only English).
cli-usage-missing-argument = { $n ->
    [one] brakuje wymaganego argumentu
   *[other] brakuje wymaganych argumentów
    }: { $arg }
cli-usage-missing-command = brakuje polecenia
cli-usage-needs-value = { $arg } potrzebuje wartości
cli-usage-not-a-value-of = „{ $value }” to nie jest wartość dla { $arg }; możliwe: { $valid }
cli-usage-not-a-value = „{ $value }” to nie jest wartość dla { $arg }
cli-usage-out-of-range = „{ $value }” to nie jest poprawna wartość dla { $arg } (dozwolone: od { $from } do { $to })
cli-usage-not-valid = „{ $value }” to nie jest poprawna wartość dla { $arg }
cli-usage-unknown-argument = nieznany argument „{ $arg }”
cli-usage-unknown-command = nieznane polecenie „{ $command }”
cli-usage-conflict = { $arg } nie może być użyty razem z { $other }
cli-usage-value-count = zła liczba wartości dla { $arg }
cli-usage-no-equals = { $arg } wymaga wartości po znaku „=”
cli-usage-not-utf8 = argument nie jest poprawnym tekstem UTF-8
cli-usage-invalid = niepoprawne wywołanie
cli-usage-suggestion = (może chodziło o: { $suggestion }?)
cli-usage-see-help = Składnię pokazuje `urna --help` (albo `urna POLECENIE --help`).

# urna central set / url / show
cli-central-not-a-recipient = to nie jest odbiorca age (age1…, 62 znaki)
cli-central-key-set = Ustawiono klucz biura: { $recipient }.
cli-central-key-changed = Zmieniono klucz biura: { $old } → { $recipient }.
cli-central-address = adres biura: { $url } ({ $cadence })
cli-central-address-own-ca = adres biura: { $url } ({ $cadence }; własny certyfikat)
cli-central-no-address = adres biura: brak — kiosk nie wysyła dziennika przez sieć, paczki trafiają do biura na pendrive
cli-central-key = klucz biura: { $recipient }
cli-central-no-key = klucz biura: brak — eksport niemożliwy, dopóki koordynator nie wpisze `urna central set age1… --as IMIĘ`
cli-central-bad-url = { $url }: to nie jest adres serwera biura: http://HOST:PORT albo https://HOST:PORT (port 1–65535), bez ścieżki
cli-central-ca-https-only = --ca jest tylko dla adresów https://
cli-central-not-pem = { $path }: to nie jest certyfikat PEM
cli-central-sending = Kiosk będzie wysyłał dziennik do biura: { $url } ({ $cadence }).
cli-central-sending-port = Kiosk będzie wysyłał dziennik do biura: { $url } ({ $cadence }; port { $port }).
cli-central-sending-off = Wysyłanie do biura wyłączone; paczki trafiają do biura na pendrive.

# urna edition check / import-pabulib
cli-edition-sample = (projekty przykładowe)
cli-edition-summary = { $id } „{ $name }”{ $sample }: głosowanie { $start } – { $end }, { $counts }
cli-edition-valid = Poprawna: { $edition }
cli-edition-wrote = Zapisano { $path }: { $edition }
cli-edition-built-does-not-load = błąd wewnętrzny: zbudowana edycja się nie wczytuje: { $error }
cli-edition-no-round-trip = błąd wewnętrzny: zbudowana edycja nie odczytuje się tak samo

# urna init
cli-init-bad-point = --point: identyfikator punktu to litery, cyfry, „-” i „_” (do 32 znaków)
cli-init-bad-point-name = --point-name: nazwa punktu nie może być pusta ani zawierać znaków sterujących
cli-init-bad-central = --central: to nie jest odbiorca age (age1…, 62 znaki)
cli-init-done = Gotowe: punkt { $point } ({ $name }), edycja { $edition }, koordynator { $coordinator }.
    Dane: { $dir }
cli-init-not-a-directory = { $dir }: to nie jest katalog
cli-init-cannot-tighten = { $dir }: katalog danych musi być dostępny tylko dla właściciela (0700), a nie da się zmienić jego uprawnień: { $error }

# urna import-cards: a line per row, then the summary
cli-import-duplicate-row = wiersz o id "{ $id }" jest już zapisany jako karta { $card }
cli-import-stopped = przerwano przy wierszu { $row } (linia { $line }): { $error }; wcześniejsze wiersze są zapisane
cli-import-row-rejected = wiersz { $row } (linia { $line }): ODRZUCONY — { $error }
cli-import-row-valid = wiersz { $row } (linia { $line }): { $card } ważna
cli-import-row-invalid = wiersz { $row } (linia { $line }): { $card } NIEWAŻNA: { $reasons }
cli-import-same-pesel = uwaga: ten sam PESEL jest już na karcie { $card } (wprowadził(a) { $operator } { $at })
cli-import-summary-same-pesel = ; { $cards ->
        [one] { $cards } karta
        [few] { $cards } karty
       *[many] { $cards } kart
    } z PESEL-em, który już był w magazynie
cli-import-summary = Wczytano { $rows ->
        [one] { $rows } wiersz
        [few] { $rows } wiersze
       *[many] { $rows } wierszy
    }: zapisano { $stored ->
        [one] { $stored } kartę
        [few] { $stored } karty
       *[many] { $stored } kart
    } ({ $valid ->
        [one] { $valid } ważna
        [few] { $valid } ważne
       *[many] { $valid } ważnych
    }, { $invalid ->
        [one] { $invalid } nieważna
        [few] { $invalid } nieważne
       *[many] { $invalid } nieważnych
    }), odrzucono { $rejected ->
        [one] { $rejected } wiersz
        [few] { $rejected } wiersze
       *[many] { $rejected } wierszy
    }{ $same_pesel }.

# urna (the kiosk), operator, tally serve
cli-kiosk-screen-failed = ekran: { $error }
cli-operator-added = Dodano operatora { $name } ({ $role }).
cli-serve-bad-listen = --listen { $listen }: to nie jest adres do nasłuchu: HOST:PORT, np. 127.0.0.1:8443 albo 0.0.0.0:8443 (port 0–65535; 0 to dowolny wolny)
cli-serve-running = { $address } — serwer biura działa (Ctrl+C kończy)

# urna status, urna check
cli-status-point = Punkt: { $point } ({ $name }), edycja { $edition }
cli-status-point-training = Punkt: { $point } ({ $name }) — TRYB SZKOLENIOWY, edycja { $edition }
cli-status-cards = Karty: { $cards } — ważne { $valid }, nieważne { $invalid }, unieważnione { $voided }, poprawione { $amended }, z powtórzonym PESEL-em { $flagged }
cli-status-invalid-by-reason = Nieważne według powodu:
cli-status-by-operator = Karty według operatora:
cli-status-verification = Weryfikacja: { $cards ->
        [one] { $cards } karta
        [few] { $cards } karty
       *[many] { $cards } kart
    } — błędy pierwszego wpisania: { $keyer }, pomyłki weryfikujących: { $verifier }
cli-status-journal = Dziennik: { $entries }, skrót ostatniego { $head }
cli-check-ok = Magazyn w porządku: baza spójna, łańcuch dziennika nienaruszony i zapieczętowany ({ $entries }), tabele zgodne z dziennikiem, skrót ostatniego wpisu { $head }.
cli-check-damaged = MAGAZYN USZKODZONY: { $error }

# urna sync: what a sync did (the kiosk's status line says it too)
cli-sync-up-to-date = biuro ma już wszystko ({ $entries }, { $cards ->
        [one] { $cards } karta
        [few] { $cards } karty
       *[many] { $cards } kart
    })
cli-sync-sent = wysłano do biura { $added }; biuro ma teraz { $entries }, { $cards ->
        [one] { $cards } karta
        [few] { $cards } karty
       *[many] { $cards } kart
    }

# urna tally serve: the office's sync server's answers (their `message`)
cli-serve-internal-error = błąd wewnętrzny serwera
cli-serve-not-found = nie ma takiego adresu: są GET /, POST /v1/bundles i GET /v1/points/ID/head
cli-serve-unknown-point = biuro nie ufa kioskowi o takim identyfikatorze punktu
cli-serve-point-head = biuro ma od punktu { $point }: { $entries }
cli-serve-bundle-refused = paczka odrzucona: { $why }
cli-serve-stopping = serwer kończy pracę
cli-serve-bundle-stored = paczka przyjęta ({ $point }): nowe wpisy: { $entries }
cli-serve-bundle-known = paczka już znana — nic się nie zmienia
cli-serve-cannot-listen = nie można nasłuchiwać na { $listen }: { $error }

# urna tally serve: the status page at GET /
cli-page-title = urna — synchronizacja biura
cli-page-edition = edycja
cli-page-reported = Punkty, które przysłały dane: { $reported } z { $points }
cli-page-point = punkt
cli-page-name = nazwa
cli-page-last-sync = ostatnia synchronizacja
cli-page-cards = karty
cli-page-entries = wpisy dziennika
cli-page-head = odcisk ostatniego wpisu
cli-page-refused = odrzucone próby
cli-page-not-yet = jeszcze nie
cli-page-refused-elsewhere = Odrzucone próby spoza zaufanych punktów (nieznane kioski, nieczytelne przesyłki)
cli-page-as-of = Stan w chwili wczytania strony: odśwież, aby zobaczyć nowsze.
cli-serve-tls-unreadable-certificate = nieczytelny certyfikat PEM
cli-serve-tls-no-certificate = brak certyfikatu (BEGIN CERTIFICATE) w pliku PEM
cli-serve-tls-no-key = brak klucza prywatnego (BEGIN PRIVATE KEY) w pliku PEM
cli-serve-tls-key-mismatch = klucz nie pasuje do certyfikatu albo nie jest obsługiwany
