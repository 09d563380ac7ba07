# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATABRICKS_VENV := .venv-databricks
BIGQUERY_VENV := .venv-bigquery

export DO_NOT_TRACK := 1
export DBT_PROFILES_DIR := $(CURDIR)
export PQL_DUCKDB_PATH ?= $(CURDIR)/pql.duckdb

SAMPLE_ACCOUNTS ?= 500
# Whose tables the sample world is written in and read from: native, segment, rudderstack,
# snowplow, amplitude, mixpanel or posthog (`make demo SOURCE=segment`).
SOURCE ?= native
# Yesterday, UTC: the last complete day, so no sample event lies after the run (in its future).
SCORE_DATE ?= $(shell date -u -d yesterday +%Y-%m-%d)

.PHONY: demo test test-fast install install-test lint clean

demo: $(VENV)/.installed  ## Generate sample data, build and test the project on DuckDB, print the result.
	$(BIN)/python scripts/generate_sample_data.py --database "$(PQL_DUCKDB_PATH)" \
		--accounts $(SAMPLE_ACCOUNTS) --end-date $(SCORE_DATE) --shape $(SOURCE)
	$(BIN)/dbt build --selector everything \
		--vars '{pql_score_date: "$(SCORE_DATE)", pql_event_source: $(SOURCE), pql_read_dispositions: true}'
	$(BIN)/python scripts/report_scores.py --database "$(PQL_DUCKDB_PATH)"

test: $(VENV)/.installed-test  ## Run the whole test suite (dbt builds, unit tests, sqlfluff) with pytest.
	$(BIN)/pytest -n auto --dist loadfile

test-fast: $(VENV)/.installed-test  ## The inner loop: dbt's unit tests, the layout checks and the linters (pytest -m fast).
	$(BIN)/pytest -m fast -n 2 --dist loadfile

lint: $(VENV)/.installed-test  ## sqlfluff on the SQL and dbt-score on the models' metadata, as the test suite runs them.
	$(BIN)/sqlfluff lint models tests analyses
	$(BIN)/dbt parse --quiet
	$(BIN)/dbt-score lint --manifest target/manifest.json

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed $(DATABRICKS_VENV)/.installed $(BIGQUERY_VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# dbt-databricks cannot share an environment with dbt-spark; the suite compiles with it here.
$(DATABRICKS_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(DATABRICKS_VENV)
	$(DATABRICKS_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(DATABRICKS_VENV)/bin/python -m pip install --quiet -e ".[databricks]"
	touch $@

# A BigQuery emulator on loopback (test_bigquery.py), which pins a DuckDB of its own.
$(BIGQUERY_VENV)/.installed:
	$(PYTHON) -m venv $(BIGQUERY_VENV)
	$(BIGQUERY_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BIGQUERY_VENV)/bin/python -m pip install --quiet "crucible-emulator[server]==0.1.0a2"
	touch $@

clean:
	rm -rf target logs pql.duckdb pql.duckdb.wal .spark
