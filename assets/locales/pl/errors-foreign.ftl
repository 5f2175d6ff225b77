# What SQLite, age, minisign and TLS report, in words of the user's
# language (their own English is not shown).

error-sqlite-permission-denied = brak uprawnień do pliku bazy danych
error-sqlite-busy = baza danych jest zajęta przez inny program urna; zamknij go i spróbuj ponownie
error-sqlite-out-of-memory = brak pamięci
error-sqlite-read-only = baza danych jest tylko do odczytu
error-sqlite-io = błąd wejścia-wyjścia dysku przy zapisie lub odczycie bazy
error-sqlite-corrupt = plik bazy danych jest uszkodzony albo nie jest bazą urna
error-sqlite-disk-full = brak miejsca na dysku
error-sqlite-cannot-open = nie można otworzyć pliku bazy danych
error-sqlite-constraint = zapis naruszyłby spójność bazy danych
error-sqlite-too-big = wartość za duża dla bazy danych
error-sqlite-interrupted = operację na bazie przerwano
error-sqlite-code = błąd bazy danych SQLite (kod { $code })
error-sqlite-no-row = w bazie brak oczekiwanego wiersza
error-sqlite-type = wartość w bazie danych ma nieoczekiwany typ
error-sqlite-other = błąd bazy danych
error-sqlite-schema-version = numer wersji schematu bazy danych zmieniono poza urną
error-sqlite-migration = nie udało się uaktualnić schematu bazy danych

error-age-decryption-failed = zaszyfrowanej zawartości nie da się odszyfrować (uszkodzona lub zmieniona)
error-age-invalid-header = nagłówek age jest nieczytelny: to nie jest plik zaszyfrowany przez kiosk albo go uszkodzono
error-age-invalid-mac = suma kontrolna (MAC) nagłówka age się nie zgadza: nagłówek zmieniono
error-age-key-decryption-failed = nie udało się odszyfrować klucza zapisanego w nagłówku age
error-age-no-matching-keys = zaszyfrowana dla innego odbiorcy: żaden klucz tego biura do niej nie pasuje (kiosk ma ustawiony zły klucz biura?)
error-age-unknown-format = nieznana wersja formatu age (z nowszego programu?)
error-age-header-too-long = nagłówek age jest dłuższy niż { $bytes } bajtów
error-age-damaged = zaszyfrowana zawartość jest uszkodzona lub zmieniona (nie zgadza się jej uwierzytelnienie)
error-age-truncated = zaszyfrowana zawartość jest ucięta
error-age-other = nieznany błąd odszyfrowania
error-age-excessive-work = zaszyfrowana hasłem o nadmiernym koszcie (odszyfrowanie trwałoby około { $seconds } s); kiosk szyfruje kluczem biura, nie hasłem

error-signature-not-text = to nie jest tekst
error-signature-no-key-id = brak identyfikatora klucza
error-signature-encoding = niepoprawne kodowanie (base64) podpisu
error-signature-algorithm = nieobsługiwany algorytm podpisu
error-signature-other = podpis jest nieczytelny

error-tls-ca-as-server = certyfikat serwera jest certyfikatem urzędu certyfikacji (CA:TRUE — tak robi go domyślnie `openssl req -x509`), a takiego kiosk nie przyjmie jako certyfikatu serwera; biuro robi nowy: { $command }
error-tls-unknown-issuer = certyfikat serwera nie jest podpisany przez certyfikat, któremu ufa ten kiosk (`urna central url … --ca PLIK`)
error-tls-not-for-name = certyfikat serwera wystawiono na inną nazwę niż ta w adresie biura (subjectAltName)
error-tls-expired = certyfikat serwera wygasł (albo zegar tego komputera się spieszy)
error-tls-not-yet-valid = certyfikat serwera jest jeszcze nieważny (albo zegar tego komputera się spóźnia)
error-tls-unreadable = certyfikat serwera jest nieczytelny
error-tls-revoked = certyfikat serwera unieważniono (albo nie da się sprawdzić, czy go nie unieważniono); biuro musi podać nowy
error-tls-not-for-servers = certyfikat serwera nie jest przeznaczony dla serwera TLS (extendedKeyUsage); biuro robi nowy: { $command }
error-tls-unsupported = certyfikat serwera używa algorytmu albo krytycznego rozszerzenia, których kiosk nie zna; biuro robi nowy: { $command }
error-tls-other = certyfikat serwera odrzucony (rustls: { $why })
