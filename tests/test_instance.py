"""scheduler/instance.py: the domain model on its own (the command line's messages about
bad instances are tests/test_bad_input.py's)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import ValidationError

from scheduler.instance import (
    Absence,
    AkimLevel,
    BodyKind,
    Horizon,
    Instance,
    Names,
    Role,
    Texts,
    previous_half,
    quarter_of,
    reference_problems,
)

D = dt.date.fromisoformat


def _data(tiny_instance) -> dict:
    return json.loads(tiny_instance.model_dump_json())


def test_horizon_quarters_and_previous_half():
    h1, h2 = Horizon(year=2027, half=1), Horizon(year=2027, half=2)
    assert (h1.start, h1.end, h1.quarters, h1.label()) == (D("2027-01-01"), D("2027-06-30"),
                                                           (1, 2), "2027-H1")
    assert (h2.start, h2.end, h2.quarters) == (D("2027-07-01"), D("2027-12-31"), (3, 4))
    assert previous_half(h1) == Horizon(year=2026, half=2) and previous_half(h2) == h1
    assert [quarter_of(D(f"2027-{m:02d}-15")) for m in range(1, 13)] == \
        [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    with pytest.raises(ValidationError):
        Horizon(year=2027, half=3)


def test_look_ups_and_shared_facts(tiny_instance):
    inst = tiny_instance
    assert inst.region("akmola").centre.name.get("en") == "Kokshetau"
    assert inst.body("health").kind is BodyKind.ceb
    assert [o.id for o in inst.heads()] == ["minister-health", "minister-education",
                                           "minister-defence", "akim-mangystau",
                                           "akim-east-kazakhstan"]
    assert [o.id for o in inst.deputies_of("minister-health")] == [
        "first-vice-minister-health", "vice-minister-health"]
    assert [a.reason.value for a in inst.absences_of("minister-health")] == ["illness"]
    assert inst.absences_of("akim-mangystau") == []
    assert inst.is_ministerial("defence") and inst.is_akimat("akimat-mangystau")
    assert inst.is_regional_akim("akim-mangystau")  # no level given: region level
    assert not inst.is_regional_akim("minister-health")
    assert inst.home_region(inst.official("akim-mangystau")) == "mangystau"
    assert inst.home_region(inst.official("minister-health")) is None
    with pytest.raises(KeyError):
        inst.body("helth")


def test_look_ups_follow_a_copy(tiny_instance):
    """An index remembers the tuple it was built from: a copy with other officials gets its
    own, and equality compares the data, not the indexes."""
    tiny_instance.heads()
    fewer = tiny_instance.model_copy(update={"officials": tiny_instance.officials[:3]})
    assert [o.id for o in fewer.heads()] == ["minister-health"]
    assert Instance.model_validate(_data(tiny_instance)) == tiny_instance
    with pytest.raises(ValidationError):
        tiny_instance.name = "other"  # frozen


def test_deputies_and_district_akims_are_not_regional_akims(tiny_instance):
    data = _data(tiny_instance)
    data["officials"].append({"id": "akim-aktau", "title": {"kk": "A", "ru": "A"},
                              "body_id": "akimat-mangystau", "role": "deputy",
                              "deputy_of": "akim-mangystau", "base_region_id": "mangystau"})
    inst = Instance.model_validate(data)
    assert not inst.is_regional_akim("akim-aktau")
    head = inst.official("akim-mangystau").model_copy(update={"akim_level": AkimLevel.district})
    assert not inst.is_regional_akim(head)


@pytest.mark.parametrize("value, ok", [("астана-қаласы", True), ("r_1.2-x", True),
                                       ("two words", False), ("a/b", False), ("..", False),
                                       ("", False)])
def test_ids(tiny_instance, value, ok):
    data = _data(tiny_instance)
    data["issues"][0]["id"] = value
    if ok:
        assert Instance.model_validate(data).issues[0].id == value
    else:
        with pytest.raises(ValidationError):
            Instance.model_validate(data)


def test_text_as_people_type_it():
    names = Names.model_validate({"kk": "Денсаулық\nсақтау  министрі",
                                  "ru": "Министр\tздравоохранения"})
    assert (names.kk, names.ru, names.get("en")) == ("Денсаулық сақтау министрі",
                                                     "Министр здравоохранения",
                                                     "Министр здравоохранения")
    note = Texts.model_validate({"ru": "первая строка\r\nвторая\x0bтретья"})
    assert note.ru == "первая строка\nвторая\nтретья" and str(note) == note.ru and note
    assert not Texts()
    with pytest.raises(ValidationError, match="control character U\\+0007 at position 3"):
        Names.model_validate({"kk": "ab\x07c", "ru": "x"})


def test_absences(tiny_instance):
    away = Absence(official_id="minister-health", start=D("2027-03-01"), end=D("2027-03-10"),
                   reason="illness")
    assert away.covers(D("2027-03-01")) and away.covers(D("2027-03-10"))
    assert not away.covers(D("2027-03-11"))
    with pytest.raises(ValidationError, match="ends .* before it starts"):
        Absence(official_id="x", start=D("2027-03-10"), end=D("2027-03-01"), reason="other")


def test_roles_need_their_fields(tiny_instance):
    data = _data(tiny_instance)
    data["officials"][1]["deputy_of"] = None  # a deputy of nobody
    with pytest.raises(ValidationError, match="a deputy needs 'deputy_of'"):
        Instance.model_validate(data)


def test_reference_problems_name_table_row_and_field(tiny_instance):
    data = _data(tiny_instance)
    assert reference_problems(tiny_instance) == []
    data["officials"][0]["body_id"] = "helth"
    data["issues"][1]["region_id"] = "atlantis"
    data["alerts"][0]["date"] = "2027-08-01"
    data["officials"][4]["deputy_of"] = "first-vice-minister-health"  # not a first head
    with pytest.raises(ValidationError) as caught:
        Instance.model_validate(data)
    text = str(caught.value)
    for problem in ("officials[0].body_id: unknown body 'helth'",
                    "issues[1].region_id: unknown region 'atlantis'",
                    "alerts[0].date: 2027-08-01 lies outside the horizon",
                    "officials[4].deputy_of: 'first-vice-minister-health' is not a first head"):
        assert problem in text, problem
    assert Role.first_head.value == "first_head"
