"""The benchmark report: ``README.md`` with tables, and PNG plots, from ``results.csv``.

Costs and hard violations are the checker's; a run with no calendar, or whose calendar
breaks a hard rule, counts as failed (cost infinite) in the performance profile. The report
is written in Russian, Kazakh or English (``lang``); solver and instance names, and the
solvers' own notes, stay as they are.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

PEERS = ("greedy", "highs", "timefold")
OURS = ("cpsat-1w", "cpsat-2w")

# The report's words: key -> {lang: text}; ``{fields}`` are filled in by ``_t``.
TEXT: dict[str, dict[str, str]] = {
    "title": {"ru": "Сравнение решателей, {name}", "kk": "Шешушілерді салыстыру, {name}",
              "en": "Benchmark run, {name}"},
    "intro": {
        "ru": "{machine}, Python {python}, лимит времени {limits} с на запуск (столбец "
              "`time_limit`; построение модели включено), каждый запуск в отдельном процессе. "
              "Стоимость и нарушения обязательных правил считает независимая проверка "
              "(`scheduler check`), а не сам решатель; все запуски — в `results.csv`.",
        "kk": "{machine}, Python {python}, бір іске қосуға уақыт шегі {limits} с (`time_limit` "
              "бағаны; модельді құру кіреді), әр іске қосу бөлек процесте. Құнын және міндетті "
              "ережелердің бұзылуын шешушінің өзі емес, тәуелсіз тексеру (`scheduler check`) "
              "есептейді; барлық іске қосулар — `results.csv` файлында.",
        "en": "{machine}, Python {python}, time limits {limits} s per run (column `time_limit`; "
              "model building included), one fresh process per run. Costs and hard violations "
              "are those of the independent checker (`scheduler check`), never the solver's own "
              "number; `results.csv` has every run."},
    "targets": {"ru": "Целевые показатели (задача 6)", "kk": "Мақсатты көрсеткіштер (6-тапсырма)",
                "en": "Targets (issue 6)"},
    "t_head": {"ru": "| показатель | измерено (медиана) | выполнен |",
               "kk": "| көрсеткіш | өлшенгені (медиана) | орындалды |",
               "en": "| target | measured (median) | met |"},
    "yes": {"ru": "да", "kk": "иә", "en": "yes"},
    "no": {"ru": "нет", "kk": "жоқ", "en": "no"},
    "t_real": {
        "ru": "| kz-2027-h1: оптимум доказан быстрее 2 с ({solver}) | {wall:.2f} с, доказан в "
              "{optimal:.0%} запусков, стоимость {cost:.0f} | {met} |",
        "kk": "| kz-2027-h1: оңтайлылығы 2 с ішінде дәлелденеді ({solver}) | {wall:.2f} с, "
              "іске қосулардың {optimal:.0%} дәлелденген, құны {cost:.0f} | {met} |",
        "en": "| kz-2027-h1 proven optimal < 2 s ({solver}) | {wall:.2f} s, {optimal:.0%} of runs "
              "OPTIMAL, cost {cost:.0f} | {met} |"},
    "t_replan": {
        "ru": "| перепланирование {name}: наименьшее число изменений доказано быстрее 1 с | "
              "{t:.2f} с (с построением модели), доказано {proven:.0%}, взвешенных изменений "
              "{changes:.0f} | {met} |",
        "kk": "| қайта жоспарлау {name}: өзгерістердің ең аз саны 1 с ішінде дәлелденеді | "
              "{t:.2f} с (модельді құрумен), {proven:.0%} дәлелденген, салмақталған өзгерістер "
              "{changes:.0f} | {met} |",
        "en": "| re-plan {name}: proven fewest changes < 1 s | {t:.2f} s (model building "
              "included), {proven:.0%} proven, {changes:.0f} weighted changes | {met} |"},
    "t_first": {
        "ru": "| {name} ({officials} должностных лиц, {solver}): первое допустимое решение "
              "быстрее 5 с | {first:.1f} с | {met} |",
        "kk": "| {name} ({officials} лауазымды тұлға, {solver}): алғашқы жол берілетін шешім "
              "5 с ішінде | {first:.1f} с | {met} |",
        "en": "| {name} ({officials} officials, {solver}): first feasible < 5 s | {first:.1f} s "
              "| {met} |"},
    "t_gap": {
        "ru": "| {name} ({solver}): в пределах 0,5% от границы быстрее 30 с | разрыв {gap:.2%} "
              "за {wall:.1f} с (лимит {limit:g} с) | {met} |",
        "kk": "| {name} ({solver}): шекарадан 0,5% шегінде 30 с ішінде | алшақтық {gap:.2%}, "
              "{wall:.1f} с (шегі {limit:g} с) | {met} |",
        "en": "| {name} ({solver}): within 0.5% of the bound < 30 s | gap {gap:.2%} after "
              "{wall:.1f} s (limit {limit:g} s) | {met} |"},
    "t_memory": {
        "ru": "| {name} ({solver}): пик памяти меньше 2 ГиБ | {peak:.0f} МиБ | {met} |",
        "kk": "| {name} ({solver}): жадтың ең жоғары көлемі 2 ГиБ-тан аз | {peak:.0f} МиБ | "
              "{met} |",
        "en": "| {name} ({solver}): peak memory < 2 GiB | {peak:.0f} MiB | {met} |"},
    "t_peers": {
        "ru": "| не хуже лучшего из других решателей на каждом примере | хуже на {worse} из "
              "{total} примеров{which} | {met} |",
        "kk": "| әр мысалда басқа шешушілердің ең үздігінен нашар емес | {total} мысалдың "
              "{worse} мысалында нашар{which} | {met} |",
        "en": "| no worse than the best peer on every instance | worse on {worse} of {total} "
              "instances{which} | {met} |"},
    "t_greedy": {
        "ru": "| на национальном семействе лучше жадного алгоритма не менее чем на 10% | "
              "стоимость в среднем ниже на {mean:.1%} (от {low:.1%} до {high:.1%}) | {met} |",
        "kk": "| ұлттық топтамада ашкөз алгоритмнен кемінде 10% жақсы | құны орта есеппен "
              "{mean:.1%} төмен ({low:.1%}–{high:.1%}) | {met} |",
        "en": "| >= 10% better than greedy on the national family | mean {mean:.1%} (min "
              "{low:.1%}, max {high:.1%}) lower checker cost | {met} |"},
    "skipped": {"ru": "Пропущены", "kk": "Өткізілді", "en": "Skipped"},
    "plots": {"ru": "Графики", "kk": "Графиктер", "en": "Plots"},
    "every": {"ru": "Каждый пример и решатель (медианы по запускам)",
              "kk": "Әр мысал мен шешуші (іске қосулар бойынша медианалар)",
              "en": "Every instance and solver (medians over seeds)"},
    "plot_profile": {"ru": "профиль производительности", "kk": "өнімділік профилі",
                     "en": "performance profile"},
    "plot_time": {"ru": "целевая функция во времени", "kk": "мақсат функциясы уақыт бойынша",
                  "en": "objective over time"},
    "plot_size": {"ru": "время и память в зависимости от размера",
                  "kk": "өлшемге байланысты уақыт пен жад",
                  "en": "time and memory against size"},
    # plots
    "p_tau": {"ru": "τ (стоимость + 1 относительно лучшего решателя)",
              "kk": "τ (құн + 1 ең үздік шешушіге қатысты)",
              "en": "tau (cost + 1 relative to the best solver's)"},
    "p_share": {"ru": "доля примеров", "kk": "мысалдар үлесі", "en": "share of instances"},
    "p_profile": {"ru": "Профиль производительности (стоимость по проверке)",
                  "kk": "Өнімділік профилі (тексеру бойынша құн)",
                  "en": "Performance profile (checker cost)"},
    "p_seconds": {"ru": "секунды (с построением модели)", "kk": "секунд (модельді құрумен)",
                  "en": "seconds (model building included)"},
    "p_objective": {"ru": "целевая функция", "kk": "мақсат функциясы", "en": "objective"},
    "p_over_time": {"ru": "Целевая функция во времени, {name} (запуск 0)",
                    "kk": "Мақсат функциясы уақыт бойынша, {name} (0-іске қосу)",
                    "en": "Objective over time, {name} (seed 0)"},
    "p_greedy": {"ru": "{solver} (стоимость по проверке)", "kk": "{solver} (тексеру бойынша құн)",
                 "en": "{solver} (checker cost)"},
    "p_obj_of": {"ru": "{solver}: целевая функция", "kk": "{solver}: мақсат функциясы",
                 "en": "{solver} objective"},
    "p_bound_of": {"ru": "{solver}: граница", "kk": "{solver}: шекара", "en": "{solver} bound"},
    "p_first": {"ru": "время до первого решения (с)", "kk": "алғашқы шешімге дейінгі уақыт (с)",
                "en": "time to first feasible (s)"},
    "p_wall": {"ru": "общее время (с)", "kk": "жалпы уақыт (с)", "en": "wall time (s)"},
    "p_memory": {"ru": "пик памяти (МиБ)", "kk": "жадтың ең жоғары көлемі (МиБ)",
                 "en": "peak memory (MiB)"},
    "p_officials": {"ru": "должностные лица (первые руководители с обязанностью встреч)",
                    "kk": "лауазымды тұлғалар (кездесу міндеті бар бірінші басшылар)",
                    "en": "officials (first heads with a duty)"},
    "p_size": {"ru": "Затраты в зависимости от размера (с построением модели)",
               "kk": "Өлшемге байланысты шығын (модельді құрумен)",
               "en": "Cost against size (model building included)"},
    # time to target at equal time (issue 16)
    "ttt": {"ru": "Время до цели: CP-SAT и другие решатели при равном времени",
            "kk": "Мақсатқа жету уақыты: CP-SAT пен басқа шешушілер тең уақытта",
            "en": "Time to target: CP-SAT and its peers at equal time"},
    "ttt_intro": {
        "ru": "Для каждого запуска — лучшая найденная к моменту t стоимость: текущее решение "
              "самого решателя (его целевая функция: те же штрафы, что считает проверка; "
              "«итог» — стоимость итогового календаря по независимой проверке, она не выше "
              "целевой функции решателя), у жадного алгоритма "
              "— одна точка. Время отсчитывается от вызова решателя (файл примера уже "
              "загружен; построение модели, запуск JVM у `timefold` включены). «На {limit:g} с» "
              "— лучшее к лимиту времени; «итог» — календарь, который решатель вернул, даже "
              "если позже лимита. Ячейка «—»: к этому моменту решения нет. Запуск, чей "
              "итоговый календарь нарушает обязательное правило, не считается.",
        "kk": "Әр іске қосу үшін t сәтіне дейін табылған ең жақсы құн: шешушінің өз ағымдағы "
              "шешімі (оның мақсат функциясы: тексеру есептейтін айыппұлдар; «соңы» — соңғы "
              "күнтізбенің тәуелсіз тексеру бойынша құны, ол шешушінің мақсат функциясынан "
              "аспайды), ашкөз алгоритмде — бір нүкте. Уақыт шешушіні "
              "шақырған сәттен есептеледі (мысал файлы жүктелген; модельді құру, `timefold` "
              "үшін JVM іске қосу кіреді). «{limit:g} с» — уақыт шегіне дейінгі ең жақсысы; "
              "«соңы» — шешуші қайтарған күнтізбе, тіпті шектен кейін болса да. «—»: бұл "
              "сәтке дейін шешім жоқ. Соңғы күнтізбесі міндетті ережені бұзған іске қосу "
              "есептелмейді.",
        "en": "For each run, the best cost found by time t: the solver's own incumbent (its "
              "objective: the checker's costs; \"final\" is the independent checker's cost of "
              "the calendar the run returned, never above the solver's objective), one point "
              "for greedy. Time counts from the call of the solver (the "
              "instance file loaded; model building, and Timefold's JVM start, included). "
              "\"At {limit:g} s\": the best by the time limit; \"final\": the calendar the "
              "solver returned, even after the limit. \"—\": nothing found by then. A run "
              "whose final calendar breaks a hard rule does not count."},
    "ttt_family": {"ru": "семейство", "kk": "топтама", "en": "family"},
    "ttt_instance": {"ru": "пример", "kk": "мысал", "en": "instance"},
    "ttt_at": {"ru": "CP-SAT не хуже всех на {limit:g} с",
               "kk": "CP-SAT {limit:g} с барлығынан нашар емес",
               "en": "CP-SAT at least as good as every peer at {limit:g} s"},
    "ttt_final": {"ru": "CP-SAT на {limit:g} с не хуже их итога",
                  "kk": "CP-SAT {limit:g} с олардың соңынан нашар емес",
                  "en": "CP-SAT at {limit:g} s at least as good as every peer's final"},
    "ttt_later": {"ru": "{at} (итог {final} на {t:.0f} с)", "kk": "{at} (соңы {final}, {t:.0f} с)",
                  "en": "{at} (final {final} at {t:.0f} s)"},
    "ttt_none": {"ru": "— (нет календаря)", "kk": "— (күнтізбе жоқ)", "en": "— (no calendar)"},
    "ttt_invalid": {"ru": "{at} (итог нарушает правила)", "kk": "{at} (соңы ережені бұзады)",
                    "en": "{at} (final breaks a hard rule)"},
    "ttt_count": {"ru": "{family}: да на {at} из {total} примеров на {limit:g} с, на {final} из "
                        "{total} против итога",
                  "kk": "{family}: {limit:g} с {total} мысалдың {at} мысалында иә, соңына "
                        "қарсы {total} мысалдың {final} мысалында",
                  "en": "{family}: yes on {at} of {total} instances at {limit:g} s, on {final} "
                        "of {total} against the final calendars"},
    "plot_ttt": {"ru": "время до цели, {family}", "kk": "мақсатқа жету уақыты, {family}",
                 "en": "time to target, {family}"},
    "p_ttt": {"ru": "Лучшая стоимость к моменту t, семейство {family} (запуск 0)",
              "kk": "t сәтіне дейінгі ең жақсы құн, {family} топтамасы (0-іске қосу)",
              "en": "Best cost by time t, family {family} (seed 0)"},
    "p_since": {"ru": "секунды с вызова решателя (с построением модели)",
                "kk": "шешушіні шақырғаннан бергі секунд (модельді құрумен)",
                "en": "seconds since the solver was called (model building included)"},
    "p_incumbent": {"ru": "стоимость текущего решения решателя",
                    "kk": "шешушінің ағымдағы шешімінің құны",
                    "en": "cost of the solver's incumbent"},
    "p_checked": {"ru": "○ итог, стоимость по проверке", "kk": "○ соңы, тексеру бойынша құн",
                  "en": "○ final calendar, checker's cost"},
    "p_broken": {"ru": "× итог нарушает правила", "kk": "× соңы ережені бұзады",
                 "en": "× final calendar breaks a hard rule"},
    "p_equal": {"ru": "равное время ({limit:g} с)", "kk": "тең уақыт ({limit:g} с)",
                "en": "equal time ({limit:g} s)"},
    "p_broken_at": {"ru": "{solver}: итог нарушает правила ({n}), {t:.0f} с",
                    "kk": "{solver}: соңы ережелерді бұзады ({n}), {t:.0f} с",
                    "en": "{solver}: final calendar breaks hard rules ({n}) at {t:.0f} s"},
    "p_nothing": {"ru": "{solver}: нет решения", "kk": "{solver}: шешім жоқ",
                  "en": "{solver}: no calendar"},
    # progress lines of the runner
    "todo": {"ru": "Осталось запусков: {todo}; уже в {results}: {done}",
             "kk": "Қалған іске қосулар: {todo}; {results} ішінде бұрыннан бар: {done}",
             "en": "{todo} runs to do, {done} already in {results}"},
    "row": {"ru": "{instance:28} {solver:9} запуск {seed}: {status:22} стоимость {cost:>8} "
                  "нарушений {violations:>3} {wall:7.2f} с {peak:7.0f} МиБ",
            "kk": "{instance:28} {solver:9} іске қосу {seed}: {status:22} құны {cost:>8} "
                  "бұзушылық {violations:>3} {wall:7.2f} с {peak:7.0f} МиБ",
            "en": "{instance:28} {solver:9} seed {seed}: {status:10} cost {cost:>8} violations "
                  "{violations:>3} {wall:7.2f} s {peak:7.0f} MiB"},
    "written": {"ru": "Отчёт: {path}", "kk": "Есеп: {path}", "en": "Report: {path}"},
}
# column headers of the table of every instance and solver
COLUMNS_TEXT = {
    "family": ("семейство", "топтама"), "instance": ("пример", "мысал"),
    "solver": ("решатель", "шешуші"), "officials": ("должн. лица", "лауаз. тұлғалар"),
    "runs": ("запуски", "іске қосу"), "status": ("статус", "мәртебе"),
    "checker_cost": ("стоимость (проверка)", "құны (тексеру)"),
    "violations": ("нарушения", "бұзушылықтар"), "limit_s": ("лимит, с", "шегі, с"),
    "gap": ("разрыв", "алшақтық"), "first_s": ("первое, с", "алғашқы, с"),
    "best_s": ("лучшее, с", "үздік, с"), "wall_s": ("всего, с", "барлығы, с"),
    "build_s": ("модель, с", "модель, с"), "peak_mib": ("память, МиБ", "жад, МиБ"),
    "note": ("примечание", "ескерту"),
}
STATUS_TEXT = {  # solver statuses in the report's language
    "OPTIMAL": ("оптимум доказан", "оңтайлылығы дәлелденген"),
    "FEASIBLE": ("допустимое решение", "жол берілетін шешім"),
    "HEURISTIC": ("эвристика", "эвристика"), "INFEASIBLE": ("решения нет", "шешім жоқ"),
    "UNKNOWN": ("не найдено", "табылмады"), "MODEL_INVALID": ("ошибка модели", "модель қатесі"),
    "ERROR": ("ошибка", "қате"), "SKIPPED": ("пропущен", "өткізілді"),
    "TIMEOUT": ("время вышло", "уақыт бітті"),
}


def _t(key: str, lang: str, **fields) -> str:
    text = TEXT[key][lang]
    return text.format(**fields) if fields else text


def status_text(status: str, lang: str) -> str:
    """A solver status ('OPTIMAL', or 'FEASIBLE/OPTIMAL' over seeds) in ``lang``."""
    if lang == "en":
        return status
    index = 0 if lang == "ru" else 1
    return "/".join(STATUS_TEXT[s][index] if s in STATUS_TEXT else s
                    for s in str(status).split("/"))


def load(results: Path) -> pd.DataFrame:
    df = pd.read_csv(results, dtype={"seed": int})
    df["ok"] = (df["checked"] == "yes") & (df["hard_violations"].fillna(1) == 0)
    df["score"] = np.where(df["ok"], df["checker_cost"], np.inf)
    return df


def _md(df: pd.DataFrame) -> str:
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for _, row in df.iterrows():
        lines.append("| " + " | ".join(_cell(row[c]) for c in cols) + " |")
    return "\n".join(lines)


def _cell(value) -> str:
    if isinstance(value, float):
        if np.isnan(value):
            return ""
        return "∞" if np.isinf(value) else f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return str(value)


def summary(df: pd.DataFrame) -> pd.DataFrame:
    """Per instance and solver: medians over seeds (worst violations, every status)."""
    g = df.groupby(["family", "instance", "solver"], sort=False)
    out = g.agg(officials=("officials", "first"), runs=("seed", "count"),
                status=("status", lambda s: "/".join(sorted(set(map(str, s))))),
                checker_cost=("checker_cost", "median"), violations=("hard_violations", "max"),
                limit_s=("time_limit", "first"), gap=("gap", "median"),
                first_s=("time_to_first", "median"),
                best_s=("time_to_best", "median"), wall_s=("wall_time", "median"),
                build_s=("build_time", "median"), peak_mib=("peak_mib", "max"),
                note=("note", "first")).reset_index()
    out["note"] = out["note"].astype(object).fillna("").astype(str).str.slice(0, 70)
    return out


def targets(df: pd.DataFrame, time_limit: float, lang: str = "en") -> list[str]:
    lines = [_t("t_head", lang), "|---|---|---|"]

    def med(rows: pd.DataFrame, col: str) -> float:
        return float(rows[col].median()) if len(rows) else float("nan")

    def met(ok: bool) -> str:
        return _t("yes" if ok else "no", lang)

    for solver in OURS:
        real = df[(df.instance == "kz-2027-h1") & (df.solver == solver)]
        if len(real):
            optimal = (real.status == "OPTIMAL").mean()
            wall = med(real, "wall_time")
            lines.append(_t("t_real", lang, solver=solver, wall=wall, optimal=optimal,
                            cost=med(real, "checker_cost"), met=met(wall < 2 and optimal == 1)))
    replan = df[df.family == "replan"]
    for name, rows in replan.groupby("instance"):
        t = med(rows, "time_to_best")
        proven = (rows.status == "OPTIMAL").mean()
        lines.append(_t("t_replan", lang, name=name, t=t, proven=proven,
                        changes=med(rows, "objective"), met=met(t < 1 and proven == 1)))
    for name in ("scale-2500", "national-all-levels"):
        for solver in OURS:
            rows = df[(df.instance == name) & (df.solver == solver)]
            if not len(rows):
                continue
            first, gap, peak = med(rows, "time_to_first"), med(rows, "gap"), rows.peak_mib.max()
            wall = med(rows, "wall_time")
            lines.append(_t("t_first", lang, name=name, officials=int(rows.officials.iloc[0]),
                            solver=solver, first=first, met=met(first < 5)))
            lines.append(_t("t_gap", lang, name=name, solver=solver, gap=gap, wall=wall,
                            limit=time_limit, met=met(gap <= 0.005 and wall <= 30)))
            lines.append(_t("t_memory", lang, name=name, solver=solver, peak=peak,
                            met=met(peak < 2048)))
    best = df[df.status != "SKIPPED"].groupby(["instance", "solver"])["score"].median().unstack()
    best = best[best[[c for c in PEERS if c in best]].notna().any(axis=1)]  # instances with peers
    ours = best[[c for c in OURS if c in best]].min(axis=1)
    peers = best[[c for c in PEERS if c in best]].min(axis=1)
    worse = [i for i in best.index if ours[i] > peers[i]]
    lines.append(_t("t_peers", lang, worse=len(worse), total=len(best),
                    which=": " + ", ".join(worse) if worse else "", met=met(not worse)))
    nat = best.loc[[i for i in best.index if i.startswith("national-") and i[-1].isdigit()]]
    if len(nat) and "greedy" in nat:
        gain = ((nat["greedy"] - nat[[c for c in OURS if c in nat]].min(axis=1)) / nat["greedy"])
        lines.append(_t("t_greedy", lang, mean=gain.mean(), low=gain.min(), high=gain.max(),
                        met=met(gain.mean() >= 0.10)))
    return lines


def plot_profile(df: pd.DataFrame, path: Path, lang: str = "en") -> None:
    """Dolan-Moré profile on the checker's cost: the share of instances on which a solver's
    cost is within a factor tau of the best solver's."""
    best = df.groupby(["instance", "solver"])["score"].median().unstack()
    ratio = (best + 1).div(best.min(axis=1) + 1, axis=0)
    taus = np.logspace(0, 1, 200)
    fig, ax = plt.subplots(figsize=(6, 4))
    for solver in ratio.columns:
        ax.step(taus, [(ratio[solver] <= t).mean() for t in taus], where="post", label=solver)
    ax.set(xscale="log", xlabel=_t("p_tau", lang), ylim=(0, 1.02), ylabel=_t("p_share", lang),
           title=_t("p_profile", lang))
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_over_time(df: pd.DataFrame, traces: Path, instance: str, path: Path,
                   lang: str = "en") -> None:
    fig, ax = plt.subplots(figsize=(6, 4))
    for solver in df[df.instance == instance].solver.unique():
        trace_file = traces / f"{instance}__{solver}__0.json"
        raw = json.loads(trace_file.read_text()) if trace_file.exists() else []
        points = [p for p in raw if p[1] is not None]
        if solver == "greedy" and raw:  # no objective of its own: the checker's cost
            row = df[(df.instance == instance) & (df.solver == solver)].iloc[0]
            ax.plot([raw[0][0]], [row.checker_cost], "o",
                    label=_t("p_greedy", lang, solver=solver))
        elif points:
            t, obj = zip(*[(p[0], p[1]) for p in points])
            ax.plot(list(t), list(obj), "o-", drawstyle="steps-post", ms=3,
                    label=_t("p_obj_of", lang, solver=solver))
            bounds = [(p[0], p[2]) for p in json.loads(trace_file.read_text())
                      if p[2] is not None and np.isfinite(p[2])]
            if bounds:
                bt, bv = zip(*bounds)
                ax.plot(list(bt), list(bv), ".:", drawstyle="steps-post",
                        label=_t("p_bound_of", lang, solver=solver))
    ax.set(xscale="log", xlabel=_t("p_seconds", lang), ylabel=_t("p_objective", lang),
           title=_t("p_over_time", lang, name=instance))
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_size(df: pd.DataFrame, path: Path, lang: str = "en") -> None:
    sized = df[df.family.isin(["scale", "national-all-levels", "region-all-levels", "real"])]
    sized = sized[sized.status != "SKIPPED"]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    for solver, runs in sized.groupby("solver"):
        rows = runs.groupby("officials").median(numeric_only=True).reset_index()
        # first feasible: only runs whose calendar passes the checker
        good = runs[runs.ok].groupby("officials").median(numeric_only=True).reset_index()
        axes[0].plot(good.officials, good.time_to_first, "o-", label=solver)
        axes[1].plot(rows.officials, rows.wall_time, "o-", label=solver)
        axes[2].plot(rows.officials, rows.peak_mib, "o-", label=solver)
    for ax, key in zip(axes, ("p_first", "p_wall", "p_memory")):
        ax.set(xscale="log", yscale="log", xlabel=_t("p_officials", lang), ylabel=_t(key, lang))
        ax.legend(fontsize=7, loc="best")
    fig.suptitle(_t("p_size", lang))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def incumbents(traces: Path, run) -> list[tuple[float, float]]:
    """A run's improving solutions: (seconds since the solver was called, its cost), from
    its trace (the solver's own objective); a run with none there (greedy) gives its
    calendar's checker cost at the time it ended, if the calendar breaks no hard rule."""
    path = traces / f"{run.instance}__{run.solver}__{run.seed}.json"
    points: list[tuple[float, float]] = []
    if path.exists():
        for t, objective, _ in json.loads(path.read_text()):
            if objective is not None and np.isfinite(objective) and (
                    not points or objective < points[-1][1]):
                points.append((float(t), float(objective)))
    if not points and run.ok:
        t = run.time_to_best if pd.notna(run.time_to_best) else run.wall_time
        points.append((float(t), float(run.checker_cost)))
    return points


def cost_at(points: list[tuple[float, float]], run, limit: float) -> float:
    """The best cost a run had found by ``limit`` seconds (infinite: none, or its final
    calendar breaks a hard rule, which leaves its incumbents unproven)."""
    if not run.ok:
        return np.inf
    found = [cost for t, cost in points if t <= limit + 1e-9]
    return min(found) if found else np.inf


def equal_time(df: pd.DataFrame, traces: Path) -> pd.DataFrame:
    """Per instance and solver (medians over seeds): the cost by the time limit, the final
    cost and when it was found; per instance, whether our best solver is at least as good
    as every peer at the limit, and against every peer's final calendar."""
    df = df[(df.status != "SKIPPED") & (df.family != "replan")]
    rows = []
    for (family, instance, solver), runs in df.groupby(["family", "instance", "solver"],
                                                      sort=False):
        limit = float(runs.time_limit.max())
        at = [cost_at(incumbents(traces, r), r, limit) for r in runs.itertuples()]
        final = [incumbents(traces, r) for r in runs.itertuples()]
        rows.append(dict(family=family, instance=instance, solver=solver, limit=limit,
                         at=float(np.median(at)), final=float(runs.score.median()),
                         found=float(np.median([p[-1][0] if p else np.nan for p in final])),
                         broken=bool(((runs.checked == "yes")
                                      & (runs.hard_violations.fillna(0) > 0)).any())))
    return pd.DataFrame(rows)


def _verdicts(table: pd.DataFrame) -> pd.DataFrame:
    """Per instance: ours (the best of OURS at the limit) against every peer."""
    out = []
    for (family, instance), rows in table.groupby(["family", "instance"], sort=False):
        by = rows.set_index("solver")
        ours = [s for s in OURS if s in by.index]
        peers = [s for s in PEERS if s in by.index]
        if not ours or not peers:
            continue
        best = min(by.at[s, "at"] for s in ours)
        finite = bool(np.isfinite(best))
        out.append(dict(family=family, instance=instance, limit=by["limit"].max(),
                        at_ok=finite and all(best <= by.at[p, "at"] for p in peers),
                        final_ok=finite and all(best <= by.at[p, "final"] for p in peers)))
    return pd.DataFrame(out)


def equal_time_lines(df: pd.DataFrame, traces: Path, lang: str = "en") -> list[str]:
    """The table "CP-SAT at least as good as every peer at equal time", per instance,
    and a count per family."""
    table = equal_time(df, traces)
    if table.empty:
        return []
    verdicts = _verdicts(table)
    if verdicts.empty:
        return []
    families = list(dict.fromkeys(verdicts.family))  # in the order they were run
    verdicts = verdicts.assign(rank=verdicts.family.map(families.index)).sort_values(
        ["rank", "instance"], kind="stable")
    solvers = [s for s in (*OURS, "highs", "timefold", "greedy") if s in set(table.solver)]
    limit = float(verdicts["limit"].max())

    def number(x: float) -> str:
        return "—" if not np.isfinite(x) else f"{x:.0f}"

    def cell(row) -> str:
        if row.broken:
            return _t("ttt_invalid", lang, at=number(row.at))
        if np.isfinite(row.final) and (not np.isfinite(row.at) or row.final < row.at):
            return _t("ttt_later", lang, at=number(row.at), final=number(row.final),
                      t=row.found)
        if not np.isfinite(row.final):
            return _t("ttt_none", lang)
        return number(row.at)

    head = [_t("ttt_family", lang), _t("ttt_instance", lang), *solvers,
            _t("ttt_at", lang, limit=limit), _t("ttt_final", lang, limit=limit)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for v in verdicts.itertuples():
        rows = table[(table.family == v.family) & (table.instance == v.instance)]
        by = {r.solver: cell(r) for r in rows.itertuples()}
        lines.append("| " + " | ".join([v.family, v.instance, *(by.get(s, "") for s in solvers),
                                        _t("yes" if v.at_ok else "no", lang),
                                        _t("yes" if v.final_ok else "no", lang)]) + " |")
    lines.append("")
    for family, rows in verdicts.groupby("family", sort=False):
        lines.append("- " + _t("ttt_count", lang, family=family, at=int(rows.at_ok.sum()),
                                final=int(rows.final_ok.sum()), total=len(rows),
                                limit=float(rows["limit"].max())))
    return lines


def plot_time_to_target(df: pd.DataFrame, traces: Path, family: str, path: Path,
                        lang: str = "en") -> None:
    """One panel per instance of the family: each solver's best cost by time t (seed 0),
    a step line from its trace (greedy: one point), its final calendar marked (a circle:
    the checker's cost; a cross: it breaks a hard rule), the time limit dotted."""
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    runs = df[(df.family == family) & (df.seed == 0) & (df.status != "SKIPPED")]
    instances = list(dict.fromkeys(runs.instance))
    if not instances:
        return
    order = [s for s in (*OURS, "highs", "timefold", "greedy") if s in set(df.solver)]
    order += sorted(set(df.solver) - set(order))
    colour = {s: f"C{i}" for i, s in enumerate(order)}
    cols = min(len(instances), 3)
    rows = -(-len(instances) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(max(8.0, 4.8 * cols), 3.3 * rows + 1.1),
                             squeeze=False)
    limits = set()
    crosses = False
    for ax, instance in zip(axes.flat, instances):
        missing = []
        for run in runs[runs.instance == instance].sort_values(
                "solver", key=lambda s: s.map(order.index)).itertuples():
            points = incumbents(traces, run)
            c = colour[run.solver]
            if not points and run.checked == "yes":  # a calendar that breaks a hard rule
                missing.append(_t("p_broken_at", lang, solver=run.solver,
                                  n=int(run.hard_violations), t=float(run.wall_time)))
                continue
            if not points:
                missing.append(_t("p_nothing", lang, solver=run.solver))
                continue
            t, cost = zip(*points)
            end = max(t[-1], float(run.wall_time))
            if len(points) == 1 and end - t[0] < 0.05 * end:
                ax.plot(t, cost, "o", color=c, ms=5)
            else:
                ax.step([*t, end], [*cost, cost[-1]], where="post", color=c, lw=1.6)
            if run.ok:
                ax.plot([end], [run.checker_cost], "o", mfc="none", mec=c, ms=8, mew=1.4)
            else:
                ax.plot([end], [cost[-1]], "x", color=c, ms=9, mew=2)
                crosses = True
        limit = float(runs[runs.instance == instance].time_limit.max())
        limits.add(limit)
        ax.axvline(limit, ls=":", color="0.4", lw=1.2)
        ax.set_xscale("log")
        ax.set_yscale("log")
        plain = FuncFormatter(lambda v, _: f"{v:g}")
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_locator(LogLocator(base=10, subs=(1.0, 1.5, 2.0, 3.0, 5.0, 7.0)))
            axis.set_major_formatter(plain)
            axis.set_minor_formatter(NullFormatter())
        ax.set_title(instance, fontsize=10)
        ax.margins(x=0.04, y=0.12)
        ax.grid(True, which="major", alpha=0.3)
        ax.tick_params(labelsize=8)
        if missing:
            ax.text(0.98, 0.97, "\n".join(missing), transform=ax.transAxes, fontsize=7,
                    va="top", ha="right", color="0.25",
                    bbox=dict(boxstyle="round,pad=0.3", fc="white", ec="0.8", alpha=0.9))
    for ax in list(axes.flat)[len(instances):]:
        ax.set_visible(False)
    for k, ax in enumerate(list(axes.flat)[:len(instances)]):
        if k + cols >= len(instances):  # the lowest panel of its column
            ax.set_xlabel(_t("p_since", lang), fontsize=8)
        if k % cols == 0:
            ax.set_ylabel(_t("p_incumbent", lang), fontsize=8)
    handles = [Line2D([], [], color=colour[s], lw=1.6, label=s) for s in order
               if s in set(runs.solver)]
    handles.append(Line2D([], [], ls="none", marker="o", mfc="none", mec="0.2", ms=8,
                          label=_t("p_checked", lang)[2:]))
    if crosses:
        handles.append(Line2D([], [], ls="none", marker="x", color="0.2", ms=8, mew=2,
                              label=_t("p_broken", lang)[2:]))
    handles.append(Line2D([], [], ls=":", color="0.4",
                          label=_t("p_equal", lang, limit=max(limits))))
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 4), fontsize=8,
               frameon=False)
    fig.suptitle(_t("p_ttt", lang, family=family), fontsize=11)
    height = 3.3 * rows + 1.1
    fig.tight_layout(rect=(0, 0.75 / height, 1, 1 - (0.35 / height if rows > 1 else 0)))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(out: Path, time_limit: float, notes: str = "", lang: str = "en") -> Path:
    """``out/README.md`` and the plots in ``lang`` (ru, kk or en), from ``out/results.csv``;
    a ``notes.md`` beside it (the run's own story, in its author's language) is included."""
    df = load(out / "results.csv")
    if (out / "notes.md").exists():
        notes = (out / "notes.md").read_text(encoding="utf-8")
    plots = []
    if df.solver.nunique() > 1:
        plot_profile(df, out / "profile.png", lang)
        plots.append(f"![{_t('plot_profile', lang)}](profile.png)")
    national = sorted(i for i in df.instance.unique() if str(i).startswith("national-0"))
    if national:
        plot_over_time(df, out / "traces", national[0], out / "over-time.png", lang)
        plots.append(f"![{_t('plot_time', lang)}](over-time.png)")
    if df.officials.nunique() > 1:
        plot_size(df, out / "size.png", lang)
        plots.append(f"![{_t('plot_size', lang)}](size.png)")
    curves = []
    if df.solver.isin(PEERS).any():
        for family in dict.fromkeys(df.family):
            if family == "replan":
                continue
            name = f"time-to-target-{family}.png"
            plot_time_to_target(df, out / "traces", family, out / name, lang)
            if (out / name).exists():
                curves.append(f"![{_t('plot_ttt', lang, family=family)}]({name})")
    skipped = df[df.status == "SKIPPED"].drop_duplicates("solver")
    limits = ", ".join(f"{t:g}" for t in sorted(df.time_limit.unique()))
    lines = [
        f"# {_t('title', lang, name=out.name)}", "",
        _t("intro", lang, machine=platform.machine(), python=platform.python_version(),
           limits=limits), "",
        f"## {_t('targets', lang)}", "", *targets(df, time_limit, lang), "",
    ]
    if len(skipped):
        lines += [f"{_t('skipped', lang)}: " + "; ".join(f"`{r.solver}`: {r.note}"
                                                          for r in skipped.itertuples()), ""]
    if notes:
        lines += [notes.rstrip(), ""]
    peers = equal_time_lines(df, out / "traces", lang)
    if peers or curves:
        lines += [f"## {_t('ttt', lang)}", "",
                  _t("ttt_intro", lang, limit=float(df.time_limit.max())), "", *peers, "",
                  *curves, ""]
    table = summary(df[df.status != "SKIPPED"])
    if lang != "en":
        index = 0 if lang == "ru" else 1
        table["status"] = table["status"].map(lambda x: status_text(x, lang))
        table = table.rename(columns={k: v[index] for k, v in COLUMNS_TEXT.items()})
    lines += [f"## {_t('plots', lang)}", "", *plots, "", f"## {_t('every', lang)}", "",
              _md(table), ""]
    readme = out / "README.md"
    readme.write_text("\n".join(lines), encoding="utf-8")
    return readme
