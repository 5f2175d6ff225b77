# Błędy wewnętrzne (tally::store::TallyFault, bundle::ExportFault): to,
# czego kod urny nigdy nie powinien dopuścić, w języku użytkownika.
# Ramka wokół każdego: biura (tally) i kiosku.
internal-tally = błąd wewnętrzny programu urna: { $what }; zgłoś to twórcom urny, podając polecenie, przy którym wystąpił
internal-kiosk = błąd wewnętrzny programu urna: { $what }; zgłoś to biuru

## Magazyn biura i symulator (TallyFault)
internal-card-unreadable = zapisanej karty nie da się odczytać
internal-entry-unreadable = zapisanego wpisu dziennika nie da się odczytać
internal-online-unreadable = zapisanego głosu internetowego nie da się odczytać
internal-entry-without-card = wpis { $seq } punktu { $point } nie zawiera karty
internal-decision-unreadable = decyzji biura nr { $seq } nie da się odczytać
internal-decision-unwritable = decyzji biura nie udało się zapisać jako JSON
internal-copy-hash-length = skrót wpisu { $seq } w kopii biura nie ma 32 bajtów
internal-counting-stopped = wątek liczący głosy zatrzymał się
internal-reader-stopped = wątek czytający paczki zatrzymał się
internal-storing-stopped = zapisywanie wpisów paczki zatrzymało się
internal-worker-failed = wątek symulacji uległ awarii
internal-worker-stopped = wątek symulacji zatrzymał się przed końcem pracy
internal-point-id = symulator utworzył nieprawidłowy identyfikator punktu { $id }
internal-kiosk-key = punkt { $point }: nie udało się utworzyć klucza kiosku ({ $detail })
internal-export-time = punkt { $point }: dzień { $day } nie ma godziny 21:00 czasu warszawskiego na eksport
internal-expected-unwritable = nie udało się zapisać expected.json jako JSON
internal-csv-row = { $path }: zapis CSV odrzucił wiersz
internal-point-bundle = punkt { $point }: { $what }

## Tworzenie paczki (ExportFault)
internal-export-recipients = age nie zaszyfrował danych kluczem biura
internal-export-encrypt = szyfrowanie dziennika: { $error }
internal-export-manifest = nie udało się zapisać manifestu jako JSON ({ $detail })
internal-export-signing = podpisywanie manifestu: { $detail }
internal-export-tar = pakowanie paczki: { $error }
