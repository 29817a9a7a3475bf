"""checker.check_change: the check of a calendar with a few meetings changed, made from the
check of the calendar before, says exactly what the full check says."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path

import pytest

from scheduler.checker import CheckReport, check, check_change
from scheduler.explain import moved_meeting, what_if
from scheduler.io import load_calendar, load_instance, load_profile
from scheduler.meetings import Calendar

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kz():
    return (load_instance(ROOT / "instances" / "kz-2027-h1.json"),
            load_calendar(ROOT / "instances" / "kz-2027-h1-approved.json"))


def same(fast: CheckReport, full: CheckReport) -> None:
    for part in ("violations", "costs", "deadlines"):
        assert Counter(getattr(fast, part)) == Counter(getattr(full, part)), part
    assert [v.rule_id for v in fast.violations] == sorted(
        (v.rule_id for v in fast.violations), key=list(full.checked).index)
    assert (fast.checked, fast.costed) == (full.checked, full.costed)
    assert fast.cost_by_rule == full.cost_by_rule and fast.total_cost == full.total_cost


def moved(inst, prof, cal: Calendar, moves: dict[str, str]) -> Calendar:
    by_id = cal.by_id()
    new = {mid: moved_meeting(by_id[mid], to, inst, prof) for mid, to in moves.items()}
    return cal.model_copy(update={"meetings": tuple(new.get(m.id, m) for m in cal.meetings)})


@pytest.mark.parametrize("profile", ["kz-2024", "kz-2018"])
def test_moves_judged_like_the_full_check(kz, profile):
    """Moves to other dates and regions, one or two meetings at a time, keeping the rules or
    breaking them: the report from the check before equals the full check after."""
    inst, cal = kz
    prof = load_profile(profile)
    before = check(inst, prof, cal)
    rnd = random.Random(12)
    regions = [r.id for r in inst.regions]
    broken = kept = 0
    for n in range(40):
        moves = {}
        for m in rnd.sample(cal.meetings, 1 + n % 2):
            day = inst.horizon.start + dt.timedelta(days=rnd.randrange(181))
            moves[m.id] = rnd.choice(regions) if rnd.random() < 0.5 else day.isoformat()
        after = moved(inst, prof, cal, moves)
        full = check(inst, prof, after)
        same(check_change(inst, prof, cal, before, after), full)
        broken += bool({(v.rule_id, v.message) for v in full.violations}
                       - {(v.rule_id, v.message) for v in before.violations})
        kept += full.violations == before.violations
    assert broken and (kept or profile != "kz-2024")  # kz-2018 finds faults everywhere


def test_other_changes_are_checked_in_full(kz):
    """A meeting removed, one moved to an unknown region: the full check."""
    inst, cal = kz
    prof = load_profile("kz-2024")
    before = check(inst, prof, cal)
    fewer = cal.model_copy(update={"meetings": cal.meetings[1:]})
    same(check_change(inst, prof, cal, before, fewer), check(inst, prof, fewer))
    lost = cal.model_copy(update={"meetings": (
        cal.meetings[0].model_copy(update={"region_id": "atlantis"}), *cal.meetings[1:])})
    same(check_change(inst, prof, cal, before, lost), check(inst, prof, lost))


def test_what_if_from_the_calendars_own_check(kz):
    """explain.what_if given the calendar's check answers as it does without it."""
    inst, cal = kz
    prof = load_profile("kz-2024")
    before = check(inst, prof, cal)
    for m, to in ((cal.meetings[3], "2027-03-22"), (cal.meetings[7], "almaty-city")):
        fast = what_if(inst, prof, cal, m.id, to, before=before)
        full = what_if(inst, prof, cal, m.id, to)
        assert fast.moved == full.moved and fast.delta == full.delta
        assert Counter(fast.new_violations) == Counter(full.new_violations)
