# Two commands do everything: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo sample test clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The demo writes into out/demo (not tracked): running it leaves `git status` clean.
demo: $(STAMP)
	$(VENV)/bin/scheduler plan instances/kz-2027-h1.json --out out/demo

# The committed sample of the demo's outputs, remade on purpose.
sample: $(STAMP)
	rm -rf reports/demo
	$(VENV)/bin/scheduler plan instances/kz-2027-h1.json --out reports/demo

# Lint and types first (a few seconds), then the suite.
test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(PY) -m pytest

# The property test (plan, check, explain) on 10,000 random instances; `make test` runs 1,000.
.PHONY: fuzz
fuzz: $(STAMP)
	PROPERTY_EXAMPLES=10000 $(PY) -m pytest -q tests/test_properties.py

# Issue 16's figures on this machine, into reports/bench/DATE-*: the targets (issue16.py), the
# solvers at equal time with their time-to-target curves (Timefold needs `pip install
# '.[peers]'` and a JDK; without them its rows say so) and the scale ladder. About 45 minutes
# on 2 idle cores; run it on an idle machine, the reports say the load average.
DATE ?= $(shell date +%F)
.PHONY: bench
bench: $(STAMP)
	mkdir -p reports/bench/$(DATE)-issue16 reports/bench/$(DATE)-ladder
	$(PY) benchmarks/issue16.py --runs 5 --national-runs 5 --replan-runs 5 --process-runs 5 \
	    --time-limit 60 --raw reports/bench/$(DATE)-issue16/runs.jsonl \
	    --out reports/bench/$(DATE)-issue16/README.md
	$(VENV)/bin/scheduler bench --family real --family national --family national-all-levels \
	    --family scale --solver cpsat-2w --solver highs --solver timefold --solver greedy \
	    --time-limit 30 --seeds 1 --jobs 1 --lang en --out reports/bench/$(DATE)-peers
	$(PY) benchmarks/ladder.py --runs 5 --time-limit 60 \
	    --raw reports/bench/$(DATE)-ladder/runs.jsonl --out reports/bench/$(DATE)-ladder/README.md

# The web workspace on the bundled instance with demo accounts (passwords printed).
serve: $(STAMP)
	$(VENV)/bin/scheduler serve --demo

clean:
	rm -rf $(VENV) .pytest_cache
