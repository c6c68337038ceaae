# Two entry points: `make demo` and `make test`. Both create .venv when missing and install the
# exact versions of requirements-lock.txt (with hashes); `make lock` refreshes that file on purpose.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements-lock.txt
# The tool that writes the lock is pinned too, so that `make lock` is repeatable.
UV_VERSION := 0.13.9

.PHONY: demo test lint bench clean lock test-latest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# --no-deps + --require-hashes: exactly what the lock lists, nothing resolved at install time.
$(STAMP): $(BIN)/python $(LOCK) pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

demo: $(STAMP)
	@bash scripts/demo.sh

lint: $(STAMP)
	$(BIN)/ruff check toolkit tests benchmarks conftest.py
	$(BIN)/ruff format --check toolkit tests benchmarks conftest.py

# pytest exits 5 when it collects no tests; that is not a failure of the suite.
test: lint
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

# bench_quality.py scores `find` and `check` on benchmarks/data/quality (published sentences,
# planted defects); like the others it prints figures and exits 0.
bench: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Refresh the lock: run after changing dependencies in pyproject.toml, or to take new releases
# once `make test-latest` has passed with them. Review the diff of $(LOCK) before committing.
# uv lives in a venv of its own, so that .venv holds exactly what the lock lists.
lock:
	[ -x .venv-lock/bin/uv ] || { $(PYTHON) -m venv .venv-lock && \
	    .venv-lock/bin/python -m pip install --quiet uv==$(UV_VERSION); }
	printf 'setuptools>=77\n' | .venv-lock/bin/uv pip compile pyproject.toml - --extra test --extra bench \
	    --universal --python-version 3.11 --generate-hashes --no-header --quiet -o $(LOCK)

# The newest release of every dependency, in a venv of its own; not run by CI.
test-latest:
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade -e '.[test,bench]'
	.venv-latest/bin/ruff check toolkit tests benchmarks conftest.py
	.venv-latest/bin/ruff format --check toolkit tests benchmarks conftest.py
	.venv-latest/bin/python -m pytest -q -p no:cacheprovider; rc=$$?; [ $$rc -eq 5 ] && rc=0; exit $$rc

clean:
	rm -rf $(VENV) .venv-latest .venv-lock build .pytest_cache .ruff_cache
