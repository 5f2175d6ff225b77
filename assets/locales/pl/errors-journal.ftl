# What is wrong with a journal entry (store::JournalFault), after
# "wpis dziennika N: ".
error-journal-unreadable = nieczytelny wpis
error-journal-unreadable-kind = nieczytelny wpis { $kind }
error-journal-hash-length = skrót nie ma 32 bajtów
error-journal-no-kiosk-key = dziennik nie podaje klucza kiosku
error-journal-no-such-entry = nie ma takiego wpisu
error-journal-concurrent-export = w tym samym czasie zrobiono inny eksport; wyeksportuj jeszcze raz
error-journal-meta-missing = brak metadanych magazynu `{ $key }`
error-journal-new-key = klucz dziennika: { $detail }
error-journal-signing = podpisywanie: { $detail }
error-journal-sealing = pieczętowanie: { $detail }
error-journal-upgrade = aktualizacja magazynu do schematu { $schema }: { $detail }
