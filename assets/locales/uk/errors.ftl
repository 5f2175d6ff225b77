# What can go wrong with the store, a login and a verification, said to
# the person at the kiosk or the command line.

error-store-not-initialised = у { $dir } немає сховища urna: спершу запустіть `urna init`
error-store-already-initialised = у { $dir } уже є сховище urna
error-store-database = база даних: { $error }
error-store-open = { $path }: не вдається відкрити сховище: { $error }
error-store-schema = схема бази даних: { $error }
error-store-edition = збережений випуск неможливо прочитати: { $error }
error-store-journal = запис журналу { $seq }: { $what }
error-store-unknown-card = у цьому сховищі немає картки { $card }
error-store-card-voided = картку { $card } анульовано; анульовану картку не можна змінити
error-store-duplicate-source = рядок з id "{ $id }" уже записано як картку { $card }
error-store-missing-reason = потрібно вказати причину
error-store-earlier-release = { $dir } — сховище попередньої версії urna (схема 1, незапечатані ключі), яке ця версія не відкриває: експортуйте його останній пакет тією версією, потім налаштуйте кіоск заново (README: "A kiosk of an earlier release")
error-store-damaged = сховище пошкоджене; у нього нічого не записано: { $problems }
error-store-not-logged-in = ніхто не увійшов: зміна потребує PIN-коду оператора
error-store-not-coordinator = це може зробити лише координатор

error-login-unknown-operator = немає оператора з ім’ям «{ $name }»
error-login-wrong-pin = неправильний PIN (залишилося спроб: { $left }, потім блокування на { $minutes } хв)
error-login-locked = оператора заблоковано після { $failures } неправильних PIN-кодів до { $until }
error-login-bad-pin = PIN має від { $min } до 12 цифр
error-login-bad-name = ім’я оператора має від 1 до 60 символів, без керівних символів
error-login-name-taken = оператор з ім’ям «{ $name }» уже існує
error-login-hash = не вдалося обчислити хеш PIN-коду

error-verify-not-a-number = «{ $typed }» — не номер картки: введіть цифри, записані на паперовій картці
error-verify-no-such-card = у цьому пункті немає картки з номером { $number }
error-verify-voided = картку { $card } анульовано: немає чого перевіряти
error-verify-own-card = картку { $card } ввів(-ла) { $keyer }: власну картку не перевіряють — це зробить інший оператор
error-verify-changed = картка { $card } змінилася під час перевірки: перевірте її заново

# A typed PESEL that is not one (no digit of it is quoted).
error-pesel-empty = PESEL порожній
error-pesel-length = PESEL має { $digits ->
        [one] { $digits } цифру
        [few] { $digits } цифри
       *[many] { $digits } цифр
    }, а потрібно 11
error-pesel-not-digit = PESEL може містити лише цифри (символ № { $position } — не цифра)
error-pesel-no-such-date = PESEL не кодує справжньої дати народження
error-pesel-check-digit = контрольна цифра PESEL не збігається

# A card CSV: the whole file (nothing from it is stored), or one row. No
# value from the file is quoted unmasked. A file's problem is shown after
# the place it is found at: "path: " or "path:line: " (a .pb file's too).
error-csv-io = не вдається прочитати файл: { $error }
error-csv-empty = файл порожній; перший рядок — це заголовок { $header }
error-csv-not-utf8 = файл не є текстом UTF-8 (збережіть його як «CSV UTF-8»)
error-csv-no-header = перший рядок — не заголовок: він не називає жодного стовпця; файл має починатися з рядка { $header }
error-csv-missing-columns = бракує стовпців: { $missing }; заголовок має називати { $header }
error-csv-unknown-column = невідомий стовпець № { $position } "{ $name }"{ $near }; дозволені: { $allowed }
error-csv-unknown-column-near = (можливо, { $column }?)
error-csv-repeated-column = стовпець "{ $column }" трапляється двічі
error-csv-header = не вдається прочитати заголовок: { $error }
error-csv-record-too-long = файл відхилено: запис від цього рядка довший за { $bytes } байтів{ $quote }
error-csv-record-quote-open = (відкриті тут лапки не закрито)
error-csv-too-many-columns = файл відхилено: запис має понад { $fields } полів
error-csv-unclosed-quote = файл відхилено: лапки, відкриті в цьому рядку, не закрито
error-csv-refused = файл відхилено: { $error }
error-csv-field-count = рядок має { $found ->
        [one] { $found } поле
        [few] { $found } поля
       *[many] { $found } полів
    }, а заголовок { $expected }
error-csv-row-unreadable = не вдається прочитати рядок: { $error }
error-csv-cast-date = cast_date "{ $value }" — не дата у формі РРРР-ММ-ДД
error-csv-signed = signed "{ $value }" має бути 1 або 0
error-csv-too-many-picks = { $column } має { $found ->
        [one] { $found } позицію
        [few] { $found } позиції
       *[many] { $found } позицій
    }, а картка має { $max ->
        [one] { $max } графу
        [few] { $max } графи
       *[many] { $max } граф
    }
error-csv-control = { $column } «{ $value }» містить керівний символ (наприклад, дзвінок або Escape), якого в графу картки не ввести
error-csv-field-not-utf8 = поле { $field } не є текстом UTF-8 (збережіть файл як UTF-8)
error-csv-not-csv = неправильний запис CSV
error-csv-too-many-projects = { $column } має { $found ->
        [one] { $found } позицію
        [few] { $found } позиції
       *[many] { $found } позицій
    }, а картка може мати щонайбільше { $max }
error-csv-too-long = { $column } має { $found ->
        [one] { $found } символ
        [few] { $found } символи
       *[many] { $found } символів
    }, а може мати щонайбільше { $max }
error-csv-project-id-too-long = { $column } має { $found ->
        [one] { $found } символ
        [few] { $found } символи
       *[many] { $found } символів
    }, а може мати щонайбільше { $max } (номер одного проєкту)

# A sync with the office (`urna sync`, the kiosk's sender).
error-sync-timeout = бюро не відповіло вчасно
error-sync-no-pinned-certificate = збережений сертифікат бюро (--ca) не містить сертифіката PEM
error-sync-garbled = за цією адресою відповідає щось, що не є сервером бюро urna (інший вебсервер, сторінка входу до мережі?): нічого не вважається надісланим
error-sync-other = не вдалося з’єднатися з бюро (HTTP-клієнт повідомляє: { $why }): нічого не вважається надісланим
error-sync-broken = з’єднання з бюро обірвалося до кінця відповіді
error-sync-no-url = пункт не має адреси бюро: координатор встановлює її командою `urna central url АДРЕСА --as ІМ’Я`
error-sync-unreachable = немає з’єднання з бюро: { $why }
error-sync-office-failed = помилка сервера бюро ({ $code }): { $message }
error-sync-unknown-kiosk = бюро не знає цього кіоску (бюро має його зареєструвати: `urna tally trust`)
error-sync-unknown-kiosk-said = бюро не знає цього кіоску (бюро має його зареєструвати: `urna tally trust`): { $said }
error-sync-refused = бюро відхилило надсилання ({ $code }): { $said }
error-sync-office-ahead = бюро має від цього пункту { $office }, а це сховище — { $ours }; це старіша копія цього сховища (відновлена з резервної копії?) або інший кіоск під назвою цього пункту: нічого не надіслано, зателефонуйте до бюро
error-sync-fork = запис { $seq } у бюро відрізняється від запису в цьому сховищі (розгалуження): нічого не надіслано, зателефонуйте до бюро
error-sync-moving = бюро тим часом отримувало інші записи цього пункту (чи другий кіоск надсилає під тією самою назвою?); спробую пізніше
