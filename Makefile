# Two commands do everything: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/scheduler plan instances/kz-2027-h1.json --out reports/demo

test: $(STAMP)
	$(PY) -m pytest

# The web workspace on the bundled instance with demo accounts (passwords printed).
serve: $(STAMP)
	$(VENV)/bin/scheduler serve --demo

clean:
	rm -rf $(VENV) .pytest_cache
