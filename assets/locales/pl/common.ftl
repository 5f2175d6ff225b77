# Words every part of urna uses: counted nouns, the reasons a card is
# invalid (long, and short for a list row), the roles, the languages.

count-card-acc = { $n ->
    [one] { $n } kartę
    [few] { $n } karty
   *[many] { $n } kart
    }
count-card = { $n ->
    [one] { $n } karta
    [few] { $n } karty
   *[many] { $n } kart
    }
count-row = { $n ->
    [one] { $n } wiersz
    [few] { $n } wiersze
   *[many] { $n } wierszy
    }
count-valid = { $n ->
    [one] { $n } ważna
    [few] { $n } ważne
   *[many] { $n } ważnych
    }
count-invalid = { $n ->
    [one] { $n } nieważna
    [few] { $n } nieważne
   *[many] { $n } nieważnych
    }
count-vote = { $n ->
    [one] { $n } głos
    [few] { $n } głosy
   *[many] { $n } głosów
    }
count-ballot = { $n ->
    [one] { $n } głos
    [few] { $n } głosy
   *[many] { $n } głosów
    }
count-minute-acc = { $n ->
    [one] { $n } minutę
    [few] { $n } minuty
   *[many] { $n } minut
    }
count-byte = { $n ->
    [one] { $n } bajt
    [few] { $n } bajty
   *[many] { $n } bajtów
    }
count-entry = { $n ->
    [one] { $n } wpis
    [few] { $n } wpisy
   *[many] { $n } wpisów
    }
count-district = { $n ->
    [one] { $n } dzielnica
    [few] { $n } dzielnice
   *[many] { $n } dzielnic
    }
count-local-project = { $n ->
    [one] { $n } zadanie lokalne
    [few] { $n } zadania lokalne
   *[many] { $n } zadań lokalnych
    }
count-citywide-project = { $n ->
    [one] { $n } zadanie ogólnomiejskie
    [few] { $n } zadania ogólnomiejskie
   *[many] { $n } zadań ogólnomiejskich
    }

count-field = { $n ->
    [one] { $n } pole
    [few] { $n } pola
   *[many] { $n } pól
    }
count-year = { $n ->
    [one] { $n } rok
    [few] { $n } lata
   *[many] { $n } lat
    }
count-project = { $n ->
    [one] { $n } zadanie
    [few] { $n } zadania
   *[many] { $n } zadań
    }
count-vote-valid = { $n ->
    [one] { $n } ważny
    [few] { $n } ważne
   *[many] { $n } ważnych
    }
count-vote-invalid = { $n ->
    [one] { $n } nieważny
    [few] { $n } nieważne
   *[many] { $n } nieważnych
    }
count-point = { $n ->
    [one] { $n } punkt
    [few] { $n } punkty
   *[many] { $n } punktów
    }
count-polling-point-gen = { $n ->
    [one] { $n } punktu
    [few] { $n } punktów
   *[many] { $n } punktów
    }
count-sample = { $n ->
    [one] { $n } próba
    [few] { $n } próby
   *[many] { $n } prób
    }
count-field-of = { $n ->
    [one] { $n } pola
    [few] { $n } pól
   *[many] { $n } pól
    }
count-person = { $n ->
    [one] { $n } osoba
    [few] { $n } osoby
   *[many] { $n } osób
    }
count-polling-point = { $n ->
    [one] { $n } punkt
    [few] { $n } punkty
   *[many] { $n } punktów
    }
count-bundle = { $n ->
    [one] { $n } paczka
    [few] { $n } paczki
   *[many] { $n } paczek
    }
count-paper-card = { $n ->
    [one] { $n } karta papierowa
    [few] { $n } karty papierowe
   *[many] { $n } kart papierowych
    }
count-online-vote = { $n ->
    [one] { $n } głos internetowy
    [few] { $n } głosy internetowe
   *[many] { $n } głosów internetowych
    }
reason-missing-first-name = brak imienia
reason-missing-last-name = brak nazwiska
reason-missing-address = brak adresu
reason-missing-pesel = brak numeru PESEL
reason-pesel-invalid = niepoprawny PESEL
reason-underage = osoba nie ukończyła wymaganego wieku w dniu głosowania
reason-outside-window = głos oddany poza terminem głosowania
reason-missing-signature = brak podpisu
reason-no-district = nie wpisano dzielnicy
reason-unknown-district = nie ma takiej dzielnicy
reason-local-incomplete = nie wypełniono wszystkich rubryk zadań lokalnych
reason-local-duplicate = zadanie lokalne wpisane więcej niż raz
reason-local-unknown-project = nie ma takiego zadania lokalnego w tej dzielnicy
reason-citywide-incomplete = nie wypełniono wszystkich rubryk zadań ogólnomiejskich
reason-citywide-duplicate = zadanie ogólnomiejskie wpisane więcej niż raz
reason-citywide-unknown-project = nie ma takiego zadania ogólnomiejskiego
reason-illegible = karta nieczytelna
reason-wrong-rubric = dane wpisane w niewłaściwej rubryce
reason-multiple-votes = osoba głosowała więcej niż raz
reason-annulled = głos unieważniony decyzją biura: konto założone na cudzy PESEL

reason-short-missing-first-name = brak imienia
reason-short-missing-last-name = brak nazwiska
reason-short-missing-address = brak adresu
reason-short-missing-pesel = brak PESEL-u
reason-short-pesel-invalid = zły PESEL
reason-short-underage = za młoda osoba
reason-short-outside-window = poza terminem
reason-short-missing-signature = brak podpisu
reason-short-no-district = brak dzielnicy
reason-short-unknown-district = zła dzielnica
reason-short-local-incomplete = niepełne lokalne
reason-short-local-duplicate = powtórzone lokalne
reason-short-local-unknown-project = złe zadanie lokalne
reason-short-citywide-incomplete = niepełne miejskie
reason-short-citywide-duplicate = powtórzone miejskie
reason-short-citywide-unknown-project = złe zadanie miejskie
reason-short-illegible = nieczytelna
reason-short-wrong-rubric = zła rubryka
reason-short-multiple-votes = głosowała kilka razy
reason-short-annulled = unieważniona przez biuro

role-coordinator = koordynator
role-volunteer = wolontariusz

language-pl = polski
language-uk = українська
language-en = English

central-cadence = wysyłka { $cards ->
        [one] co kartę
        [few] co { $cards } karty
       *[many] co { $cards } kart
    } i { $minutes ->
        [one] co minutę
        [few] co { $minutes } minuty
       *[many] co { $minutes } minut
    }
