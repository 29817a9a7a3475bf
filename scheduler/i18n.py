"""Labels of the command-line summary and reports in Russian, Kazakh and English."""

from __future__ import annotations

LANGS = ("ru", "kk", "en")

LABELS: dict[str, dict[str, str]] = {
    "summary": {"ru": "Итоги", "kk": "Қорытынды", "en": "Summary"},
    "status": {"ru": "Статус", "kk": "Мәртебе", "en": "Status"},
    "objective": {"ru": "Целевая функция (штраф)", "kk": "Мақсат функциясы (айыппұл)",
                  "en": "Objective (cost)"},
    "bound": {"ru": "Нижняя граница", "kk": "Төменгі шек", "en": "Best bound"},
    "gap": {"ru": "Разрыв", "kk": "Алшақтық", "en": "Gap"},
    "time": {"ru": "Время, с", "kk": "Уақыт, с", "en": "Time, s"},
    "meetings": {"ru": "Встречи", "kk": "Кездесулер", "en": "Meetings"},
    "quarter": {"ru": "Квартал", "kk": "Тоқсан", "en": "Quarter"},
    "ministry": {"ru": "Министерство / акимат", "kk": "Министрлік / әкімдік",
                 "en": "Ministry / akimat"},
    "region": {"ru": "Регион", "kk": "Өңір", "en": "Region"},
    "substitutions": {"ru": "Замены заместителями", "kk": "Орынбасарлар алмастыруы",
                      "en": "Deputy substitutions"},
    "out_of_schedule": {"ru": "Внеплановые встречи", "kk": "Кестеден тыс кездесулер",
                        "en": "Out-of-schedule meetings"},
    "issues_met": {"ru": "Актуальные вопросы (вес учтён / всего)",
                   "kk": "Өзекті мәселелер (ескерілген салмақ / барлығы)",
                   "en": "Topical issues (weight met / total)"},
    "rule": {"ru": "Правило", "kk": "Ереже", "en": "Rule"},
    "cost": {"ru": "Штраф", "kk": "Айыппұл", "en": "Cost"},
    "violations": {"ru": "Нарушения", "kk": "Бұзушылықтар", "en": "Violations"},
    "message": {"ru": "Описание", "kk": "Сипаттама", "en": "Description"},
    "total": {"ru": "Всего", "kk": "Барлығы", "en": "Total"},
    "written": {"ru": "Записано", "kk": "Жазылды", "en": "Written"},
    "check_ok": {"ru": "Проверка: все жёсткие правила соблюдены",
                 "kk": "Тексеру: барлық қатаң ережелер сақталды",
                 "en": "Check: every hard rule holds"},
    "check_failed": {"ru": "Проверка: нарушены жёсткие правила",
                     "kk": "Тексеру: қатаң ережелер бұзылды",
                     "en": "Check: hard rules are broken"},
    "no_calendar": {"ru": "Календарь не найден", "kk": "Күнтізбе табылмады",
                    "en": "No calendar found"},
    "OPTIMAL": {"ru": "оптимален (доказано)", "kk": "оңтайлы (дәлелденді)",
                "en": "optimal (proven)"},
    "FEASIBLE": {"ru": "допустимый, оптимальность не доказана",
                 "kk": "рұқсат етілген, оңтайлылығы дәлелденбеген",
                 "en": "feasible, not proven optimal"},
    "INFEASIBLE": {"ru": "невыполним: жёсткие правила несовместимы",
                   "kk": "орындалмайды: қатаң ережелер үйлеспейді",
                   "en": "infeasible: the hard rules cannot all hold"},
    "UNKNOWN": {"ru": "за отведённое время решение не найдено",
                "kk": "берілген уақытта шешім табылмады",
                "en": "no calendar found within the time limit"},
    "id_chars": {"ru": "код состоит из букв (любого алфавита), цифр и знаков _ . -, без пробелов",
                 "kk": "код әріптерден (кез келген әліпби), сандардан және _ . - таңбаларынан "
                       "тұрады, бос орынсыз",
                 "en": "an id is letters (any alphabet), digits and _ . -, without spaces"},
    "MODEL_INVALID": {"ru": "внутренняя ошибка модели", "kk": "модельдің ішкі қатесі",
                      "en": "internal model error"},
}


def t(key: str, lang: str) -> str:
    """The label of ``key`` in ``lang`` (every key has all three languages)."""
    return LABELS[key][lang]


# ------------------------------------------------------------------ reports (issue 4)
# Labels of the workbook, the HTML/PDF report, the charts and the .ics calendars
# (scheduler/report/). Templates use str.format fields in braces.
LABELS.update({
    # meeting columns
    "col_no": {"ru": "№", "kk": "№", "en": "No."},
    "col_id": {"ru": "Код встречи", "kk": "Кездесу коды", "en": "Meeting id"},
    "col_date": {"ru": "Дата", "kk": "Күні", "en": "Date"},
    "col_weekday": {"ru": "День недели", "kk": "Апта күні", "en": "Weekday"},
    "col_start": {"ru": "Начало", "kk": "Басталуы", "en": "Start"},
    "col_end": {"ru": "Окончание", "kk": "Аяқталуы", "en": "End"},
    "col_time": {"ru": "Время", "kk": "Уақыты", "en": "Time"},
    "col_kind": {"ru": "Вид встречи", "kk": "Кездесу түрі", "en": "Kind"},
    "col_body": {"ru": "Орган", "kk": "Орган", "en": "Body"},
    "col_official": {"ru": "Должностное лицо", "kk": "Лауазымды тұлға", "en": "Official"},
    "col_presenter": {"ru": "Выступает", "kk": "Сөз сөйлейді", "en": "Presenter"},
    "col_region": {"ru": "Регион", "kk": "Өңір", "en": "Region"},
    "col_centre": {"ru": "Место (центр региона)", "kk": "Өткізу орны (өңір орталығы)",
                   "en": "Place (regional centre)"},
    "col_reason": {"ru": "Причина", "kk": "Себебі", "en": "Reason"},
    "col_issues": {"ru": "Актуальные вопросы", "kk": "Өзекті мәселелер", "en": "Topical issues"},
    "col_announce_by": {"ru": "Опубликовать до (TIME-LEAD)", "kk": "Жариялау мерзімі (TIME-LEAD)",
                        "en": "Announce by (TIME-LEAD)"},
    "col_results_by": {"ru": "Итоги до (DL-AFTER)", "kk": "Қорытынды мерзімі (DL-AFTER)",
                       "en": "Results by (DL-AFTER)"},
    "col_report_min": {"ru": "Доклад, мин (FMT-QA)", "kk": "Баяндама, мин (FMT-QA)",
                       "en": "Report, min (FMT-QA)"},
    "col_qa_min": {"ru": "Вопросы и ответы, мин", "kk": "Сұрақ-жауап, мин", "en": "Q&A, min"},
    "col_channel": {"ru": "Трансляция (FMT-ONLINE)", "kk": "Трансляция (FMT-ONLINE)",
                    "en": "Channel (FMT-ONLINE)"},
    "col_audience": {"ru": "Приглашённые (FMT-AUDIENCE)", "kk": "Шақырылғандар (FMT-AUDIENCE)",
                     "en": "Invitees (FMT-AUDIENCE)"},
    "col_agenda": {"ru": "Регламент", "kk": "Регламент", "en": "Agenda"},
    "col_agenda_qa": {"ru": "Доклад / вопросы и ответы, мин (FMT-QA)",
                      "kk": "Баяндама / сұрақ-жауап, мин (FMT-QA)",
                      "en": "Report / Q&A, min (FMT-QA)"},
    "col_announce_results": {"ru": "Объявить до / итоги до", "kk": "Жариялау / қорытынды мерзімі",
                             "en": "Announce by / results by"},
    "col_deadline": {"ru": "Срок", "kk": "Мерзім", "en": "Deadline"},
    "col_what": {"ru": "Что сделать", "kk": "Не істеу керек", "en": "What is due"},
    "col_rule_id": {"ru": "Код правила", "kk": "Ереже коды", "en": "Rule id"},
    "col_title": {"ru": "Содержание", "kk": "Мазмұны", "en": "Title"},
    "col_rule_kind": {"ru": "Тип", "kk": "Түрі", "en": "Kind"},
    "col_source": {"ru": "Источник", "kk": "Дереккөз", "en": "Source"},
    "col_enabled": {"ru": "Включено", "kk": "Қосулы", "en": "On"},
    "col_holds": {"ru": "Соблюдается", "kk": "Сақталады", "en": "Holds"},
    "col_value": {"ru": "Значение", "kk": "Мәні", "en": "Value"},
    "col_weight": {"ru": "Вес", "kk": "Салмағы", "en": "Weight"},
    # values
    "kind_planned": {"ru": "плановая", "kk": "жоспарлы", "en": "planned"},
    "kind_out_of_schedule": {"ru": "внеплановая", "kk": "кестеден тыс", "en": "out of schedule"},
    "substitution": {"ru": "замена заместителем", "kk": "орынбасар алмастырады",
                     "en": "deputy stands in"},
    "rule_kind_hard": {"ru": "обязательное", "kk": "міндетті", "en": "hard"},
    "rule_kind_soft": {"ru": "желательное (штраф)", "kk": "қалаулы (айыппұл)",
                       "en": "soft (cost)"},
    "rule_kind_milestone": {"ru": "срок", "kk": "мерзім", "en": "milestone"},
    "rule_kind_format": {"ru": "формат встречи", "kk": "кездесу форматы", "en": "format"},
    "yes": {"ru": "да", "kk": "иә", "en": "yes"},
    "no": {"ru": "нет", "kk": "жоқ", "en": "no"},
    "dates_only": {"ru": "см. сроки", "kk": "мерзімдерді қараңыз", "en": "see deadlines"},
    "cost_only": {"ru": "учитывается штрафом", "kk": "айыппұлмен ескеріледі",
                  "en": "counted as a cost"},
    "minutes": {"ru": "мин", "kk": "мин", "en": "min"},
    "alert_arisen": {"ru": "возникший", "kk": "туындаған", "en": "arisen"},
    "alert_forecast": {"ru": "прогнозируемый", "kk": "болжанатын", "en": "forecast"},
    "absence_illness": {"ru": "болезнь", "kk": "науқастану", "en": "illness"},
    "absence_delegation": {"ru": "правительственная делегация", "kk": "үкіметтік делегация",
                           "en": "government delegation"},
    "absence_deputy_pm": {"ru": "назначение заместителем Премьер-Министра",
                          "kk": "Премьер-Министрдің орынбасары болып тағайындалу",
                          "en": "appointed Deputy Prime Minister"},
    "absence_other": {"ru": "иная причина", "kk": "басқа себеп", "en": "other reason"},
    "reason_subst": {"ru": "{official} отсутствует ({why}, {start}–{end}); выступает {presenter}",
                     "kk": "{official} жоқ ({why}, {start}–{end}); {presenter} сөз сөйлейді",
                     "en": "{official} is away ({why}, {start}–{end}); {presenter} presents"},
    "reason_alert": {"ru": "{level} риск социальной напряжённости, {region}, {date}: {text}",
                     "kk": "Әлеуметтік шиеленіс қаупі ({level}), {region}, {date}: {text}",
                     "en": "{level} risk of social tension, {region}, {date}: {text}"},
    "aud_maslikhat": {"ru": "депутаты маслихата", "kk": "мәслихат депутаттары",
                      "en": "maslikhat deputies"},
    "aud_parties": {"ru": "политические партии", "kk": "саяси партиялар",
                    "en": "political parties"},
    "aud_public": {"ru": "общественные организации", "kk": "қоғамдық ұйымдар",
                   "en": "public organisations"},
    "aud_opposition": {"ru": "оппозиция", "kk": "оппозиция", "en": "opposition"},
    "channel_default": {"ru": "онлайн-трансляция в официальных аккаунтах соцсетей, "
                              "комментарии открыты",
                        "kk": "ресми әлеуметтік желі аккаунттарында онлайн-трансляция, "
                              "пікірлер ашық",
                        "en": "online stream on the official social media accounts, "
                              "comments open"},
    "wd_0": {"ru": "пн", "kk": "дс", "en": "Mon"},
    "wd_1": {"ru": "вт", "kk": "сс", "en": "Tue"},
    "wd_2": {"ru": "ср", "kk": "ср", "en": "Wed"},
    "wd_3": {"ru": "чт", "kk": "бс", "en": "Thu"},
    "wd_4": {"ru": "пт", "kk": "жм", "en": "Fri"},
    "wd_5": {"ru": "сб", "kk": "сн", "en": "Sat"},
    "wd_6": {"ru": "вс", "kk": "жс", "en": "Sun"},
    # sheets and sections
    "sheet_summary": {"ru": "Сводка", "kk": "Жиынтық", "en": "Summary"},
    "sheet_all": {"ru": "Все встречи", "kk": "Барлық кездесулер", "en": "All meetings"},
    "sheet_quarter": {"ru": "{q} квартал", "kk": "{q}-тоқсан", "en": "Q{q}"},
    "sheet_deadlines": {"ru": "Сроки", "kk": "Мерзімдер", "en": "Deadlines"},
    "sheet_compliance": {"ru": "Соответствие", "kk": "Сәйкестік", "en": "Compliance"},
    "legend": {"ru": "Условные обозначения", "kk": "Шартты белгілер", "en": "Legend"},
    "legend_oos": {"ru": "внеплановая встреча (URGENT-TENSION, EXTRA-DEMAND)",
                   "kk": "кестеден тыс кездесу (URGENT-TENSION, EXTRA-DEMAND)",
                   "en": "out-of-schedule meeting (URGENT-TENSION, EXTRA-DEMAND)"},
    "legend_subst": {"ru": "выступает заместитель (SUBST-DEPUTY)",
                     "kk": "орынбасар сөз сөйлейді (SUBST-DEPUTY)",
                     "en": "a deputy presents (SUBST-DEPUTY)"},
    "legend_both": {"ru": "внеплановая встреча, выступает заместитель",
                    "kk": "кестеден тыс кездесу, орынбасар сөз сөйлейді",
                    "en": "out of schedule, a deputy presents"},
    "legend_planned": {"ru": "плановая встреча, выступает сам руководитель",
                       "kk": "жоспарлы кездесу, басшының өзі сөз сөйлейді",
                       "en": "planned meeting presented by the head himself"},
    "report_title": {"ru": "Календарь встреч министров и акимов с населением",
                     "kk": "Министрлер мен әкімдердің халықпен кездесулерінің күнтізбесі",
                     "en": "Calendar of ministers' and akims' meetings with the population"},
    "report_subtitle": {"ru": "Проект для Правительства и межведомственной комиссии (МВК)",
                        "kk": "Үкімет пен ведомствоаралық комиссияға (ВАК) арналған жоба",
                        "en": "Draft for the Government and the interagency commission (MVK)"},
    "horizon": {"ru": "Период", "kk": "Кезең", "en": "Horizon"},
    "instance": {"ru": "Исходные данные", "kk": "Бастапқы деректер", "en": "Instance"},
    "profile": {"ru": "Профиль правил", "kk": "Ережелер профилі", "en": "Rule profile"},
    "approval_date": {"ru": "Дата утверждения", "kk": "Бекіту күні", "en": "Approval date"},
    "created": {"ru": "Создан", "kk": "Жасалған", "en": "Created"},
    "ministries_covered": {"ru": "Министерства, проводящие встречи",
                           "kk": "Кездесу өткізетін министрліктер",
                           "en": "Ministries holding meetings"},
    "akimats_covered": {"ru": "Акиматы, проводящие встречи",
                        "kk": "Кездесу өткізетін әкімдіктер",
                        "en": "Akimats holding meetings"},
    "regions_covered": {"ru": "Регионы, где проходят встречи министров",
                        "kk": "Министрлер кездесулері өтетін өңірлер",
                        "en": "Regions with ministerial meetings"},
    "issues_count": {"ru": "Актуальные вопросы (учтено / всего)",
                     "kk": "Өзекті мәселелер (ескерілген / барлығы)",
                     "en": "Topical issues (met / total)"},
    "charts": {"ru": "Диаграммы", "kk": "Диаграммалар", "en": "Charts"},
    "compliance": {"ru": "Соответствие правилам", "kk": "Ережелерге сәйкестік",
                   "en": "Compliance with the rules"},
    "deadlines": {"ru": "Сроки полугодия", "kk": "Жарты жылдың мерзімдері",
                  "en": "Deadlines of the half-year"},
    "meeting_list": {"ru": "Перечень встреч", "kk": "Кездесулер тізбесі", "en": "Meetings"},
    "deadlines_note": {"ru": "Сроки публикации и итогов каждой встречи — в перечне встреч.",
                       "kk": "Әр кездесудің жариялау және қорытынды мерзімдері — "
                             "кездесулер тізбесінде.",
                       "en": "Each meeting's announcement and results dates are in the "
                             "meeting list."},
    "sources_note": {"ru": "Коды правил и источников — по каталогу RULES.md.",
                     "kk": "Ережелер мен дереккөздердің кодтары — RULES.md каталогы бойынша.",
                     "en": "Rule and source ids follow the RULES.md catalogue."},
    # deadlines
    "dl_change_q": {"ru": "Предложения министерств об изменениях на {q} квартал (DL-CHANGE)",
                    "kk": "Министрліктердің {q}-тоқсанға өзгерістер туралы ұсыныстары "
                          "(DL-CHANGE)",
                    "en": "Ministries' change requests for Q{q} (DL-CHANGE)"},
    "dl_qreport_q": {"ru": "Сводка проведённых встреч за {q} квартал (DL-QREPORT)",
                     "kk": "{q}-тоқсанда өткізілген кездесулер туралы жиынтық (DL-QREPORT)",
                     "en": "Summary of the meetings held in Q{q} (DL-QREPORT)"},
    "dl_announce": {"ru": "Опубликовать дату, место и приём вопросов: {meeting}",
                    "kk": "Күнін, орнын және сұрақ қабылдауды жариялау: {meeting}",
                    "en": "Announce date, place and question intake: {meeting}"},
    "dl_after": {"ru": "Опубликовать итоги и поднятые проблемы: {meeting}",
                 "kk": "Қорытындыны және көтерілген мәселелерді жариялау: {meeting}",
                 "en": "Publish results and problems raised: {meeting}"},
    # charts
    "chart_gantt": {"ru": "Встречи министров по неделям", "kk": "Министрлердің апта бойынша "
                    "кездесулері", "en": "Ministers' meetings by week"},
    "chart_heatmap": {"ru": "Число встреч по регионам и неделям",
                      "kk": "Өңірлер мен апталар бойынша кездесулер саны",
                      "en": "Meetings by region and week"},
    "chart_map": {"ru": "Встречи в регионах: число и охват актуальных вопросов",
                  "kk": "Өңірлердегі кездесулер: саны және өзекті мәселелерді қамту",
                  "en": "Meetings by region: number and topical-issue coverage"},
    "chart_coverage": {"ru": "Доля веса актуальных вопросов региона, охваченная встречами",
                       "kk": "Кездесулер қамтыған өңірдің өзекті мәселелері салмағының үлесі",
                       "en": "Share of each region's topical-issue weight met"},
    "week_monday": {"ru": "Неделя (дата понедельника)", "kk": "Апта (дүйсенбі күні)",
                    "en": "Week (Monday's date)"},
    "share_pct": {"ru": "Доля веса, %", "kk": "Салмақ үлесі, %", "en": "Share of weight, %"},
    "n_meetings": {"ru": "Число встреч", "kk": "Кездесулер саны", "en": "Meetings"},
    "coverage": {"ru": "Охват вопросов", "kk": "Мәселелерді қамту", "en": "Issue coverage"},
    "longitude": {"ru": "Долгота, °", "kk": "Бойлық, °", "en": "Longitude, °"},
    "latitude": {"ru": "Широта, °", "kk": "Ендік, °", "en": "Latitude, °"},
    "no_meetings": {"ru": "Встреч нет", "kk": "Кездесулер жоқ", "en": "No meetings"},
    "no_issues": {"ru": "нет вопросов", "kk": "мәселе жоқ", "en": "no issues"},
    # calendars
    "ics_summary": {"ru": "Встреча с населением", "kk": "Халықпен кездесу",
                    "en": "Meeting with the population"},
    "ics_calendar": {"ru": "Встречи с населением: {name}", "kk": "Халықпен кездесулер: {name}",
                     "en": "Meetings with the population: {name}"},
    # rule titles
    "rule_SCOPE-EXEMPT": {"ru": "Руководители освобождённых органов не обязаны проводить встречи",
                          "kk": "Босатылған органдардың басшыларына кездесу міндеті жоқ",
                          "en": "Exempt bodies have no meeting duty"},
    "rule_FREQ-CEB-QUARTER": {"ru": "Каждый министр встречается с населением ежеквартально",
                              "kk": "Әр министр халықпен тоқсан сайын кездеседі",
                              "en": "Every non-exempt minister meets the population each quarter"},
    "rule_FREQ-AKIM": {"ru": "Акимы всех уровней встречаются с населением в течение года",
                       "kk": "Барлық деңгейдегі әкімдер жыл бойы халықпен кездеседі",
                       "en": "Akims of all levels meet the population throughout the year"},
    "rule_FREQ-WINDOW": {"ru": "Ежегодная встреча в установленном квартале",
                         "kk": "Жыл сайынғы кездесу белгіленген тоқсанда",
                         "en": "The annual meeting falls in a fixed quarter"},
    "rule_TIME-HORIZON": {"ru": "Календарь охватывает одно полугодие",
                          "kk": "Күнтізбе бір жарты жылды қамтиды",
                          "en": "A calendar covers one half-year"},
    "rule_TIME-OFFHOURS": {"ru": "Выходные и вечера рабочих дней, без праздников",
                           "kk": "Демалыс күндері мен жұмыс күндерінің кештері, мерекесіз",
                           "en": "Weekends and working-day evenings, no public holidays"},
    "rule_TIME-LEAD": {"ru": "Публикация не позднее чем за месяц",
                       "kk": "Кемінде бір ай бұрын жариялау",
                       "en": "Published at least a month ahead"},
    "rule_CLASH-PERSON": {"ru": "Одна встреча на человека в слот и в день",
                          "kk": "Бір адамға бір уақыт аралығында және бір күнде бір кездесу",
                          "en": "One meeting per person per slot and per day"},
    "rule_TRAVEL": {"ru": "Переезды между встречами одного лица выполнимы",
                    "kk": "Бір тұлғаның кездесулері арасындағы сапарлар орындалады",
                    "en": "Consecutive meetings of one person are reachable"},
    "rule_CAP-REGION": {"ru": "Акимат принимает не более одной встречи министра в день",
                        "kk": "Әкімдік күніне министрдің бір кездесуін ғана қабылдайды",
                        "en": "The host akimat supports one ministerial meeting a day"},
    "rule_AKIM-SUPPORT": {"ru": "В день визита министра аким не проводит своей встречи",
                          "kk": "Министр сапары күні әкім өз кездесуін өткізбейді",
                          "en": "The akim holds no meeting of his own on the day of a "
                                "minister's visit"},
    "rule_ATTEND-DISTRICT": {"ru": "Аким области или заместитель присутствует на встречах "
                                   "районных акимов",
                             "kk": "Облыс әкімі немесе орынбасары аудан әкімдерінің "
                                   "кездесулеріне қатысады",
                             "en": "The regional akim or a deputy attends district meetings"},
    # issue 15: the 2023 amendment of the akims' decree and the calendar-quality rules
    "rule_AKIM-ROTATION": {"ru": "Аким области и города — в каждом районе раз в год, аким "
                                 "района — в каждом сельском округе раз в полугодие",
                           "kk": "Облыс және қала әкімі — әр ауданда жылына бір рет, аудан "
                                 "әкімі — әр ауылдық округте жарты жылда бір рет",
                           "en": "Oblast and city akims in each district once a year, district "
                                 "akims in each rural okrug once a half-year"},
    "rule_AKIM-SPREAD": {"ru": "Встречи акимов распределены по дням: в районе не более одной "
                               "в день",
                         "kk": "Әкімдердің кездесулері күндерге бөлінген: ауданда күніне "
                               "біреуден аспайды",
                         "en": "Akims' meetings spread over the days: one a day per district"},
    "rule_FREQ-SPACING": {"ru": "Встречи министра — примерно раз в неделю, не более двух за "
                                "семь дней",
                          "kk": "Министрдің кездесулері — шамамен аптасына бір рет, жеті күнде "
                                "екіден аспайды",
                          "en": "A minister's meetings about a week apart"},
    "rule_FREQ-LOAD": {"ru": "Каждая встреча сверх квартального минимума занимает время "
                             "министра",
                       "kk": "Тоқсандық ең аз саннан тыс әр кездесу министрдің уақытын алады",
                       "en": "Each meeting beyond the quarterly minimum costs a minister's time"},
    "rule_TIME-EVENING": {"ru": "Вдали от места работы — сначала выходные, вечер рабочего дня "
                                "имеет цену",
                          "kk": "Жұмыс орнынан алыста — алдымен демалыс күндері, жұмыс күнінің "
                                "кеші бағаланады",
                          "en": "Weekends first away from home: a working-day evening far from "
                                "the base costs"},
    "rule_URGENT-EARLY": {"ru": "Внеплановая встреча — как можно раньше после сигнала",
                          "kk": "Кестеден тыс кездесу — белгіден кейін мүмкіндігінше ерте",
                          "en": "Out-of-schedule meetings as early as the window allows"},
    "rule_TRAVEL-BASE": {"ru": "Каждый выезжает с места работы и возвращается туда в рабочие "
                               "дни",
                         "kk": "Әркім жұмыс орнынан шығады және жұмыс күндері сонда қайтады",
                         "en": "Everyone starts from his base and is back there on working days"},
    "rule_ATTEND-GOV": {"ru": "Члены Правительства участвуют во встречах акимов областей",
                        "kk": "Үкімет мүшелері облыс әкімдерінің кездесулеріне қатысады",
                        "en": "Members of the Government attend the regional akims' reporting "
                              "meetings"},
    "rule_TV-LIVE": {"ru": "Прямой эфир на национальном телеканале",
                     "kk": "Ұлттық телеарнада тікелей эфир",
                     "en": "Live on a national TV channel"},
    "rule_SUBST-DEPUTY": {"ru": "Заместитель выступает при болезни, делегации или назначении "
                                "вице-премьером",
                          "kk": "Орынбасар науқас, делегация немесе Премьер-Министрдің "
                                "орынбасары болып тағайындалу кезінде сөз сөйлейді",
                          "en": "A deputy presents when the minister is ill, on a delegation "
                                "or appointed Deputy PM"},
    "rule_REGION-ISSUES": {"ru": "Регионы выбираются по актуальным вопросам отрасли",
                           "kk": "Өңірлер саланың өзекті мәселелері бойынша таңдалады",
                           "en": "Regions chosen by the sector's topical issues"},
    "rule_REGION-AGREE": {"ru": "Даты согласованы с акиматом: закрытые даты не используются",
                          "kk": "Күндер әкімдікпен келісілген: жабық күндер қолданылмайды",
                          "en": "Dates agreed with the akimat: blocked dates never used"},
    "rule_REGION-SPREAD": {"ru": "Встречи министров распределены по регионам",
                           "kk": "Министрлердің кездесулері өңірлерге бөлінген",
                           "en": "Ministers spread over the regions"},
    "rule_URGENT-TENSION": {"ru": "Внеплановая встреча при риске социальной напряжённости",
                            "kk": "Әлеуметтік шиеленіс қаупі кезінде кестеден тыс кездесу",
                            "en": "Out-of-schedule meeting where social tension is forecast "
                                  "or has arisen"},
    "rule_EXTRA-DEMAND": {"ru": "Акимы проводят встречи вне графика по запросу населения",
                          "kk": "Әкімдер халықтың сұрауы бойынша кестеден тыс кездеседі",
                          "en": "Akims meet outside the calendar when the population asks"},
    "rule_DL-LOCAL-LISTS": {"ru": "Местные органы представляют актуальные вопросы, места и время",
                            "kk": "Жергілікті органдар өзекті мәселелерді, орны мен уақытын "
                                  "ұсынады",
                            "en": "Local bodies submit topical issues, places and times"},
    "rule_DL-DRAFT": {"ru": "Проект графика на полугодие — в Правительство",
                      "kk": "Жарты жылдық кесте жобасы — Үкіметке",
                      "en": "Draft half-year schedule to the Government"},
    "rule_DL-MVK": {"ru": "Согласованный календарь — в межведомственную комиссию (МВК)",
                    "kk": "Келісілген күнтізбе — ведомствоаралық комиссияға (ВАК)",
                    "en": "Agreed calendar to the interagency commission (MVK)"},
    "rule_DL-CHANGE": {"ru": "Предложения об изменениях — до 1-го числа последнего месяца "
                             "квартала",
                       "kk": "Өзгерістер туралы ұсыныстар — тоқсанның соңғы айының 1-іне дейін",
                       "en": "Change requests by the 1st day of the quarter's last month"},
    "rule_DL-QREPORT": {"ru": "Сводка проведённых встреч — до 10-го числа после квартала",
                        "kk": "Өткізілген кездесулер жиынтығы — тоқсаннан кейінгі айдың "
                              "10-на дейін",
                        "en": "Summary of held meetings by the 10th of the month after the "
                              "quarter"},
    "rule_DL-RESULTS": {"ru": "Итоги — в Аппарат Правительства",
                        "kk": "Қорытынды — Үкімет Аппаратына",
                        "en": "Results to the Government Office"},
    "rule_DL-AKIM-CAL": {"ru": "Акимы областей утверждают календарь (15 янв.) и представляют "
                               "его (20 янв.)",
                         "kk": "Облыс әкімдері күнтізбені бекітеді (15 қаң.) және ұсынады "
                               "(20 қаң.)",
                         "en": "Regional akims approve their calendar (15 Jan) and submit it "
                               "(20 Jan)"},
    "rule_DL-AFTER": {"ru": "Итоги и поднятые проблемы публикуются после каждой встречи",
                      "kk": "Әр кездесуден кейін қорытынды мен көтерілген мәселелер жарияланады",
                      "en": "Results and problems raised published after each meeting"},
    "rule_FMT-QA": {"ru": "Не более четверти времени — на доклад",
                    "kk": "Уақыттың төрттен бірінен аспайтыны — баяндамаға",
                    "en": "At most a quarter of the time for the report"},
    "rule_FMT-ONLINE": {"ru": "Онлайн-трансляция с открытыми комментариями",
                        "kk": "Пікірлері ашық онлайн-трансляция",
                        "en": "Streamed online, comments open"},
    "rule_FMT-AUDIENCE": {"ru": "Приглашаются депутаты маслихата, партии, общественные "
                                "организации и оппозиция",
                          "kk": "Мәслихат депутаттары, партиялар, қоғамдық ұйымдар және "
                                "оппозиция шақырылады",
                          "en": "Maslikhat deputies, parties, public organisations and the "
                                "opposition invited"},
    "rule_CALENDAR": {"ru": "Ссылки календаря на исходные данные корректны",
                      "kk": "Күнтізбенің бастапқы деректерге сілтемелері дұрыс",
                      "en": "The calendar's references to the instance are sound"},
})

LABELS.update({  # a calendar that breaks hard rules, published only as a marked draft
    "draft": {"ru": "ЧЕРНОВИК", "kk": "ЖОБА", "en": "DRAFT"},
    "draft_banner": {"ru": "ЧЕРНОВИК: календарь нарушает жёсткие правила (нарушений: {n}) "
                           "и не подлежит публикации",
                     "kk": "ЖОБА: күнтізбе қатаң ережелерді бұзады (бұзушылықтар: {n}), "
                           "жариялауға жатпайды",
                     "en": "DRAFT: this calendar breaks hard rules ({n} violations) and is "
                           "not for publication"},
})

# ------------------------------------------------------------------ issue 13: every output
# Nouns after numerals: Russian has three forms (1 встреча, 2 встречи, 5 встреч); Kazakh
# keeps the singular after a numeral (5 кездесу); English two forms.
NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    "meeting": {"ru": ("встреча", "встречи", "встреч"), "kk": ("кездесу",),
                "en": ("meeting", "meetings")},
    "change": {"ru": ("изменение", "изменения", "изменений"), "kk": ("өзгеріс",),
               "en": ("change", "changes")},
    "request": {"ru": ("заявка", "заявки", "заявок"), "kk": ("өтінім",),
                "en": ("request", "requests")},
    "violation": {"ru": ("нарушение", "нарушения", "нарушений"), "kk": ("бұзушылық",),
                  "en": ("violation", "violations")},
    "day": {"ru": ("день", "дня", "дней"), "kk": ("күн",), "en": ("day", "days")},
    "version": {"ru": ("версия", "версии", "версий"), "kk": ("нұсқа",),
                "en": ("version", "versions")},
    "chart": {"ru": ("диаграмма", "диаграммы", "диаграмм"), "kk": ("диаграмма",),
              "en": ("chart", "charts")},
    "calendar": {"ru": ("календарь", "календаря", "календарей"), "kk": ("күнтізбе",),
                 "en": ("calendar", "calendars")},
    "more": {"ru": ("другая", "другие", "других"), "kk": ("басқа",), "en": ("more", "more")},
}


def plural_form(n: int, noun: str, lang: str) -> str:
    forms = NOUNS[noun][lang]
    if lang == "kk":
        return forms[0]
    if lang == "en":
        return forms[0] if n == 1 else forms[1]
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def count(n: int, noun: str, lang: str) -> str:
    """'137 встреч', '1 встреча', '2 встречи'; '137 кездесу'; '137 meetings'."""
    return f"{n} {plural_form(n, noun, lang)}"


def decimal(x: float, lang: str, digits: int = 1) -> str:
    """A number with ``digits`` decimals, the decimal comma in Russian and Kazakh:
    '1,1' (ru, kk), '1.1' (en)."""
    text = f"{x:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")


def day_text(day, lang: str) -> str:
    """A date as '14.01.2027, чт' (14.01.2027, бс; 14.01.2027, Thu)."""
    return f"{day:%d.%m.%Y}, {LABELS[f'wd_{day.weekday()}'][lang]}"


LABELS.update({
    # plan summary
    "quarter_n": {"ru": "{q} кв.", "kk": "{q}-тоқсан", "en": "Q{q}"},
    "meetings_in_q": {"ru": "Встречи в {q} квартале", "kk": "{q}-тоқсандағы кездесулер",
                      "en": "Meetings in Q{q}"},
    "quality": {"ru": "Качество календаря", "kk": "Күнтізбенің сапасы",
                "en": "Quality of the calendar"},
    "cost_total": {"ru": "Штраф по желательным правилам", "kk": "Қалаулы ережелер бойынша айыппұл",
                   "en": "Cost of the soft rules"},
    "solve_time": {"ru": "Время расчёта", "kk": "Есептеу уақыты", "en": "Solving time"},
    "seconds": {"ru": "{s} с", "kk": "{s} с", "en": "{s} s"},
    "plain_OPTIMAL": {"ru": "календарь наилучший из возможных по правилам: доказано",
                      "kk": "күнтізбе ережелер бойынша мүмкін болатын ең жақсысы: дәлелденді",
                      "en": "the calendar is the best possible under the rules: proven"},
    "plain_FEASIBLE": {"ru": "календарь соблюдает все обязательные правила; лучший вариант может "
                             "быть не более чем на {gap} % лучше",
                       "kk": "күнтізбе барлық міндетті ережелерді сақтайды; ең жақсы нұсқа одан "
                             "ең көбі {gap} %-ға жақсы болуы мүмкін",
                       "en": "the calendar keeps every hard rule; the best possible one may be "
                             "up to {gap} % better"},
    "written_files": {"ru": "Записано: {files}; {charts}, {calendars} (версия {v})",
                      "kk": "Жазылды: {files}; {charts}, {calendars} ({v}-нұсқа)",
                      "en": "Written: {files}; {charts}, {calendars} (version {v})"},
    "written_plain": {"ru": "Записано: {files} (версия {v})", "kk": "Жазылды: {files} ({v}-нұсқа)",
                      "en": "Written: {files} (version {v})"},
    # check / explain
    "costs_title": {"ru": "Штрафы по желательным правилам", "kk": "Қалаулы ережелер айыппұлдары",
                    "en": "Soft-rule costs"},
    "check_count": {"ru": "{n} в календаре", "kk": "күнтізбеде {n}", "en": "{n} in the calendar"},
    "f_meetings": {"ru": "встречи", "kk": "кездесулер", "en": "meetings"},
    "f_officials": {"ru": "должностные лица", "kk": "лауазымды тұлғалар", "en": "officials"},
    "f_regions": {"ru": "регионы", "kk": "өңірлер", "en": "regions"},
    "f_dates": {"ru": "даты", "kk": "күндер", "en": "dates"},
    "why_title": {"ru": "Почему каждая встреча там, где она есть",
                  "kk": "Әр кездесу неге осы жерде өтеді",
                  "en": "Why each meeting is where it is"},
    "why_alert": {"ru": "созвана по сигналу: {text}", "kk": "сигнал бойынша шақырылды: {text}",
                  "en": "called by the alert: {text}"},
    "why_issues": {"ru": "актуальные вопросы: {issues} (вес {w})",
                   "kk": "өзекті мәселелер: {issues} (салмағы {w})",
                   "en": "topical issues: {issues} (weight {w})"},
    "why_preferred": {"ru": "в день, который предпочёл акимат", "kk": "әкімдік қалаған күні",
                      "en": "on a date the akimat prefers"},
    "why_load": {"ru": "встреч министров в регионе: {n}", "kk": "өңірдегі министрлер "
                 "кездесулерінің саны: {n}", "en": "ministerial meetings in the region: {n}"},
    "why_presenter": {"ru": "выступает {who}", "kk": "{who} сөз сөйлейді", "en": "{who} presents"},
    "why_frequency": {"ru": "требуется правилами о периодичности встреч",
                      "kk": "кездесулердің жиілігі туралы ережелер талап етеді",
                      "en": "required by the frequency rules"},
    "and_more": {"ru": "… и ещё {n} на {amount}", "kk": "… тағы {n}, барлығы {amount}",
                 "en": "... and {n} more, {amount} in all"},
    # change notice (replan, urgent, diff)
    "changes_title": {"ru": "Изменения календаря на {date}", "kk": "{date} күнгі күнтізбе "
                      "өзгерістері", "en": "Changes to the calendar as of {date}"},
    "diff_title": {"ru": "Изменения: {a} → {b}", "kk": "Өзгерістер: {a} → {b}",
                   "en": "Changes from {a} to {b}"},
    "no_change": {"ru": "Ни одна встреча не изменилась.", "kk": "Бірде-бір кездесу өзгерген жоқ.",
                  "en": "No meeting changed."},
    "ch_moved": {"ru": "перенесена", "kk": "ауыстырылды", "en": "moved"},
    "ch_re-presented": {"ru": "передана заместителю", "kk": "орынбасарға берілді",
                        "en": "handed over"},
    "ch_added": {"ru": "добавлена", "kk": "қосылды", "en": "added"},
    "ch_cancelled": {"ru": "отменена", "kk": "болдырылмады", "en": "cancelled"},
    "ch_was": {"ru": "было", "kk": "бұрын", "en": "was"},
    "ch_now": {"ru": "стало", "kk": "енді", "en": "now"},
    "ch_reason": {"ru": "Причина", "kk": "Себебі", "en": "Reason"},
    "ch_refused": {"ru": "Отклонённые заявки", "kk": "Қабылданбаған өтінімдер",
                   "en": "Refused requests"},
    "ch_count": {"ru": "Итого: {changes}; отклонено: {refused}",
                 "kk": "Барлығы: {changes}; қабылданбады: {refused}",
                 "en": "In all: {changes}; refused: {refused}"},
    "ch_proven": {"ru": "Меньшим числом изменений обойтись нельзя (доказано)",
                  "kk": "Өзгерістерді бұдан азайту мүмкін емес (дәлелденді)",
                  "en": "no fewer changes are possible (proven)"},
    "ch_not_proven": {"ru": "Возможно, хватило бы и меньшего числа изменений (не доказано)",
                      "kk": "Өзгерістер азырақ болуы мүмкін (дәлелденбеген)",
                      "en": "fewer changes may be possible (not proven)"},
    "rs_request": {"ru": "заявка от {date} ({body}){note}", "kk": "{date} өтінімі ({body}){note}",
                   "en": "request of the {body} of {date}{note}"},
    "rs_alert": {"ru": "внеплановая встреча: {text}", "kk": "кестеден тыс кездесу: {text}",
                 "en": "out-of-schedule meeting: {text}"},
    "rs_away": {"ru": "{who} отсутствует {start}–{end} ({why})",
                "kk": "{who} {start}–{end} аралығында жоқ ({why})",
                "en": "{who} is away {start}–{end} ({why})"},
    "rs_day_off": {"ru": "{date} объявлен выходным днём", "kk": "{date} демалыс күні болып "
                   "жарияланды", "en": "{date} is now a day off"},
    "rs_room": {"ru": "освобождено место для внеплановой встречи {date} ({region})",
                "kk": "{date} кестеден тыс кездесуге ({region}) орын босатылды",
                "en": "to make room for the out-of-schedule meeting on {date} ({region})"},
    "rs_other": {"ru": "пересчитано вместе с другими изменениями",
                 "kk": "басқа өзгерістермен бірге қайта есептелді",
                 "en": "re-optimised with the other changes"},
    "act_move": {"ru": "перенести встречу {meeting}", "kk": "{meeting} кездесуін ауыстыру",
                 "en": "move the meeting {meeting}"},
    "act_cancel": {"ru": "отменить встречу {meeting}", "kk": "{meeting} кездесуін болдырмау",
                   "en": "cancel the meeting {meeting}"},
    "act_add": {"ru": "добавить встречу", "kk": "кездесу қосу", "en": "add a meeting"},
    "act_block": {"ru": "закрыть даты {dates}", "kk": "{dates} күндерін жабу",
                  "en": "block the dates {dates}"},
    "act_to": {"ru": " → {where}", "kk": " → {where}", "en": " to {where}"},
    "refused_line": {"ru": "{body}, заявка от {submitted}: {action}. Отклонена: {rule}",
                     "kk": "{body}, {submitted} өтінімі: {action}. Қабылданбады: {rule}",
                     "en": "{body}, request of {submitted}: {action}. Refused: {rule}"},
    "refused_deadline": {"ru": "; срок подачи истёк {deadline}",
                         "kk": "; беру мерзімі {deadline} өтіп кетті",
                         "en": "; the deadline was {deadline}"},
    "rule_NO-CHANGE": {"ru": "встреча уже назначена на эти дату и место",
                       "kk": "кездесу осы күнге және орынға бұрыннан белгіленген",
                       "en": "the meeting is already there"},
    "rule_REPLAN": {"ru": "ни один календарь не соблюдает правила с этой заявкой",
                    "kk": "бұл өтініммен ешбір күнтізбе ережелерді сақтамайды",
                    "en": "no calendar keeps the rules with this request"},
    # history, diff
    "h_version": {"ru": "Версия", "kk": "Нұсқа", "en": "Version"},
    "h_kind": {"ru": "Вид", "kk": "Түрі", "en": "Kind"},
    "h_from": {"ru": "Из версии", "kk": "Қай нұсқадан", "en": "From"},
    "h_created": {"ru": "Создана", "kk": "Жасалды", "en": "Created"},
    "h_changes": {"ru": "Изменений", "kk": "Өзгерістер", "en": "Changes"},
    "h_note": {"ru": "Примечание", "kk": "Ескертпе", "en": "Note"},
    "h_unreadable": {"ru": "повреждена", "kk": "бүлінген", "en": "unreadable"},
    "h_damaged": {"ru": "Повреждённые версии: {n}", "kk": "Бүлінген нұсқалар: {n}",
                  "en": "Damaged versions: {n}"},
    "vk_plan": {"ru": "план", "kk": "жоспар", "en": "plan"},
    "vk_replan": {"ru": "перепланирование", "kk": "қайта жоспарлау", "en": "re-plan"},
    "vk_urgent": {"ru": "внеплановая встреча", "kk": "кестеден тыс кездесу", "en": "urgent"},
    "vk_imported": {"ru": "утверждённый календарь", "kk": "бекітілген күнтізбе",
                    "en": "imported"},
    "history_title": {"ru": "Версии календаря: {ws}", "kk": "Күнтізбе нұсқалары: {ws}",
                      "en": "Versions of the calendar: {ws}"},
    # profiles, compare
    "profiles_title": {"ru": "Встроенные профили правил", "kk": "Ережелердің кірістірілген "
                       "профильдері", "en": "Built-in rule profiles"},
    "p_profile": {"ru": "Профиль", "kk": "Профиль", "en": "Profile"},
    "p_title": {"ru": "Редакция", "kk": "Редакциясы", "en": "Title"},
    "p_rules": {"ru": "Правила", "kk": "Ережелер", "en": "Rules"},
    "p_off": {"ru": "выключено", "kk": "өшірулі", "en": "off"},
    "p_params": {"ru": "Параметры", "kk": "Параметрлері", "en": "Parameters"},
    "p_rules_of": {"ru": "Правила профиля {p}", "kk": "{p} профилінің ережелері",
                   "en": "Rules of {p}"},
    "p_file": {"ru": "Файл", "kk": "Файл", "en": "File"},
    "cmp_title": {"ru": "Сравнение профилей: {profiles}", "kk": "Профильдерді салыстыру: "
                  "{profiles}", "en": "Profiles compared: {profiles}"},
    "cmp_status": {"ru": "Результат", "kk": "Нәтиже", "en": "Status"},
    "cmp_meetings": {"ru": "Встреч всего", "kk": "Барлық кездесулер", "en": "Meetings"},
    "cmp_planned": {"ru": "Плановых / внеплановых", "kk": "Жоспарлы / кестеден тыс",
                    "en": "Planned / out of schedule"},
    "cmp_ministers": {"ru": "Встреч министров", "kk": "Министрлер кездесулері",
                      "en": "Meetings of ministers"},
    "cmp_akims": {"ru": "Встреч акимов", "kk": "Әкімдер кездесулері", "en": "Meetings of akims"},
    "cmp_rectors": {"ru": "Встреч ректоров", "kk": "Ректорлар кездесулері",
                    "en": "Meetings of rectors"},
    "cmp_min_q": {"ru": "Министры, встретившиеся с населением в {q} квартале",
                  "kk": "{q}-тоқсанда халықпен кездескен министрлер",
                  "en": "Ministers who met the population in Q{q}"},
    "cmp_regions": {"ru": "Регионы со встречей министра", "kk": "Министр кездесуі өткен өңірлер",
                    "en": "Regions with a ministerial meeting"},
    "cmp_weight": {"ru": "Учтённый вес актуальных вопросов", "kk": "Ескерілген өзекті мәселелер "
                   "салмағы", "en": "Topical-issue weight met"},
    "cmp_cost": {"ru": "Штраф (по весам своего профиля)", "kk": "Айыппұл (өз профилінің "
                 "салмақтары бойынша)", "en": "Cost (the profile's own weights)"},
    "cmp_gap": {"ru": "Возможное улучшение", "kk": "Мүмкін жақсарту", "en": "Gap"},
    "cmp_check": {"ru": "Независимая проверка", "kk": "Тәуелсіз тексеру",
                  "en": "Independent check"},
    "cmp_ok": {"ru": "пройдена", "kk": "өтті", "en": "ok"},
    "cmp_time": {"ru": "Время, с", "kk": "Уақыты, с", "en": "Time, s"},
})

# Acts cited by the rules (RULES.md catalogue codes), named as the commission names them
ACTS: dict[str, dict[str, str]] = {
    "S-2016": {"ru": "Указ Президента Республики Казахстан от 5 февраля 2016 года № 190",
               "kk": "Қазақстан Республикасы Президентінің 2016 жылғы 5 ақпандағы № 190 Жарлығы",
               "en": "Decree of the President of 5 February 2016 No. 190"},
    "S-2018": {"ru": "изменения 2018 года в Указ Президента Республики Казахстан № 190",
               "kk": "Қазақстан Республикасы Президентінің № 190 Жарлығына 2018 жылғы "
                     "өзгерістер",
               "en": "the 2018 amendments to Decree No. 190"},
    "S-2022A": {"ru": "Указ Президента Республики Казахстан от 3 марта 2022 года № 826",
                "kk": "Қазақстан Республикасы Президентінің 2022 жылғы 3 наурыздағы № 826 "
                      "Жарлығы",
                "en": "Decree of the President of 3 March 2022 No. 826"},
    "S-2023D": {"ru": "проект Указа Президента о порядке встреч (Министерство культуры и "
                      "информации, 2023 год)",
                "kk": "Кездесулер тәртібі туралы Президент Жарлығының жобасы (Мәдениет және "
                      "ақпарат министрлігі, 2023 жыл)",
                "en": "the draft presidential decree on the meetings' procedure (Ministry of "
                      "Culture and Information, 2023)"},
    "S-2024R": {"ru": "постановление Правительства Республики Казахстан 2024 года о встречах "
                      "руководителей министерств с населением",
                "kk": "Министрліктер басшыларының халықпен кездесулері туралы Қазақстан "
                      "Республикасы Үкіметінің 2024 жылғы қаулысы",
                "en": "the 2024 Government resolution on the ministries' heads' meetings with "
                      "the population"},
}
LABELS.update({
    "act_items": {"ru": "п. {items}", "kk": "{items}-тармақ", "en": "item {items}"},
    "act_project": {"ru": "правило планирования (не установлено актом)",
                    "kk": "жоспарлау ережесі (актіде белгіленбеген)",
                    "en": "a planning rule (no act sets it)"},
    "profile_kz-2024": {"ru": "Редакция 2024 года: министры ежеквартально, порядок на полугодие, "
                              "акимы", "kk": "2024 жылғы редакция: министрлер тоқсан сайын, "
                              "жарты жылдық тәртіп, әкімдер",
                        "en": "2024 edition: ministers quarterly, half-year procedure, akims"},
    "profile_kz-2016": {"ru": "Указ № 190 (2016): ежегодные отчётные встречи",
                        "kk": "№ 190 Жарлық (2016): жыл сайынғы есепті кездесулер",
                        "en": "Decree No. 190 (2016): annual reporting meetings"},
    "profile_kz-2018": {"ru": "Указ № 190 с изменениями 2018 года: министры в прямом эфире",
                        "kk": "2018 жылғы өзгерістермен № 190 Жарлық: министрлер тікелей эфирде",
                        "en": "Decree No. 190 as amended in 2018: ministers live on TV"},
})

LABELS.update({  # the commission's report in plain words; figures and ids in annexes
    "quality_row": {"ru": "Качество календаря", "kk": "Күнтізбенің сапасы",
                    "en": "Quality of the calendar"},
    "annex_solver": {"ru": "Приложение 1. Как рассчитан календарь",
                     "kk": "1-қосымша. Күнтізбе қалай есептелді",
                     "en": "Annex 1. How the calendar was computed"},
    "annex_solver_note": {
        "ru": "Календарь рассчитан программой оптимизации (OR-Tools CP-SAT). Штраф — сумма "
              "отступлений от желательных правил (регионы по актуальным вопросам, "
              "согласованные даты, распределение по регионам, замены); нижняя граница — "
              "штраф, меньше которого не может быть ни у одного календаря. Когда они равны, "
              "лучшего календаря по правилам не существует.",
        "kk": "Күнтізбе оңтайландыру бағдарламасымен (OR-Tools CP-SAT) есептелді. Айыппұл — "
              "қалаулы ережелерден ауытқулардың қосындысы (өзекті мәселелер бойынша өңірлер, "
              "келісілген күндер, өңірлерге бөлу, алмастырулар); төменгі шек — ешбір "
              "күнтізбенің айыппұлы одан аз бола алмайтын шама. Олар тең болса, ережелер "
              "бойынша бұдан жақсы күнтізбе жоқ.",
        "en": "The calendar was computed by an optimisation program (OR-Tools CP-SAT). The "
              "cost sums the departures from the soft rules; the bound is a cost no calendar "
              "can go below. When they are equal, no better calendar exists under the rules."},
    "solver_status": {"ru": "Итог расчёта", "kk": "Есептеу нәтижесі", "en": "Solver status"},
    "annex_rules": {"ru": "Приложение 2. Коды правил для планировщиков",
                    "kk": "2-қосымша. Жоспарлаушыларға арналған ереже кодтары",
                    "en": "Annex 2. Rule ids for the planners"},
    "annex_rules_note": {"ru": "Коды правил — по каталогу правил проекта (RULES.md) и профилю "
                               "правил; они же в сообщениях программы на английском языке.",
                         "kk": "Ереже кодтары — жобаның ережелер каталогы (RULES.md) мен "
                               "ережелер профилі бойынша; бағдарламаның ағылшын тіліндегі "
                               "хабарламаларында да солар.",
                         "en": "Rule ids follow the project's rule catalogue (RULES.md) and the "
                               "profile; the program's English messages use them."},
    "sources_note_plain": {"ru": "Источник каждого правила — нормативный акт; коды правил — "
                                 "в приложении 2.",
                           "kk": "Әр ереженің дереккөзі — нормативтік акт; ереже кодтары — "
                                 "2-қосымшада.",
                           "en": "Each rule's source is an act; the rule ids are in Annex 2."},
    "page_of": {"ru": "Стр. {n} из {total}", "kk": "{n}-бет, барлығы {total}",
                "en": "Page {n} of {total}"},
})
# Column labels and legends without the catalogue codes (they are in the annex)
LABELS["col_announce_by"] = {"ru": "Опубликовать до", "kk": "Жариялау мерзімі",
                             "en": "Announce by"}
LABELS["col_results_by"] = {"ru": "Итоги до", "kk": "Қорытынды мерзімі", "en": "Results by"}
LABELS.update({  # each meeting's dated steps (S-2016 items 6, 8; S-2018) and rectors' audience
    "dl_after": {"ru": "Опубликовать отчёт и перечень поднятых проблем со сроками их решения: "
                       "{meeting}",
                 "kk": "Есепті және көтерілген проблемалық мәселелердің тізбесін шешу "
                       "мерзімдерімен жариялау: {meeting}",
                 "en": "Publish the report and the problems raised with the deadlines for "
                       "solving them: {meeting}"},
    "dl_questions": {"ru": "Собрать, проанализировать и отобрать вопросы и предложения "
                           "населения: {meeting}",
                     "kk": "Халықтың сұрақтары мен ұсыныстарын жинау, талдау және іріктеу: "
                           "{meeting}",
                     "en": "Collect, analyse and select the questions and proposals sent in: "
                           "{meeting}"},
    "dl_portal": {"ru": "Объявить на веб-портале «электронного правительства»: {meeting}",
                  "kk": "«Электрондық үкіметтің» веб-порталында жариялау: {meeting}",
                  "en": "Announce on the e-government portal: {meeting}"},
    "dl_briefing": {"ru": "Брифинг министра в Службе центральных коммуникаций: {meeting}",
                    "kk": "Министрдің Орталық коммуникациялар қызметіндегі брифингі: {meeting}",
                    "en": "Minister's briefing at the Central Communications Service: {meeting}"},
    "dl_results_gov": {"ru": "Сообщить об итогах Администрации Президента и Правительству: "
                             "{meeting}",
                       "kk": "Қорытындылары туралы Президент Әкімшілігі мен Үкіметті хабардар "
                             "ету: {meeting}",
                       "en": "Report the results to the Presidential Administration and the "
                             "Government: {meeting}"},
    "dl_results_rector": {"ru": "Сообщить об итогах центральному уполномоченному органу в "
                                "области образования и науки: {meeting}",
                          "kk": "Қорытындылары туралы білім және ғылым саласындағы орталық "
                                "уәкілетті органды хабардар ету: {meeting}",
                          "en": "Report the results to the central authority for education "
                                "and science: {meeting}"},
    "col_questions_by": {"ru": "Вопросы собраны и отобраны", "kk": "Сұрақтар жиналып, іріктелді",
                         "en": "Questions selected by"},
    "col_portal_by": {"ru": "На портале «электронного правительства»",
                      "kk": "«Электрондық үкімет» порталында", "en": "On the e-government portal"},
    "col_briefing_by": {"ru": "Брифинг министра до", "kk": "Министр брифингінің мерзімі",
                        "en": "Minister's briefing by"},
    "aud_parents": {"ru": "родители", "kk": "ата-аналар", "en": "parents"},
    "aud_students": {"ru": "обучающиеся", "kk": "білім алушылар", "en": "students"},
    "aud_employers": {"ru": "работодатели", "kk": "жұмыс берушілер", "en": "employers"},
    "aud_academic": {"ru": "научно-педагогическая общественность",
                     "kk": "ғылыми-педагогикалық жұртшылық", "en": "the academic community"},
    "aud_media": {"ru": "средства массовой информации", "kk": "бұқаралық ақпарат құралдары",
                  "en": "the media"},
    "aud_public_council": {"ru": "члены общественных советов",
                           "kk": "қоғамдық кеңестердің мүшелері",
                           "en": "public council members"},
    "aud_holdings": {"ru": "руководители национальных холдингов и компаний",
                     "kk": "ұлттық холдингтер мен компаниялардың басшылары",
                     "en": "heads of national holdings and companies"},
    "aud_government": {"ru": "члены Правительства (на встречах акимов областей)",
                       "kk": "Үкімет мүшелері (облыс әкімдерінің кездесулерінде)",
                       "en": "members of the Government (at regional akims' meetings)"},
    "aud_regional_akim": {"ru": "аким области или его заместитель (на встречах акимов районов)",
                          "kk": "облыс әкімі немесе оның орынбасары (аудан әкімдерінің "
                                "кездесулерінде)",
                          "en": "the regional akim or his deputy (at district akims' meetings)"},
    "channel_2016": {"ru": "видеоконференция с регионами (министры); официальные "
                           "интернет-ресурсы",
                     "kk": "өңірлермен бейнеконференция (министрлер); ресми интернет-ресурстар",
                     "en": "videoconference with the regions (ministers); official Internet "
                           "resources"},
    "channel_2018": {"ru": "прямой эфир на республиканском телеканале с видеоконференцией с "
                           "регионами (министры); официальные интернет-ресурсы",
                     "kk": "республикалық телеарнада тікелей эфир, өңірлермен бейнеконференция "
                           "(министрлер); ресми интернет-ресурстар",
                     "en": "live on a national TV channel with a videoconference to the regions "
                           "(ministers); official Internet resources"},
})
LABELS["col_report_min"] = {"ru": "Доклад, мин", "kk": "Баяндама, мин", "en": "Report, min"}
LABELS["col_channel"] = {"ru": "Трансляция", "kk": "Трансляция", "en": "Channel"}
LABELS["col_audience"] = {"ru": "Приглашённые", "kk": "Шақырылғандар", "en": "Invitees"}
LABELS["col_agenda_qa"] = {"ru": "Доклад / вопросы и ответы, мин",
                           "kk": "Баяндама / сұрақ-жауап, мин", "en": "Report / Q&A, min"}
LABELS["legend_oos"] = {"ru": "внеплановая встреча", "kk": "кестеден тыс кездесу",
                        "en": "out-of-schedule meeting"}
LABELS["legend_subst"] = {"ru": "выступает заместитель", "kk": "орынбасар сөз сөйлейді",
                          "en": "a deputy presents"}
LABELS["dl_change_q"] = {"ru": "Предложения министерств об изменениях на {q} квартал",
                         "kk": "Министрліктердің {q}-тоқсанға өзгерістер туралы ұсыныстары",
                         "en": "Ministries' change requests for Q{q}"}
LABELS["dl_qreport_q"] = {"ru": "Сводка проведённых встреч за {q} квартал",
                          "kk": "{q}-тоқсанда өткізілген кездесулер туралы жиынтық",
                          "en": "Summary of the meetings held in Q{q}"}
LABELS.update({
    "sheet_annex": {"ru": "Приложение", "kk": "Қосымша", "en": "Annex"},
    "sheet_changes": {"ru": "Изменения", "kk": "Өзгерістер", "en": "Changes"},
})
LABELS.update({
    "col_parameters": {"ru": "Параметры", "kk": "Параметрлері", "en": "Parameters"},
})
LABELS.update({
    "sheet_print": {"ru": "Печать (рус.)", "kk": "Басып шығару (қаз.)", "en": "Print (en)"},
})
LABELS.update({
    "x_feasible": {"ru": "Календарь существует: все обязательные правила выполнимы.",
                   "kk": "Күнтізбе бар: барлық міндетті ережелер орындалады.",
                   "en": "A calendar exists: every hard rule can hold."},
    "x_unknown": {"ru": "За отведённое время календарь не найден, и противоречие не доказано.",
                  "kk": "Берілген уақытта күнтізбе табылмады, қайшылық дәлелденбеді.",
                  "en": "No calendar found within the time limit, and no conflict was proven."},
    "x_collide": {"ru": "Ни один календарь не соблюдает все обязательные правила. Несовместимы "
                        "эти требования (без любого из них остальные выполнимы):",
                  "kk": "Ешбір күнтізбе барлық міндетті ережелерді сақтамайды. Мына талаптар "
                        "үйлеспейді (кез келгенін алып тастаса, қалғаны орындалады):",
                  "en": "No calendar can obey all hard rules. These rules collide:"},
    "x_fix": {"ru": "Календарь станет возможным, если ослабить одно из требований:",
              "kk": "Талаптардың бірін жеңілдетсе, күнтізбе мүмкін болады:",
              "en": "Any one of these changes makes a calendar possible:"},
    "x_no_fix": {"ru": "Одного изменения недостаточно: ослабьте одно требование и запустите "
                       "объяснение снова.",
                 "kk": "Бір өзгеріс жеткіліксіз: бір талапты жеңілдетіп, түсіндіруді қайта "
                       "іске қосыңыз.",
                 "en": "No single change is enough: loosen one and explain again."},
    "x_about": {"ru": "касается", "kk": "қатысты", "en": "concerns"},
    "wi_move": {"ru": "Перенос встречи «{meeting}» → {to}",
                "kk": "«{meeting}» кездесуін ауыстыру → {to}",
                "en": "Moving {meeting} to {to}"},
    "wi_breaks": {"ru": "нарушит обязательные правила:", "kk": "міндетті ережелерді бұзады:",
                  "en": "would break hard rules:"},
    "wi_keeps": {"ru": "соблюдает все обязательные правила; штраф изменится на {delta} "
                       "({before} → {after}):",
                 "kk": "барлық міндетті ережелерді сақтайды; айыппұл {delta} өзгереді "
                       "({before} → {after}):",
                 "en": "keeps every hard rule and changes the cost by {delta} "
                       "({before} -> {after}):"},
})
