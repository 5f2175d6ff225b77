# The kiosk's card screen: the rubrics, the notes beside them, the review, saving, and verification (Ctrl-R).

kiosk-entry-amend-reason = Powód poprawki (zostaje w dzienniku razem z oryginałem):
kiosk-entry-amending = Poprawa karty { $card }
kiosk-entry-born = ur. { $born }, { $age }
kiosk-entry-born-not-yet = ur. { $born } — jeszcze nie urodzony
kiosk-entry-born-under = ur. { $born }, { $age } — poniżej { $min }
kiosk-entry-digits-only = tylko cyfry
kiosk-entry-district-unknown = dzielnica nieznana — numeru nie da się sprawdzić
kiosk-entry-empty = puste
kiosk-entry-enter-refused = Karta ma błędy: literówka → Esc; wada karty → F8 (zapisz jako nieważną).
kiosk-entry-f8-refused = Karta jest ważna — zapisuje ją Enter.
kiosk-entry-fewer-projects = (dzielnica ma mniej zadań)
kiosk-entry-flagged-repeated-pesel = {" "}· oznaczona: powtórzony PESEL
kiosk-entry-invalid-card = KARTA NIEWAŻNA: { $reasons }
kiosk-entry-invalid-what-to-do = Literówka → Esc i popraw.  Wada papierowej karty → F8: zapisz jako NIEWAŻNĄ.
kiosk-entry-local-part-optional = część lokalna pusta — na tej karcie nieobowiązkowa
kiosk-entry-marked = zaznaczono: { $marks }
kiosk-entry-no-not-signed = nie — brak podpisu
kiosk-entry-no-such-birth-date = nie ma takiej daty urodzenia
kiosk-entry-no-such-district = nie ma takiej dzielnicy
kiosk-entry-no-such-project = nie ma takiego zadania
kiosk-entry-pesel-length = { $n ->
    [one] { $n } cyfra
    [few] { $n } cyfry
   *[many] { $n } cyfr
    } zamiast 11
kiosk-entry-pesel-twelfth-digit = PESEL ma 11 cyfr — 12. cyfra nie weszła
kiosk-entry-points = { $n } pkt
kiosk-entry-project-repeated = powtórzone zadanie
kiosk-entry-review-title = {" "}Przegląd karty przed zapisem{" "}
kiosk-entry-same-pesel = ! Ten PESEL jest już na karcie { $card } ({ $operator }, { $at }). Można zapisać — karta zostanie oznaczona.
kiosk-entry-saved = Zapisano kartę { $card } ({ $verdict }) — { $summary }
kiosk-entry-valid-card = KARTA WAŻNA — Enter zapisuje, Esc wraca do poprawek.
kiosk-entry-voting-card = {" "}Karta do głosowania{" "}
kiosk-entry-waiting = Enter = { $typed } · { $range } dalej
kiosk-entry-write-on-the-card = Wpisz na karcie:
kiosk-entry-wrong-check-digit = zła cyfra kontrolna
kiosk-entry-y = t
kiosk-entry-y-yes-n-no = t — tak, n — nie
kiosk-entry-yes-or-no-only = tylko t (tak) albo n (nie)

kiosk-field-address = Adres
kiosk-field-citywide = Miejskie
kiosk-field-district = Dzielnica
kiosk-field-first-name = Imię
kiosk-field-local = Lokalne
kiosk-field-signature = Podpis
kiosk-field-surname = Nazwisko

kiosk-not-saved = NIE ZAPISANO: { $error }

kiosk-verify-compared = ✓ Porównano { $fields }: karta zgodna z papierem.
kiosk-verify-compared-wrong = ! Porównano { $fields }; pierwsze wpisanie błędne w: { $wrong } — zapis je poprawi.
kiosk-verify-done = Zweryfikowano kartę { $number }: { $fields }, zgodna z papierem. Następna karta: wpisz jej numer.
kiosk-verify-done-amended = Zweryfikowano kartę { $number }: { $fields }, błędy pierwszego wpisania: { $errors } — kartę poprawiono (weryfikacja).
kiosk-verify-empty = (puste)
kiosk-verify-how = Weź papierową kartę, którą wpisał inny operator, i wpisz jej numer (zapisany na karcie):
kiosk-verify-mismatch = NIEZGODNOŚĆ w polu { $field }: pierwsze wpisanie { $first } · Twoje { $mine }
kiosk-verify-no-offer = W próbie nie czeka żadna karta — można zweryfikować dowolną.
kiosk-verify-number = Numer:
kiosk-verify-number-title = {" "}Weryfikacja karty wpisanej przez kogoś innego{" "}
kiosk-verify-offer = Z próby: karta { $number } (wpisał(a): { $keyer }); w próbie czeka { $waiting ->
    [one] { $waiting } karta
    [few] { $waiting } karty
   *[many] { $waiting } kart
    }.
kiosk-verify-retype = Wpisz to pole jeszcze raz z papieru.
kiosk-verify-review-keys = Enter — zapisz weryfikację.  Esc — przerwij (nic nie zapisuje).
kiosk-verify-stopped = Weryfikacja przerwana — nic nie zapisano.
kiosk-verify-then = Potem wpiszesz całą kartę jeszcze raz, na ślepo: pierwszego wpisania nie widać. Każde pole jest porównywane, gdy je opuszczasz; przy niezgodności zdecydujesz z papieru, co jest na karcie.
kiosk-verify-title = Weryfikacja karty { $number } — wpisz ją z papieru (wpisał(a): { $keyer })
kiosk-verify-which = Co jest na papierowej karcie?  1 — pierwsze (poprawisz swoje)  2 — Twoje
kiosk-verify-yours-taken = Przyjęto Twoją wartość — karta zostanie poprawiona przy zapisie.
