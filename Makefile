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

# The web workspace on the bundled instance with demo accounts (passwords printed).
serve: $(STAMP)
	$(VENV)/bin/scheduler serve --demo

clean:
	rm -rf $(VENV) .pytest_cache
