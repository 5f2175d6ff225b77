# Внутрішні помилки (tally::store::TallyFault, bundle::ExportFault): те,
# чого код urna ніколи не повинен допускати, мовою користувача.
# Рамка навколо кожної: бюро (tally) і кіоску.
internal-tally = внутрішня помилка програми urna: { $what }; повідомте про це розробникам urna, вказавши команду, під час якої вона сталася
internal-kiosk = внутрішня помилка програми urna: { $what }; повідомте про це бюро

## Сховище бюро і симулятор (TallyFault)
internal-card-unreadable = збережену картку не вдається прочитати
internal-entry-unreadable = збережений запис журналу не вдається прочитати
internal-online-unreadable = збережений інтернет-голос не вдається прочитати
internal-entry-without-card = запис { $seq } пункту { $point } не містить картки
internal-decision-unreadable = рішення бюро № { $seq } не вдається прочитати
internal-decision-unwritable = рішення бюро не вдалося записати як JSON
internal-copy-hash-length = хеш запису { $seq } у копії бюро не має 32 байтів
internal-counting-stopped = потік підрахунку голосів зупинився
internal-reader-stopped = потік читання пакетів зупинився
internal-storing-stopped = збереження записів пакета зупинилося
internal-worker-failed = потік симуляції аварійно завершився
internal-worker-stopped = потік симуляції зупинився, не завершивши роботи
internal-point-id = симулятор створив неправильний ідентифікатор пункту { $id }
internal-kiosk-key = пункт { $point }: не вдалося створити ключ кіоску ({ $detail })
internal-export-time = пункт { $point }: день { $day } не має 21:00 за варшавським часом для експорту
internal-expected-unwritable = не вдалося записати expected.json як JSON
internal-csv-row = { $path }: запис CSV відхилив рядок
internal-point-bundle = пункт { $point }: { $what }

## Створення пакета (ExportFault)
internal-export-recipients = age не зашифрував дані ключем бюро
internal-export-encrypt = шифрування журналу: { $error }
internal-export-manifest = не вдалося записати маніфест як JSON ({ $detail })
internal-export-signing = підписування маніфесту: { $detail }
internal-export-tar = пакування пакета: { $error }
