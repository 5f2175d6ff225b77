# What is wrong with a journal entry (store::JournalFault), after
# "запис журналу N: ".
error-journal-unreadable = нечитабельний запис
error-journal-unreadable-kind = нечитабельний запис { $kind }
error-journal-hash-length = геш не має 32 байтів
error-journal-no-kiosk-key = журнал не вказує ключа кіоску
error-journal-no-such-entry = такого запису немає
error-journal-concurrent-export = одночасно було зроблено інший експорт; експортуйте ще раз
error-journal-meta-missing = немає метаданих сховища `{ $key }`
error-journal-new-key = ключ журналу: { $detail }
error-journal-signing = підписування: { $detail }
error-journal-sealing = запечатування: { $detail }
error-journal-upgrade = оновлення сховища до схеми { $schema }: { $detail }
