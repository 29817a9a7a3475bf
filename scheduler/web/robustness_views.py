"""The page of a draft's latest robustness sweep (``scheduler robustness``, issue 17).

A sweep is a folder the command wrote (``sweep.json`` with the key of what was swept,
``futures.jsonl`` with one record per future). The workspace looks for sweeps under
``settings.SWEEPS_DIR`` (environment ``SCHEDULER_SWEEPS_DIR``; default the data folder's
``sweeps``), a few folders deep, and matches them to a calendar version by the digest of its
meetings, as the sweep computed it. The page shows the summary of the newest sweep of the
version: changes per quarter, why meetings changed, the fragile officials and meetings and
the regions at risk, with names in the page's language. Sweeps are calendar-wide: every
role that reads everything sees the page, an editor does not.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from scheduler.report import common as c
from scheduler.web import services as s
from scheduler.web.access import require
from scheduler.web.models import CalendarVersion, HalfYear

DEPTH = 3  # folders below SWEEPS_DIR searched for sweep.json
# (folder, size, mtime) -> (summary, changes per quarter), per process
_SUMMARIES: dict[tuple, tuple[dict, dict[int, list[int]]]] = {}


def sweeps_dir() -> Path:
    configured = getattr(settings, "SWEEPS_DIR", None) or os.environ.get("SCHEDULER_SWEEPS_DIR")
    return Path(configured) if configured else Path(settings.DATA_DIR) / "sweeps"


def _lang() -> str:
    code = (get_language() or "ru")[:2]
    return code if code in ("ru", "kk", "en") else "ru"


def calendar_digest(calendar) -> str:
    """The digest ``scheduler.robustness.sweep.sweep_key`` gives a calendar's meetings."""
    from scheduler.robustness.sweep import digest

    return digest(json.dumps([m.model_dump(mode="json") for m in calendar.meetings]))


def find_sweeps(root: Path | None = None) -> list[dict]:
    """Every sweep folder under ``root``: its key, runs and when it last changed."""
    root = root or sweeps_dir()
    found: list[dict[str, Any]] = []
    if not root.is_dir():
        return found
    nested = (p for depth in range(1, DEPTH + 1)
              for p in root.glob("/".join(["*"] * depth) + "/sweep.json"))
    for meta in [root / "sweep.json", *nested]:
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or not isinstance(data.get("key"), dict):
            continue
        results = meta.parent / "futures.jsonl"
        changed = max(meta.stat().st_mtime, results.stat().st_mtime if results.exists() else 0)
        found.append({"folder": meta.parent, "key": data["key"], "runs": data.get("runs", []),
                      "target": data.get("target"), "changed": changed})
    return found


def latest_sweep(calendar, instance_name: str, found: list[dict] | None = None) -> dict | None:
    """The newest sweep of this calendar (same meetings) of this instance, or None;
    ``found``: the sweeps to choose from (default: those under SWEEPS_DIR)."""
    found = find_sweeps() if found is None else found
    mine = [f for f in found if f["key"].get("instance") == instance_name]
    if not mine:
        return None
    wanted = calendar_digest(calendar)
    mine = [f for f in mine if f["key"].get("calendar_digest") == wanted]
    return max(mine, key=lambda f: f["changed"], default=None)


def summary_of(folder: Path) -> tuple[dict, dict[int, list[int]]]:
    """The report's summary of a sweep folder and each quarter's numbers of changes, made
    again only when its results grew (a running sweep appends to them)."""
    from scheduler.robustness.report import load_records, summarise

    results = folder / "futures.jsonl"
    stat = results.stat() if results.exists() else None
    key = (str(folder), stat.st_size if stat else 0, stat.st_mtime if stat else 0)
    if key not in _SUMMARIES:
        for old in [k for k in _SUMMARIES if k[0] == key[0]]:
            del _SUMMARIES[old]
        records = load_records(folder)
        by_quarter: dict[int, list[int]] = {}
        for r in records:
            for row in r["quarters"]:
                if "changes" in row:
                    by_quarter.setdefault(row["quarter"], []).append(row["changes"])
        _SUMMARIES[key] = (summarise(records), by_quarter)
    return _SUMMARIES[key]


def cause_label(cause: str) -> str:
    return {
        "absence:illness": _("absence: illness"),
        "absence:delegation": _("absence: delegation"),
        "absence:other": _("absence: other reason"),
        "alert": _("out-of-schedule meeting on an alert"),
        "request": _("change request"),
        "blocked_date": _("date blocked by the akimat"),
        "day_off": _("new day off"),
        "non_compliant": _("broke a rule of the current profile"),
        "ripple": _("moved with the other changes"),
    }.get(cause, cause)


def _num(x: float | None, digits: int = 1) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:.{digits}f}"


def _histogram(values: list[int], width: int = 360, height: int = 120) -> dict:
    """Columns of an SVG histogram: how many futures needed each number of changes."""
    counts = Counter(values)
    top = max(counts.values(), default=1)
    last = max(counts, default=0)
    step = width / (last + 1)
    columns = [{"x": round(i * step, 1), "w": round(max(1.0, step - 1), 1),
                "h": round(height * counts[i] / top, 1),
                "y": round(height - height * counts[i] / top, 1), "value": i, "n": counts[i]}
               for i in range(last + 1) if counts[i]]
    return {"columns": columns, "width": width, "height": height, "last": last, "top": top}


def page_context(summary: dict, records_of_quarter: dict[int, list[int]], inst, L: str,
                 found: dict) -> dict:
    """What the template shows, names in the page's language, numbers formatted."""
    n = max(1, summary["futures"])
    quarters = []
    for q in summary["quarters"]:
        p = summary["per_quarter"][q]
        ch, w, t = p["changes"], p["change_cost"], p["wall_time"]
        quarters.append({
            "q": q, "replans": p["replans"], "calendars": p["calendars"],
            "mean": _num(ch["mean"]), "median": _num(ch["median"], 0), "p90": _num(ch["p90"], 0),
            "worst": _num(ch["max"], 0), "cost_median": _num(w["median"], 0),
            "cost_p90": _num(w["p90"], 0), "proven": p["proven"],
            "proven_share": _num(100 * p["proven"] / p["calendars"]) if p["calendars"] else "–",
            "oos": _num(p["out_of_schedule"]["mean"], 2),
            "check_ok": p["calendars"] - p["new_violations"],
            "time_median": _num(t["median"]), "hist": _histogram(records_of_quarter.get(q, []))})
    causes: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    requests = 0
    for q in summary["quarters"]:
        causes.update(summary["per_quarter"][q]["causes"])
        refused.update(summary["per_quarter"][q]["refused"])
        requests += summary["per_quarter"][q]["requests"]
    most = max(causes.values(), default=1)
    cause_rows = [{"label": cause_label(k), "n": v, "pct": round(100 * v / most)}
                  for k, v in causes.most_common()]

    def official(oid: str) -> str:
        try:
            return c.official_title(inst, oid, L)
        except Exception:  # an official the stored instance no longer has
            return oid

    def region(rid: str) -> str:
        try:
            return c.region_name(inst, rid, L)
        except Exception:
            return rid

    officials = []
    for oid, counts in sorted(summary["officials"].items(),
                              key=lambda kv: -summary["official_futures"][kv[0]])[:15]:
        share = 100 * summary["official_futures"][oid] / n
        officials.append({
            "name": official(oid), "share": _num(share), "pct": round(share),
            "moved": counts["_moved"], "handed": counts["_handed over"],
            "cancelled": counts["_cancelled"],
            "causes": ", ".join(f"{cause_label(k)} {v}" for k, v in counts.most_common(3)
                                if not k.startswith("_"))})
    meetings = []
    for m in sorted(summary["meetings"].values(), key=lambda m: -len(m["futures"]))[:15]:
        share = 100 * len(m["futures"]) / n
        meetings.append({
            "id": m["meeting"], "official": official(m["official"]), "region": region(m["region"]),
            "date": m["date"], "share": _num(share), "pct": round(share),
            "moved": m["kinds"]["moved"], "handed": m["kinds"]["handed over"],
            "cancelled": m["kinds"]["cancelled"],
            "cause": cause_label(m["causes"].most_common(1)[0][0])})
    regions = []
    ranked = sorted(summary["regions"].items(),
                    key=lambda kv: (-kv[1]["changes"], -kv[1]["alerts"]))
    widest = max((v["changes"] for _, v in ranked), default=1) or 1
    for rid, v in ranked[:12]:
        regions.append({"name": region(rid), "changes": _num(v["changes"] / n, 2),
                        "pct": round(100 * v["changes"] / widest), "displaced": v["displaced"],
                        "blocked": v["blocked"], "alerts": _num(v["alerts"] / n, 2)})
    runs = [{"finished": r.get("finished", ""), "futures": r.get("futures", 0),
             "wall": r.get("wall_time_s"), "cpus": r.get("num_cpus"),
             "rate": r.get("futures_per_s"), "load": " ".join(map(str, r.get("load_before", [])))}
            for r in found["runs"]]
    key = found["key"]
    target = found.get("target") or summary["futures"]
    return {
        "futures": summary["futures"], "target": target,
        "complete": summary["complete"], "unfinished": summary["futures"] < target,
        "status": sorted(summary["status"].items()), "quarters": quarters,
        "total": {k: _num(summary["total_changes"][k], 0 if k != "mean" else 1)
                  for k in ("mean", "median", "p90", "max")},
        "displaced": _num(100 * summary["displaced_share"]),
        "oos": _num(100 * summary["oos_share"]),
        "causes": cause_rows, "requests": requests, "refused": sum(refused.values()),
        "refused_rules": ", ".join(f"{k} {v}" for k, v in refused.most_common()),
        "officials": officials, "meetings": meetings, "regions": regions, "runs": runs,
        "key": key, "folder": found["folder"].name,
    }


@login_required
def robustness_view(request, hy: str | None = None, n: int | None = None):
    """The latest sweep of a version (``h/HY/v/N/robustness/``), or, from the menu, of the
    newest version of the half-year that has one."""
    require(request, "read_all")
    L = _lang()
    if hy is not None and n is not None:
        versions = [get_object_or_404(CalendarVersion.objects.select_related("instance", "halfyear")
                                      .defer(*s.LIGHT_INSTANCE), halfyear__label=hy, number=n)]
        halfyear = versions[0].halfyear
    else:
        years = list(HalfYear.objects.all())
        if not years:
            raise Http404
        wanted = request.GET.get("hy")
        halfyear = next((h for h in years if h.label == wanted), years[0])
        versions = list(halfyear.versions.select_related("instance", "halfyear")
                        .defer(*s.LIGHT_INSTANCE).order_by("-number")[:20])
    version = found = None
    sweeps = find_sweeps()
    for v in versions:  # the stored instance's name is the instance's (store_instance)
        found = latest_sweep(s.calendar_of(v), v.instance.name, sweeps)
        if found is not None:
            version = v
            break
    context = {"halfyear": halfyear, "version": version or (versions[0] if versions else None),
               "sweep": None, "sweeps_dir": sweeps_dir()}
    if found is not None and version is not None:
        summary, by_quarter = summary_of(found["folder"])
        context["sweep"] = page_context(summary, by_quarter, s.instance_of(version.instance),
                                        L, found)
    return render(request, "web/robustness.html", context)
