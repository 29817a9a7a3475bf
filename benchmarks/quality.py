"""Before/after tables and charts of calendar quality (issue 15).

    .venv/bin/python benchmarks/quality.py --out reports/quality \\
        --case kz-2027-h1 instances/kz-2027-h1.json BEFORE.json AFTER.json \\
        --case national-all-levels \
            benchmarks/instances/national-all-levels/national-all-levels.json B.json A.json

For each case (an instance with a calendar before and one after): meetings per weekday,
per week, days from alert to meeting, meetings per minister per quarter, akims' meetings
per evening in one district and in one region, ministers' working-day evenings away from
their base; the checker's cost of each issue-15 rule (all switched on, kz-2024's
parameters) and its verdict on the hard ones. Writes ``README.md`` (tables) and one PNG per
chart under ``--out``. Reads the calendars only: nothing is planned here.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from scheduler.checker import check  # noqa: E402
from scheduler.instance import BodyKind, Instance  # noqa: E402
from scheduler.io import load_calendar, load_instance, load_profile  # noqa: E402
from scheduler.meetings import Calendar, MeetingKind  # noqa: E402

NEW_RULES = ("AKIM-ROTATION", "AKIM-SPREAD", "FREQ-SPACING", "FREQ-LOAD", "TIME-EVENING",
             "URGENT-EARLY", "TRAVEL-BASE")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def judge_profile(base: str = "kz-2024"):
    """The profile with every issue-15 rule on (kz-2024's parameters)."""
    p = load_profile(base)
    for rule_id in NEW_RULES:
        p = p.with_params(rule_id, enabled=True)
    return p


def figures(inst: Instance, cal: Calendar) -> dict:
    kind = {b.id: b.kind for b in inst.bodies}
    ministers = [m for m in cal.meetings if kind[m.body_id] is BodyKind.ceb]
    akims = [m for m in cal.meetings if kind[m.body_id] is BodyKind.akimat]
    alerts = {a.id: a for a in inst.alerts}
    out: dict = {}
    out["weekday_ministers"] = Counter(m.date.weekday() for m in ministers)
    out["weekday_akims"] = Counter(m.date.weekday() for m in akims)
    out["week_ministers"] = Counter(m.date.isocalendar()[1] for m in ministers)
    out["week_akims"] = Counter(m.date.isocalendar()[1] for m in akims)
    delays = defaultdict(list)
    for m in cal.meetings:
        alert = alerts.get(m.alert_id or "")
        if m.kind is MeetingKind.out_of_schedule and alert is not None:
            delays[alert.level.value].append((m.date - alert.date).days)
    out["delays"] = delays
    per_q = defaultdict(Counter)
    for m in ministers:
        per_q[m.official_id][(m.date.month - 1) // 3 + 1, m.kind.value] += 1
    out["per_minister"] = per_q
    per_district = Counter((m.district_id, m.date) for m in akims if m.district_id)
    per_region = Counter((m.region_id, m.date) for m in akims)
    per_slot = Counter((m.date, m.start) for m in akims)
    out["per_district_evening"] = Counter(per_district.values())
    out["max_district_evening"] = max(per_district.values(), default=0)
    out["max_region_evening"] = max(per_region.values(), default=0)
    out["busiest_slot"] = max(per_slot.items(), key=lambda kv: kv[1], default=((None, None), 0))
    out["akim_days"] = len({m.date for m in akims})
    base = {o.id: o.base_region_id for o in inst.officials}
    out["far_evenings"] = sum(1 for m in ministers if m.date.weekday() < 5
                              and m.kind is MeetingKind.planned
                              and m.region_id != base[m.presenter_id])
    out["n_ministers"] = len(ministers)
    out["n_ministers_planned"] = sum(m.kind is MeetingKind.planned for m in ministers)
    out["n_akims"] = len(akims)
    report = check(inst, judge_profile(), cal)
    out["costs"] = {r: report.cost_by_rule.get(r, 0.0) for r in NEW_RULES}
    out["violations"] = {r: report.violations_by_rule.get(r, 0) for r in NEW_RULES}
    return out


def _title(inst: Instance, official_id: str) -> str:
    return inst.official(official_id).title.get("en").removeprefix("Minister of ")


def _delay_text(values: list[int]) -> str:
    if not values:
        return "—"
    return f"{len(values)} meetings: max {max(values)}, mean {sum(values) / len(values):.1f}"


def section(name: str, inst: Instance, before: dict, after: dict, charts: Path) -> list[str]:
    lines = [f"## {name}", "", f"Instance `{inst.name}`: {len(inst.officials)} officials.", "",
             "| figure | before | after |", "|---|---|---|"]
    busiest = lambda f: (f"{f['busiest_slot'][1]} ({f['busiest_slot'][0][0]} "  # noqa: E731
                         f"{f['busiest_slot'][0][1]:%H:%M})" if f["busiest_slot"][1] else "0")
    rows = [
        ("ministers' meetings (planned)", lambda f: f"{f['n_ministers']} "
                                                    f"({f['n_ministers_planned']})"),
        ("akims' meetings", lambda f: f["n_akims"]),
        ("ministers' planned working-day evenings away from base",
         lambda f: f["far_evenings"]),
        ("days from an arisen alert to its meeting", lambda f: _delay_text(f["delays"]["arisen"])),
        ("days from a forecast alert to its meeting",
         lambda f: _delay_text(f["delays"]["forecast"])),
        ("most akims' meetings in one district on one day", lambda f: f["max_district_evening"]),
        ("most akims' meetings in one region on one day", lambda f: f["max_region_evening"]),
        ("most akims' meetings in one slot nationwide", busiest),
        ("days with an akim's meeting", lambda f: f["akim_days"]),
    ]
    for label, get in rows:
        lines.append(f"| {label} | {get(before)} | {get(after)} |")
    for rule in NEW_RULES:
        lines.append(f"| {rule}: checker cost (violations) | {before['costs'][rule]:g} "
                     f"({before['violations'][rule]}) | {after['costs'][rule]:g} "
                     f"({after['violations'][rule]}) |")
    lines += ["", "Meetings per weekday (ministers / akims):", "",
              "| | " + " | ".join(WEEKDAYS) + " |", "|---" * 8 + "|"]
    for label, f in (("before", before), ("after", after)):
        lines.append(f"| {label} | " + " | ".join(
            f"{f['weekday_ministers'][d]} / {f['weekday_akims'][d]}" for d in range(7)) + " |")
    lines += ["", "Meetings per minister per quarter (planned + out of schedule):", "",
              "| minister | " + " | ".join(f"Q{q} before | Q{q} after" for q in
                                         inst.horizon.quarters) + " |",
              "|---" * (1 + 2 * len(inst.horizon.quarters)) + "|"]
    for official in sorted(set(before["per_minister"]) | set(after["per_minister"])):
        cells = []
        for q in inst.horizon.quarters:
            for f in (before, after):
                c = f["per_minister"][official]
                cells.append(f"{c[q, 'planned']} + {c[q, 'out_of_schedule']}")
        lines.append(f"| {_title(inst, official)} | " + " | ".join(cells) + " |")
    lines += ["", "Akims' meetings in one district on one day: how many (district, day) pairs "
                  "hold n meetings:", "", "| n | before | after |", "|---|---|---|"]
    for n in sorted(set(before["per_district_evening"]) | set(after["per_district_evening"])):
        lines.append(f"| {n} | {before['per_district_evening'][n]} | "
                     f"{after['per_district_evening'][n]} |")
    lines += ["", *_charts(name, before, after, charts), ""]
    return lines


def _charts(name: str, before: dict, after: dict, out: Path) -> list[str]:
    slug = name.replace(" ", "-")
    fig, axes = plt.subplots(2, 2, figsize=(12, 8))
    ax = axes[0][0]
    width = 0.2
    for i, (label, f, who, colour) in enumerate((
            ("ministers before", before, "ministers", "#9ecae1"),
            ("ministers after", after, "ministers", "#08519c"),
            ("akims before", before, "akims", "#fdae6b"),
            ("akims after", after, "akims", "#a63603"))):
        counts = [f[f"weekday_{who}"][d] for d in range(7)]
        ax.bar([d + (i - 1.5) * width for d in range(7)], counts, width, label=label,
               color=colour)
    ax.set_xticks(range(7), WEEKDAYS)
    ax.set_yscale("symlog")
    ax.set_title("Meetings per weekday")
    ax.legend(fontsize=8)
    ax = axes[0][1]
    for label, f, colour in (("before", before, "#3182bd"), ("after", after, "#e6550d")):
        for who, style in (("ministers", "-"), ("akims", "--")):
            weeks = sorted(set(f[f"week_{who}"]))
            ax.plot(weeks, [f[f"week_{who}"][w] for w in weeks], style, marker=".",
                    color=colour, label=f"{who} {label}")
    ax.set_yscale("symlog")
    ax.set_xlabel("ISO week")
    ax.set_title("Meetings per week")
    ax.legend(fontsize=8)
    ax = axes[1][0]
    for label, f, colour in (("before", before, "#3182bd"), ("after", after, "#e6550d")):
        values = f["delays"]["arisen"] + f["delays"]["forecast"]
        if values:
            ax.hist(values, bins=range(0, max(values) + 2), alpha=0.6, label=label,
                    color=colour)
    ax.set_xlabel("days from alert to meeting")
    ax.set_title("Out-of-schedule meetings")
    ax.legend(fontsize=8)
    ax = axes[1][1]
    if not before["per_district_evening"] and not after["per_district_evening"]:
        ax.text(0.5, 0.5, "no districts in this instance", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
    for label, f, colour in (("before", before, "#3182bd"), ("after", after, "#e6550d")):
        hist = f["per_district_evening"]
        ns = sorted(hist)
        if ns:
            ax.bar([n + (0.2 if label == "after" else -0.2) for n in ns], [hist[n] for n in ns],
                   0.4, label=label, color=colour)
    if before["per_district_evening"] or after["per_district_evening"]:
        ax.set_yscale("symlog")
        ax.legend(fontsize=8)
    ax.set_xlabel("akims' meetings in one district on one day")
    ax.set_ylabel("(district, day) pairs")
    ax.set_title("Akims' meetings per district and day")
    fig.suptitle(name)
    fig.tight_layout()
    path = out / f"{slug}.png"
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return [f"![{name}]({path.name})"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--case", nargs=4, action="append", required=True,
                        metavar=("NAME", "INSTANCE", "BEFORE", "AFTER"))
    parser.add_argument("--note", default="")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    lines = ["# Calendar quality before and after issue 15", "",
             "Made by `benchmarks/quality.py` (the command is in the header of that file). "
             "Costs are the checker's, with every issue-15 rule switched on at kz-2024's "
             "parameters, for both calendars.", ""]
    if args.note:
        lines += [args.note, ""]
    for name, instance, before, after in args.case:
        inst = load_instance(instance)
        lines += section(name, inst, figures(inst, load_calendar(before)),
                         figures(inst, load_calendar(after)), args.out)
    (args.out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(args.out / "README.md")


if __name__ == "__main__":
    main()
