# What SQLite, age, minisign and TLS report, in words of the user's
# language (their own English is not shown).

error-sqlite-permission-denied = немає дозволу на файл бази даних
error-sqlite-busy = базою даних користується інша програма urna; закрийте її і спробуйте знову
error-sqlite-out-of-memory = бракує пам’яті
error-sqlite-read-only = база даних лише для читання
error-sqlite-io = помилка введення-виведення диска під час запису чи читання бази
error-sqlite-corrupt = файл бази даних пошкоджений або не є базою urna
error-sqlite-disk-full = на диску немає місця
error-sqlite-cannot-open = не вдається відкрити файл бази даних
error-sqlite-constraint = запис порушив би цілісність бази даних
error-sqlite-too-big = значення завелике для бази даних
error-sqlite-interrupted = операцію з базою перервано
error-sqlite-code = помилка бази даних SQLite (код { $code })
error-sqlite-no-row = у базі бракує очікуваного рядка
error-sqlite-type = значення в базі даних має неочікуваний тип
error-sqlite-other = помилка бази даних
error-sqlite-schema-version = номер версії схеми бази даних змінено поза urna
error-sqlite-migration = не вдалося оновити схему бази даних

error-age-decryption-failed = зашифрований вміст не вдається розшифрувати (пошкоджений або змінений)
error-age-invalid-header = заголовок age неможливо прочитати: це не файл, зашифрований кіоском, або його пошкоджено
error-age-invalid-mac = контрольна сума (MAC) заголовка age не збігається: заголовок змінено
error-age-key-decryption-failed = не вдалося розшифрувати ключ, записаний у заголовку age
error-age-no-matching-keys = зашифровано для іншого одержувача: жоден ключ цього бюро не підходить (у кіоску встановлено неправильний ключ бюро?)
error-age-unknown-format = невідома версія формату age (з новішої програми?)
error-age-header-too-long = заголовок age довший за { $bytes } байтів
error-age-damaged = зашифрований вміст пошкоджений або змінений (його автентифікація не збігається)
error-age-truncated = зашифрований вміст обрізано
error-age-other = невідома помилка розшифрування
error-age-excessive-work = зашифровано паролем із надмірною вартістю (розшифрування тривало б близько { $seconds } с); кіоск шифрує ключем бюро, а не паролем

error-signature-not-text = це не текст
error-signature-no-key-id = бракує ідентифікатора ключа
error-signature-encoding = неправильне кодування (base64) підпису
error-signature-algorithm = непідтримуваний алгоритм підпису
error-signature-other = підпис неможливо прочитати

error-tls-ca-as-server = сертифікат сервера — це сертифікат центру сертифікації (CA:TRUE — так його типово робить `openssl req -x509`), а такого кіоск не прийме як сертифікат сервера; бюро робить новий: { $command }
error-tls-unknown-issuer = сертифікат сервера не підписано сертифікатом, якому довіряє цей кіоск (`urna central url … --ca ФАЙЛ`)
error-tls-not-for-name = сертифікат сервера видано на іншу назву, ніж в адресі бюро (subjectAltName)
error-tls-expired = термін дії сертифіката сервера минув (або годинник цього комп’ютера поспішає)
error-tls-not-yet-valid = сертифікат сервера ще не чинний (або годинник цього комп’ютера відстає)
error-tls-unreadable = сертифікат сервера неможливо прочитати
error-tls-revoked = сертифікат сервера відкликано (або неможливо перевірити, чи його не відкликано); бюро має надати новий
error-tls-not-for-servers = сертифікат сервера не призначено для сервера TLS (extendedKeyUsage); бюро робить новий: { $command }
error-tls-unsupported = сертифікат сервера використовує алгоритм або критичне розширення, яких кіоск не знає; бюро робить новий: { $command }
error-tls-other = сертифікат сервера відхилено (rustls: { $why })
