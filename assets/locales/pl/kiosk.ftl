# The kiosk: login and lock, the header, questions, the office sender's words, the damaged store, the first setup.

kiosk-damaged-urna-store-damaged-the-kiosk-is = urna · MAGAZYN USZKODZONY — kiosk zablokowany
kiosk-damaged-store-damaged = {" "}Magazyn uszkodzony{" "}
kiosk-damaged-this-point-s-data-was-changed = Dane tego punktu zostały zmienione poza urną albo są zepsute. Kiosk nie zapisze żadnej karty.
kiosk-damaged-what-to-do = Co zrobić:
kiosk-damaged-1-leave-the-laptop-as-it = {" "}1. Zostaw laptopa tak, jak jest: nie usuwaj plików, nie instaluj urny od nowa, nie wpisuj kart gdzie indziej.
kiosk-damaged-2-call-the-office-and-read = {" "}2. Zadzwoń do biura i przeczytaj mu listę poniżej. Karty papierowe zostają zapieczętowane w urnie.
kiosk-damaged-3-if-the-office-asks-a = {" "}3. Jeśli biuro poprosi, koordynator robi w terminalu eksport do wyjaśnienia (nie do liczenia):
kiosk-damaged-urna-export-investigation-out-media-as = {"      "}urna export --investigation --out /media/… --as IMIĘ
kiosk-damaged-data-directory = Katalog danych
kiosk-damaged-what-was-found = Co znaleziono:
kiosk-damaged-quit = {" "}zakończ
kiosk-login-log-in = {" "}Logowanie{" "}
kiosk-login-choose-yourself-type-your-pin-and = Wybierz siebie (↑/↓), wpisz PIN i naciśnij Enter.
kiosk-login-training-kiosk-cards-are-marked-as = KIOSK SZKOLENIOWY — karty są oznaczone jako treningowe. Operatorzy demo:
kiosk-login-screen-locked = {" "}Ekran zablokowany{" "}
kiosk-login-any-unsaved-card-is-kept-underneath = Niezapisana karta czeka pod spodem.
kiosk-your-unsaved-card-is-back-carry = Twoja niezapisana karta wróciła — pisz dalej.
kiosk-the-voting-day-is-not-set = Dzień głosowania nie jest jeszcze ustawiony — koordynator ustawia go klawiszem F10.
kiosk-drop-this-amendment-the-saved-card = Porzucić poprawianie tej karty? Zapisana karta zostaje bez zmian. t — tak, n — nie
kiosk-throw-away-the-unsaved-card-and = Wyrzucić niezapisaną kartę i zacząć nową? t — tak, n — nie
kiosk-only-a-coordinator-closes-the-day = Dzień zamyka i eksportuje koordynator.
kiosk-only-a-coordinator-sets-the-day = Dzień i postój ustawia koordynator.
kiosk-voting-day-whose-urn-you-are = Dzień głosowania, którego urnę wprowadzasz (RRRR-MM-DD):
kiosk-prompt-cancelled = Anulowano.
kiosk-prompt-not-a-yyyy-mm-dd-date = To nie jest data RRRR-MM-DD.
kiosk-prompt-type-the-stop = Wpisz miejsce postoju.
kiosk-prompt-give-a-reason = Podaj powód.
kiosk-prompt-mobile-point-s-stop = Miejsce postoju punktu mobilnego:
kiosk-prompt-card-thrown-away-a-new-card = Karta wyrzucona — nowa karta.
kiosk-prompt-amendment-dropped = Poprawianie porzucone.
kiosk-prompt-the-card-stays = Karta zostaje.
kiosk-prompt-ask-a-coordinator-to-set-the = Poproś koordynatora o ustawienie dnia głosowania (F10), zanim wprowadzisz karty.
kiosk-prompt-question = {" "}Pytanie{" "}
kiosk-training = TRENING
kiosk-stop = postój:
kiosk-sync-refused = biuro: odmowa — zadzwoń do biura
kiosk-sync-sent = biuro: wysłano { $at } · { $cards ->
    [one] { $cards } karta
    [few] { $cards } karty
   *[many] { $cards } kart
    }
kiosk-setup-urna-first-start = urna · pierwsze uruchomienie
kiosk-setup-point-setup = {" "}Ustawienia punktu{" "}
kiosk-setup-a-new-point-fill-in-the = Nowy punkt: wypełnij pola; Enter na ostatnim zapisuje.
kiosk-setup-y-yes = t — tak
kiosk-setup-n-no = n — nie
kiosk-setup-no-office-key-cards-can-be = ! Bez klucza biura: karty można wpisywać, ale eksport będzie niemożliwy, dopóki koordynator nie wpisze: urna central set age1… --as IMIĘ
kiosk-setup-enter-next-shift-tab-back-esc = Enter dalej · Shift-Tab wstecz · Esc zakończ bez zapisu
kiosk-the-unsaved-card-is-back-carry = Niezapisana karta wróciła — pisz dalej (F2 jeszcze raz: nowa karta).
kiosk-setup-bad-point-id = Identyfikator punktu: litery, cyfry, „-” i „_” (do 32 znaków).
kiosk-setup-no-point-name = Podaj nazwę punktu.
kiosk-setup-no-office-key = Wpisz klucz age biura (age1…) albo słowo „brak”, jeśli biuro jeszcze go nie dało — wtedy eksport będzie niemożliwy, dopóki koordynator go nie ustawi.
kiosk-setup-bad-office-key = To nie jest klucz age biura (age1…, 62 znaki). Bez klucza wpisz „brak”.
kiosk-setup-no-coordinator = Podaj imię koordynatora.
kiosk-setup-bad-pin = PIN to 4–12 cyfr.
kiosk-setup-pins-differ = PIN-y się różnią.
kiosk-login-card-kept = { $name }: niezapisana karta czeka — wróci po zalogowaniu.
kiosk-login-wrong-pin = Zły PIN. Pozostało prób: { $left }.
kiosk-login-locked = Za dużo błędnych PIN-ów: operator zablokowany do { $until }.
kiosk-login-locked-idle = Ekran zablokowany po bezczynności. Odblokować może tylko { $name } — wpisz PIN.
kiosk-login-locked-asked = Ekran zablokowany (Ctrl-L). Odblokować może tylko { $name } — wpisz PIN.
kiosk-new-point-day = Nowy punkt: dzień głosowania, którego urnę wprowadzasz (RRRR-MM-DD; głosowanie { $window }):
kiosk-prompt-stop-set = Postój: { $stop }.
kiosk-prompt-voided = Unieważniono kartę { $card }.
kiosk-prompt-amended = Poprawiono kartę { $card } ({ $valid ->
        [yes] ważna
       *[no] nieważna
    }).
kiosk-prompt-day-set = Karty są wprowadzane pod dniem { $day }.
kiosk-prompt-day-set-outside = Karty są wprowadzane pod dniem { $day } (poza terminem głosowania).
kiosk-prompt-day-outside = ! Dzień { $day } jest poza terminem głosowania ({ $window }): karty z tego dnia będą NIEWAŻNE (poza terminem). Czy to na pewno ten dzień? t — tak, n — nie
kiosk-sync-refused-short = biuro: odmowa
kiosk-sync-waiting = biuro: brak połączenia — wyślę później
kiosk-sync-waiting-short = biuro: później
kiosk-sync-sent-short = biuro: { $at }
kiosk-sync-not-sent = biuro: jeszcze nie wysłano
kiosk-setup-edition-file = Plik edycji
kiosk-setup-point-id = Id punktu
kiosk-setup-point-name = Nazwa punktu
kiosk-setup-mobile = Punkt mobilny (t/n)
kiosk-setup-office-key = Klucz age biura/brak
kiosk-setup-coordinator = Koordynator
kiosk-setup-pin-again = PIN ponownie
