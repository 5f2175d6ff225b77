# The kiosk: login and lock, the header, questions, the office sender's words, the damaged store, the first setup.

kiosk-card-back = Niezapisana karta wróciła — pisz dalej (F2 jeszcze raz: nowa karta).
kiosk-card-back-at-login = Twoja niezapisana karta wróciła — pisz dalej.

kiosk-damaged-data-directory = Katalog danych
kiosk-damaged-explained = Dane tego punktu zostały zmienione poza urną albo są zepsute. Kiosk nie zapisze żadnej karty.
kiosk-damaged-export-command = {"      "}urna export --investigation --out /media/… --as IMIĘ
kiosk-damaged-header = urna · MAGAZYN USZKODZONY — kiosk zablokowany
kiosk-damaged-quit = {" "}zakończ
kiosk-damaged-step-call = {" "}2. Zadzwoń do biura i przeczytaj mu listę poniżej. Karty papierowe zostają zapieczętowane w urnie.
kiosk-damaged-step-export = {" "}3. Jeśli biuro poprosi, koordynator robi w terminalu eksport do wyjaśnienia (nie do liczenia):
kiosk-damaged-step-leave = {" "}1. Zostaw laptopa tak, jak jest: nie usuwaj plików, nie instaluj urny od nowa, nie wpisuj kart gdzie indziej.
kiosk-damaged-title = {" "}Magazyn uszkodzony{" "}
kiosk-damaged-what-to-do = Co zrobić:
kiosk-damaged-what-was-found = Co znaleziono:

kiosk-day-coordinator-only = Dzień i postój ustawia koordynator.
kiosk-day-not-set = Dzień głosowania nie jest jeszcze ustawiony — koordynator ustawia go klawiszem F10.
kiosk-day-question = Dzień głosowania, którego urnę wprowadzasz (RRRR-MM-DD):
kiosk-day-question-new-point = Nowy punkt: dzień głosowania, którego urnę wprowadzasz (RRRR-MM-DD; głosowanie { $window }):

kiosk-drop-amendment = Porzucić poprawianie tej karty? Zapisana karta zostaje bez zmian. t — tak, n — nie

kiosk-export-coordinator-only = Dzień zamyka i eksportuje koordynator.

kiosk-lock-asked = Ekran zablokowany (Ctrl-L). Odblokować może tylko { $name } — wpisz PIN.
kiosk-lock-card-kept = Niezapisana karta czeka pod spodem.
kiosk-lock-idle = Ekran zablokowany po bezczynności. Odblokować może tylko { $name } — wpisz PIN.
kiosk-lock-title = {" "}Ekran zablokowany{" "}

kiosk-login-card-kept = { $name }: niezapisana karta czeka — wróci po zalogowaniu.
kiosk-login-how = Wybierz siebie (↑/↓), wpisz PIN i naciśnij Enter.
kiosk-login-locked = Za dużo błędnych PIN-ów: operator zablokowany do { $until }.
kiosk-login-title = {" "}Logowanie{" "}
kiosk-login-training = KIOSK SZKOLENIOWY — karty są oznaczone jako treningowe. Operatorzy demo:
kiosk-login-wrong-pin = Zły PIN. Pozostało prób: { $left }.

kiosk-prompt-amended = Poprawiono kartę { $card } ({ $valid ->
        [yes] ważna
       *[no] nieważna
    }).
kiosk-prompt-amendment-dropped = Poprawianie porzucone.
kiosk-prompt-ask-coordinator = Poproś koordynatora o ustawienie dnia głosowania (F10), zanim wprowadzisz karty.
kiosk-prompt-cancelled = Anulowano.
kiosk-prompt-card-thrown-away = Karta wyrzucona — nowa karta.
kiosk-prompt-day-outside = ! Dzień { $day } jest poza terminem głosowania ({ $window }): karty z tego dnia będą NIEWAŻNE (poza terminem). Czy to na pewno ten dzień? t — tak, n — nie
kiosk-prompt-day-set = Karty są wprowadzane pod dniem { $day }.
kiosk-prompt-day-set-outside = Karty są wprowadzane pod dniem { $day } (poza terminem głosowania).
kiosk-prompt-give-a-reason = Podaj powód.
kiosk-prompt-not-a-yyyy-mm-dd-date = To nie jest data RRRR-MM-DD.
kiosk-prompt-question = {" "}Pytanie{" "}
kiosk-prompt-stop-question = Miejsce postoju punktu mobilnego:
kiosk-prompt-stop-set = Postój: { $stop }.
kiosk-prompt-the-card-stays = Karta zostaje.
kiosk-prompt-type-the-stop = Wpisz miejsce postoju.
kiosk-prompt-voided = Unieważniono kartę { $card }.

kiosk-setup-bad-office-key = To nie jest klucz age biura (age1…, 62 znaki). Bez klucza wpisz „brak”.
kiosk-setup-bad-pin = PIN to 4–12 cyfr.
kiosk-setup-bad-point-id = Identyfikator punktu: litery, cyfry, „-” i „_” (do 32 znaków).
kiosk-setup-coordinator = Koordynator
kiosk-setup-edition-file = Plik edycji
kiosk-setup-footer = Enter dalej · Shift-Tab wstecz · Esc zakończ bez zapisu
kiosk-setup-header = urna · pierwsze uruchomienie
kiosk-setup-how = Nowy punkt: wypełnij pola; Enter na ostatnim zapisuje.
kiosk-setup-mobile = Punkt mobilny (t/n)
kiosk-setup-n-no = n — nie
kiosk-setup-no-coordinator = Podaj imię koordynatora.
kiosk-setup-no-office-key = Wpisz klucz age biura (age1…) albo słowo „brak”, jeśli biuro jeszcze go nie dało — wtedy eksport będzie niemożliwy, dopóki koordynator go nie ustawi.
kiosk-setup-no-office-key-warning = ! Bez klucza biura: karty można wpisywać, ale eksport będzie niemożliwy, dopóki koordynator nie wpisze: urna central set age1… --as IMIĘ
kiosk-setup-no-point-name = Podaj nazwę punktu.
kiosk-setup-office-key = Klucz age biura/brak
kiosk-setup-pin-again = PIN ponownie
kiosk-setup-pins-differ = PIN-y się różnią.
kiosk-setup-point-id = Id punktu
kiosk-setup-point-name = Nazwa punktu
kiosk-setup-title = {" "}Ustawienia punktu{" "}
kiosk-setup-y-yes = t — tak

kiosk-stop = postój:

kiosk-sync-not-sent = biuro: jeszcze nie wysłano
kiosk-sync-refused = biuro: odmowa — zadzwoń do biura
kiosk-sync-refused-short = biuro: odmowa
kiosk-sync-sent = biuro: wysłano { $at } · { $cards ->
    [one] { $cards } karta
    [few] { $cards } karty
   *[many] { $cards } kart
    }
kiosk-sync-sent-short = biuro: { $at }
kiosk-sync-waiting = biuro: brak połączenia — wyślę później
kiosk-sync-waiting-short = biuro: później

kiosk-throw-card-away = Wyrzucić niezapisaną kartę i zacząć nową? t — tak, n — nie

kiosk-training = TRENING
