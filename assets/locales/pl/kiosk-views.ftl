# The kiosk's other screens: today's cards (F3), the summary (F4), the projects (F9), help (F1), close the day and export (F12).

kiosk-cards-amended = {" "}· poprawiona
kiosk-cards-amended-by = Poprawił(a): { $operator } · { $at } · powód: { $reason }
kiosk-cards-card = Karta { $card }
kiosk-cards-coordinator-only = Poprawiać i unieważniać karty może tylko koordynator.
kiosk-cards-district-word = dzielnica
kiosk-cards-entered-by = Wprowadził(a): { $operator } · o { $at }
kiosk-cards-invalid-because = NIEWAŻNA: { $reasons }
kiosk-cards-no = nie
kiosk-cards-no-cards = Brak kart.
kiosk-cards-repeated-pesel = {" "}· ! PESEL powtórzony
kiosk-cards-search = Szukaj (PESEL lub nazwisko):
kiosk-cards-status = Stan: { $status }
kiosk-cards-stop = Postój: { $stop }
kiosk-cards-the-card-before-it-was-voided = Karta przed unieważnieniem:
kiosk-cards-the-card-is-already-voided = Karta jest już unieważniona.
kiosk-cards-the-card-is-voided = Karta jest unieważniona.
kiosk-cards-title = Karty z dnia { $day } ({ $n })
kiosk-cards-valid = ważna
kiosk-cards-void-reason = Powód unieważnienia (zostaje w dzienniku, karta nie znika):
kiosk-cards-voided = UNIEWAŻNIONA
kiosk-cards-voided-by = Unieważnił(a): { $operator } · { $at } · powód: { $reason }
kiosk-cards-yes = tak

kiosk-export-another-path = inna ścieżka:
kiosk-export-bundle-explained = Paczka zawiera cały dziennik (zaszyfrowany dla biura) i jest podpisana kluczem kiosku.
kiosk-export-choose-drive = Wybierz dysk albo wpisz ścieżkę.
kiosk-export-failed = Eksport nieudany, nic nie zapisano
kiosk-export-files-written-to = Zapisane pliki w
kiosk-export-no-drive = {"  "}(nie widać podłączonego pendrive'a w /media ani /run/media)
kiosk-export-no-such-directory = nie ma takiego katalogu
kiosk-export-pgup-pgdn-scroll = ↑/↓ PgUp/PgDn przewiń ·
kiosk-export-protocol-failed = Paczka zapisana, protokół nie
kiosk-export-title = {" "}Zamknięcie dnia i eksport na pendrive{" "}
kiosk-export-where = Gdzie zapisać (↑/↓, Enter):

kiosk-help-always = Zawsze
kiosk-help-backspace = {"  "}Backspace zatrzymuje się na początku pola.
kiosk-help-moves-on = {"  "}PESEL, podpis i numery, które nie mogą już urosnąć, przechodzą dalej same.
kiosk-help-this-screen = Na tym ekranie
kiosk-help-title = {" "}Pomoc — dowolny klawisz zamyka{" "}
kiosk-help-waiting-number = {"  "}„1…”: numer czeka — Enter bierze 1, kolejna cyfra robi 10–15.

kiosk-views-by-operator = Według operatora:
kiosk-views-by-stop = Według postoju:
kiosk-views-city-wide-projects = Zadania ogólnomiejskie
kiosk-views-counts = ważne: { $valid }   nieważne: { $invalid }   unieważnione: { $voided }
kiosk-views-counts-more = poprawione: { $amended }   z powtórzonym PESEL-em: { $flagged }
kiosk-views-district = Dzielnica { $number } { $name } ({ $projects })
kiosk-views-entered = Wprowadzono: { $cards ->
    [one] { $cards } karta
    [few] { $cards } karty
   *[many] { $cards } kart
    }
kiosk-views-head-amended = popr
kiosk-views-head-cards = karty
kiosk-views-head-keyer-errors = bł.wp
kiosk-views-head-keys = klaw/k
kiosk-views-head-per-100 = /100pól
kiosk-views-head-per-hour = /godz
kiosk-views-head-verified = weryf
kiosk-views-head-verifier-errors = bł.wer
kiosk-views-heads-note = popr — poprawki jego kart · weryf — karty, które zweryfikował(a)
kiosk-views-heads-note-errors = bł.wp/bł.wer — błędy jako wpisujący/weryfikujący · /100pól — bł.wp na 100 pól
kiosk-views-invalid-by-reason = Nieważne według powodu:
kiosk-views-nothing-matches = nic nie pasuje
kiosk-views-operators = Operatorzy od założenia punktu:
kiosk-views-projects = Projekty — { $edition }
kiosk-views-samples = (PRZYKŁADOWE)
kiosk-views-search = Szukaj (numer lub słowa tytułu):
kiosk-views-summary-title = Podsumowanie dnia { $day }
