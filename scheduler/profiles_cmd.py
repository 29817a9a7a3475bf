"""Rule profiles on the command line: list them, show one, compare plans under several.

``scheduler profiles`` lists the built-in profiles and their rule ids; ``scheduler profile
show P`` prints one profile rule by rule; ``scheduler compare INSTANCE --profiles A,B``
plans the same instance under each profile and tabulates the differences. The CLI
(``scheduler/cli/``) only wires these functions to commands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from rich.markup import escape
from rich.table import Table

from scheduler.instance import BodyKind, Instance
from scheduler.io import InputError, load_profile
from scheduler.profile import (
    DESCRIPTIVE_FIELDS,
    Profile,
    builtin_profiles,
    profile_path,
    profile_problems,
)
from scheduler.results import SolveStatus

if TYPE_CHECKING:
    from scheduler.planner import Result


# ----------------------------------------------------------------------- loading
def load_profile_for(name_or_path: str | Path, instance: Instance) -> Profile:
    """``load_profile``, then the body references checked against the instance.

    Raises :class:`InputError` naming the file and the field (``SCOPE-EXEMPT.exempt_bodies``)
    when the profile names a body that is neither in the instance nor a known body.
    """
    profile = load_profile(name_or_path)
    problems = profile_problems(profile, instance)
    if problems:
        where = profile_path(name_or_path)
        raise InputError("\n".join(f"{where}: field 'rules.{p.split(':', 1)[0]}':"
                                   f"{p.split(':', 1)[1]}" for p in problems))
    return profile


def parse_profile_list(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise InputError("--profiles: give one or more profiles, comma-separated "
                         f"(built-in: {', '.join(builtin_profiles())})")
    return names


# --------------------------------------------------------------------- listing
def _params(rule) -> dict:
    return {k: v for k, v in rule.model_dump().items()
            if k not in DESCRIPTIVE_FIELDS and v is not None}


def _value(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def profiles_table(lang: str = "en") -> Table:
    """The built-in profiles: id, title and rules (switched-off rules marked); rules by id in
    English, by title in Russian and Kazakh."""
    from scheduler.i18n import t
    from scheduler.words import profile_title, rule_name

    title = t("profiles_title", lang) + (" (scheduler/profiles/)" if lang == "en" else "")
    table = Table(title=title)
    table.add_column(t("p_profile", lang), no_wrap=True)
    table.add_column(t("p_title", lang))
    table.add_column(t("p_rules", lang))
    for name in builtin_profiles():
        profile = load_profile(name)
        if lang == "en":
            rules = ", ".join(rule_id if rule.enabled else f"({rule_id}: off)"
                              for rule_id, rule in profile.rules.items())
        else:
            rules = "\n".join(rule_name(profile, rule_id, lang)
                               + ("" if rule.enabled else f" ({t('p_off', lang)})")
                               for rule_id, rule in profile.rules.items())
        table.add_row(escape(profile.id), escape(profile_title(profile, lang)), escape(rules))
    return table


def profile_tables(profile: Profile, path: Path | None = None, lang: str = "en") -> list:
    """One profile: its header, then one row per rule with kind, source, switch, parameters."""
    if lang != "en":
        return _profile_tables_in(profile, path, lang)
    head = Table(show_header=False, box=None)
    head.add_column(style="bold")
    head.add_column()
    head.add_row("profile", escape(profile.id))
    head.add_row("title", escape(profile.title))
    if profile.description:
        head.add_row("description", escape(profile.description))
    if path is not None:
        head.add_row("file", escape(str(path)))
    rules = Table(title=f"Rules of {profile.id}")
    rules.add_column("rule", no_wrap=True)
    rules.add_column("kind")
    rules.add_column("source", overflow="fold")
    rules.add_column("on")
    rules.add_column("parameters", overflow="fold")
    for rule_id, rule in profile.rules.items():
        params = "\n".join(f"{k} = {_value(v)}" for k, v in _params(rule).items())
        rules.add_row(rule_id, rule.kind, escape(rule.source), "yes" if rule.enabled else "no",
                      escape(params or "-"), style=None if rule.enabled else "dim")
    return [head, rules]


def _profile_tables_in(profile: Profile, path: Path | None, lang: str) -> list:
    """``profile show`` in Russian or Kazakh: rules by title, sources as acts by title and
    number, parameters by what they mean with their values by name (the keys of the
    profile file are in the English output)."""
    from scheduler.i18n import t
    from scheduler.words import profile_title, rule_name, source_text

    head = Table(show_header=False, box=None)
    head.add_column(style="bold")
    head.add_column()
    head.add_row(t("p_profile", lang), escape(profile.id))
    head.add_row(t("p_title", lang), escape(profile_title(profile, lang)))
    if path is not None:
        head.add_row(t("p_file", lang), escape(str(path)))
    rules = Table(title=t("p_rules_of", lang).format(p=profile.id))
    rules.add_column(t("rule", lang))
    rules.add_column(t("col_rule_kind", lang))
    rules.add_column(t("col_source", lang), overflow="fold")
    rules.add_column(t("col_enabled", lang))
    rules.add_column(t("p_params", lang), overflow="fold")
    for rule_id, rule in profile.rules.items():
        params = "\n".join(f"{param_label(k, lang)}: {param_value(profile, k, v, lang)}"
                           for k, v in _params(rule).items())
        kind = f"rule_kind_{rule.kind}"
        rules.add_row(escape(rule_name(profile, rule_id, lang)),
                      t(kind, lang) if kind in _labels() else rule.kind,
                      escape(source_text(rule.source, lang)),
                      t("yes" if rule.enabled else "no", lang), escape(params or "—"),
                      style=None if rule.enabled else "dim")
    return [head, rules]


def _labels() -> dict:
    from scheduler.i18n import LABELS

    return LABELS


# ------------------------------------------------- parameters in Russian and Kazakh
# A profile parameter by what it means (ru, kk); the key stays in the profile file and in
# English output.
PARAM_LABELS: dict[str, tuple[str, str]] = {
    "exempt_bodies": ("освобождённые органы", "босатылған органдар"),
    "min_per_quarter": ("встреч в квартал, не менее", "тоқсанына кездесу, кемінде"),
    "max_per_quarter": ("встреч в квартал, не более", "тоқсанына кездесу, көп дегенде"),
    "region_min_per_quarter": ("аким области: встреч в квартал, не менее",
                               "облыс әкімі: тоқсанына кездесу, кемінде"),
    "district_min_per_half": ("аким района: встреч за полугодие, не менее",
                              "аудан әкімі: жарты жылда кездесу, кемінде"),
    "rural_min_per_half": ("сельский аким: встреч за полугодие, не менее",
                           "ауыл әкімі: жарты жылда кездесу, кемінде"),
    "akims_quarter": ("квартал встреч акимов", "әкімдер кездесулерінің тоқсаны"),
    "ministers_quarter": ("квартал встреч министров", "министрлер кездесулерінің тоқсаны"),
    "rectors_quarter": ("квартал встреч ректоров", "ректорлар кездесулерінің тоқсаны"),
    "min_in_quarter": ("встреч в этом квартале, не менее", "осы тоқсанда кездесу, кемінде"),
    "max_in_quarter": ("встреч в этом квартале, не более", "осы тоқсанда кездесу, көп дегенде"),
    "weekend_slots": ("время встреч в выходные", "демалыс күндердегі кездесу уақыты"),
    "workday_slots": ("время встреч в рабочие дни (вечер)",
                      "жұмыс күндердегі кездесу уақыты (кеш)"),
    "use_public_holidays": ("встречи в праздничные дни", "мереке күндері кездесу"),
    "lead_months": ("публикация заранее, месяцев", "алдын ала жариялау, ай"),
    "lead_days": ("публикация заранее, дней", "алдын ала жариялау, күн"),
    "counted_from": ("срок публикации (министры) отсчитывается от",
                     "жариялау мерзімі (министрлер) басталатын кезең"),
    "akims_counted_from": ("срок публикации (акимы) отсчитывается от",
                           "жариялау мерзімі (әкімдер) басталатын кезең"),
    "max_per_day": ("встреч у одного лица в день, не более",
                    "бір адамға күніне кездесу, көп дегенде"),
    "airport_overhead_h": ("дорога в аэропорт и ожидание, ч", "әуежайға жол және күту, сағ"),
    "flight_fixed_h": ("взлёт и посадка, ч", "ұшу және қону, сағ"),
    "flight_kmh": ("скорость самолёта, км/ч", "ұшақ жылдамдығы, км/сағ"),
    "road_factor": ("удлинение пути по дороге", "жол бойымен қашықтық коэффициенті"),
    "road_kmh": ("скорость по дороге, км/ч", "жолдағы жылдамдық, км/сағ"),
    "road_max_km": ("по дороге не дальше, км", "жолмен ең көп қашықтық, км"),
    "travel_from": ("переезды не раньше", "жол жүру ерте дегенде"),
    "travel_until": ("переезды не позже", "жол жүру кеш дегенде"),
    "region_per_day": ("встреч министров в регионе в день, не более",
                       "өңірде күніне министр кездесуі, көп дегенде"),
    "region_per_weekend": ("встреч министров в регионе за выходные, не более",
                           "өңірде демалыс күндері министр кездесуі, көп дегенде"),
    "tv_channels": ("национальных телеканалов для прямого эфира",
                    "тікелей эфирге арналған ұлттық телеарналар"),
    "reasons": ("основания для замены заместителем", "орынбасармен алмастыру негіздері"),
    "excluded_bodies": ("органы, где заместители не замещают",
                        "орынбасарлары алмастырмайтын органдар"),
    "out_of_schedule": ("заместитель на внеплановых встречах",
                        "кезектен тыс кездесулерде орынбасар"),
    "akims": ("заместитель у акимов", "әкімдерде орынбасар"),
    "urgent_handover": ("передача встречи заместителю при срочной встрече",
                        "шұғыл кездесуде кездесуді орынбасарға беру"),
    "w_substitution": ("штраф за замену", "алмастыру үшін айыппұл"),
    "w_issue": ("штраф за неохваченный вопрос (на его вес)",
                "қамтылмаған мәселе үшін айыппұл (салмағына)"),
    "w_preferred": ("штраф за неиспользованную предложенную дату",
                    "пайдаланылмаған ұсынылған күн үшін айыппұл"),
    "min_region_visits": ("встреч министров в каждом регионе, желательно не менее",
                          "әр өңірде министр кездесуі, кемінде (қалаулы)"),
    "w_unvisited": ("штраф за каждую недостающую встречу в регионе",
                    "өңірдегі әр жетіспейтін кездесу үшін айыппұл"),
    "w_repeat": ("штраф за повторный приезд министра в регион",
                 "министрдің өңірге қайта баруы үшін айыппұл"),
    "w_max_load": ("штраф за самую большую нагрузку на регион",
                   "өңірге ең үлкен жүктеме үшін айыппұл"),
    "arisen_days": ("возникшая напряжённость: встреча в течение, дней",
                    "туындаған шиеленіс: кездесу мерзімі, күн"),
    "forecast_days": ("прогнозируемая напряжённость: встреча в течение, дней",
                      "болжанған шиеленіс: кездесу мерзімі, күн"),
    "h1": ("срок для первого полугодия (день.месяц)", "бірінші жарты жыл мерзімі (күн.ай)"),
    "h2": ("срок для второго полугодия (день.месяц)", "екінші жарты жыл мерзімі (күн.ай)"),
    "approve_h1": ("утверждение для первого полугодия (день.месяц)",
                   "бірінші жарты жылға бекіту (күн.ай)"),
    "h1_previous_year": ("срок первого полугодия — в предыдущем году",
                         "бірінші жарты жыл мерзімі — алдыңғы жылы"),
    "quarterly_day": ("число месяца", "айдың күні"),
    "near_days": ("близкая встреча: за сколько дней", "жақын кездесу: неше күн бұрын"),
    "near_factor": ("множитель штрафа для близкой встречи", "жақын кездесу айыппұлының еселігі"),
    "w_date_change": ("штраф за перенос даты", "күнді ауыстыру үшін айыппұл"),
    "w_region_change": ("штраф за смену региона", "өңірді ауыстыру үшін айыппұл"),
    "w_presenter_change": ("штраф за смену выступающего", "сөз сөйлеушіні ауыстыру үшін айыппұл"),
    "w_added": ("штраф за добавленную встречу", "қосылған кездесу үшін айыппұл"),
    "days_after_meeting": ("дней после встречи", "кездесуден кейінгі күндер"),
    "meeting_minutes": ("длительность встречи, мин", "кездесу ұзақтығы, мин"),
    "max_report_share": ("доля времени на доклад, не более",
                         "баяндамаға уақыт үлесі, көп дегенде"),
    "channel": ("трансляция", "тарату"),
    "invitees": ("приглашаются", "шақырылатындар"),
    "rectors_invitees": ("на встречи ректоров приглашаются",
                         "ректорлар кездесулеріне шақырылатындар"),
    # parameters of rules being added (their meaning read from the profiles' comments)
    "members_per_meeting": ("членов Правительства на встрече", "кездесудегі Үкімет мүшелері"),
    "questions_months": ("сбор вопросов заранее, месяцев", "сұрақтарды алдын ала жинау, ай"),
    "egov_portal": ("публикация на портале электронного правительства",
                    "электрондық үкімет порталында жариялау"),
    "briefing_days": ("брифинг после встречи, дней", "кездесуден кейінгі брифинг, күн"),
    "region_akims": ("в том числе акимы областей", "облыс әкімдері де"),
    "okrug_per_half": ("встреч в каждом округе за полугодие", "жарты жылда әр округте кездесу"),
    "max_per_month": ("встреч в месяц, не более", "айына кездесу, көп дегенде"),
    "calendar_agreed_with": ("календарь согласуется с", "күнтізбені келісетін орган"),
    "near_hours": ("вечер рабочего дня без штрафа, если дорога от места работы не дольше, ч",
                   "жол жұмыс орнынан аспаса, жұмыс күнінің кеші айыппұлсыз, сағ"),
    "w_far_evening": ("штраф за вечер рабочего дня вдали от места работы",
                      "жұмыс орнынан алыста өткен жұмыс күнінің кеші үшін айыппұл"),
    "window_days": ("окно, дней", "аралық, күн"),
    "max_in_window": ("встреч в окне, не более", "аралықта кездесу, көп дегенде"),
    "w_close": ("штраф за слишком близкие встречи", "тым жақын кездесулер үшін айыппұл"),
    "free_per_quarter": ("встреч в квартал без штрафа", "тоқсанына айыппұлсыз кездесу"),
    "w_extra": ("штраф за каждую лишнюю встречу", "әр артық кездесу үшін айыппұл"),
    "w_extra_akim": ("штраф за каждую встречу акима сверх положенных",
                     "әкімнің міндетті кездесулерден тыс әр кездесуі үшін айыппұл"),
    "w_day_arisen": ("штраф за день ожидания (возникшая напряжённость)",
                     "күткен әр күн үшін айыппұл (туындаған шиеленіс)"),
    "w_day_forecast": ("штраф за день ожидания (прогнозируемая напряжённость)",
                       "күткен әр күн үшін айыппұл (болжанған шиеленіс)"),
    "district_per_day": ("встреч акимов в одном районе в день, не более",
                         "бір аудандағы әкімдердің күніне кездесуі, көп дегенде"),
    "region_day_target": ("желательное число встреч в регионе в день",
                          "өңірде күніне қалаулы кездесу саны"),
    "w_crowd": ("штраф за скопление встреч", "кездесулердің шоғырлануы үшін айыппұл"),
}
# Profile texts the report's agenda labels may not cover (they are tried first)
PARAM_TEXTS: dict[str, tuple[str, str]] = {
    "maslikhat": ("маслихат", "мәслихат"),
    "public council members": ("члены общественного совета", "қоғамдық кеңес мүшелері"),
    "heads of national holdings and companies": (
        "руководители национальных холдингов и компаний",
        "ұлттық холдингтер мен компаниялардың басшылары"),
    "members of the government (at regional akims' meetings)": (
        "члены Правительства (на встречах акимов областей)",
        "Үкімет мүшелері (облыс әкімдерінің кездесулерінде)"),
    "the regional akim or his deputy (at district akims' meetings)": (
        "аким области или его заместитель (на встречах акимов районов)",
        "облыс әкімі немесе оның орынбасары (аудан әкімдерінің кездесулерінде)"),
    "videoconference with the regions (ministers); official internet resources": (
        "видеоконференция с регионами (министры); официальные интернет-ресурсы",
        "өңірлермен бейнеконференция (министрлер); ресми интернет-ресурстар"),
    "live on a national tv channel with a videoconference to the regions (ministers); "
    "official internet resources": (
        "прямой эфир на национальном телеканале с видеоконференцией в регионы (министры); "
        "официальные интернет-ресурсы",
        "өңірлерге бейнеконференциямен ұлттық телеарнада тікелей эфир (министрлер); ресми "
        "интернет-ресурстар"),
}
BODY_TEXTS: dict[str, tuple[str, str]] = {  # bodies the built-in profiles name
    "defence": ("Министерство обороны", "Қорғаныс министрлігі"),
    "foreign-affairs": ("Министерство иностранных дел", "Сыртқы істер министрлігі"),
    "emergency-situations": ("Министерство по чрезвычайным ситуациям",
                             "Төтенше жағдайлар министрлігі"),
    "internal-affairs": ("Министерство внутренних дел", "Ішкі істер министрлігі"),
    "justice": ("Министерство юстиции", "Әділет министрлігі"),
    "defence-aerospace-industry": (
        "Министерство оборонной и аэрокосмической промышленности (2016–2019)",
        "Қорғаныс және аэроғарыш өнеркәсібі министрлігі (2016–2019)"),
}


def param_label(key: str, lang: str) -> str:
    """A parameter by what it means in ``lang``; its key in English (the file's name)."""
    if lang == "en" or key not in PARAM_LABELS:
        return key
    return PARAM_LABELS[key][0 if lang == "ru" else 1]


def param_value(profile: Profile, key: str, value, lang: str) -> str:
    """A parameter's value in ``lang``: bodies, reasons, rules and texts by name, yes/no,
    dates as day.month."""
    from scheduler.i18n import t
    from scheduler.report.common import agenda_text
    from scheduler.words import rule_name

    if lang == "en":
        return _value(value)
    index = 0 if lang == "ru" else 1

    def one(item) -> str:
        text = str(item)
        if key in ("exempt_bodies", "excluded_bodies"):
            from scheduler.profile import KNOWN_BODIES

            return BODY_TEXTS.get(text, (KNOWN_BODIES.get(text, text),) * 2)[index]
        if key == "reasons":
            label = f"absence_{text}"
            return t(label, lang) if label in _labels() else text
        if key in ("counted_from", "akims_counted_from"):
            return rule_name(profile, text, lang)
        translated = agenda_text(text, lang)  # the report's own words first
        if translated != text:
            return translated
        if text.lower() in PARAM_TEXTS:
            return PARAM_TEXTS[text.lower()][index]
        if key in ("h1", "h2", "approve_h1") and len(text) == 5 and text[2] == "-":
            return f"{text[3:]}.{text[:2]}"
        return text

    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, (list, tuple)):
        return "; ".join(one(v) for v in value) if value else "—"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return one(value)


# Rows of the comparison table, by their key in plan_metrics
COMPARE_LABELS = {
    "status": "cmp_status", "meetings": "cmp_meetings", "planned / out-of-schedule": "cmp_planned",
    "meetings of ministers": "cmp_ministers", "meetings of akims": "cmp_akims",
    "meetings of rectors": "cmp_rectors", "regions with a ministerial meeting": "cmp_regions",
    "topical issue weight met": "cmp_weight", "substitutions": "substitutions",
    "cost (the profile's own weights)": "cmp_cost", "gap": "cmp_gap",
    "independent check": "cmp_check", "time, s": "cmp_time",
}


def _compare_label(key: str, lang: str) -> str:
    import re

    from scheduler.i18n import t

    if lang == "en":
        return key
    quarter = re.fullmatch(r"ministers met the population in Q(\d)", key)
    if quarter:
        return t("cmp_min_q", lang).format(q=quarter.group(1))
    return t(COMPARE_LABELS[key], lang) if key in COMPARE_LABELS else key


def _compare_value(key: str, value: str, lang: str) -> str:
    from scheduler.i18n import count, t

    if lang == "en":
        return value
    if key == "status" and value in SolveStatus.__members__:
        return t(value, lang)
    if key == "independent check":
        if value == "ok":
            return t("cmp_ok", lang)
        n = value.split()[0]
        return count(int(n), "violation", lang) if n.isdigit() else value
    return value


# ------------------------------------------------------------------- comparing
@dataclass(frozen=True)
class Compared:
    """One profile's plan of the instance, summed up for the comparison table."""

    profile: str
    result: Result
    metrics: dict[str, str]


def plan_metrics(inst: Instance, result: Result) -> dict[str, str]:
    """The comparison rows of one result; '-' where no calendar exists."""
    from scheduler.summary import summarise

    rows: dict[str, str] = {"status": result.status}
    cal = result.calendar
    if cal is None:
        return rows
    s = summarise(inst, None, cal)
    rows["meetings"] = str(s.meetings)
    rows["planned / out-of-schedule"] = f"{s.planned} / {s.out_of_schedule}"
    for kind, label in ((BodyKind.ceb, "ministers"), (BodyKind.akimat, "akims"),
                        (BodyKind.university, "rectors")):
        if s.per_kind[kind] or kind is not BodyKind.university:
            rows[f"meetings of {label}"] = str(s.per_kind[kind])
    for q, met in s.ministers_per_quarter.items():
        rows[f"ministers met the population in Q{q}"] = f"{met} / {s.ministers_total}"
    rows["regions with a ministerial meeting"] = f"{s.regions_covered} / {s.regions_total}"
    rows["topical issue weight met"] = f"{s.weight_met} / {s.weight_total}" + (
        f" ({100 * s.weight_met / s.weight_total:.0f} %)" if s.weight_total else "")
    rows["substitutions"] = str(s.substitutions)
    rows["cost (the profile's own weights)"] = f"{result.objective:,.0f}"
    rows["gap"] = f"{100 * (result.gap or 0):.1f} %"
    if result.check is not None:
        rows["independent check"] = "ok" if result.check.ok else \
            f"{len(result.check.violations)} violations"
    return rows


def compare(inst: Instance, profiles: list[tuple[str, Profile]], *, time_limit: float,
            workers: int, seed: int, on_start: Callable[[str], None] | None = None
            ) -> list[Compared]:
    """Plan the instance under each (label, profile)."""
    from scheduler.planner import solve

    out = []
    for label, profile in profiles:
        if on_start:
            on_start(label)
        result = solve(inst, profile, time_limit=time_limit, workers=workers, seed=seed)
        rows = plan_metrics(inst, result)
        rows["time, s"] = f"{result.wall_time:.1f}"
        out.append(Compared(label, result, rows))
    return out


def compare_table(inst: Instance, compared: list[Compared], lang: str = "en") -> Table:
    """One column per profile, one row per measure; rows that differ are bold."""
    from scheduler.i18n import t

    names = ", ".join(c.profile for c in compared)
    table = Table(title=escape(f"{inst.name} ({inst.horizon.label()}) under {names}"
                               if lang == "en" else t("cmp_title", lang).format(profiles=names)))
    table.add_column("")
    for c in compared:
        table.add_column(escape(c.profile), justify="right")
    keys = list(dict.fromkeys(k for c in compared for k in c.metrics))
    for key in keys:
        values = [c.metrics.get(key, "-") for c in compared]
        differs = len(set(values)) > 1 and key != "time, s"
        table.add_row(escape(_compare_label(key, lang)),
                      *(escape(_compare_value(key, v, lang)) for v in values),
                      style="bold" if differs else None)
    return table
