"""Human-facing sentences of the command line in Russian, Kazakh or English.

Officials by title, regions and bodies by name, dates as ``14.01.2027, чт``, rules by their
titles: ids appear only in English output (``--lang en``), which the planners read. The
labels live in :mod:`scheduler.i18n`; this module puts them together with an instance.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from scheduler.changes import Action, ChangeRequest, ChangeSet, Refusal, change_deadline
from scheduler.diff import Change
from scheduler.i18n import LABELS, count, day_text
from scheduler.instance import Instance
from scheduler.meetings import Calendar, Meeting, MeetingKind
from scheduler.profile import Profile
from scheduler.report import common as c


def tr(key: str, lang: str, **fields) -> str:
    return c.tr(key, lang, **fields)


def rule_name(profile: Profile | None, rule_id: str, lang: str) -> str:
    """A rule by its title; English output keeps the id in front for the planners."""
    key = f"rule_{rule_id}"
    if "," in rule_id:
        return "; ".join(rule_name(profile, r.strip(), lang) for r in rule_id.split(","))
    title = c.rule_title(profile, rule_id, lang) if key in LABELS or profile else rule_id
    return f"{rule_id}: {title}" if lang == "en" and title != rule_id else title


def centre(inst: Instance, region_id: str, lang: str) -> str:
    return c.centre_name(inst, region_id, lang)


def place(inst: Instance, region_id: str, lang: str) -> str:
    """'Мангистауская область (Актау)'."""
    name, town = c.region_name(inst, region_id, lang), centre(inst, region_id, lang)
    return f"{name} ({town})" if town and town not in name else name


def meeting_label(inst: Instance, m: Meeting, lang: str, presenter: bool = True) -> str:
    """'14.01.2027, чт, 18:00, Министр здравоохранения, Мангистауская область (Актау)'."""
    who = c.official_title(inst, m.presenter_id if presenter else m.official_id, lang)
    return f"{day_text(m.date, lang)}, {c.fmt_time(m.start)}, {who}, " \
           f"{place(inst, m.region_id, lang)}"


# ------------------------------------------------------------------ checker findings
# A checker finding in the commission's words: per rule id, (pattern, {lang: sentence}).
# The pattern is matched against the checker's English message (which carries the numbers
# and the variant of the rule that was broken); the first pattern that matches, or None,
# gives the sentence. Fields: m (the first meeting, by date, time, presenter and place),
# m2 (the second), ms (all the meetings), who (the first official), region, regions, day
# (the first date), body (the first meeting's body, or the issue's), issue, amount, and
# the pattern's named groups (numbers; dates given as day_ prefixed groups).
_D = r"(?:\w+day )?\d{1,2} \w+ \d{4}"  # 'Saturday 13 March 2027' as the checker writes it
FINDINGS: dict[str, list[tuple[str | None, dict[str, str]]]] = {
    "SCOPE-EXEMPT": [(None, {
        "ru": "{body} освобождено от встреч с населением, но в календаре есть встреча {m}.",
        "kk": "{body} халықпен кездесулерден босатылған, бірақ күнтізбеде {m} кездесуі бар."})],
    "FREQ-CEB-QUARTER": [
        (r"has (?P<n>\d+) planned meetings in Q(?P<q>\d) (?P<year>\d{4}); it needs between "
         r"(?P<lo>\d+) and (?P<hi>\d+)", {
             "ru": "{who}: в {q} квартале {year} года запланировано {n_meetings}, а требуется "
                   "от {lo} до {hi}.",
             "kk": "{who}: {year} жылғы {q}-тоқсанда жоспарланған кездесулер саны — {n}, ал "
                   "талап етілетіні — {lo}–{hi}."}),
        (None, {"ru": "{who}: число встреч с населением в квартале не соответствует норме.",
                "kk": "{who}: тоқсандағы халықпен кездесулер саны нормаға сәйкес емес."})],
    "FREQ-AKIM": [
        (r"has (?P<n>\d+) planned meetings in Q(?P<q>\d) (?P<year>\d{4}); it needs at least "
         r"(?P<need>\d+)", {
             "ru": "{who}: в {q} квартале {year} года запланировано {n_meetings}, а нужно не "
                   "менее {need}.",
             "kk": "{who}: {year} жылғы {q}-тоқсанда жоспарланған кездесулер саны — {n}, ал "
                   "кемінде {need} қажет."}),
        (r"has (?P<n>\d+) planned meetings in \d{4}-H\d; it needs at least (?P<need>\d+)", {
            "ru": "{who}: за полугодие запланировано {n_meetings}, а нужно не менее {need}.",
            "kk": "{who}: жарты жылда жоспарланған кездесулер саны — {n}, ал кемінде {need} "
                  "қажет."}),
        (r"has (?P<n>\d+) planned meetings in Q(?P<q>\d) (?P<year>\d{4}); at most "
         r"(?P<most>\d+)", {
             "ru": "{who}: в {q} квартале {year} года запланировано {n_meetings}, а допускается "
                   "не более {most}.",
             "kk": "{who}: {year} жылғы {q}-тоқсанда жоспарланған кездесулер саны — {n}, ал "
                   "{most}-ден аспауы тиіс."}),
        (r"outside the akim's own territory", {
            "ru": "Встреча {m} проходит за пределами территории, за которую отвечает аким.",
            "kk": "{m} кездесуі әкім жауап беретін аумақтан тыс өтеді."}),
        (r"names no district", {
            "ru": "Для встречи {m} не указан район, где она проходит.",
            "kk": "{m} кездесуі өтетін аудан көрсетілмеген."}),
        (r"returns to district", {
            "ru": "Встреча {m} снова проходит в уже посещённом районе, хотя другие районы "
                  "области ещё ждут встречи.",
            "kk": "{m} кездесуі бұрын барған ауданда қайта өтеді, ал облыстың басқа аудандары "
                  "әлі кездесуді күтуде."}),
        (r"not in his own district", {
            "ru": "Встреча {m} проходит не в районе акима.",
            "kk": "{m} кездесуі әкімнің өз ауданында өтпейді."}),
        (None, {"ru": "{who}: встречи с населением не соответствуют требованиям к акимам.",
                "kk": "{who}: халықпен кездесулер әкімдерге қойылатын талаптарға сәйкес "
                      "емес."})],
    "FREQ-WINDOW": [
        (r"falls in Q", {
            "ru": "Встреча {m} проходит не в том квартале, который установлен для таких встреч.",
            "kk": "{m} кездесуі осындай кездесулерге белгіленген тоқсанда өтпейді."}),
        (None, {"ru": "{who} не проводит положенную встречу в установленном квартале.",
                "kk": "{who} белгіленген тоқсанда тиісті кездесуді өткізбейді."})],
    "TIME-HORIZON": [
        (r"filed under Q", {
            "ru": "Встреча {m} отнесена к другому кварталу, чем её дата.",
            "kk": "{m} кездесуі күніне сәйкес келмейтін тоқсанға жатқызылған."}),
        (None, {"ru": "Встреча {m} выходит за пределы полугодия, на которое составлен календарь.",
                "kk": "{m} кездесуі күнтізбе жасалған жарты жылдан тыс."})],
    "TIME-OFFHOURS": [
        (r"public holiday", {
            "ru": "Встреча {m} приходится на праздничный день.",
            "kk": "{m} кездесуі мереке күніне сәйкес келеді."}),
        (None, {"ru": "Встреча {m} назначена не на выходной день и не на вечер рабочего дня.",
                "kk": "{m} кездесуі демалыс күніне де, жұмыс күнінің кешіне де "
                      "белгіленбеген."})],
    "TIME-LEAD": [
        (rf"must be announced .* on (?P<day_due>{_D}), not (?P<day_have>{_D})", {
            "ru": "Встречу {m} нужно объявить не позднее {day_due}, а в календаре указано "
                  "{day_have}.",
            "kk": "{m} кездесуін жариялау мерзімі — {day_due}, ал күнтізбеде {day_have} "
                  "көрсетілген."}),
        (rf"announced on (?P<day_due>{_D}), before the calendar's approval on "
         rf"(?P<day_approval>{_D})", {
             "ru": "Встречу {m} пришлось бы объявить {day_due}, ещё до утверждения календаря "
                   "({day_approval}).",
             "kk": "{m} кездесуін {day_due} жариялау керек болар еді, бұл күнтізбе бекітілгенге "
                   "дейін ({day_approval})."}),
        (rf"alert's date, (?P<day_due>{_D}), not (?P<day_have>{_D})", {
            "ru": "Внеплановую встречу {m} нужно объявить в день сигнала, {day_due}, а не "
                  "{day_have}.",
            "kk": "{m} кестеден тыс кездесуі белгі түскен күні, {day_due}, жариялануы тиіс, "
                  "{day_have} емес."})],
    "CLASH-PERSON": [
        (r"two meetings at once", {
            "ru": "{who} не может выступать одновременно на двух встречах: {m} и {m2}.",
            "kk": "{who} бір мезгілде екі кездесуде сөз сөйлей алмайды: {m} және {m2}."}),
        (r"would present (?P<n>\d+) meetings on", {
            "ru": "{day}: {who} выступает на {n} встречах в один день — больше, чем допускается.",
            "kk": "{day}: {who} бір күнде {n} кездесуде сөз сөйлейді — рұқсат етілгеннен "
                  "көп."})],
    "TRAVEL": [(None, {
        "ru": "{who} не успевает доехать со встречи {m} на встречу {m2}.",
        "kk": "{who} {m} кездесуінен {m2} кездесуіне жетіп үлгермейді."})],
    "CAP-REGION": [
        (r"on the weekend", {
            "ru": "{region}: в одни выходные назначено {n_ms} министров — больше, чем "
                  "допускается: {ms}.",
            "kk": "{region}: бір демалыс күндері министрлердің {n_count} кездесуі белгіленген — "
                  "рұқсат етілгеннен көп: {ms}."}),
        (None, {"ru": "{region}: в один день назначено {n_ms} министров — больше, чем "
                      "допускается: {ms}.",
                "kk": "{region}: бір күнде министрлердің {n_count} кездесуі белгіленген — рұқсат "
                      "етілгеннен көп: {ms}."})],
    "AKIM-SUPPORT": [(None, {
        "ru": "Встреча {m} назначена на день визита министра ({m2}), когда аким сопровождает "
              "министра и своей встречи не проводит.",
        "kk": "{m} кездесуі министр сапарының күніне ({m2}) белгіленген, ол күні әкім министрді "
              "сүйемелдейді және өз кездесуін өткізбейді."})],
    "ATTEND-DISTRICT": [(None, {
        "ru": "Встречи районных акимов идут одновременно, и аким области или его заместитель "
              "не сможет присутствовать на каждой: {ms}.",
        "kk": "Аудан әкімдерінің кездесулері бір уақытта өтеді, облыс әкімі немесе оның "
              "орынбасары әрқайсысына қатыса алмайды: {ms}."})],
    "TV-LIVE": [(None, {
        "ru": "Встречи министров транслируются одновременно, а национальных телеканалов для "
              "прямого эфира не хватает: {ms}.",
        "kk": "Министрлердің кездесулері бір уақытта тікелей эфирге шығады, ал ұлттық "
              "телеарналар жеткіліксіз: {ms}."})],
    "SUBST-DEPUTY": [
        (r"costs", {
            "ru": "Встречу {m} проводит заместитель; штраф {amount}.",
            "kk": "{m} кездесуін орынбасар өткізеді; айыппұл {amount}."}),
        (r"is absent \(.*\) on .*, yet presents", {
            "ru": "{who} в этот день отсутствует, но указан выступающим на встрече {m}.",
            "kk": "{who} бұл күні жоқ, бірақ {m} кездесуінде сөз сөйлеуші болып "
                  "көрсетілген."}),
        (r"akims present their meetings themselves", {
            "ru": "Встречу {m} проводит заместитель, а акимы проводят свои встречи сами.",
            "kk": "{m} кездесуін орынбасар өткізеді, ал әкімдер өз кездесулерін өздері "
                  "өткізеді."}),
        (r"out-of-schedule meetings are held by the first head", {
            "ru": "Внеплановую встречу {m} проводит заместитель, а такие встречи проводит сам "
                  "первый руководитель.",
            "kk": "{m} кестеден тыс кездесуін орынбасар өткізеді, ал мұндай кездесулерді "
                  "бірінші басшының өзі өткізеді."}),
        (r"do not stand in", {
            "ru": "Встречу {m} проводит заместитель, хотя заместители этого органа не замещают "
                  "руководителя.",
            "kk": "{m} кездесуін орынбасар өткізеді, алайда бұл органның орынбасарлары "
                  "басшыны алмастырмайды."}),
        (None, {"ru": "Встречу {m} проводит заместитель без предусмотренного основания "
                      "(болезнь, служебная командировка в составе делегации, назначение "
                      "заместителем Премьер-Министра).",
                "kk": "{m} кездесуін орынбасар көзделген негізсіз өткізеді (науқас, делегация "
                      "құрамындағы іссапар, Премьер-Министрдің орынбасары болып "
                      "тағайындалу)."})],
    "REGION-AGREE": [
        (r"prefers", {
            "ru": "{region}: акимат предложил {day} для визита министра, но в этот день визит "
                  "не запланирован; штраф {amount}.",
            "kk": "{region}: әкімдік министр сапары үшін {day} күнін ұсынды, бірақ ол күні "
                  "сапар жоспарланбаған; айыппұл {amount}."}),
        (None, {"ru": "{region}: акимат закрыл дату {day}, но на неё назначена встреча {m}.",
                "kk": "{region}: әкімдік {day} күнін жапқан, бірақ оған {m} кездесуі "
                      "белгіленген."})],
    "REGION-ISSUES": [(None, {
        "ru": "{region}: актуальный вопрос «{issue}» не охвачен — {body} не проводит там "
              "встречу; штраф {amount}.",
        "kk": "{region}: «{issue}» өзекті мәселесі қамтылмаған — {body} онда кездесу "
              "өткізбейді; айыппұл {amount}."})],
    "REGION-SPREAD": [
        (r"returns to", {
            "ru": "{who} повторно приезжает в регион: {m}; штраф {amount}.",
            "kk": "{who} өңірге қайта барады: {m}; айыппұл {amount}."}),
        (r"gets (?P<n>\d+) ministerial meetings, (?P<short>\d+) fewer", {
            "ru": "{region}: запланировано {n_meetings} министров, на {short} меньше желаемого; "
                  "штраф {amount}.",
            "kk": "{region}: министрлердің {n} кездесуі жоспарланған, қалағаннан {short} кем; "
                  "айыппұл {amount}."}),
        (r"hosts (?P<n>\d+) ministerial meetings", {
            "ru": "Больше всего встреч министров ({n}) принимает: {regions}; штраф {amount}.",
            "kk": "Министрлердің ең көп кездесуін ({n}) қабылдайтын өңір: {regions}; айыппұл "
                  "{amount}."})],
    "URGENT-TENSION": [
        (r"has no out-of-schedule meeting", {
            "ru": "{region}: после сигнала о социальной напряжённости ({day}) внеплановая "
                  "встреча, которую проводит {who}, не назначена в установленный срок.",
            "kk": "{region}: әлеуметтік шиеленіс туралы белгіден ({day}) кейін {who} өткізетін "
                  "кестеден тыс кездесу белгіленген мерзімде жоспарланбаған."}),
        (r"out-of-schedule meetings (?:for the alert|in Q)", {
            "ru": "Внеплановых встреч больше, чем требует сигнал: {ms}.",
            "kk": "Кезектен тыс кездесулер белгі талап еткеннен көп: {ms}."}),
        (None, {"ru": "Внеплановая встреча {m} не соответствует сигналу о напряжённости, на "
                      "который ссылается (место, срок или орган).",
                "kk": "{m} кестеден тыс кездесуі сілтеме жасалған шиеленіс белгісіне сәйкес "
                      "келмейді (орны, мерзімі немесе органы)."})],
    "DL-AFTER": [
        (rf"by (?P<day_due>{_D})", {
            "ru": "Итоги встречи {m} и поднятые на ней проблемы нужно опубликовать не позднее "
                  "{day_due}.",
            "kk": "{m} кездесуінің қорытындылары мен онда көтерілген мәселелерді жариялау "
                  "мерзімі — {day_due}."})],
    "FMT-QA": [(None, {
        "ru": "Регламент встречи {m} нарушает правило: на доклад — не более четверти времени, "
              "остальное — на вопросы и ответы.",
        "kk": "{m} кездесуінің регламенті ережені бұзады: баяндамаға уақыттың төрттен бірінен "
              "аспауы, қалғаны — сұрақ-жауапқа."})],
    "FMT-ONLINE": [(None, {
        "ru": "Встреча {m} должна транслироваться онлайн с открытыми комментариями.",
        "kk": "{m} кездесуі ашық пікірлермен онлайн таратылуы тиіс."})],
    "FMT-AUDIENCE": [(None, {
        "ru": "На встречу {m} приглашены не все, кого требуют правила: депутаты маслихата, "
              "политические партии, общественные организации, оппозиция.",
        "kk": "{m} кездесуіне ереже талап ететіндердің бәрі шақырылмаған: мәслихат "
              "депутаттары, саяси партиялар, қоғамдық ұйымдар, оппозиция."})],
    "AKIM-ROTATION": [
        (r"holds no meeting in (?P<place_en>.+) in .+, and held none there", {
            "ru": "{who} не проводит встречу в районе «{place}» ни в этом, ни в прошлом "
                  "полугодии, а в каждом районе встреча нужна раз в год.",
            "kk": "{who} «{place}» ауданында бұл жарты жылда да, өткен жарты жылда да кездесу "
                  "өткізбейді, ал әр ауданда жылына бір рет кездесу қажет."}),
        (r"holds (?P<n>\d+) meetings in (?P<place_en>.+) in .+; each rural okrug needs "
         r"(?P<need>\d+)", {
             "ru": "{who}: в сельском округе «{place}» за полугодие {n_meetings}, а нужно "
                   "{need}.",
             "kk": "{who}: «{place}» ауылдық округінде жарты жылда өткізілетін кездесулер "
                   "саны — {n}, ал {need} қажет."}),
        (r"names the rural okrug", {
            "ru": "Для встречи {m} указан сельский округ, который не входит в район акима.",
            "kk": "{m} кездесуі үшін әкімнің ауданына кірмейтін ауылдық округ көрсетілген."}),
        (r"not in the akim's own rural okrug", {
            "ru": "Встреча {m} проходит не в сельском округе акима.",
            "kk": "{m} кездесуі әкімнің өз ауылдық округінде өтпейді."}),
        (r"holds (?P<n>\d+) planned meetings in \w+ \d{4}; at most (?P<most>\d+) a month", {
            "ru": "{who}: в одном месяце запланировано {n_meetings}, а допускается не более "
                  "{most}.",
            "kk": "{who}: бір айда жоспарланған кездесулер саны — {n}, ал {most}-ден аспауы "
                  "тиіс."})],
    "AKIM-SPREAD": [
        (rf"District '[^']+' would host (?P<n>\d+) akims' meetings on (?P<day_d>{_D})", {
            "ru": "В одном районе в один день ({day_d}) назначено {n_meetings} акимов — "
                  "больше допустимого: {ms}.",
            "kk": "Бір ауданда бір күнде ({day_d}) әкімдердің {n} кездесуі белгіленген — "
                  "рұқсат етілгеннен көп: {ms}."}),
        (rf"hosts (?P<n>\d+) akims' meetings on (?P<day_d>{_D}), (?P<beyond>\d+) beyond", {
            "ru": "{region}: {day_d} проходит {n_meetings} акимов, на {beyond} больше "
                  "желаемого; штраф {amount}.",
            "kk": "{region}: {day_d} әкімдердің {n} кездесуі өтеді, қалағаннан {beyond} артық; "
                  "айыппұл {amount}."}),
        (rf"would host (?P<n>\d+) akims' meetings on (?P<day_d>{_D})", {
            "ru": "{region}: в один день ({day_d}) назначено {n_meetings} акимов — больше "
                  "допустимого.",
            "kk": "{region}: бір күнде ({day_d}) әкімдердің {n} кездесуі белгіленген — рұқсат "
                  "етілгеннен көп."})],
    "FREQ-SPACING": [
        (rf"holds (?P<n>\d+) planned meetings within (?P<days>\d+) days from "
         rf"(?P<day_d>{_D}); at most (?P<most>\d+)", {
             "ru": "{who}: за {days} дней начиная с {day_d} запланировано {n_meetings}, а "
                   "допускается не более {most}.",
             "kk": "{who}: {day_d} бастап {days} күнде жоспарланған кездесулер саны — {n}, ал "
                   "{most}-ден аспауы тиіс."}),
        (r"less than (?P<days>\d+) days apart", {
            "ru": "{who}: встречи идут чаще, чем раз в {days} дней; штраф {amount}.",
            "kk": "{who}: кездесулер {days} күнде бір реттен жиі өтеді; айыппұл {amount}."})],
    "FREQ-LOAD": [
        (r"holds (?P<n>\d+) planned meetings in Q(?P<q>\d), (?P<extra>\d+) beyond "
         r"(?P<free>\d+)", {
             "ru": "{who}: в {q} квартале запланировано {n_meetings}, на {extra} больше "
                   "обязательного минимума ({free}); штраф {amount}.",
             "kk": "{who}: {q}-тоқсанда жоспарланған кездесулер саны — {n}, міндетті ең аз "
                   "саннан ({free}) {extra} артық; айыппұл {amount}."}),
        (r"holds (?P<n>\d+) planned meetings in \d{4}-H\d, (?P<extra>\d+) beyond what he owes", {
            "ru": "{who}: за полугодие запланировано {n_meetings}, на {extra} больше, чем "
                  "положено; штраф {amount}.",
            "kk": "{who}: жарты жылда жоспарланған кездесулер саны — {n}, міндеттіден {extra} "
                  "артық; айыппұл {amount}."})],
    "TIME-EVENING": [
        (r"working day's evening (?P<hours>[\d.]+) h from", {
            "ru": "Встреча {m} назначена на вечер рабочего дня в {hours} ч пути от места "
                  "работы выступающего; в выходной день рабочий день не был бы потерян; "
                  "штраф {amount}.",
            "kk": "{m} кездесуі сөз сөйлеушінің жұмыс орнынан {hours} сағат жол жүретін жерде "
                  "жұмыс күнінің кешіне белгіленген; демалыс күні жұмыс күні жоғалмас еді; "
                  "айыппұл {amount}."})],
    "URGENT-EARLY": [
        (r"comes (?P<days>\d+) day", {
            "ru": "Внеплановая встреча {m} проходит через {days} дн. после сигнала о "
                  "напряжённости; штраф {amount}.",
            "kk": "{m} кестеден тыс кездесуі шиеленіс туралы белгіден кейін {days} күннен соң "
                  "өтеді; айыппұл {amount}."})],
    "TRAVEL-BASE": [
        (rf"back to the base for the working day (?P<day_d>{_D})", {
            "ru": "{who} не успевает вернуться на место работы к рабочему дню {day_d}.",
            "kk": "{who} {day_d} жұмыс күніне жұмыс орнына қайтып үлгермейді."}),
        (rf"from the base after the working day (?P<day_d>{_D})", {
            "ru": "{who} не успевает доехать от места работы после рабочего дня {day_d}.",
            "kk": "{who} {day_d} жұмыс күнінен кейін жұмыс орнынан жетіп үлгермейді."})],
    "ATTEND-GOV": [
        (r"but it is not a regional akim's meeting", {
            "ru": "Для встречи {m} указаны участвующие члены Правительства, хотя это не "
                  "встреча акима области.",
            "kk": "{m} кездесуі үшін қатысатын Үкімет мүшелері көрсетілген, бірақ бұл облыс "
                  "әкімінің кездесуі емес."}),
        (r"as a member of the Government; only ministers are", {
            "ru": "Для встречи {m} членом Правительства указано лицо, которое не является "
                  "министром.",
            "kk": "{m} кездесуі үшін министр емес тұлға Үкімет мүшесі ретінде көрсетілген."}),
        (r"is absent \(.*\) on .*, yet attends", {
            "ru": "{who} в этот день отсутствует, но указан участником встречи {m}.",
            "kk": "{who} бұл күні жоқ, бірақ {m} кездесуінің қатысушысы ретінде "
                  "көрсетілген."}),
        (r"has (?P<n>\d+) members of the Government attending; it needs (?P<need>\d+)", {
            "ru": "На встрече {m} участвует членов Правительства: {n}, а нужно {need}.",
            "kk": "{m} кездесуіне қатысатын Үкімет мүшелерінің саны — {n}, ал {need} қажет."}),
        (rf"would attend or present (?P<n>\d+) meetings on (?P<day_d>{_D})", {
            "ru": "{who} участвует или выступает на {n} встречах в один день ({day_d}) — "
                  "больше, чем допускается.",
            "kk": "{who} бір күнде ({day_d}) {n} кездесуге қатысады немесе сөз сөйлейді — "
                  "рұқсат етілгеннен көп."}),
        (r"two meetings at once", {
            "ru": "{who} не может одновременно участвовать в двух встречах: {m} и {m2}.",
            "kk": "{who} бір мезгілде екі кездесуге қатыса алмайды: {m} және {m2}."}),
        (r"cannot travel from", {
            "ru": "{who} не успевает доехать со встречи {m} на встречу {m2}.",
            "kk": "{who} {m} кездесуінен {m2} кездесуіне жетіп үлгермейді."})],
    "CALENDAR": [(None, {
        "ru": "Встреча календаря ссылается на данные, которых нет в исходных данных, или "
              "повторяется ({dates}).",
        "kk": "Күнтізбедегі кездесу бастапқы деректерде жоқ мәліметтерге сілтеме жасайды "
              "немесе қайталанады ({dates})."})],
}
FINDINGS["EXTRA-DEMAND"] = FINDINGS["URGENT-TENSION"]
# The dated steps of S-2018 and the rectors' audience (S-2016 item 3), ahead of each rule's
# general sentences (the portal's message would read as the announcement's).
FINDINGS["TIME-LEAD"][:0] = [
    (rf"collected, analysed and selected on (?P<day_due>{_D})", {
        "ru": "Вопросы и предложения населения к встрече {m} нужно собрать, проанализировать и "
              "отобрать {day_due}.",
        "kk": "{m} кездесуіне халықтың сұрақтары мен ұсыныстарын жинау, талдау және іріктеу "
              "мерзімі — {day_due}."}),
    (rf"e-government portal on (?P<day_due>{_D})", {
        "ru": "Встречу {m} нужно объявить на веб-портале «электронного правительства» "
              "{day_due}.",
        "kk": "{m} кездесуін «электрондық үкіметтің» веб-порталында жариялау мерзімі — "
              "{day_due}."})]
FINDINGS["DL-AFTER"][:0] = [
    (rf"Central Communications Service by (?P<day_due>{_D})", {
        "ru": "После встречи {m} министр должен провести брифинг в Службе центральных "
              "коммуникаций не позднее {day_due}.",
        "kk": "{m} кездесуінен кейін министрдің Орталық коммуникациялар қызметіндегі "
              "брифингінің мерзімі — {day_due}."})]
FINDINGS["FMT-AUDIENCE"][:0] = [
    (r"does not invite .*\b(parents|students|employers|the academic community|the media)\b", {
        "ru": "На встречу ректора {m} приглашены не все, кого требуют правила: родители, "
              "обучающиеся, работодатели, научно-педагогическая общественность, средства "
              "массовой информации.",
        "kk": "{m} ректор кездесуіне ереже талап ететіндердің бәрі шақырылмаған: ата-аналар, "
              "білім алушылар, жұмыс берушілер, ғылыми-педагогикалық жұртшылық, бұқаралық "
              "ақпарат құралдары."})]
for _rule in ("DL-LOCAL-LISTS", "DL-DRAFT", "DL-MVK", "DL-AKIM-CAL", "DL-QREPORT",
              "DL-RESULTS", "DL-CHANGE"):
    FINDINGS[_rule] = [(r"before its calendar is published", {
        "ru": "Встречу {m} пришлось бы объявить до публикации календаря ({title}).",
        "kk": "{m} кездесуін күнтізбе жарияланғанға дейін жариялау керек болар еді "
              "({title})."})]
FINDINGS["DL-LOCAL-LISTS"].append((
    rf"approved on (?P<day_approved>{_D}), before the local bodies' lists are due on "
    rf"(?P<day_due>{_D})", {
        "ru": "Календарь утверждается {day_approved}, раньше, чем местные исполнительные "
              "органы представят актуальные вопросы, места и время встреч ({day_due}).",
        "kk": "Күнтізбе {day_approved} бекітіледі, бұл жергілікті атқарушы органдар өзекті "
              "мәселелерді, кездесулердің орны мен уақытын ұсынатын мерзімнен ({day_due}) "
              "ерте."}))
FINDINGS["DL-AKIM-CAL"].append((r"akims' calendar is approved on .*, after it is due", {
    "ru": "Календарь акимов утверждается позже срока его представления в Правительство.",
    "kk": "Әкімдердің күнтізбесі оны Үкіметке ұсыну мерзімінен кейін бекітіледі."}))
GENERIC = {  # a rule without its own sentence: the rule's title as the requirement broken
    "meetings": {"ru": "Встреча {m} не соответствует требованию «{title}».",
                 "kk": "{m} кездесуі «{title}» талабына сәйкес емес."},
    "many": {"ru": "Встречи {ms} не соответствуют требованию «{title}».",
             "kk": "{ms} кездесулері «{title}» талабына сәйкес емес."},
    "cost": {"ru": "{subject}: не выполнено пожелание «{title}»; штраф {amount}.",
             "kk": "{subject}: «{title}» тілегі орындалмады; айыппұл {amount}."},
    "other": {"ru": "{subject}: не выполнено требование «{title}».",
              "kk": "{subject}: «{title}» талабы орындалмады."},
    "none": {"ru": "Не выполнено требование «{title}».",
             "kk": "«{title}» талабы орындалмады."},
}


def _place_name(inst: Instance, english: str, lang: str) -> str:
    """A district's or rural okrug's name in ``lang`` from its English name ("" if none)."""
    for region in inst.regions:
        for district in getattr(region, "districts", ()):
            for place in (district, *getattr(district, "okrugs", ())):
                if place.name.get("en") == english:
                    return place.name.get(lang)
    return ""


def _english_day(text: str) -> dt.date | None:
    for pattern in ("%A %d %B %Y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    return None


def finding(inst: Instance, profile: Profile | None, item, lang: str,
            calendar: Calendar | None = None, amount: bool = True) -> str:
    """A checker's violation or cost in ``lang``: the English sentence for ``en``; else a
    full sentence in the commission's words (``FINDINGS``) naming the meetings, people,
    regions and dates behind it, never their ids. ``amount=False`` leaves a cost's amount
    out (a table that shows it in its own column)."""
    import re

    if lang == "en":
        return item.message
    text = _finding(inst, profile, item, lang, calendar)
    return text if amount else re.sub(r"; (штраф|айыппұл) [\d\s]+\.$", ".", text)


def _finding(inst: Instance, profile: Profile | None, item, lang: str,
             calendar: Calendar | None) -> str:
    import re
    from string import Formatter

    meetings = calendar.by_id() if calendar is not None else {}
    found = [meetings[mid] for mid in item.meeting_ids if mid in meetings]
    labels = [f"«{meeting_label(inst, m, lang)}»" for m in found]
    people = [c.official_title(inst, o, lang) for o in item.official_ids]
    regions = [c.region_name(inst, r, lang) for r in item.region_ids]
    amount = getattr(item, "amount", None)
    title = rule_name(profile, item.rule_id, lang)
    issue = next((i for i in inst.issues if i.region_id in item.region_ids
                  and f"'{i.text.get('en')}'" in item.message), None)
    body = (c.body_name(inst, issue.body_id, lang) if issue is not None
            else c.body_name(inst, found[0].body_id, lang) if found else "")
    values = {
        "m": labels[0] if labels else "", "m2": labels[1] if len(labels) > 1 else "",
        "ms": "; ".join(labels), "n_ms": count(len(labels), "meeting", lang),
        "n_count": str(len(labels)) if labels else "",
        "who": people[0] if people else "", "region": regions[0] if regions else "",
        "regions": ", ".join(regions), "body": body[:1].upper() + body[1:],
        "issue": issue.text.get(lang) if issue is not None else "",
        "day": day_text(item.dates[0], lang) if item.dates else "",
        "dates": ", ".join(day_text(d, lang) for d in item.dates),
        "amount": f"{amount:,.0f}".replace(",", " ") if amount is not None else "",
        "title": title}
    for pattern, texts in FINDINGS.get(item.rule_id, []):
        match = re.search(pattern, item.message) if pattern else None
        if pattern and match is None:
            continue
        groups = match.groupdict() if match else {}
        for key, value in groups.items():
            if key.startswith("day_"):
                day = _english_day(value)
                groups[key] = day_text(day, lang) if day else ""
        if "n" in groups:
            groups["n_meetings"] = count(int(groups["n"]), "meeting", lang)
        if "place_en" in groups:  # a district or rural okrug, by its name in ``lang``
            groups["place"] = _place_name(inst, groups.pop("place_en"), lang)
        fields = {**values, **groups}
        text = texts[lang]
        needed = {name for _, name, _, _ in Formatter().parse(text) if name}
        if all(fields.get(name) not in (None, "") for name in needed):
            return _capital(text.format(**fields))
    subject = "; ".join(labels) or ", ".join(people) or ", ".join(regions) or values["dates"]
    if amount is not None and subject:
        text = GENERIC["cost"][lang].format(subject=subject, title=title, amount=values["amount"])
    elif len(labels) == 1:
        text = GENERIC["meetings"][lang].format(**values)
    elif labels:
        text = GENERIC["many"][lang].format(**values)
    elif subject:
        text = GENERIC["other"][lang].format(subject=subject, title=title)
    else:
        text = GENERIC["none"][lang].format(title=title)
    return _capital(text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def why_here(inst: Instance, calendar: Calendar, lang: str) -> dict[Meeting, str]:
    """Per meeting, one line in ``lang``: why it is where it is."""
    issues = {i.id: i for i in inst.issues}
    preferred = {(rd.region_id, rd.date) for rd in inst.region_dates
                 if rd.kind.value == "preferred"}
    ministerial = {b.id for b in inst.bodies if b.kind.value == "ceb"}
    alerts = {a.id: a for a in inst.alerts}
    load: dict[str, int] = defaultdict(int)
    for m in calendar.meetings:
        if m.body_id in ministerial:
            load[m.region_id] += 1
    lines = {}
    for m in c.sorted_meetings(calendar):
        parts = []
        if m.alert_id and m.alert_id in alerts:
            parts.append(tr("why_alert", lang, text=alerts[m.alert_id].text.get(lang)))
        found = [issues[i] for i in m.issue_ids if i in issues]
        if found:
            parts.append(tr("why_issues", lang, w=sum(i.weight for i in found),
                            issues="; ".join(i.text.get(lang) for i in found)))
        if (m.region_id, m.date) in preferred:
            parts.append(tr("why_preferred", lang))
        if m.body_id in ministerial:
            parts.append(tr("why_load", lang, n=load[m.region_id]))
        if m.substituted:
            parts.append(tr("why_presenter", lang, who=c.official_title(inst, m.presenter_id,
                                                                          lang)))
        lines[m] = "; ".join(parts) or tr("why_frequency", lang)
    return lines


# ------------------------------------------------------------------ change notice
def change_reason(change: Change, inst: Instance, calendar: Calendar,
                  requests: tuple[ChangeRequest, ...], lang: str) -> str:
    """Why a meeting changed, in ``lang`` (the same order of causes as the re-plan's own
    English reason: a request, an alert, an absence, a day off, room for an alert)."""
    old, new = change.old, change.new
    meeting_id = change.meeting_id
    for r in requests:
        if r.meeting_id == meeting_id or (
                r.action is Action.add and old is None and new is not None
                and new.body_id == r.body_id
                and r.date in (None, new.date) and r.region_id in (None, new.region_id)):
            return tr("rs_request", lang, body=c.body_name(inst, r.body_id, lang),
                      date=c.fmt_date(r.submitted), note="")
    alerts = {a.id: a for a in inst.alerts}
    if new is not None and new.kind is MeetingKind.out_of_schedule and old is None:
        alert = alerts.get(new.alert_id or "")
        if alert is not None:
            return c.reason_text(inst, new, lang)
        return tr("rs_alert", lang, text="")
    if old is not None:
        away = [a for a in inst.absences if a.official_id == old.presenter_id
                and a.covers(old.date)]
        if away:
            a = away[0]
            why = tr(f"absence_{a.reason.value}", lang)
            return tr("rs_away", lang, who=c.official_title(inst, old.presenter_id, lang),
                      start=c.fmt_date(a.start), end=c.fmt_date(a.end), why=why)
        if new is not None and new.substituted and new.alert_id:
            return c.reason_text(inst, new, lang)
        if old.date in inst.extra_days_off:
            return tr("rs_day_off", lang, date=c.fmt_date(old.date))
        for u in calendar.meetings:
            if (u.kind is MeetingKind.out_of_schedule and u.date == old.date
                    and (u.region_id == old.region_id or u.presenter_id == old.presenter_id)):
                return tr("rs_room", lang, date=day_text(u.date, lang),
                          region=c.region_name(inst, u.region_id, lang))
    return tr("rs_other", lang)


def request_action(r: ChangeRequest, inst: Instance, calendar: Calendar | None,
                   lang: str) -> str:
    meetings = calendar.by_id() if calendar is not None else {}
    m = meetings.get(r.meeting_id or "")
    label = meeting_label(inst, m, lang) if m is not None else (r.meeting_id or "")
    where = ", ".join(x for x in ((day_text(r.date, lang) if r.date else ""),
                                  (place(inst, r.region_id, lang) if r.region_id else "")) if x)
    if r.action is Action.block:
        return tr("act_block", lang, dates=", ".join(c.fmt_date(d) for d in r.dates))
    text = tr(f"act_{r.action.value}", lang, meeting=f"«{label}»" if lang != "en" else label)
    return text + (tr("act_to", lang, where=where) if where else "")


def refusal_line(refusal: Refusal, inst: Instance, profile: Profile | None,
                 change_set: ChangeSet | None, calendar: Calendar | None, lang: str) -> str:
    """A refused request in the commission's wording: who asked what, the rule, the deadline."""
    request = next((r for r in (change_set.requests if change_set else ())
                    if r.id == refusal.request_id), None)
    rule = rule_name(profile, refusal.rule_id, lang)
    if request is None:
        return f"{refusal.request_id}: {rule}" + (f": {refusal.reason}" if lang == "en" else "")
    text = tr("refused_line", lang, body=c.body_name(inst, request.body_id, lang),
              submitted=c.fmt_date(request.submitted),
              action=request_action(request, inst, calendar, lang), rule=rule)
    if refusal.rule_id == "DL-CHANGE" and profile is not None:
        day = request.date or (request.dates[0] if request.dates else None)
        if day is None and calendar is not None and request.meeting_id in calendar.by_id():
            day = calendar.by_id()[request.meeting_id].date
        if day is not None:
            text += tr("refused_deadline", lang, deadline=c.fmt_date(change_deadline(day, profile)))
    if lang == "en":
        text += f" ({refusal.reason})"
    return text


def change_line(change: Change, inst: Instance, lang: str, reason: str = "") -> str:
    o, n = change.old, change.new
    kind = tr("ch_" + change.kind, lang)
    head = f"**{kind[:1].upper()}{kind[1:]}**"
    if o is None:
        assert n is not None  # a change has the meeting before it, after it, or both
        body = meeting_label(inst, n, lang)
    elif n is None:
        body = meeting_label(inst, o, lang)
    else:
        body = f"{tr('ch_was', lang)}: {meeting_label(inst, o, lang)}; " \
               f"{tr('ch_now', lang)}: {meeting_label(inst, n, lang)}"
    if o is not None and n is not None:
        who = c.official_title(inst, o.official_id, lang)
        body = f"{who}. {body}"
    return f"- {head}: {body}" + (f". {tr('ch_reason', lang)}: {reason}" if reason else "")


def notice_markdown(changes: list[Change], inst: Instance, lang: str, title: str,
                    reasons: list[str] | None = None, refused: Sequence[str] = (),
                    footer: str = "") -> str:
    lines = [f"# {title}", ""]
    if not changes:
        lines.append(tr("no_change", lang))
    for i, change in enumerate(changes):
        lines.append(change_line(change, inst, lang, reasons[i] if reasons else ""))
    if refused:
        lines += ["", f"## {tr('ch_refused', lang)}", ""] + [f"- {r}" for r in refused]
    lines += ["", tr("ch_count", lang, changes=count(len(changes), "change", lang),
                     refused=count(len(refused), "request", lang))]
    if footer:
        lines += ["", footer]
    return "\n".join(lines) + "\n"


def version_kind(kind: str, lang: str) -> str:
    key = f"vk_{kind}"
    return tr(key, lang) if key in LABELS else kind


def as_of_title(day: dt.date, lang: str) -> str:
    return tr("changes_title", lang, date=c.fmt_date(day))


def notice_items(result, change_set: ChangeSet, published: Calendar, profile: Profile,
                 lang: str) -> tuple[list[Change], list[str], list[str]]:
    """The changes of a re-plan with their reasons and the refused requests, in ``lang``."""
    changes = list(result.changes)
    inst, calendar = result.instance, result.calendar
    requests = change_set.requests
    reasons = [change_reason(ch, inst, calendar, requests, lang) for ch in changes]
    refused = [refusal_line(r, inst, profile, change_set, published, lang)
               for r in result.refused]
    return changes, reasons, refused


def change_notice(result, change_set: ChangeSet, published: Calendar, profile: Profile,
                  as_of: dt.date, lang: str) -> str:
    """The change notice of a re-plan in ``lang``, in Markdown."""
    changes, reasons, refused = notice_items(result, change_set, published, profile, lang)
    footer = tr("ch_proven" if result.minimum_proven else "ch_not_proven", lang)
    return notice_markdown(changes, result.instance, lang, as_of_title(as_of, lang), reasons,
                           refused, footer)


def source_text(source: str, lang: str) -> str:
    """A rule's source in words: 'S-2016 items 6, 8; S-2018' -> the acts by title and number
    with their items; a planning rule of the project when no act is named."""
    import re

    from scheduler.i18n import ACTS

    if lang == "en" and not source:
        return ""
    found = []
    for match in re.finditer(r"(S-\d{4}[A-Z]?)(?:\s+items?\s+([\d.,\s\-–]+\d))?", source):
        act = ACTS.get(match.group(1), {}).get(lang, match.group(1))
        items = match.group(2)
        found.append(act + (f", {act_items(items, lang)}" if items else ""))
    return "; ".join(dict.fromkeys(found)) or tr("act_project", lang)


ACT_ITEMS_MANY = {"ru": "пп. {items}", "kk": "{items}-тармақтар", "en": "items {items}"}


def act_items(items: str, lang: str) -> str:
    """Items of an act: 'п. 6' and 'пп. 6, 8' / 'пп. 1–3'; '6-тармақ' and '6, 8-тармақтар';
    a range with an en dash."""
    import re

    text = re.sub(r"\s*[-–]\s*", "–" if lang != "en" else "-", items.strip())
    text = re.sub(r"\s*,\s*", ", ", text)
    if re.search(r"[,–-]", text):
        return ACT_ITEMS_MANY[lang].format(items=text)
    return tr("act_items", lang, items=text)


def profile_title(profile: Profile, lang: str) -> str:
    key = f"profile_{profile.id}"
    return tr(key, lang) if key in LABELS else profile.title


def notice_texts(result, change_set: ChangeSet, published: Calendar, profile: Profile,
                 as_of: dt.date) -> dict[str, dict]:
    """The change notice's texts per language: title, change lines, refused lines, footer
    (plain text, for the workbook sheet, the HTML section and the PDFs)."""
    out = {}
    for lang in ("ru", "kk", "en"):
        changes, reasons, refused = notice_items(result, change_set, published, profile, lang)
        lines = [change_line(ch, result.instance, lang, reason).removeprefix("- ")
                 .replace("**", "") for ch, reason in zip(changes, reasons)]
        out[lang] = {"title": as_of_title(as_of, lang), "lines": lines, "refused": refused,
                     "footer": tr("ch_proven" if result.minimum_proven else "ch_not_proven",
                                  lang),
                     "count": tr("ch_count", lang, changes=count(len(changes), "change", lang),
                                 refused=count(len(refused), "request", lang))}
    return out


def explanation_text(found, inst: Instance, profile: Profile, lang: str) -> str:
    """``explain`` without a calendar, in ``lang``: which requirements collide, by rule
    title and act, with the officials, regions and bodies they concern, by name."""
    if lang == "en":
        return found.text()
    if found.feasible:
        return tr("x_feasible", lang)
    if not found.conflicts:
        return tr("x_unknown", lang)
    regions = {r.id for r in inst.regions}
    officials = {o.id for o in inst.officials}
    bodies = {b.id for b in inst.bodies}
    lines = [tr("x_collide", lang)]
    for i, conflict in enumerate(found.conflicts, 1):
        about = []
        for part in conflict.key[1:]:
            if isinstance(part, str) and part in officials:
                about.append(c.official_title(inst, part, lang))
            elif isinstance(part, str) and part in regions:
                about.append(c.region_name(inst, part, lang))
            elif isinstance(part, str) and part in bodies:
                about.append(c.body_name(inst, part, lang))
            elif isinstance(part, dt.date):
                about.append(day_text(part, lang))
        text = rule_name(profile, conflict.rule_id, lang)
        if about:
            text += f" ({tr('x_about', lang)}: {', '.join(about)})"
        lines.append(f"  {i}. {text}; {source_text(conflict.source, lang)}")
    fixes = [x for x in found.conflicts if x.frees]
    lines.append(tr("x_fix" if fixes else "x_no_fix", lang))
    lines += [f"  - {rule_name(profile, x.rule_id, lang)}" for x in fixes]
    return "\n".join(lines)


def what_if_text(answer, inst: Instance, profile: Profile, calendar: Calendar,
                 lang: str) -> str:
    """``explain --meeting --to`` in ``lang``."""
    if lang == "en":
        return answer.text()
    m, n = answer.meeting, answer.moved
    to = f"{day_text(n.date, lang)}, {c.fmt_time(n.start)}, {place(inst, n.region_id, lang)}"
    head = tr("wi_move", lang, meeting=meeting_label(inst, m, lang), to=to)
    if answer.new_violations:
        moved = calendar.model_copy(update={"meetings": tuple(
            n if x.id == m.id else x for x in calendar.meetings)})
        return "\n".join([f"{head} {tr('wi_breaks', lang)}"] + [
            f"  - {finding(inst, profile, v, lang, moved)}" for v in answer.new_violations])
    lines = [f"{head} " + tr("wi_keeps", lang, delta=f"{answer.delta:+,.0f}",
                             before=f"{answer.before.total_cost:,.0f}",
                             after=f"{answer.after.total_cost:,.0f}")]
    for rule_id, after in answer.after.cost_by_rule.items():
        change = after - answer.before.cost_by_rule.get(rule_id, 0)
        if change:
            lines.append(f"  {rule_name(profile, rule_id, lang)}: {change:+,.0f}")
    return "\n".join(lines)
