"""scheduler/summary.py: the one count of a calendar that the CLI tables, compare, the
report (HTML, PDF), the workbook, the charts and the web dashboard all read."""

from __future__ import annotations

from scheduler.instance import BodyKind
from scheduler.summary import BodyCounts, RegionCounts, summarise


def test_counts_of_the_tiny_calendar(tiny_instance, tiny_calendar, kz2024):
    s = summarise(tiny_instance, kz2024, tiny_calendar)
    assert (s.meetings, s.planned, s.out_of_schedule, s.substitutions) == (10, 8, 2, 0)
    assert s.per_quarter == {1: 4, 2: 6}
    assert s.per_kind == {BodyKind.ceb: 5, BodyKind.akimat: 5, BodyKind.university: 0}
    assert s.per_body == {  # planned per quarter, out of schedule, substitutions
        "health": BodyCounts({1: 1, 2: 1}, 0, 0),
        "education": BodyCounts({1: 1, 2: 1}, 1, 0),
        "akimat-mangystau": BodyCounts({1: 1, 2: 1}, 0, 0),
        "akimat-east-kazakhstan": BodyCounts({1: 1, 2: 1}, 1, 0)}
    assert s.per_body["education"].meetings == 3
    assert s.per_region == {  # meetings, ministerial, issue weight met, total
        "astana": RegionCounts(1, 1, 0, 0), "akmola": RegionCounts(1, 1, 4, 6),
        "mangystau": RegionCounts(3, 1, 5, 5), "east-kazakhstan": RegionCounts(5, 2, 3, 3)}
    assert s.coverage() == {"astana": (0, 0), "akmola": (4, 6), "mangystau": (5, 5),
                            "east-kazakhstan": (3, 3)}
    assert (s.ministries, s.ministries_with_duty) == (2, 2)  # Defence is exempt
    assert (s.akimats, s.akimats_total) == (2, 2)
    assert (s.ministers_total, s.ministers_per_quarter) == (3, {1: 2, 2: 2})
    assert (s.regions_covered, s.regions_total) == (4, 4)
    assert (s.issues_met, s.issues_total, s.weight_met, s.weight_total) == (3, 4, 12, 14)


def test_substitutions_and_no_profile(tiny_instance, tiny_calendar):
    first = tiny_calendar.meetings[0]  # health-q1, presented by a deputy now
    moved = first.model_copy(update={"presenter_id": "first-vice-minister-health",
                                     "reason": "illness"})
    cal = tiny_calendar.model_copy(update={"meetings": (moved, *tiny_calendar.meetings[1:])})
    s = summarise(tiny_instance, None, cal)
    assert s.substitutions == 1 and s.per_body["health"].substitutions == 1
    assert s.ministries_with_duty == 3  # without a profile nobody is exempt


def test_empty_calendar(tiny_instance, tiny_calendar, kz2024):
    s = summarise(tiny_instance, kz2024, tiny_calendar.model_copy(update={"meetings": ()}))
    assert s.meetings == 0 and s.per_quarter == {1: 0, 2: 0} and s.per_body == {}
    assert s.ministers_per_quarter == {1: 0, 2: 0} and s.regions_covered == 0
    assert all(r.meetings == 0 for r in s.per_region.values())


def test_rows_are_what_the_documents_show(tiny_instance, tiny_calendar, kz2024):
    """The report, its PDF and the workbook show these rows, in this order."""
    s = summarise(tiny_instance, kz2024, tiny_calendar)
    rows = s.rows(lambda key: key, lambda q: f"Q{q}")
    assert rows == [("meetings", 10), ("Q1", 4), ("Q2", 6), ("ministries_covered", "2 / 2"),
                    ("akimats_covered", "2 / 2"), ("regions_covered", "4 / 4"),
                    ("issues_count", "3 / 4"), ("issues_met", "12 / 14"),
                    ("substitutions", 0), ("out_of_schedule", 2)]


def test_compare_reads_the_summary(tiny_instance, tiny_calendar, kz2024):
    from scheduler.planner import Result
    from scheduler.profiles_cmd import plan_metrics
    from scheduler.results import SolveStatus

    result = Result(status=SolveStatus.OPTIMAL, objective=84, bound=84,
                    calendar=tiny_calendar)
    rows = plan_metrics(tiny_instance, result)
    assert rows["meetings"] == "10" and rows["planned / out-of-schedule"] == "8 / 2"
    assert rows["meetings of ministers"] == "5" and rows["meetings of akims"] == "5"
    assert "meetings of rectors" not in rows
    assert rows["ministers met the population in Q1"] == "2 / 3"
    assert rows["regions with a ministerial meeting"] == "4 / 4"
    assert rows["topical issue weight met"] == "12 / 14 (86 %)"
    assert rows["substitutions"] == "0"
