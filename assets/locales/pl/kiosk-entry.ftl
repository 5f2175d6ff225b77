# The kiosk's card screen: the rubrics, the notes beside them, the review, saving, and verification (Ctrl-R).

kiosk-entry-the-card-has-problems-a-typo = Karta ma błędy: literówka → Esc; wada karty → F8 (zapisz jako nieważną).
kiosk-entry-the-card-is-valid-enter-saves = Karta jest ważna — zapisuje ją Enter.
kiosk-entry-reason-for-the-amendment-kept-in = Powód poprawki (zostaje w dzienniku razem z oryginałem):
kiosk-entry-flagged-repeated-pesel = {" "}· oznaczona: powtórzony PESEL
kiosk-entry-only-y-yes-or-n-no = tylko t (tak) albo n (nie)
kiosk-entry-a-pesel-has-11-digits-the = PESEL ma 11 cyfr — 12. cyfra nie weszła
kiosk-entry-digits-only = tylko cyfry
kiosk-entry-empty = puste
kiosk-entry-born = ur. { $born }, { $age }
kiosk-entry-no-not-signed = nie — brak podpisu
kiosk-entry-y-yes-n-no = t — tak, n — nie
kiosk-entry-local-part-left-empty-optional-on = część lokalna pusta — na tej karcie nieobowiązkowa
kiosk-entry-no-such-district = nie ma takiej dzielnicy
kiosk-entry-the-district-has-fewer-projects = (dzielnica ma mniej zadań)
kiosk-entry-district-unknown-the-number-cannot-be = dzielnica nieznana — numeru nie da się sprawdzić
kiosk-entry-project-repeated = powtórzone zadanie
kiosk-entry-no-such-project = nie ma takiego zadania
kiosk-entry-y = t
kiosk-entry-voting-card = {" "}Karta do głosowania{" "}
kiosk-entry-write-on-the-card = Wpisz na karcie:
kiosk-entry-marked = zaznaczono: { $marks }
kiosk-entry-valid-card-enter-saves-esc-goes = KARTA WAŻNA — Enter zapisuje, Esc wraca do poprawek.
kiosk-entry-invalid-card = KARTA NIEWAŻNA: { $reasons }
kiosk-entry-a-typo-esc-and-fix-it = Literówka → Esc i popraw.  Wada papierowej karty → F8: zapisz jako NIEWAŻNĄ.
kiosk-verify-type-that-field-again-from-the = Wpisz to pole jeszcze raz z papieru.
kiosk-verify-your-value-is-taken-the-card = Przyjęto Twoją wartość — karta zostanie poprawiona przy zapisie.
kiosk-verify-verification-stopped-nothing-was-stored = Weryfikacja przerwana — nic nie zapisano.
kiosk-verify-empty = (puste)
kiosk-verify-what-does-the-paper-card-show = Co jest na papierowej karcie?  1 — pierwsze (poprawisz swoje)  2 — Twoje
kiosk-verify-enter-store-the-verification-esc-stop = Enter — zapisz weryfikację.  Esc — przerwij (nic nie zapisuje).
kiosk-verify-verifying-a-card-someone-else-keyed = {" "}Weryfikacja karty wpisanej przez kogoś innego{" "}
kiosk-verify-take-a-paper-card-another-operator = Weź papierową kartę, którą wpisał inny operator, i wpisz jej numer (zapisany na karcie):
kiosk-verify-number = Numer:
kiosk-verify-then-you-key-the-whole-card = Potem wpiszesz całą kartę jeszcze raz, na ślepo: pierwszego wpisania nie widać. Każde pole jest porównywane, gdy je opuszczasz; przy niezgodności zdecydujesz z papieru, co jest na karcie.
kiosk-field-first-name = Imię
kiosk-field-surname = Nazwisko
kiosk-field-address = Adres
kiosk-field-signature = Podpis
kiosk-field-district = Dzielnica
kiosk-field-local = Lokalne
kiosk-field-citywide = Miejskie
kiosk-entry-saved = Zapisano kartę { $card } ({ $verdict }) — { $summary }
kiosk-not-saved = NIE ZAPISANO: { $error }
kiosk-entry-born-under = ur. { $born }, { $age } — poniżej { $min }
kiosk-entry-born-not-yet = ur. { $born } — jeszcze nie urodzony
kiosk-entry-pesel-length = { $n ->
    [one] { $n } cyfra
    [few] { $n } cyfry
   *[many] { $n } cyfr
    } zamiast 11
kiosk-entry-no-such-birth-date = nie ma takiej daty urodzenia
kiosk-entry-wrong-check-digit = zła cyfra kontrolna
kiosk-entry-waiting = Enter = { $typed } · { $range } dalej
kiosk-entry-points = { $n } pkt
kiosk-entry-amending = Poprawa karty { $card }
kiosk-entry-review-title = {" "}Przegląd karty przed zapisem{" "}
kiosk-entry-same-pesel = ! Ten PESEL jest już na karcie { $card } ({ $operator }, { $at }). Można zapisać — karta zostanie oznaczona.
kiosk-verify-mismatch = NIEZGODNOŚĆ w polu { $field }: pierwsze wpisanie { $first } · Twoje { $mine }
kiosk-verify-title = Weryfikacja karty { $number } — wpisz ją z papieru (wpisał(a): { $keyer })
kiosk-verify-done = Zweryfikowano kartę { $number }: { $fields }, zgodna z papierem. Następna karta: wpisz jej numer.
kiosk-verify-done-amended = Zweryfikowano kartę { $number }: { $fields }, błędy pierwszego wpisania: { $errors } — kartę poprawiono (weryfikacja).
kiosk-verify-compared = ✓ Porównano { $fields }: karta zgodna z papierem.
kiosk-verify-compared-wrong = ! Porównano { $fields }; pierwsze wpisanie błędne w: { $wrong } — zapis je poprawi.
kiosk-verify-offer = Z próby: karta { $number } (wpisał(a): { $keyer }); w próbie czeka { $waiting ->
    [one] { $waiting } karta
    [few] { $waiting } karty
   *[many] { $waiting } kart
    }.
kiosk-verify-no-offer = W próbie nie czeka żadna karta — można zweryfikować dowolną.
