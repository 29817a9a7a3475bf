"""Issue 16's scale ladder (benchmarks/generate.py, family ``ladder``): its officials interact
(each rung keeps more of them in the model than the last), and beyond the nation its regions
are generated copies with ids of their own."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from scheduler.instance import Instance
from scheduler.io import load_instance, load_profile
from scheduler.model.independent import independent_meetings
from scheduler.rules.scope_exempt import duty_officials

ROOT = Path(__file__).resolve().parent.parent
LADDER = ROOT / "benchmarks" / "instances" / "ladder"


@pytest.fixture(scope="module")
def generator() -> dict:
    return runpy.run_path(str(ROOT / "benchmarks" / "generate.py"))


def kept_in_model(instance: Instance) -> list[str]:
    """The duty officials the planner keeps in the CP-SAT model (not planned outside it)."""
    profile = load_profile("kz-2024")
    outside = independent_meetings(instance, profile)
    return [o.id for o in duty_officials(instance, profile) if o.id not in outside]


def test_each_rung_keeps_more_interacting_officials_in_the_model():
    files = sorted(LADDER.glob("ladder-*.json"))
    assert len(files) >= 3
    kept, lower = [], []
    for path in files:
        instance = load_instance(path)
        ids = kept_in_model(instance)
        kept.append(len(ids))
        lower.append(sum(1 for i in ids if instance.official(i).akim_level is not None
                         and instance.official(i).akim_level.value in ("district", "rural")))
    assert kept == sorted(set(kept)), kept  # strictly growing
    assert lower[-1] > lower[0] > 0, lower  # district and rural akims among them


def test_beyond_the_nation_regions_are_copies_with_their_own_ids(generator):
    real = generator["_real"]()
    nation = generator["all_levels"](real, 1, "national-all-levels",
                                     [r["id"] for r in real["regions"]], None,
                                     with_ministers=True)
    rung = generator["ladder"](nation, 22)
    instance = Instance.model_validate(rung)
    assert len(instance.regions) == 22
    copies = [r for r in instance.regions if r.id.endswith("-x2")]
    assert len(copies) == 2 and all("generated copy 2" in r.name.en for r in copies)
    for table in ("regions", "bodies", "officials"):
        ids = [x.id for x in getattr(instance, table)]
        assert len(ids) == len(set(ids)), table
    copied = {o.id for o in instance.officials if "-x2" in o.id}
    assert copied and all("generated copy 2" in instance.official(o).title.en for o in copied)
    kept = set(kept_in_model(instance))
    assert kept & copied  # the copies' akims interact too
    # the same bytes every time
    assert generator["ladder"](nation, 22) == rung
