# The store's checks (store::check::Problem): what differs between the store
# and its journal. Shown after "table[row]: ".

check-unreadable = не вдається прочитати: { $error }
check-entry-unreadable-because = нечитабельний запис: { $error }
check-entry-unreadable = нечитабельний запис
check-entry-kind-or-number = запис не відповідає своєму типу або номеру
check-contents-kind-or-number = вміст не відповідає номеру або типу запису
check-first-entry-missing = немає першого запису
check-integrity = перевірка цілісності SQLite: { $result }
check-cannot-open = не вдається відкрити: { $error }
check-stopped = перевірку перервано
check-without-pin = { $what }: журнал змінено, скорочено або доповнено без PIN
check-seal-missing = немає печатки журналу
check-seal-not-signed = печатка не є підписом ключа журналу (змінена без PIN)
check-seal-beyond-head = журнал закінчується на записі { $head }, а опечатано запис { $sealed }
check-seal-moved-back = печатка вказує на запис { $sealed }, а цей кіоск уже опечатав запис { $known } (печатку повернули назад)
check-seal-other-hash = запис { $entry } має інший хеш, ніж опечатаний
check-seal-too-far-behind =
    { $n ->
        [one] { $n } запис
        [few] { $n } записи
       *[many] { $n } записів
    } після печатки, а кіоск залишає щонайбільше { $most }
check-after-seal-missing = після печатки бракує запису { $entry }
check-after-seal-unsigned = запис після печатки без підпису ключа журналу
check-not-following = не випливає з хешу попереднього запису
check-hash-changed = хеш не збігається з вмістом (запис змінено)
check-chain-expected = очікувався запис { $entry } (бракує записів)
check-unsealed-missing = немає запису (журнал скорочено)
check-unsealed-unsigned = запис після печатки без підпису ключа журналу (дописаний без PIN)
check-not-card-entry = не є читабельним записом картки
check-schema-dropped = бракує (видалено)
check-schema-changed = визначення змінено
check-schema-added = сторонній об’єкт (доданий)
check-schema-version = версія схеми { $version }, очікувалася { $expected }
check-meta-differs = значення відрізняється від журналу
check-meta-foreign-key = сторонній ключ
check-meta-row-missing = немає рядка
check-genesis-not-creation = перший запис не є записом створення сховища (сховище з попередньої версії або підмінене)
check-genesis-not-signed = запис створення не підписано ключем кіоску, який у ньому вказано
check-key-file-other = це не той ключ кіоску, що записаний у журналі
check-operator-added-by = оператора { $name } додав хтось, хто не є координатором
check-operator-no-row = немає рядка оператора, записаного в журналі
check-operator-role = роль { $stored }, а в журналі { $journal }
check-operator-pin = запис PIN не той, що зафіксований у журналі
check-operator-added-seq = added_seq не відповідає запису в журналі
check-operator-not-added = оператор, якого немає в журналі (дописаний)
check-index-row-twice = більше ніж один рядок індексу карток для запису
check-index-row-missing = немає рядка індексу карток для запису
check-index-row-differs = рядок індексу карток відрізняється від запису журналу
check-index-row-without-entry = рядок індексу карток без запису в журналі
check-file-row-twice = рядок файлу з id "{ $id }" записано вдруге (уперше в записі { $first })
check-earlier-cards = попередні картки з цим номером PESEL: { $expected }, а запис називає { $named }
