# The kiosk's command line: what `urna init`, `status`, `operator`,
# `central`, `import-cards`, `edition`, `check`, `sync` and `paths` say.

cli-error-label = помилка
cli-no-data-dir = не вдається визначити каталог даних; вкажіть --data-dir
cli-store-damaged = СХОВИЩЕ ПОШКОДЖЕНЕ — його змінили поза urna або воно зіпсоване; у нього нічого не записано. Залиште ноутбук як є і зателефонуйте до бюро.
cli-status-damaged = Наведені вище числа прочитано з пошкодженого сховища: не подавайте їх як результат пункту.
cli-pin-for = PIN для { $name }:
cli-pin-repeat = Повторіть PIN:
cli-pins-differ = PIN-коди не збігаються
cli-pin-no-terminal = немає термінала, щоб ввести PIN: використайте --pin-stdin

cli-paths-office-data = дані бюро
cli-paths-database = база
cli-paths-office-identity = age-ідентичність бюро
cli-paths-logs = логи
cli-paths-data = дані
cli-paths-signing-key = ключ підпису
cli-paths-public-key = публічний ключ
cli-paths-pin-secret = секрет PIN-кодів
cli-paths-editions = випуски

# A command line clap refused, said from the error's kind (clap speaks
# only English).
cli-usage-missing-argument = { $n ->
    [one] бракує обов’язкового аргументу
   *[other] бракує обов’язкових аргументів
    }: { $arg }
cli-usage-missing-command = бракує команди
cli-usage-needs-value = { $arg } потребує значення
cli-usage-not-a-value-of = «{ $value }» — не значення для { $arg }; можливі: { $valid }
cli-usage-not-a-value = «{ $value }» — не значення для { $arg }
cli-usage-out-of-range = «{ $value }» — неправильне значення для { $arg } (дозволено: від { $from } до { $to })
cli-usage-not-valid = «{ $value }» — неправильне значення для { $arg }
cli-usage-unknown-argument = невідомий аргумент «{ $arg }»
cli-usage-unknown-command = невідома команда «{ $command }»
cli-usage-conflict = { $arg } не можна використовувати разом із { $other }
cli-usage-value-count = неправильна кількість значень для { $arg }
cli-usage-no-equals = { $arg } потребує значення після знака «=»
cli-usage-not-utf8 = аргумент не є правильним текстом UTF-8
cli-usage-invalid = неправильний виклик
cli-usage-suggestion = (можливо, ви мали на увазі { $suggestion }?)
cli-usage-see-help = Синтаксис показує `urna --help` (або `urna КОМАНДА --help`).

# urna central set / url / show
cli-central-not-a-recipient = це не одержувач age (age1…, 62 символи)
cli-central-key-set = Ключ бюро встановлено: { $recipient }.
cli-central-key-changed = Ключ бюро змінено: { $old } → { $recipient }.
cli-central-address = адреса бюро: { $url } ({ $cadence })
cli-central-address-own-ca = адреса бюро: { $url } ({ $cadence }; власний сертифікат)
cli-central-no-address = адреса бюро: немає — кіоск не надсилає журнал мережею, пакети потрапляють до бюро на флешці
cli-central-key = ключ бюро: { $recipient }
cli-central-no-key = ключ бюро: немає — експорт неможливий, доки координатор не введе `urna central set age1… --as ІМ’Я`
cli-central-bad-url = { $url }: це не адреса сервера бюро: http://HOST:PORT або https://HOST:PORT (порт 1–65535), без шляху
cli-central-ca-https-only = --ca лише для адрес https://
cli-central-not-pem = { $path }: це не сертифікат PEM
cli-central-sending = Кіоск надсилатиме журнал до бюро: { $url } ({ $cadence }).
cli-central-sending-port = Кіоск надсилатиме журнал до бюро: { $url } ({ $cadence }; порт { $port }).
cli-central-sending-off = Надсилання до бюро вимкнено; пакети потрапляють до бюро на флешці.

# urna edition check / import-pabulib
cli-edition-sample = (приклади проєктів)
cli-edition-summary = { $id } «{ $name }»{ $sample }: голосування { $start } – { $end }, { $counts }
cli-edition-valid = Правильний: { $edition }
cli-edition-wrote = Записано { $path }: { $edition }
cli-edition-built-does-not-load = внутрішня помилка: побудований випуск не завантажується: { $error }
cli-edition-no-round-trip = внутрішня помилка: побудований випуск не зчитується так само

# urna init
cli-init-bad-point = --point: ідентифікатор пункту — це літери, цифри, «-» і «_» (до 32 символів)
cli-init-bad-point-name = --point-name: назва пункту не може бути порожньою чи містити керівні символи
cli-init-bad-central = --central: це не одержувач age (age1…, 62 символи)
cli-init-done = Готово: пункт { $point } ({ $name }), випуск { $edition }, координатор { $coordinator }.
    Дані: { $dir }
cli-init-not-a-directory = { $dir }: це не каталог
cli-init-cannot-tighten = { $dir }: каталог даних має бути доступний лише власникові (0700), а змінити його дозволи не вдається: { $error }

# urna import-cards: a line per row, then the summary
cli-import-duplicate-row = рядок з id "{ $id }" уже записано як картку { $card }
cli-import-stopped = зупинено на рядку { $row } (рядок файлу { $line }): { $error }; попередні рядки записано
cli-import-row-rejected = рядок { $row } (рядок файлу { $line }): ВІДХИЛЕНО — { $error }
cli-import-row-valid = рядок { $row } (рядок файлу { $line }): { $card } дійсна
cli-import-row-invalid = рядок { $row } (рядок файлу { $line }): { $card } НЕДІЙСНА: { $reasons }
cli-import-same-pesel = увага: цей самий PESEL уже є на картці { $card } (внесено: { $operator }, { $at })
cli-import-summary-same-pesel = ; { $cards ->
        [one] { $cards } картка
        [few] { $cards } картки
       *[many] { $cards } карток
    } з PESEL, який уже був у сховищі
cli-import-summary = Зчитано { $rows ->
        [one] { $rows } рядок
        [few] { $rows } рядки
       *[many] { $rows } рядків
    }: записано { $stored ->
        [one] { $stored } картку
        [few] { $stored } картки
       *[many] { $stored } карток
    } ({ $valid ->
        [one] { $valid } дійсна
        [few] { $valid } дійсні
       *[many] { $valid } дійсних
    }, { $invalid ->
        [one] { $invalid } недійсна
        [few] { $invalid } недійсні
       *[many] { $invalid } недійсних
    }), відхилено { $rejected ->
        [one] { $rejected } рядок
        [few] { $rejected } рядки
       *[many] { $rejected } рядків
    }{ $same_pesel }.

# urna (the kiosk), operator, tally serve
cli-kiosk-screen-failed = екран: { $error }
cli-operator-added = Додано оператора { $name } ({ $role }).
cli-serve-bad-listen = --listen { $listen }: це не адреса для прослуховування: HOST:PORT, напр. 127.0.0.1:8443 або 0.0.0.0:8443 (порт 0–65535; 0 — будь-який вільний)
cli-serve-running = { $address } — сервер бюро працює (Ctrl+C зупиняє)

# urna status, urna check
cli-status-point = Пункт: { $point } ({ $name }), випуск { $edition }
cli-status-point-training = Пункт: { $point } ({ $name }) — НАВЧАЛЬНИЙ РЕЖИМ, випуск { $edition }
cli-status-cards = Картки: { $cards } — дійсні { $valid }, недійсні { $invalid }, анульовані { $voided }, виправлені { $amended }, з повтореним PESEL { $flagged }
cli-status-invalid-by-reason = Недійсні за причиною:
cli-status-by-operator = Картки за оператором:
cli-status-verification = Верифікація: { $cards ->
        [one] { $cards } картка
        [few] { $cards } картки
       *[many] { $cards } карток
    } — помилки першого введення: { $keyer }, помилки верифікаторів: { $verifier }
cli-status-journal = Журнал: { $entries }, хеш останнього { $head }
cli-check-ok = Сховище в порядку: база цілісна, ланцюжок журналу непорушений і запечатаний ({ $entries }), таблиці узгоджені з журналом, хеш останнього запису { $head }.
cli-check-damaged = СХОВИЩЕ ПОШКОДЖЕНЕ: { $error }

# urna sync: what a sync did (the kiosk's status line says it too)
cli-sync-up-to-date = бюро вже має все ({ $entries }, { $cards ->
        [one] { $cards } картка
        [few] { $cards } картки
       *[many] { $cards } карток
    })
cli-sync-sent = надіслано до бюро { $added }; бюро тепер має { $entries }, { $cards ->
        [one] { $cards } картку
        [few] { $cards } картки
       *[many] { $cards } карток
    }

# urna tally serve: the office's sync server's answers (their `message`)
cli-serve-internal-error = внутрішня помилка сервера
cli-serve-not-found = такої адреси немає: є GET /, POST /v1/bundles і GET /v1/points/ID/head
cli-serve-unknown-point = бюро не довіряє жодному кіоску з таким ідентифікатором пункту
cli-serve-point-head = бюро має від пункту { $point }: { $entries }
cli-serve-bundle-refused = пакет відхилено: { $why }
cli-serve-stopping = сервер завершує роботу
cli-serve-bundle-stored = пакет прийнято ({ $point }): нові записи: { $entries }
cli-serve-bundle-known = пакет уже відомий — нічого не змінюється
cli-serve-cannot-listen = не вдається прослуховувати { $listen }: { $error }

# urna tally serve: the status page at GET /
cli-page-title = urna — синхронізація бюро
cli-page-edition = випуск
cli-page-reported = Пункти, які надіслали дані: { $reported } з { $points }
cli-page-point = пункт
cli-page-name = назва
cli-page-last-sync = остання синхронізація
cli-page-cards = картки
cli-page-entries = записи журналу
cli-page-head = відбиток останнього запису
cli-page-refused = відхилені спроби
cli-page-not-yet = ще ні
cli-page-refused-elsewhere = Відхилені спроби не від довірених пунктів (невідомі кіоски, нечитабельні надсилання)
cli-page-as-of = Стан на момент завантаження сторінки: оновіть, щоб побачити новіші.
cli-serve-tls-unreadable-certificate = нечитабельний сертифікат PEM
cli-serve-tls-no-certificate = у файлі PEM немає сертифіката (BEGIN CERTIFICATE)
cli-serve-tls-no-key = у файлі PEM немає приватного ключа (BEGIN PRIVATE KEY)
cli-serve-tls-key-mismatch = ключ не відповідає сертифікату або не підтримується
