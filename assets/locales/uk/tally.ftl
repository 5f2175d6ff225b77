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
