# The command line's help (`urna --help`, `urna COMMAND --help`), made by
# src/cli/help.rs: every command's about (`help-` and its path, `help-urna`
# for urna itself), every argument's help (`help-`, the path, the argument;
# a global one under the command that defines it), a possible value's
# (`…-value-` and the value). The English words are the doc comments' in
# src/cli/ (tests/catalogs.rs holds them together): change both at once.

# clap's own words. Headings are followed by a colon.
help-heading-usage = Використання
help-heading-commands = Команди
help-heading-arguments = Аргументи
help-heading-options = Параметри
help-flag-help = Показати довідку
help-flag-help-see-more = Показати довідку (докладніше — «--help»)
help-flag-help-see-summary = Показати довідку (коротко — «-h»)
help-flag-version = Показати версію
help-command-help = Показати цю довідку або довідку вказаної команди
help-command-help-subcommand = Команда (і її підкоманди), довідку якої показати
# What follows an argument's help; $value, $values and $variable come styled.
help-default = [типово: { $value }]
help-possible-values = [можливі значення: { $values }]
help-possible-values-list = Можливі значення
help-env = [змінна середовища: { $variable }]

# The usage line's placeholders: clap's [OPTIONS] and <COMMAND>, and the
# value names (<PATH>, <FILE>…), which the usage errors name arguments by
# too (`help-value-` and the name, lower case, `_` as `-`; an argument of
# help.rs's OWN_PLACEHOLDER has its own, `…-placeholder`). One word: a
# help that names a placeholder (`I co M minut`) names it as here.
help-usage-options = ПАРАМЕТРИ
help-value-command = КОМАНДА
help-value-addr = АДРЕСА
help-value-age-recipient = ОДЕРЖУВАЧ_AGE
help-value-bytes = БАЙТИ
help-value-card = КАРТКА
help-value-coordinator = КООРДИНАТОР
help-value-digits = ЦИФРИ
help-value-dir = КАТАЛОГ
help-value-field = ПОЛЕ
help-value-file = ФАЙЛ
help-value-files = ФАЙЛИ
help-value-format = ФОРМАТ
help-value-id = ID
help-value-k = K
help-value-kiosk-pubkey = КЛЮЧ_КІОСКУ
help-value-lang = МОВА
help-value-m = M
help-value-min-age = ВІК
help-value-mode = РЕЖИМ
help-value-n = N
help-value-name = ІМ’Я
help-value-path = ШЛЯХ
help-value-percent = ВІДСОТОК
help-value-pesel = PESEL
help-value-pubfile = ФАЙЛ_PUB
help-value-recipient = ОДЕРЖУВАЧ
help-value-role = РОЛЬ
help-value-seconds = СЕКУНДИ
help-value-seed = ЗЕРНО
help-value-text = ТЕКСТ
help-value-url = URL

# The man pages' section headings (`urna generate-assets`; English pages
# are clap_mangen's own).
help-man-name = НАЗВА
help-man-synopsis = КОРОТКИЙ ОПИС
help-man-description = ОПИС
help-man-options = ПАРАМЕТРИ
help-man-commands = КОМАНДИ
help-man-version = ВЕРСІЯ

# urna and its global options
help-urna = Офлайн-кіоск і центральний підрахунок голосів громадського бюджету (Budżet Obywatelski)
help-verbose = Більше подробиць у файлі логу (-v debug, -vv trace); URNA_LOG має перевагу
help-data-dir = Де цей кіоск зберігає дані (типово: каталог даних системи)
help-lang = Мова повідомлень

# urna demo
help-demo = Навчальний кіоск на вбудованому випуску 2014 року, в одноразовому каталозі даних

# urna init
help-init = Налаштувати цей кіоск: випуск, пункт голосування, перший координатор
help-init-edition = Файл випуску (TOML), напр. assets/editions/krakow-2014.toml
help-init-point = Ідентифікатор пункту голосування, напр. P-XI-03
help-init-point-name = Назва пункту голосування, напр. «Rada Dzielnicy XI»
help-init-point-name-placeholder = НАЗВА
help-init-mobile = Мобільний пункт голосування (протягом дня переїжджає між зупинками)
help-init-central = Одержувач age бюро (age1…), для якого шифруються пакети
help-init-coordinator = Ім’я першого координатора
help-init-min-pin-length = Найкоротший PIN, який приймає цей кіоск (від 4 до 12 цифр; 4-цифровий PIN можна підібрати офлайн зі скопійованого диска, див. docs/threat-model.md)
help-init-pin-stdin = Прочитати PIN одним рядком зі стандартного входу, а не з термінала

# urna operator
help-operator = Керувати операторами (волонтерами й координаторами)
help-operator-add = Додати волонтера або координатора (це робить координатор: спершу вводить свій PIN, потім PIN нового оператора; з --pin-stdin — два рядки)
help-operator-add-name = Ім’я оператора, як його видно під час входу
help-operator-add-role = Роль нового оператора
help-operator-add-by = Координатор, який додає оператора
help-operator-add-pin-stdin = Прочитати PIN одним рядком зі стандартного входу, а не з термінала
help-operator-list = Показати операторів

# urna import-cards
help-import-cards = Ввести картки, набрані деінде, з CSV-файлу карток за тими самими правилами й з тим самим журналом
help-import-cards-file = CSV карток: id,pesel,first_name,last_name,address,cast_date,district,local,citywide[,signed]
help-import-cards-json = Один об’єкт JSON на рядок замість тексту
help-import-cards-operator = Оператор, який вводить картки (вводить свій PIN; у журналі картки записано як його)
help-import-cards-pin-stdin = Прочитати PIN одним рядком зі стандартного входу, а не з термінала

# urna status
help-status = Показати підсумки: картки, дійсні, недійсні за причинами, оператори, журнал
help-status-json = Вивести підсумки одним об’єктом JSON

# urna check
help-check = Перевірити сховище: цілісність SQLite, ланцюжок і печатку журналу та кожну таблицю супроти журналу

# urna central
help-central = Ключ бюро: `urna central set age1… --as ІМ’Я`
help-central-set = Задати або змінити одержувача age бюро, для якого шифруються пакети
help-central-set-recipient = Одержувач age бюро (age1…, 62 символи), з `urna tally init`
help-central-set-coordinator = Координатор, який вносить зміну (вводить свій PIN)
help-central-set-pin-stdin = Прочитати PIN одним рядком зі стандартного входу, а не з термінала
help-central-url = Надсилати журнал на сервер синхронізації бюро в міру введення карток (там працює `urna tally serve`) або з `--off` припинити надсилання
help-central-url-url = `http://HOST:PORT` або `https://HOST:PORT`
help-central-url-off = Припинити надсилання (пакети й далі потрапляють до бюро на флешці)
help-central-url-ca = Сертифікат PEM, якому довіряти для https (власний сертифікат бюро або його CA)
help-central-url-every-cards = Надсилати після кожних N карток
help-central-url-every-minutes = І кожні M хвилин
help-central-url-coordinator = Координатор, який вносить зміну (вводить свій PIN)
help-central-url-pin-stdin = Прочитати PIN одним рядком зі стандартного входу, а не з термінала
help-central-show = Показати одержувача age бюро й адресу синхронізації або сказати, що їх ще немає

# urna sync
help-sync = Надіслати серверу синхронізації бюро те, чого він ще не має, зараз
help-sync-operator = Оператор, який надсилає (будь-який: його PIN відмикає ключ журналу, яким підписано приріст)
help-sync-pin-stdin = Прочитати PIN одним рядком зі стандартного входу, а не з термінала

# urna verification
help-verification = Скільки перевіряє пункт: `urna verification set all|sample --as ІМ’Я`
help-verification-set = Задати, скільки перевіряє пункт (docs/verification.md)
help-verification-set-mode = Скільки перевіряти
help-verification-set-mode-value-all = Кожну картку
help-verification-set-mode-value-sample = Перші картки оператора, потім частку, що зростає разом із часткою його помилок
help-verification-set-first = Вибірка: усі перші N карток оператора
help-verification-set-share = Вибірка: потім таку частку (у відсотках) його подальших карток
help-verification-set-coordinator = Координатор, який вносить зміну (вводить свій PIN)
help-verification-set-pin-stdin = Прочитати PIN одним рядком зі стандартного входу, а не з термінала
help-verification-show = Показати чинне правило і скільки карток вибірки чекає

# urna edition
help-edition = Перевірити файли випусків або побудувати випуск із даних Pabulib
help-edition-check = Перевірити файл випуску; помилки вказують на рядок
help-edition-check-file = Файл випуску (TOML)
help-edition-import-pabulib = Побудувати випуск із файлів Pabulib .pb (файли районів і один загальноміський файл)
help-edition-import-pabulib-files = Файли Pabulib .pb: по одному на район і один загальноміський
help-edition-import-pabulib-out = Куди записати TOML-файл випуску
help-edition-import-pabulib-min-age = Мінімальний вік виборця (файли Pabulib його не вказують)

# urna key
help-key = Вивести публічний ключ підпису цього кіоску (у форматі minisign)

# urna export
help-export = Записати пакет на кінець дня і протокол дня (це робить координатор)
help-export-out = Каталог, куди записати пакет і протокол дня (флешка)
help-export-coordinator = Координатор, який робить експорт (вводить свій PIN)
help-export-pin-stdin = Прочитати PIN одним рядком зі стандартного входу, а не з термінала
help-export-investigation = Експортувати сховище, яке не пройшло `urna check`, щоб бюро його переглянуло (так позначено в маніфесті; не записується в журнал; бюро імпортує його лише через `urna tally import --investigation`)

# urna verify
help-verify = Перевірити пакет без ключа бюро і вивести його маніфест
help-verify-file = Пакет (.urna)
help-verify-key = Вимагати цей публічний ключ кіоску (файл .pub minisign)

# urna paths
help-paths = Показати, де лежать дані, ключі й логи цього користувача

# urna tally
help-tally = Центральне бюро: довіряти кіоскам, імпортувати пакети й інтернет-голоси, рахувати

# urna tally init
help-tally-init = Створити сховище бюро та його age-ідентичність; виводить одержувача для кіосків
help-tally-init-edition = Файл випуску (TOML), який рахує бюро, напр. assets/editions/krakow-2014.toml

# urna tally trust
help-tally-trust = Довіряти публічному ключу кіоску (файлу, який виводить `urna key`) для пункту
help-tally-trust-key = Файл із публічним ключем кіоску (те, що виводить на кіоску `urna key`)
help-tally-trust-point = Пункт голосування, у якому працює кіоск, напр. P-XI-03

# urna tally import
help-tally-import = Імпортувати пакети (файли або теки з рекурсивним пошуком; за посиланнями не переходить). Один рядок на кожен знайдений файл; код виходу 0, якщо кожен файл прийнято або він уже відомий, 1, якщо якийсь відхилено
help-tally-import-paths = Файли пакетів (.urna) і теки, у яких вони лежать
help-tally-import-investigation = Приймати також пакети, експортовані для з’ясування з пошкоджених сховищ кіосків

# urna tally serve
help-tally-serve = Обслуговувати синхронізацію кіосків через HTTP(S): POST /v1/bundles приймає пакет у тому вигляді, в якому його записує `urna export`, і імпортує його так, як `tally import`; GET / показує, хто вже звітував (docs/sync.md). Слухає лише там, де вказано
help-tally-serve-listen = Де слухати, напр. 127.0.0.1:8443 або 0.0.0.0:8443 (порт 0: будь-який вільний порт; який саме, каже перший виведений рядок)
help-tally-serve-tls-cert = Ланцюжок сертифікатів сервера (PEM); разом із --tls-key сервер працює через HTTPS
help-tally-serve-tls-key = Приватний ключ сертифіката (PEM)
help-tally-serve-max-body = Найбільший розмір прийнятих даних, у байтах; на більші сервер відповідає 413
help-tally-serve-read-timeout = Скільки секунд клієнт має на надсилання заголовків і кожної частини тіла запиту

# urna tally import-online
help-tally-import-online = Імпортувати голоси інтернет-каналу (CSV карток): усі або жодного
help-tally-import-online-file = CSV карток інтернет-каналу, зі стовпцями як для `urna import-cards`

# urna tally annul
help-tally-annul = Анулювати інтернет-голоси, подані на PESEL (обліковий запис, який зареєстрував хтось інший)
help-tally-annul-pesel = PESEL, на який подано інтернет-голоси, що анулюються
help-tally-annul-reason = Чому (записується разом з анулюванням; без номера PESEL)

# urna tally results
help-tally-results = Підрахувати й опублікувати результати (pabulib записує теку: один файл на список)
help-tally-results-format = У якому вигляді записати результати
help-tally-results-out = Файл, куди записати (для pabulib — тека); без нього — стандартний вихід

# urna tally audit
help-tally-audit = Кожна недійсна картка і звідки вона, кожен виборець, що голосував кілька разів, кожен імпорт і рішення бюро
help-tally-audit-format = У якому вигляді записати аудит
help-tally-audit-out = Файл, куди записати; без нього — стандартний вихід

# urna tally audit-sample
help-tally-audit-sample = Випадково вибрати паперові картки, відтворювано, з публічного зерна, для звірки набраних карток із їхнім папером (docs/audit-sample.md)
help-tally-audit-sample-seed = Зерно, оголошене публічно (напр. результат кидка кубиків на відкритому засіданні), береться байт за байтом
help-tally-audit-sample-count = Скільки паперових карток вибрати
help-tally-audit-sample-point = Вибирати лише з карток цього пункту
help-tally-audit-sample-operator = Хто вибирає (ім’я працівника бюро; записується в журнал)
help-tally-audit-sample-format = У якому вигляді записати вибірку
help-tally-audit-sample-all-ids = Натомість записати сукупність (`point,card_id`, кожну картку, з яких робиться вибір), щоб спостерігач міг повторити вибірку
help-tally-audit-sample-out = Файл, куди записати; без нього — стандартний вихід

# urna tally audit-card
help-tally-audit-card = Показати вибрану картку так, як її набрали, поле за полем, щоб порівняти з папером
help-tally-audit-card-card = Ідентифікатор картки, як його виводить `audit-sample` (напр. P01-000042)

# urna tally audit-record
help-tally-audit-record = Записати, що показав папір вибраної картки: --matches або --differs ПОЛЕ…
help-tally-audit-record-card = Ідентифікатор картки, як його виводить `audit-sample` (напр. P01-000042)
help-tally-audit-record-matches = Папір показує те, що набрано
help-tally-audit-record-differs = Поля, у яких папір відрізняється від набраного (first_name, last_name, address, pesel, signed, district, local.1…, citywide.1…, cast_date)
help-tally-audit-record-operator = Хто порівняв картку з папером (записується в журнал)
help-tally-audit-record-again = Записати вже записану картку: новий запис замінює попередній, який лишається в журналі

# urna tally simulate
help-tally-simulate = Записати симульовані вибори (ключі кіосків, пакети, файл інтернет-голосів) для навчання і для тесту масштабу
help-tally-simulate-voters = Скільки виборців
help-tally-simulate-points = Скільки пунктів голосування (у кожному один кіоск)
help-tally-simulate-out = Нова тека, куди записати вибори (порожня або ще не створена)
help-tally-simulate-seed = Зерно випадкового вибору: те саме зерно — ті самі вибори
help-tally-simulate-online = Частка виборців, які голосують через інтернет (0: кожна картка в пакеті)
help-tally-simulate-keying-errors = Частка паперових карток, набраних з одним хибним полем і ніколи не виправлених, щоб потренувати звірку з папером (які саме, каже paper-truth.csv)
help-tally-simulate-verify = Частка карток кожного пункту, перевірених наосліп іншим оператором (внесену помилку набору, знайдену так, виправляють з причиною «weryfikacja»)

# urna generate-assets
help-generate-assets = Записати сторінки man і автодоповнення для оболонок у теку (для пакування)
help-generate-assets-out = Тека, куди записати
