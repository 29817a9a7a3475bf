"""scheduler/slots.py: the slot, Kazakhstan's days off and weekends, and the grid the
model draws from them (TIME-OFFHOURS over TIME-HORIZON's days) on the tiny instance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scheduler.profile import TimeHorizon, TimeOffhours
from scheduler.rules.time_offhours import explanation_grid, slot_grid
from scheduler.slots import Slot, days_off, is_weekend, public_holidays, times_of

D = dt.date.fromisoformat
T = dt.time.fromisoformat


def test_slot_times_quarter_and_order():
    slot = Slot(D("2027-04-03"), T("15:00"), T("17:00"))
    assert slot.quarter == 2 and slot.minutes == 120
    assert slot.begins == dt.datetime(2027, 4, 3, 15) and slot.ends == dt.datetime(2027, 4, 3, 17)
    assert Slot(D("2027-03-31"), T("18:30"), T("20:30")).quarter == 1
    earlier = Slot(D("2027-04-03"), T("10:00"), T("12:00"))
    assert sorted([slot, earlier]) == [earlier, slot]  # by date, then start


def test_public_holidays_of_2027_with_moved_days_off():
    off = public_holidays(2027)
    for day in ("2027-01-01", "2027-01-02", "2027-01-07", "2027-03-08", "2027-03-21",
                "2027-03-22", "2027-03-23", "2027-05-01", "2027-05-07", "2027-05-09",
                "2027-07-06", "2027-10-25", "2027-12-16"):
        assert D(day) in off, day
    assert D("2027-05-10") in off  # Victory Day on a Sunday: the Monday is off
    assert D("2027-01-04") in off  # New Year's second day on a Saturday
    assert D("2027-02-13") not in off and D("2027-04-17") not in off


def test_days_off_add_the_instance_ones(tiny_instance):
    assert days_off(tiny_instance) == public_holidays(2027)
    extra = tiny_instance.model_copy(update={"extra_days_off": (D("2027-02-13"),)})
    assert days_off(extra)[D("2027-02-13")] == "extra day off"
    assert D("2027-03-08") in days_off(extra)


def test_weekends_and_working_saturdays(tiny_instance):
    assert is_weekend(D("2027-02-13"), tiny_instance)  # Saturday
    assert is_weekend(D("2027-02-14"), tiny_instance)  # Sunday
    assert not is_weekend(D("2027-02-15"), tiny_instance)  # Monday
    worked = tiny_instance.model_copy(update={"extra_working_days": (D("2027-02-13"),)})
    assert not is_weekend(D("2027-02-13"), worked)


def test_times_of():
    assert times_of(("10:00-12:00", "18:30-20:30")) == [(T("10:00"), T("12:00")),
                                                         (T("18:30"), T("20:30"))]
    assert times_of(()) == []


def test_grid_weekend_and_evening_slots_no_days_off(tiny_instance, kz2024):
    grid = slot_grid(tiny_instance, kz2024)
    rule = kz2024.get(TimeOffhours)
    assert grid == sorted(grid)
    days = {s.date for s in grid}
    assert min(days) >= D("2027-01-01") and max(days) <= D("2027-06-30")
    assert not days & set(days_off(tiny_instance))
    saturday = [s for s in grid if s.date == D("2027-02-13")]
    assert [(s.start, s.end) for s in saturday] == times_of(rule.weekend_slots)
    monday = [s for s in grid if s.date == D("2027-02-15")]
    assert [(s.start, s.end) for s in monday] == times_of(rule.workday_slots)
    # every day of the half-year is in the grid unless it is a day off
    all_days = {D("2027-01-01") + dt.timedelta(days=n) for n in range(181)}
    assert days == all_days - set(days_off(tiny_instance))


def test_grid_keeps_days_off_for_explanations_and_when_the_rules_are_off(tiny_instance,
                                                                         kz2024):
    grid, guarded = explanation_grid(tiny_instance, kz2024)
    assert guarded == days_off(tiny_instance)
    assert D("2027-03-22") in {s.date for s in grid}  # Nowruz, guarded, not dropped
    whole_year = slot_grid(tiny_instance, kz2024.without(TimeHorizon))
    assert max(s.date for s in whole_year) == D("2027-12-31")
    holidays_too = slot_grid(tiny_instance, kz2024.with_params(TimeOffhours,
                                                               use_public_holidays=True))
    assert D("2027-03-08") in {s.date for s in holidays_too}


def test_kazakhstan_holidays_are_the_packages_without_every_country():
    """kz_holidays gives what holidays.country_holidays("KZ") gives, loading Kazakhstan's
    module alone (not the 280 countries' modules of the package's lookup)."""
    import json
    import subprocess
    import sys

    probe = ("import json, sys\nfrom scheduler.kz_holidays import kz_holidays\n"
             "days = kz_holidays(range(2016, 2029))\n"
             "print(json.dumps([len([m for m in sys.modules if m.startswith("
             "'holidays.countries.')]), sorted((d.isoformat(), n) for d, n in days.items())]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parent.parent).stdout
    loaded, days = json.loads(out)
    assert loaded == 1
    import holidays

    expected = holidays.country_holidays("KZ", years=range(2016, 2029), language="en_US")
    assert days == sorted([d.isoformat(), n] for d, n in expected.items())
    assert ["2027-03-22", "Nowruz Holiday"] in days
