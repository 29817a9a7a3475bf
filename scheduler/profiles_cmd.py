"""Rule profiles on the command line: list them, show one, compare plans under several.

``scheduler profiles`` lists the built-in profiles and their rule ids; ``scheduler profile
show P`` prints one profile rule by rule; ``scheduler compare INSTANCE --profiles A,B``
plans the same instance under each profile and tabulates the differences. The CLI
(``scheduler/cli.py``) only wires these functions to commands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from rich.markup import escape
from rich.table import Table

from scheduler.instance import BodyKind, Instance
from scheduler.io import InputError, load_profile
from scheduler.meetings import MeetingKind
from scheduler.planner import Result, solve
from scheduler.profile import Profile, builtin_profiles, profile_path, profile_problems


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
            if k not in ("kind", "source", "enabled", "title") and v is not None}


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
    number; parameters keep their names (they are the profile file's keys)."""
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
        params = "\n".join(f"{k} = {_value(v)}" for k, v in _params(rule).items())
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
    if key == "status" and value in ("OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN",
                                     "MODEL_INVALID"):
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
    rows = {"status": result.status}
    cal = result.calendar
    ministers = [o.id for o in inst.heads() if inst.body(o.body_id).kind is BodyKind.ceb]
    if cal is None:
        return rows
    meetings = cal.meetings
    planned = sum(m.kind is MeetingKind.planned for m in meetings)
    ministerial = [m for m in meetings if inst.body(m.body_id).kind is BodyKind.ceb]
    rows["meetings"] = str(len(meetings))
    rows["planned / out-of-schedule"] = f"{planned} / {len(meetings) - planned}"
    for kind, label in ((BodyKind.ceb, "ministers"), (BodyKind.akimat, "akims"),
                        (BodyKind.university, "rectors")):
        count = sum(inst.body(m.body_id).kind is kind for m in meetings)
        if count or kind is not BodyKind.university:
            rows[f"meetings of {label}"] = str(count)
    for q in inst.horizon.quarters:
        covered = {m.official_id for m in ministerial if m.quarter == q}
        rows[f"ministers met the population in Q{q}"] = f"{len(covered)} / {len(ministers)}"
    regions = {m.region_id for m in ministerial}
    rows["regions with a ministerial meeting"] = f"{len(regions)} / {len(inst.regions)}"
    met = {(m.region_id, m.body_id) for m in meetings}
    total = sum(i.weight for i in inst.issues)
    done = sum(i.weight for i in inst.issues if (i.region_id, i.body_id) in met)
    rows["topical issue weight met"] = f"{done} / {total}" + (
        f" ({100 * done / total:.0f} %)" if total else "")
    rows["substitutions"] = str(sum(m.substituted for m in meetings))
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
