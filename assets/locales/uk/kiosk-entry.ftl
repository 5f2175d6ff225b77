# The kiosk's card screen: the rubrics, the notes beside them, the review, saving, and verification (Ctrl-R).

kiosk-entry-the-card-has-problems-a-typo = Картка має помилки: описка → Esc; вада картки → F8 (зберегти як недійсну).
kiosk-entry-the-card-is-valid-enter-saves = Картка дійсна — її зберігає Enter.
kiosk-entry-reason-for-the-amendment-kept-in = Причина виправлення (залишається в журналі разом з оригіналом):
kiosk-entry-flagged-repeated-pesel = {" "}· позначена: повторний PESEL
kiosk-entry-only-y-yes-or-n-no = лише t (так) або n (ні)
kiosk-entry-a-pesel-has-11-digits-the = PESEL має 11 цифр — 12-ту цифру не прийнято
kiosk-entry-digits-only = лише цифри
kiosk-entry-empty = порожньо
kiosk-entry-born = нар. { $born }, { $age }
kiosk-entry-no-not-signed = ні — немає підпису
kiosk-entry-y-yes-n-no = t — так, n — ні
kiosk-entry-local-part-left-empty-optional-on = місцева частина порожня — на цій картці необов'язкова
kiosk-entry-no-such-district = немає такого району
kiosk-entry-the-district-has-fewer-projects = (у районі менше проєктів)
kiosk-entry-district-unknown-the-number-cannot-be = район невідомий — номер неможливо перевірити
kiosk-entry-project-repeated = проєкт повторено
kiosk-entry-no-such-project = немає такого проєкту
kiosk-entry-y = t
kiosk-entry-voting-card = {" "}Картка для голосування{" "}
kiosk-entry-write-on-the-card = Напишіть на картці:
kiosk-entry-marked = позначено: { $marks }
kiosk-entry-valid-card-enter-saves-esc-goes = КАРТКА ДІЙСНА — Enter зберігає, Esc повертає до виправлень.
kiosk-entry-invalid-card = КАРТКА НЕДІЙСНА: { $reasons }
kiosk-entry-a-typo-esc-and-fix-it = Описка → Esc і виправте.  Вада паперової картки → F8: зберегти як НЕДІЙСНУ.
kiosk-verify-type-that-field-again-from-the = Введіть це поле ще раз з паперу.
kiosk-verify-your-value-is-taken-the-card = Прийнято ваше значення — картку буде виправлено під час збереження.
kiosk-verify-verification-stopped-nothing-was-stored = Перевірку перервано — нічого не збережено.
kiosk-verify-empty = (порожньо)
kiosk-verify-what-does-the-paper-card-show = Що на паперовій картці?  1 — перше (виправите своє)  2 — ваше
kiosk-verify-enter-store-the-verification-esc-stop = Enter — зберегти перевірку.  Esc — перервати (нічого не зберігає).
kiosk-verify-verifying-a-card-someone-else-keyed = {" "}Перевірка картки, яку вніс хтось інший{" "}
kiosk-verify-take-a-paper-card-another-operator = Візьміть паперову картку, яку вніс інший оператор, і введіть її номер (записаний на картці):
kiosk-verify-number = Номер:
kiosk-verify-then-you-key-the-whole-card = Потім ви введете всю картку ще раз, наосліп: першого введення не видно. Кожне поле порівнюється, коли ви його залишаєте; у разі незбігу ви вирішите з паперу, що на картці.
kiosk-field-first-name = Ім'я
kiosk-field-surname = Прізвище
kiosk-field-address = Адреса
kiosk-field-signature = Підпис
kiosk-field-district = Район
kiosk-field-local = Місцеві
kiosk-field-citywide = Міські
kiosk-entry-saved = Збережено картку { $card } ({ $verdict }) — { $summary }
kiosk-not-saved = НЕ ЗБЕРЕЖЕНО: { $error }
kiosk-entry-born-under = нар. { $born }, { $age } — менше { $min }
kiosk-entry-born-not-yet = нар. { $born } — ще не народився
kiosk-entry-pesel-length = { $n ->
    [one] { $n } цифра
    [few] { $n } цифри
   *[many] { $n } цифр
    } замість 11
kiosk-entry-no-such-birth-date = немає такої дати народження
kiosk-entry-wrong-check-digit = неправильна контрольна цифра
kiosk-entry-waiting = Enter = { $typed } · { $range } далі
kiosk-entry-points = { $n ->
    [one] { $n } бал
    [few] { $n } бали
   *[many] { $n } балів
    }
kiosk-entry-amending = Виправлення картки { $card }
kiosk-entry-review-title = {" "}Перегляд картки перед збереженням{" "}
kiosk-entry-same-pesel = ! Цей PESEL уже є на картці { $card } ({ $operator }, { $at }). Можна зберегти — картку буде позначено.
kiosk-verify-mismatch = НЕЗБІГ у полі { $field }: перше введення { $first } · ваше { $mine }
kiosk-verify-title = Перевірка картки { $number } — введіть її з паперу (вніс(ла): { $keyer })
kiosk-verify-done = Перевірено картку { $number }: { $fields }, збігається з папером. Наступна картка: введіть її номер.
kiosk-verify-done-amended = Перевірено картку { $number }: { $fields }, помилок першого введення: { $errors } — картку виправлено (перевірка).
kiosk-verify-compared = ✓ Порівняно { $fields }: картка збігається з папером.
kiosk-verify-compared-wrong = ! Порівняно { $fields }; перше введення помилкове в: { $wrong } — збереження його виправить.
kiosk-verify-offer = З вибірки: картка { $number } (вніс(ла): { $keyer }); у вибірці { $waiting ->
    [one] чекає { $waiting } картка
    [few] чекають { $waiting } картки
   *[many] чекає { $waiting } карток
    }.
kiosk-verify-no-offer = У вибірці не чекає жодна картка — можна перевірити будь-яку.
