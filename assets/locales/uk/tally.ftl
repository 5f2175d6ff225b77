# The tally office: results as text (src/tally/report.rs) …

tally-money = { $amount } зл
tally-key-top-points = більше голосів із найвищою кількістю балів ({ $top })
tally-key-voters = більше тих, хто голосував
tally-key-top-points-any = більше голосів із найвищою кількістю балів
tally-tie-settled = вирішено ключем { $key } ({ $meaning })
tally-tie-undecided = НЕ ВИРІШЕНО: рівні також за кожним ключем; лишається порядок із файлу випуску, вирішує бюро
tally-tie-mark = нічия: { $key }
tally-tie-mark-undecided = невирішена нічия
tally-selected = ОБРАНО
tally-not-selected = не обрано
tally-report-head = Випуск { $edition }: карток { $total }, дійсних { $valid }, недійсних { $invalid }
tally-report-tie-break = За рівної кількості балів вирішує: { $keys }
tally-report-citywide = Загальноміські проєкти
tally-report-district = Район { $roman } { $name }
tally-report-budget = бюджет { $budget }
tally-report-no-budget = без бюджету
tally-report-spent = обрані коштують { $spent }, лишається { $left }
tally-report-nothing-selected = без бюджету й вартості кожного проєкту нічого не обирається
tally-report-col-top = гол.×{ $top }
tally-report-col-rank = місце
tally-report-col-id = №
tally-report-col-points = бали
tally-report-col-voters = гол.
tally-report-col-cost = вартість
tally-report-col-outcome = результат · назва
tally-report-tie = нічия ({ $points } б.): { $projects } — { $how }

# The audit (src/tally/audit.rs).
tally-audit-head = Аудит — випуск { $edition }
tally-audit-ballots = Голоси: { $total } (дійсні { $valid }, недійсні { $invalid })
tally-audit-recount-ok = Повторний підрахунок із записів журналів: збігається з результатом.
tally-audit-recount-differs = ПОВТОРНИЙ ПІДРАХУНОК ІЗ ЗАПИСІВ ЖУРНАЛІВ ДАЄ ІНШИЙ РЕЗУЛЬТАТ: сховище бюро змінено поза urna; результат не можна оголошувати.
tally-audit-imports = Імпорти ({ $count }; відхилені: { $rejected })
tally-audit-accepted = прийнято
tally-audit-unchanged = без змін
tally-audit-rejected = ВІДХИЛЕНО
tally-audit-point-export = пункт { $point } #{ $sequence }
tally-audit-point = пункт { $point }
tally-audit-internet = інтернет
tally-audit-decisions = Рішення бюро ({ $count })
tally-audit-no-decisions = немає — бюро не анулювало жодного голосу
tally-audit-annulment = анулювання інтернет-голосів із номера PESEL { $pesel }: { $reason } ({ $votes })
tally-audit-invalid = Недійсні голоси ({ $count })
tally-audit-multiple = Особи, які голосували більше одного разу — кожен їхній голос недійсний ({ $count })
tally-audit-source-point = пункт { $point }, картка { $card }, пакет { $bundle }, оператор { $operator }
tally-audit-source-internet = інтернет, голос { $id }, файл { $file }:{ $line }

# Internet files and the journal's seal (src/tally/online.rs, store/seal.rs).
tally-online-no-id = немає id рядка
tally-online-line = рядок { $line }: { $what }
tally-online-nothing-imported = { $file }: нічого не імпортовано; { $faults }
tally-seal-other-kiosk = журнал створив інший ключ кіоску або інший пункт
tally-seal-not-the-key = печатка не є печаткою ключа журналу над цим станом (записи змінено, додано або видалено без PIN-коду)
tally-seal-none = маніфест не має печатки
tally-seal-creation-in-middle = запис про створення сховища посеред журналу
tally-seal-delta-needs-creation = приріст потребує журналу, що починається із запису про створення сховища (ключ журналу); треба надіслати весь пакет

# The office's store errors (src/tally/store/**).
tally-error-not-initialised = у { $dir } немає сховища бюро: спершу запустіть `urna tally init`
tally-error-already-initialised = у { $dir } уже є сховище бюро
tally-error-database = база даних: { $error }
tally-error-database-value = база даних: значення неочікуваного типу
tally-error-schema = схема бази даних: { $error }

# Refusals of the office (paper samples, typed cards, simulate, decisions, trust).
tally-paper-empty = { $what } не може бути порожнім
tally-paper-control = { $what } містить керівний символ
tally-paper-invisible = { $what } містить невидимий символ або символ, що змінює напрямок тексту
tally-paper-too-long = { $what } може мати щонайбільше { $max_text } символів
tally-paper-spaces = { $what } починається або закінчується пробілом: зерно береться байт за байтом, тож подайте його без них
tally-paper-pesel-like = { $what } містить послідовність цифр, як PESEL; подайте ім’я та прізвище працівника бюро
tally-paper-count-zero = --count має бути щонайменше 1
tally-paper-unknown-point = бюро не знає пункту { $shown } (tally trust)
tally-paper-no-cards-point = бюро ще не має жодної картки з пункту { $p }: немає з чого вибирати
tally-paper-no-cards = бюро ще не має жодної картки з пунктів (tally import): немає з чого вибирати
tally-paper-unknown-field = невідоме поле картки «{ $f }»; поля картки: { $all }
tally-paper-no-such-card = бюро не має картки { $shown } із жодного пункту
tally-paper-not-drawn = картку { $shown } не вибрано в жодній вибірці (tally audit-sample); записують лише вибрані картки
tally-paper-already-recorded = картку { $shown } уже записано (рішення № { $n }); щоб записати її наново, додайте --again (попередній запис лишається в журналі)
tally-typed-not-drawn = картку { $shown } не вибрано в жодній вибірці: бюро показує лише вибрані картки
tally-typed-unreadable = запис картки { $shown } нечитабельний: { $e }
tally-simulate-voters-zero = --voters має бути щонайменше 1
tally-simulate-voters-max = --voters може бути щонайбільше { $max_voters }
tally-simulate-points-zero = --points має бути щонайменше 1 (або --online 100)
tally-simulate-online-percent = --online — це відсоток, від 0 до 100
tally-simulate-keying-percent = --keying-errors — це відсоток, від 0 до 100
tally-simulate-verify-percent = --verify — це відсоток, від 0 до 100
tally-simulate-points-max = --points може бути щонайбільше 99999
tally-simulate-not-empty = { $shown } не порожня; симулюйте в нову теку
tally-annul-no-reason = рішення потребує обґрунтування (--reason)
tally-decision-chain = рішення бюро № { $seq } не відповідає своєму ланцюжку хешів
tally-trust-point-id = ідентифікатор пункту — це літери, цифри, «-» і «_» (щонайбільше 32 символи), як у `urna init --point`
tally-trust-not-a-key = це не публічний ключ minisign (його виводить `urna key`)
tally-trust-key-elsewhere = цей ключ кіоску (id { $key_id }) уже довірений для пункту { $other }, а кіоск обслуговує один пункт: мабуть, це не той файл .pub (`urna key` на кіоску пункту { $point } виводить його ключ)
tally-trust-other-key = пункт { $point } уже довірений з іншим ключем
tally-error-not-identity = { $shown }: це не ключ ідентичності age

# Paper samples in the audit (src/tally/paper.rs).
tally-percent = { $value } %
tally-paper-head = Звірка карток із папером ({ $samples })
tally-paper-sample = вибірка із зерна «{ $seed }», { $cards } з { $population } { $point }{ $all ->
        [yes] , тобто всі
       *[no] {""}
    }; вибирав(-ла) { $operator }
tally-paper-sample-point = (пункт { $point })
tally-paper-sample-all-points = (усі пункти)
tally-paper-drawn = Вибрано: { $drawn }; ще не перевірено: { $unchecked }
tally-paper-checked = Звірено з папером: { $checked }; з розбіжністю: { $found }
tally-paper-card-rate = Оцінена частка карток, введених з помилкою: { $rate } (верхня межа 95 %: { $bound })
tally-paper-field-rate = Поля з розбіжністю: { $found } з { $fields } ({ $rate }; верхня межа 95 %: { $bound })
tally-paper-record = картка { $card } (пункт { $point }): { $verdict }; перевіряв(-ла) { $operator }
tally-paper-superseded = {" "}— замінена рішенням № { $decision }
tally-paper-matches = збігається з папером
tally-paper-differs = ВІДРІЗНЯЄТЬСЯ: { $fields }

# Verification at the points (src/tally/verification.rs).
tally-verification-head = Верифікація в пунктах (картки введені, верифіковані, поля порівняні, помилки введення, помилки на 100 полів)
tally-verification-point = введено { $entered }, верифіковано { $verified } ({ $percent } %), поля { $fields }, помилки введення { $errors }, на 100 полів { $per_100 }; картки з помилкою { $wrong }/{ $verified }, верхня межа 95% { $bound }

# A typed card (src/tally/typed.rs).
tally-typed-head = Картка { $card } (пункт { $point })
tally-typed-entered = введена
tally-typed-amended = виправлена
tally-typed-voided = анульована
tally-typed-version = { $kind } { $at }, оператор { $operator }
tally-typed-voided-card = Картку анульовано: вона не враховується.

# tally simulate (src/tally/simulate/mod.rs).
tally-simulate-written = Симуляцію записано в { $out } ({ $seconds } с):
tally-simulate-made = { $persons }, { $points } ({ $bundles } в usb/), { $online } (internet.csv)
tally-simulate-cards = { $cards }: з вадою { $defective }, виправлених { $amended }, анульованих { $voided }
tally-simulate-double = голосували двічі: { $persons }
tally-simulate-keyed-wrong = введені з помилкою й не виправлені: { $cards } (paper-truth.csv)
tally-simulate-next = Далі: README.txt (sh trust.sh, імпорт usb/ та internet.csv); справжні числа — в expected.json.

# urna tally … (src/cli/tally.rs).
tally-cli-ready = Бюро готове. Ключ (одержувач age), який треба ввести в кіосках:
tally-cli-cannot-read-folder = НЕ ВДАЄТЬСЯ ПРОЧИТАТИ ТЕКУ
tally-cli-no-bundles = не знайдено файлів .urna
tally-cli-bundle-known = уже відомий — нічого не змінюється
tally-cli-bundle-rejected = ВІДХИЛЕНО
tally-cli-online-known = уже відомий — нічого не змінюється
tally-cli-online-rejected = ВІДХИЛЕНО
tally-cli-annul-no-reason = рішення потребує обґрунтування (--reason)
tally-cli-annul-reason-pesel = --reason містить послідовність цифр, як PESEL: рішення зберігає PESEL замаскованим, а обґрунтування відкрите в аудиті — приберіть із нього номер
tally-cli-pabulib-needs-out = формат pabulib — це кілька файлів: укажіть теку в --out
tally-cli-trusted = Довірений кіоск пункту { $point }: { $id }
tally-cli-bundle-accepted = прийнято ({ $point }, нові записи: { $entries })
tally-cli-import-summary = Пакети прийняті: { $accepted }, без змін: { $unchanged }, відхилені: { $rejected }
tally-cli-rows-accepted = прийнято рядків: { $rows }
tally-cli-annulled = Рішення { $decision }: анульовано інтернет-голоси з номера PESEL { $pesel } — { $votes }

# urna tally audit-sample / audit-record (src/cli/audit_sample.rs).
tally-sample-needs-args = укажіть --seed, --count і --as (або --all-ids)
tally-sample-head = Вибірка для звірки з папером, зерно «{ $seed }»{ $point }: вибрано { $cards } з { $population } (рішення № { $decision }{ $already ->
        [yes] , таку саму вибірку вже було записано
       *[no] {""}
    })
tally-sample-head-point = , пункт { $point }
tally-sample-fewer = Запитано { $count }, а сукупність має лише { $population }: вибрано всі.
tally-sample-population = Сукупність карток (tally audit-sample --all-ids): sha256 { $sha256 }
tally-sample-card = пункт { $point }{ $name }, картка № { $number } ({ $card }), пакет { $bundle } #{ $sequence }
tally-record-done = Рішення { $decision }: картка { $card } { $verdict }

# urna verification (src/cli/verification.rs).
tally-verification-policy-all = верифікується кожна картка
tally-verification-policy-sample = вибірка: перші { $first } кожного оператора, далі { $share }% (більше, якщо є помилки)
tally-verification-set = Верифікація: { $policy }.
tally-verification-show = Верифікація: { $policy }; у вибірці { $n ->
        [one] чекає
       *[other] чекають
    } { $waiting }.
