# What can go wrong with the store, a login and a verification, said to
# the person at the kiosk or the command line.

error-store-not-initialised = w { $dir } nie ma magazynu urny: najpierw uruchom `urna init`
error-store-already-initialised = w { $dir } już jest magazyn urny
error-store-database = baza danych: { $error }
error-store-open = { $path }: nie można otworzyć magazynu: { $error }
error-store-schema = schemat bazy danych: { $error }
error-store-edition = zapisana edycja jest nieczytelna: { $error }
error-store-journal = wpis dziennika { $seq }: { $what }
error-store-unknown-card = w tym magazynie nie ma karty { $card }
error-store-card-voided = karta { $card } jest unieważniona; unieważnionej karty nie można zmienić
error-store-duplicate-source = wiersz o id "{ $id }" jest już zapisany jako karta { $card }
error-store-missing-reason = trzeba podać powód
error-store-earlier-release = { $dir } to magazyn wcześniejszej wersji urny (schemat 1, niezapieczętowane klucze), którego ta wersja nie otwiera: wyeksportuj jego ostatnią paczkę tamtą wersją, potem ustaw kiosk od nowa (README: "A kiosk of an earlier release")
error-store-damaged = magazyn jest uszkodzony; nic w nim nie zapisano: { $problems }
error-store-not-logged-in = nikt nie jest zalogowany: zmiana wymaga PIN-u operatora
error-store-not-coordinator = to może zrobić tylko koordynator

error-login-unknown-operator = nie ma operatora o nazwie „{ $name }”
error-login-wrong-pin = zły PIN (pozostało prób: { $left }, potem blokada na { $minutes } min)
error-login-locked = operator zablokowany po { $failures } błędnych PIN-ach do { $until }
error-login-bad-pin = PIN ma od { $min } do 12 cyfr
error-login-bad-name = nazwa operatora ma od 1 do 60 znaków, bez znaków sterujących
error-login-name-taken = operator o nazwie „{ $name }” już istnieje
error-login-hash = nie udało się obliczyć skrótu PIN-u

error-verify-not-a-number = „{ $typed }” to nie numer karty: wpisz cyfry zapisane na papierowej karcie
error-verify-no-such-card = w tym punkcie nie ma karty o numerze { $number }
error-verify-voided = karta { $card } jest unieważniona: nie ma czego weryfikować
error-verify-own-card = kartę { $card } wpisał(a) { $keyer }: własnej karty nie weryfikuje się — zrobi to inny operator
error-verify-changed = karta { $card } zmieniła się w trakcie weryfikacji: zweryfikuj ją od nowa

# A typed PESEL that is not one (no digit of it is quoted).
error-pesel-empty = PESEL jest pusty
error-pesel-length = PESEL ma { $digits ->
        [one] { $digits } cyfrę
        [few] { $digits } cyfry
       *[many] { $digits } cyfr
    }, a potrzeba 11
error-pesel-not-digit = PESEL może zawierać tylko cyfry (znak nr { $position } nie jest cyfrą)
error-pesel-no-such-date = PESEL nie koduje prawdziwej daty urodzenia
error-pesel-check-digit = cyfra kontrolna numeru PESEL się nie zgadza

# A card CSV: the whole file (nothing from it is stored), or one row. No
# value from the file is quoted unmasked. A file's problem is shown after
# the place it is found at: "path: " or "path:line: " (a .pb file's too).
error-csv-io = nie można odczytać pliku: { $error }
error-csv-empty = plik jest pusty; pierwsza linia to nagłówek { $header }
error-csv-not-utf8 = plik nie jest tekstem UTF-8 (zapisz go jako „CSV UTF-8”)
error-csv-no-header = pierwsza linia nie jest nagłówkiem: nie nazywa żadnej kolumny; plik musi zaczynać się od linii { $header }
error-csv-missing-columns = brak kolumn { $missing }; nagłówek musi wymieniać { $header }
error-csv-unknown-column = nieznana kolumna nr { $position } "{ $name }"{ $near }; dozwolone: { $allowed }
error-csv-unknown-column-near = (może { $column }?)
error-csv-repeated-column = kolumna "{ $column }" występuje dwa razy
error-csv-header = nie da się odczytać nagłówka: { $error }
error-csv-record-too-long = plik odrzucony: rekord od tej linii ma ponad { $bytes } bajtów{ $quote }
error-csv-record-quote-open = (otwarty tu cudzysłów nie jest zamknięty)
error-csv-too-many-columns = plik odrzucony: rekord ma ponad { $fields } pól
error-csv-unclosed-quote = plik odrzucony: cudzysłów otwarty w tej linii nie jest zamknięty
error-csv-refused = plik odrzucony: { $error }
# "pól" whatever the number: tests/cli.rs holds the sentence as it is.
error-csv-field-count = wiersz ma { $found } pól, a nagłówek { $expected }
error-csv-row-unreadable = nie da się odczytać wiersza: { $error }
error-csv-cast-date = cast_date "{ $value }" nie jest datą w postaci RRRR-MM-DD
error-csv-signed = signed "{ $value }" musi być 1 albo 0
error-csv-too-many-picks = { $column } ma { $found ->
        [one] { $found } pozycję
        [few] { $found } pozycje
       *[many] { $found } pozycji
    }, a karta ma { $max ->
        [one] { $max } rubrykę
        [few] { $max } rubryki
       *[many] { $max } rubryk
    }
error-csv-control = { $column } „{ $value }” zawiera znak sterujący (na przykład dzwonek albo Escape), którego w rubryce karty nie da się wpisać
error-csv-field-not-utf8 = pole { $field } nie jest tekstem UTF-8 (zapisz plik jako UTF-8)
error-csv-not-csv = niepoprawny zapis CSV
error-csv-too-many-projects = { $column } ma { $found ->
        [one] { $found } pozycję
        [few] { $found } pozycje
       *[many] { $found } pozycji
    }, a karta może mieć najwyżej { $max }
error-csv-too-long = { $column } ma { $found ->
        [one] { $found } znak
        [few] { $found } znaki
       *[many] { $found } znaków
    }, a może mieć najwyżej { $max }
error-csv-project-id-too-long = { $column } ma { $found ->
        [one] { $found } znak
        [few] { $found } znaki
       *[many] { $found } znaków
    }, a może mieć najwyżej { $max } (numer jednego zadania)

# A sync with the office (`urna sync`, the kiosk's sender).
error-sync-timeout = biuro nie odpowiedziało na czas
error-sync-no-pinned-certificate = zapisany certyfikat biura (--ca) nie zawiera certyfikatu PEM
error-sync-garbled = pod tym adresem odpowiada coś, co nie jest serwerem biura urna (inny serwer WWW, strona logowania do sieci?): nic nie uznano za wysłane
error-sync-other = połączenie z biurem nie powiodło się (klient HTTP podaje: { $why }): nic nie uznano za wysłane
error-sync-broken = połączenie z biurem urwało się przed końcem odpowiedzi
error-sync-no-url = punkt nie ma adresu biura: koordynator ustawia go poleceniem `urna central url ADRES --as IMIĘ`
error-sync-unreachable = brak połączenia z biurem: { $why }
error-sync-office-failed = błąd serwera biura ({ $code }): { $message }
error-sync-unknown-kiosk = biuro nie zna tego kiosku (biuro musi go zarejestrować: `urna tally trust`)
error-sync-unknown-kiosk-said = biuro nie zna tego kiosku (biuro musi go zarejestrować: `urna tally trust`): { $said }
error-sync-refused = biuro odrzuciło przesyłkę ({ $code }): { $said }
error-sync-office-ahead = biuro ma od tego punktu { $office }, a ten magazyn { $ours }; to starsza kopia tego magazynu (odtworzona z kopii zapasowej?) albo inny kiosk pod nazwą tego punktu: nic nie wysłano, zadzwoń do biura
error-sync-fork = wpis { $seq } w biurze różni się od wpisu w tym magazynie (rozwidlenie): nic nie wysłano, zadzwoń do biura
error-sync-moving = biuro dostawało w tym czasie inne wpisy tego punktu (czy drugi kiosk wysyła pod tą samą nazwą?); spróbuję później
