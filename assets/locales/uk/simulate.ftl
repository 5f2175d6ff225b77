# `tally simulate`: план (числа з командного рядка), який випуск бюро не
# вміщує.
simulate-window-past-calendar = період голосування випуску виходить за останню дату, яку підтримує urna (voting_end = { $end })
simulate-window-empty = період голосування випуску не має жодного дня (voting_start = { $start }, voting_end = { $end })
simulate-paper-needs-point = виборцям, які голосують на папері (тут { $voters }), потрібен щонайменше один пункт голосування: вкажіть --points 1 або більше, або --online 100
simulate-dates-out-of-range = дати випуску (voting_start = { $start }, voting_end = { $end }, min_age = { $min_age }) дають дати народження виборців поза календарем, який підтримує urna
simulate-band-full = --voters { $voters } — забагато для цього випуску: виборці не вміщуються в номери PESEL однієї вікової групи; симулюйте щонайбільше { $max }
simulate-underage-full = --voters { $voters } — забагато для цього випуску: кожен { $every }-й виборець симулюється як занадто молодий, а min_age = { $min_age } залишає для них замало номерів PESEL; симулюйте щонайбільше { $max }
simulate-no-pesel = { $field } = { $value } у випуску дає виборців, народжених { $born }, а номери PESEL існують лише для дат народження 1800–2299 років
simulate-point-bundle = пункт { $point }: { $error }
