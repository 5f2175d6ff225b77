# The tally office: results as text (src/tally/report.rs) …

tally-money = { $amount } зл
tally-key-top-points = більше голосів із найвищою кількістю балів ({ $top })
tally-key-voters = більше тих, хто голосував
tally-key-top-points-any = більше голосів із найвищою кількістю балів
tally-tie-settled = вирішено ключем { $key } ({ $meaning })
tally-tie-undecided = НЕ ВИРІШЕНО: рівні також за кожним ключем; лишається порядок із файлу едиції, вирішує бюро
tally-tie-mark = нічия: { $key }
tally-tie-mark-undecided = невирішена нічия
tally-selected = ОБРАНО
tally-not-selected = не обрано
tally-report-head = Едиція { $edition }: карток { $total }, дійсних { $valid }, недійсних { $invalid }
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
tally-audit-head = Аудит — едиція { $edition }
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
