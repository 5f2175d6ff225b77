# The public results page (src/tally/html/**).

html-lang = uk
html-citywide = Загальноміські проєкти
html-district = Район { $roman } — { $name }
html-footer-edition = випуск
html-date = { $day }.{ $month }.{ $year }, { $time } (UTC{ $offset })
html-results-title = Результати голосування
html-edition = Випуск
html-as-of = Стан на { $at }
html-no-data = Жодних даних ще не прийнято
html-reported = { $reported } з { $all } { $n ->
        [one] надіслав
       *[other] надіслали
    } дані
html-sample = Приклад даних.
html-sample-note = Назви, вартість і бюджети проєктів цього випуску — приклад; це не офіційний перелік проєктів.
html-contents = Зміст
html-ballots = Голоси
html-channels-points = Канали й пункти
html-how-to-check = Як перевірити
html-rule = Правило підрахунку: проєкти впорядковують за балами; за рівної кількості балів порядок визначають ключі з правил випуску, по черзі: { $keys } (<code>top_points</code>: більше голосів із найвищою кількістю балів, <code>voters</code>: більше тих, хто голосував). Проєкт обрано, якщо його вартість вміщується в те, що лишилося від бюджету; інакше його пропускають і перевіряють наступний. Нічию, яка змінила вибір, описано біля переліку.
html-check-json = Ті самі числа дає <code>urna tally results --format json</code> (а також <code>--format csv</code> і <code>--format text</code>); цю сторінку зроблено з них, і вона нічого не додає.
html-check-pabulib = <code>urna tally results --format pabulib --out FOLDER</code> записує кожен дійсний голос у форматі Pabulib (файл на кожен район і загальноміський файл), щоб кожен міг перерахувати результати власною програмою, наприклад pabutools.
html-check-audit = <code>urna tally audit</code> перелічує кожен недійсний голос із причиною та джерелом (пункт, пакет, оператор або інтернет-файл), кожну особу, яка голосувала більше одного разу, кожен імпорт — прийнятий чи відхилений — і рішення бюро.
html-check-bundle = Пакет із пункту можна перевірити без urna: <code>minisign -V -p kiosk.pub -m manifest.json</code> або <code>urna verify ФАЙЛ</code>.
html-check-as-of = «Стан на» — це час останнього прийнятого імпорту, а не час створення сторінки: з тих самих даних завжди виходить та сама сторінка, тож копію можна порівняти з оригіналом за сумою SHA-256.

html-cast = Віддано { $total }
html-ballot-count = Кількість голосів
html-all = Усі
html-valid = Дійсні
html-invalid = Недійсні
html-invalid-by-reason = Недійсні голоси за причиною
html-no-invalid = Недійсних голосів немає.
html-code = Код
html-reason = Причина
html-reasons-note = Один голос може бути недійсним із кількох причин водночас, тож числа в таблиці можуть у сумі перевищувати кількість недійсних голосів. Недійсний голос не дає балів жодному проєкту.
html-by-channel = Голоси за каналом і пунктом
html-channels = Канали голосування
html-channel = Канал
html-paper = Паперові картки в пунктах
html-internet = Інтернет
html-total = Разом
html-no-point-ballots = Голосів із пунктів голосування немає.
html-by-point = Паперові картки за пунктом голосування
html-point = Пункт
html-not-reported = не надіслав даних
html-voided-note = Картка, анульована в пункті (зіпсована, введена двічі), не є голосом і тут не рахується. Кожне виправлення й анулювання показує аудит.

html-selected = ✓ обрано
html-not-selected = ✗ не обрано
html-budget = Бюджет: { $budget }.
html-no-budget = Перелік без бюджету.
html-spent = Обрано { $chosen }, разом { $spent } (лишається { $left }).
html-nothing-selected = Без бюджету й вартості кожного проєкту проєкти до реалізації не обирають; перелік показує бали й місця.
html-list-totals = Дійсні голоси з вибором у цьому переліку: { $ballots }; балів разом: { $points }.
html-no-points = Ніхто не дав балів проєктам цього переліку.
html-points-chart = Бали проєктів
html-rank = Місце
html-id = №
html-cost = Вартість
html-points = Бали
html-voters = Голосували
html-top-votes = Голоси з найвищими балами
html-outcome = Результат
html-list-caption = { $heading }: результати
html-project = Проєкт
html-shares-note = Частка балів: частина всіх балів цього переліку. Частка тих, хто голосував: частина дійсних голосів із вибором у цьому переліку, які дали проєкту бали.
html-tie-figures = голоси за { $top } б.: { $top_votes }, голосували: { $voters }
html-tie-member = <code>{ $id }</code> «{ $title }» ({ $figures }; { $outcome })
html-tie-level = Проєкти { $names } мають однакову кількість балів ({ $points }), і не всі могли бути обрані.
html-tie-settled = Вирішив ключ <code>{ $key }</code> з правил випуску: { $meaning }.
html-tie-undecided = <strong>Не вирішено:</strong> проєкти рівні також за кожним ключем правил випуску. Сторінка подає їх у порядку з файлу випуску і за ним позначає обрані; вирішує бюро.
html-tie = Нічия.

html-verification = Верифікація в пунктах
html-verification-entered = Введені картки
html-verification-verified = Верифіковані
html-verification-verified-percent = Верифіковані (%)
html-verification-fields = Порівняні поля
html-verification-errors = Помилки введення
html-verification-per-100 = На 100 полів
