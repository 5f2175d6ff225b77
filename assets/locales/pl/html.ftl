# The public results page (src/tally/html/**).

html-lang = pl
html-citywide = Zadania ogólnomiejskie
html-district = Dzielnica { $roman } — { $name }
html-footer-edition = edycja
html-date = { $day }.{ $month }.{ $year }, { $time } (UTC{ $offset })
html-results-title = Wyniki głosowania
html-edition = Edycja
html-as-of = Stan na { $at }
html-no-data = Nie przyjęto jeszcze żadnych danych
html-reported = { $reported } z { $all } { $n ->
        [one] przesłał
        [few] przesłały
       *[many] przesłało
    } dane
html-sample = Dane przykładowe.
html-sample-note = Tytuły, koszty i budżety zadań tej edycji są przykładowe — to nie jest oficjalna lista zadań.
html-contents = Spis treści
html-ballots = Głosy
html-channels-points = Kanały i punkty
html-how-to-check = Jak sprawdzić
html-rule = Zasada liczenia: zadania ustawia się według punktów; przy równej liczbie punktów kolejność ustalają klucze z zasad edycji, po kolei: { $keys } (<code>top_points</code>: więcej głosów z najwyższą liczbą punktów, <code>voters</code>: więcej głosujących). Zadanie jest wybrane, jeśli jego koszt mieści się w tym, co zostało z budżetu; inaczej się je pomija i sprawdza następne. Remis, który zmienił wybór, jest opisany przy liście.
html-check-json = Te same liczby podaje <code>urna tally results --format json</code> (a także <code>--format csv</code> i <code>--format text</code>); ta strona jest z nich zrobiona i nie dodaje niczego.
html-check-pabulib = <code>urna tally results --format pabulib --out FOLDER</code> zapisuje każdy ważny głos w formacie Pabulib (plik na każdą dzielnicę i plik ogólnomiejski), tak by każdy mógł przeliczyć wyniki własnym programem, np. pabutools.
html-check-audit = <code>urna tally audit</code> wymienia każdy głos nieważny z powodem i źródłem (punkt, paczka, operator albo plik internetowy), każdą osobę, która głosowała więcej niż raz, każdy import — przyjęty czy odrzucony — i decyzje biura.
html-check-bundle = Paczkę z punktu można sprawdzić bez urna: <code>minisign -V -p kiosk.pub -m manifest.json</code>, albo <code>urna verify PLIK</code>.
html-check-as-of = „Stan na” to czas ostatniego przyjętego importu, nie czas zrobienia strony: z tych samych danych powstaje zawsze ta sama strona, więc kopię można porównać z oryginałem po sumie SHA-256.

html-cast = Oddano { $total }
html-ballot-count = Liczba głosów
html-all = Wszystkie
html-valid = Ważne
html-invalid = Nieważne
html-invalid-by-reason = Głosy nieważne według powodu
html-no-invalid = Nie ma głosów nieważnych.
html-code = Kod
html-reason = Powód
html-reasons-note = Jeden głos może być nieważny z kilku powodów naraz, więc liczby w tabeli mogą się sumować do więcej niż liczba głosów nieważnych. Głos nieważny nie daje punktów żadnemu zadaniu.
html-by-channel = Głosy według kanału i punktu
html-channels = Kanały głosowania
html-channel = Kanał
html-paper = Karty papierowe w punktach
html-internet = Internet
html-total = Razem
html-no-point-ballots = Nie ma głosów z punktów głosowania.
html-by-point = Karty papierowe według punktu głosowania
html-point = Punkt
html-not-reported = nie przesłał danych
html-voided-note = Karta unieważniona w punkcie (zniszczona, wpisana dwa razy) nie jest głosem i nie jest tu liczona. Każdą poprawkę i unieważnienie pokazuje audyt.

html-selected = ✓ wybrane
html-not-selected = ✗ niewybrane
html-budget = Budżet: { $budget }.
html-no-budget = Lista bez budżetu.
html-spent = Wybrano { $chosen }, łącznie { $spent } (pozostaje { $left }).
html-nothing-selected = Bez budżetu i kosztu każdego zadania nie wybiera się zadań do realizacji; lista pokazuje punkty i miejsca.
html-list-totals = Głosy ważne z wyborem na tej liście: { $ballots }; punkty razem: { $points }.
html-no-points = Nikt nie przyznał punktów zadaniom z tej listy.
html-points-chart = Punkty zadań
html-rank = Miejsce
html-id = Nr
html-cost = Koszt
html-points = Punkty
html-voters = Głosujący
html-top-votes = Głosy za najwyższe punkty
html-outcome = Wynik
html-list-caption = { $heading }: wyniki
html-project = Zadanie
html-shares-note = Udział w punktach: część wszystkich punktów tej listy. Udział w głosujących: część głosów ważnych z wyborem na tej liście, które dały zadaniu punkty.
html-tie-figures = głosy za { $top } pkt: { $top_votes }, głosujący: { $voters }
html-tie-member = <code>{ $id }</code> „{ $title }” ({ $figures }; { $outcome })
html-tie-level = Zadania { $names } mają tyle samo punktów ({ $points }), a nie wszystkie mogły zostać wybrane.
html-tie-settled = Rozstrzygnął klucz <code>{ $key }</code> z zasad edycji: { $meaning }.
html-tie-undecided = <strong>Nierozstrzygnięty:</strong> zadania są równe także według każdego klucza zasad edycji. Strona podaje je w kolejności z pliku edycji i według niej zaznacza wybrane; rozstrzyga biuro.
html-tie = Remis.

html-verification = Weryfikacja w punktach
html-verification-entered = Karty wpisane
html-verification-verified = Zweryfikowane
html-verification-verified-percent = Zweryfikowane (%)
html-verification-fields = Pola porównane
html-verification-errors = Błędy wpisującego
html-verification-per-100 = Na 100 pól
