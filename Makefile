# Ligesind: `make demo` serves the demo, `make test` runs every check. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: demo test check pytest install bench messages clean

$(VENV)/.installed: pyproject.toml scripts/bootstrap
	PYTHON=$(PYTHON) scripts/bootstrap $(VENV)
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) -m ligesind demo

test: install check pytest

check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy ligesind tests
	$(BIN)/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=ligesind.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=ligesind.settings.test $(PY) manage.py check

pytest: install
	scripts/ensure-chromium
	$(BIN)/pytest -n 2 --dist loadfile

bench: install
	$(PY) bench/crisis.py
	$(PY) bench/signup.py
	$(PY) bench/run.py
	scripts/ensure-services && $(PY) bench/chat.py
	scripts/ensure-services && $(PY) bench/matching.py
	scripts/ensure-services && $(PY) bench/reports.py
	scripts/ensure-services && $(PY) bench/directory.py
	scripts/ensure-services && scripts/ensure-wrk && $(PY) bench/forum.py
	scripts/ensure-services && scripts/ensure-wrk && $(PY) bench/site.py
	$(PY) bench/summary.py

messages: install
	cd ligesind && ../$(PY) ../manage.py makemessages -l da --no-obsolete --no-location
	cd ligesind && ../$(PY) ../manage.py compilemessages -l da

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
