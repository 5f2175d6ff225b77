# What is wrong in an edition file (`urna edition check`, `urna init`),
# said after its file, line and column.

error-edition-not-utf8 = plik nie jest tekstem UTF-8 (zapisz go jako UTF-8)
error-edition-id-empty = jest pusty
error-edition-id-bar = zawiera `|`, który w pliku CSV kart oddziela numery zadań: żadna karta nie mogłaby go wskazać
error-edition-id-control = zawiera znak sterujący: żadna karta nie mogłaby go wskazać
error-edition-id-blank = zawiera odstęp: rubryka kiosku go nie przyjmie, a plik CSV kart obcina odstępy
error-edition-id-too-long = ma { $length ->
        [one] { $length } znak
        [few] { $length } znaki
       *[many] { $length } znaków
    }: rubryka karty mieści najwyżej { $max }
error-edition-whose-citywide = lista ogólnomiejska
error-edition-whose-district = dzielnica { $roman } { $name }
error-edition-field-project-id = numer zadania
error-edition-field-project-title = tytuł zadania
error-edition-field-edition-id = id edycji
error-edition-field-edition-name = nazwa edycji
error-edition-field-district-name = nazwa dzielnicy
error-edition-empty = { $field } jest puste
error-edition-not-a-date = `{ $field }` nie jest prawdziwą datą
error-edition-date-with-time = `{ $field }` musi być datą jak 2014-09-27, bez godziny
error-edition-no-picks = brak pola `local_picks`/`citywide_picks` (albo `picks`) w [ballot]
error-edition-picks = { $picks } wyborów: karta ma od 1 do { $max } wyborów
error-edition-unknown-tie-key = nieznany klucz tie_break "{ $key }": klucze to { $keys }
error-edition-tie-key-twice = tie_break wymienia "{ $key }" dwa razy
error-edition-tie-keys-twice = tie_break wymienia jakiś klucz dwa razy
error-edition-no-projects = { $list } nie ma zadań
error-edition-bad-project-id = numer zadania { $id } ({ $list }) { $why }
error-edition-duplicate-project-id = numer zadania "{ $id }" powtarza się ({ $list })
error-edition-end-before-start = voting_end { $end } jest przed voting_start { $start }
error-edition-min-age = min_age to nie jest możliwy wiek
error-edition-unknown-district = nieznany numer dzielnicy { $number }: dzielnice mają numery od 1 (I) do { $max } ({ $roman })
error-edition-district-twice = numer dzielnicy { $number } ({ $roman }) występuje dwa razy
error-edition-no-districts = karta wymaga części lokalnej, a edycja nie ma żadnej [[district]]
error-edition-not-krakow-district = nieznany numer dzielnicy { $number }: dzielnice Krakowa to I–XVIII (1–18)
error-edition-krakow-district-name = dzielnica { $roman } Krakowa to „{ $official }”, nie „{ $name }”

# Pabulib .pb files (`urna edition import-pabulib`).
error-pabulib-unreadable-line = nie da się odczytać linii: { $error }
error-pabulib-meta-first = najpierw powinna być sekcja META
error-pabulib-no-project-id = zadanie bez project_id
error-pabulib-bad-project-id = project_id { $id } { $why }
error-pabulib-project-id-twice = project_id "{ $id }" występuje dwa razy (pierwszy raz w linii { $first }); numery w pliku się nie powtarzają
error-pabulib-no-cost = zadanie { $id }: brak kolumny `cost`
error-pabulib-cost-not-amount = zadanie { $id }: koszt "{ $cost }" nie jest kwotą (złote, najwyżej dwa miejsca po przecinku)
error-pabulib-no-meta = brak sekcji META: to nie jest plik Pabulib
error-pabulib-no-projects = brak sekcji PROJECTS albo nie ma w niej zadań
error-pabulib-meta-missing = w META brak `{ $key }`
error-pabulib-meta-not-number = META `{ $key }` "{ $value }" nie jest liczbą
error-pabulib-max-length = META `max_length` { $length }: karta ma od 1 do { $max } wyborów
error-pabulib-min-over-max = META `min_length` { $min } jest większe niż `max_length` { $max }
error-pabulib-end-before-begin = META `date_end` { $end } jest przed `date_begin` { $begin }
error-pabulib-meta-not-date = META `{ $key }` "{ $value }" nie jest datą (DD.MM.RRRR)
error-pabulib-meta-not-amount = META `{ $key }` "{ $value }" nie jest kwotą (złote, najwyżej dwa miejsca po przecinku)
error-pabulib-no-citywide = brak pliku ogólnomiejskiego: każdy plik podaje w META district albo subunit
error-pabulib-many-citywide = więcej niż jeden plik ogólnomiejski: { $files }
error-pabulib-not-krakow-district = „{ $name }” to nie jest żadna z 18 dzielnic Krakowa
error-pabulib-same-district = dwa pliki dla tej samej dzielnicy: { $first } i { $second }
