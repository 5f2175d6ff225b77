# The kiosk's card screen: the rubrics, the notes beside them, the review, saving, and verification (Ctrl-R).

kiosk-entry-amend-reason = Причина виправлення (залишається в журналі разом з оригіналом):
kiosk-entry-amending = Виправлення картки { $card }
kiosk-entry-born = нар. { $born }, { $age }
kiosk-entry-born-not-yet = нар. { $born } — ще не народився
kiosk-entry-born-under = нар. { $born }, { $age } — менше { $min }
kiosk-entry-digits-only = лише цифри
kiosk-entry-district-unknown = район невідомий — номер неможливо перевірити
kiosk-entry-empty = порожньо
kiosk-entry-enter-refused = Картка має помилки: описка → Esc; вада картки → F8 (зберегти як недійсну).
kiosk-entry-f8-refused = Картка дійсна — її зберігає Enter.
kiosk-entry-fewer-projects = (у районі менше проєктів)
kiosk-entry-flagged-repeated-pesel = {" "}· позначена: повторний PESEL
kiosk-entry-invalid-card = КАРТКА НЕДІЙСНА: { $reasons }
kiosk-entry-invalid-what-to-do = Описка → Esc і виправте.  Вада паперової картки → F8: зберегти як НЕДІЙСНУ.
kiosk-entry-local-part-optional = місцева частина порожня — на цій картці необов’язкова
kiosk-entry-marked = позначено: { $marks }
kiosk-entry-no-not-signed = ні — немає підпису
kiosk-entry-no-such-birth-date = немає такої дати народження
kiosk-entry-no-such-district = немає такого району
kiosk-entry-no-such-project = немає такого проєкту
kiosk-entry-pesel-length = { $n ->
    [one] { $n } цифра
    [few] { $n } цифри
   *[many] { $n } цифр
    } замість 11
kiosk-entry-pesel-twelfth-digit = PESEL має 11 цифр — 12-ту цифру не прийнято
kiosk-entry-points = { $n ->
    [one] { $n } бал
    [few] { $n } бали
   *[many] { $n } балів
    }
kiosk-entry-project-repeated = проєкт повторено
kiosk-entry-review-title = {" "}Перегляд картки перед збереженням{" "}
kiosk-entry-same-pesel = ! Цей PESEL уже є на картці { $card } ({ $operator }, { $at }). Можна зберегти — картку буде позначено.
kiosk-entry-saved = Збережено картку { $card } ({ $verdict }) — { $summary }
kiosk-entry-valid-card = КАРТКА ДІЙСНА — Enter зберігає, Esc повертає до виправлень.
kiosk-entry-voting-card = {" "}Картка для голосування{" "}
kiosk-entry-waiting = Enter = { $typed } · { $range } далі
kiosk-entry-write-on-the-card = Напишіть на картці:
kiosk-entry-wrong-check-digit = неправильна контрольна цифра
kiosk-entry-y = t
kiosk-entry-y-yes-n-no = t — так, n — ні
kiosk-entry-yes-or-no-only = лише t (так) або n (ні)

kiosk-field-address = Адреса
kiosk-field-citywide = Міські
kiosk-field-district = Район
kiosk-field-first-name = Ім’я
kiosk-field-local = Місцеві
kiosk-field-signature = Підпис
kiosk-field-surname = Прізвище

kiosk-not-saved = НЕ ЗБЕРЕЖЕНО: { $error }

kiosk-verify-compared = ✓ Порівняно { $fields }: картка збігається з папером.
kiosk-verify-compared-wrong = ! Порівняно { $fields }; перше введення помилкове в: { $wrong } — збереження його виправить.
kiosk-verify-done = Перевірено картку { $number }: { $fields }, збігається з папером. Наступна картка: введіть її номер.
kiosk-verify-done-amended = Перевірено картку { $number }: { $fields }, помилок першого введення: { $errors } — картку виправлено (перевірка).
kiosk-verify-empty = (порожньо)
kiosk-verify-how = Візьміть паперову картку, яку вніс інший оператор, і введіть її номер (записаний на картці):
kiosk-verify-mismatch = НЕЗБІГ у полі { $field }: перше введення { $first } · ваше { $mine }
kiosk-verify-no-offer = У вибірці не чекає жодна картка — можна перевірити будь-яку.
kiosk-verify-number = Номер:
kiosk-verify-number-title = {" "}Перевірка картки, яку вніс хтось інший{" "}
kiosk-verify-offer = З вибірки: картка { $number } (вніс(ла): { $keyer }); у вибірці { $waiting ->
    [one] чекає { $waiting } картка
    [few] чекають { $waiting } картки
   *[many] чекає { $waiting } карток
    }.
kiosk-verify-retype = Введіть це поле ще раз з паперу.
kiosk-verify-review-keys = Enter — зберегти перевірку.  Esc — перервати (нічого не зберігає).
kiosk-verify-stopped = Перевірку перервано — нічого не збережено.
kiosk-verify-then = Потім ви введете всю картку ще раз, наосліп: першого введення не видно. Кожне поле порівнюється, коли ви його залишаєте; у разі незбігу ви вирішите з паперу, що на картці.
kiosk-verify-title = Перевірка картки { $number } — введіть її з паперу (вніс(ла): { $keyer })
kiosk-verify-which = Що на паперовій картці?  1 — перше (виправите своє)  2 — ваше
kiosk-verify-yours-taken = Прийнято ваше значення — картку буде виправлено під час збереження.
