"""The layout the project keeps, checked on dbt's manifest so that it stays kept: one staging model
per raw table, reading nothing else (but, for a tracker, the tracker's rows it types); one per seed,
the only model or test that reads it; dependencies running staging -> intermediate -> marts; short
chains of views; a primary-key test on every intermediate model and mart; every model and column
described; each macro file named after a macro it holds, or listing its family. dbt-score lints the
same manifest. Each problem names the model (or file) and the rule."""

from __future__ import annotations

import fnmatch
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, DbtProject, new_project

MAX_VIEW_CHAIN = 4
PRIMARY_KEY_TESTS = {"unique", "unique_combination_of_columns"}


def layer_of(node: dict) -> str:
    """staging, intermediate or marts: the folder under models/ a model lives in."""
    return Path(node["original_file_path"]).parts[1]


def structure_problems(manifest: dict, relation_columns: dict[str, set[str]],
                       built_elsewhere: frozenset[str] = frozenset()) -> list[str]:
    """Every breach of the layout rules, as 'model: rule', sorted; the columns of the models
    `built_elsewhere` (not in this world) are checked where they are built."""
    models = {uid: node for uid, node in manifest["nodes"].items() if node["resource_type"] == "model"}
    tests = [node for node in manifest["nodes"].values() if node["resource_type"] == "test"]
    problems: list[str] = []

    def has_primary_key_test(uid: str) -> bool:
        return any(test.get("attached_node") == uid
                   and (test.get("test_metadata") or {}).get("name") in PRIMARY_KEY_TESTS for test in tests)

    for node in [*models.values(), *tests]:
        for parent in node["depends_on"]["nodes"]:
            # pql_<name> is read by stg_seeds__<name>, which types and normalises it for every reader.
            seed = manifest["nodes"].get(parent) if parent.startswith("seed.") else None
            if seed and node["name"] != (own_model := "stg_seeds__" + seed["name"].removeprefix("pql_")):
                problems.append(f"{node['name']}: reads seed {seed['name']}, which only {own_model} may read")

    for uid, node in models.items():
        name, layer = node["name"], layer_of(node)
        parents = node["depends_on"]["nodes"]
        for parent in parents:
            if parent.startswith("source."):
                source = manifest["sources"][parent]
                # raw_<table> is read by stg_raw__<table>; a tracker's tables (<tracker> or
                # <tracker>_<table>) by its stg_<tracker>__ models.
                group = source["source_name"].split("_")[0]
                own_model = f"stg_raw__{source['name']}" if group == "raw" else f"stg_{group}__*"
                if not fnmatch.fnmatchcase(name, own_model):
                    problems.append(f"{name}: reads source {source['source_name']}.{source['name']}, "
                                    f"which only {own_model} may read")
            elif parent in models:
                parent_name, parent_layer = models[parent]["name"], layer_of(models[parent])
                # stg_raw__<table> types and checks the tracker's rows of <table> (ephemeral, inlined).
                reads_its_tracker = (name.startswith("stg_raw__") and models[parent]["config"]["materialized"]
                                     == "ephemeral" and parent_name.endswith("__" + name.removeprefix("stg_raw__")))
                # A tracker's events read its incremental lookups (Snowplow's copies and sign-ins).
                reads_its_lookup = (models[parent]["config"]["materialized"] == "incremental"
                                    and name.split("__")[0] == parent_name.split("__")[0] != "stg_raw")
                if layer == "staging" and not (reads_its_tracker or reads_its_lookup):
                    problems.append(f"{name}: a staging model reads model {parent_name}")
                elif layer == "intermediate" and parent_layer == "marts":
                    problems.append(f"{name}: an intermediate model reads mart {parent_name}")

        if layer in ("intermediate", "marts"):
            has_key_test = has_primary_key_test(uid)
            named_test = node["meta"].get("primary_key_test")
            if named_test:
                has_key_test = any(test["name"] == named_test and uid in test["depends_on"]["nodes"]
                                   for test in tests)
            tested_in = node["meta"].get("key_tested_in")
            if tested_in:
                # A view read by one model only, whose key test then covers its rows too.
                readers = {models[child]["name"] for child in models if uid in models[child]["depends_on"]["nodes"]}
                tested_in_id = f"model.{node['package_name']}.{tested_in}"
                has_key_test = readers == {tested_in} and has_primary_key_test(tested_in_id)
            if not has_key_test and not node["meta"].get("no_primary_key"):
                problems.append(f"{name}: no primary-key test (unique, unique_combination_of_columns, "
                                "meta.primary_key_test or meta.key_tested_in) and no meta.no_primary_key saying why")

        if not (node.get("description") or "").strip():
            problems.append(f"{name}: no description")
        if node["config"]["materialized"] == "ephemeral" or name in built_elsewhere:
            continue  # no relation here to hold its columns
        documented = {column_name.lower() for column_name, column in node["columns"].items()
                      if (column.get("description") or "").strip()}
        for column_name in sorted(relation_columns.get(name, set()) - documented):
            problems.append(f"{name}: column {column_name} is not described")
        for column_name in sorted({c.lower() for c in node["columns"]} - relation_columns.get(name, set())):
            problems.append(f"{name}: column {column_name} is described but not there")

    views = {uid for uid, node in models.items() if node["config"]["materialized"] == "view"}
    longest: dict[str, list[str]] = {}

    def view_chain(uid: str) -> list[str]:
        """The longest chain of views ending at this view, its names in order."""
        if uid not in longest:
            parent_chains = [view_chain(parent) for parent in models[uid]["depends_on"]["nodes"] if parent in views]
            longest[uid] = max(parent_chains, key=len, default=[]) + [models[uid]["name"]]
        return longest[uid]

    for uid in sorted(views):
        chain = view_chain(uid)
        if len(chain) > MAX_VIEW_CHAIN:
            problems.append(f"{chain[-1]}: a chain of {len(chain)} views ({' -> '.join(chain)}), "
                            f"more than {MAX_VIEW_CHAIN}")
    return sorted(problems)


def macro_file_problems(macros_dir: Path) -> list[str]:
    """Each macro file is named after a macro it holds, or is a family whose leading comment lists
    every macro in it, so a reader finds a macro from the folder tree."""
    problems = []
    for path in sorted(macros_dir.rglob("*.sql")):
        text = path.read_text()
        names = re.findall(r"{%-?\s*macro\s+(\w+)", text)
        header = re.match(r"\s*{#(.*?)#}", text, re.S)
        unlisted = [name for name in names if not header or not re.search(rf"\b{name}\b", header.group(1))]
        if path.stem not in names and unlisted:
            problems.append(f"{path.relative_to(macros_dir.parent)}: named after none of its macros, and its "
                            f"leading comment does not list {', '.join(unlisted)}")
    return problems


@pytest.fixture(scope="module")
def manifest(built_classic_world: DbtProject) -> dict:
    assert built_classic_world.dbt("parse", dbt_vars={"pql_scoring_model": "classic"}).success
    return json.loads((built_classic_world.project_dir / "target" / "manifest.json").read_text())


def test_the_score_date_changes_nothing_dbt_parses(tmp_path):
    """The suite hands dbt one parse for every score date (conftest.ParsedManifests), as the
    models read the date at run time only."""
    project = new_project(tmp_path)
    parsed = []
    for day in ("2026-03-01", "2031-12-31"):
        result = project.dbt("parse", dbt_vars={"pql_score_date": day})
        assert result.success, result.exception
        parsed.append({kind: {unique_id: {name: value for name, value in node.items() if name != "created_at"}
                              for unique_id, node in nodes.items()}
                       for kind, nodes in result.result.writable_manifest().to_dict().items()
                       if kind in ("nodes", "sources", "macros", "exposures", "unit_tests", "selectors")})
    assert parsed[0] == parsed[1]


@pytest.fixture(scope="module")
def relation_columns(built_classic_world: DbtProject) -> dict[str, set[str]]:
    columns: dict[str, set[str]] = {}
    for table, column in built_classic_world.query(
            "select table_name, column_name from information_schema.columns where table_schema = 'analytics'"):
        columns.setdefault(table.lower(), set()).add(column.lower())
    return columns


def test_the_project_keeps_its_layout(manifest, relation_columns):
    assert structure_problems(manifest, relation_columns) == []


@pytest.mark.parametrize("tracker", ["segment", "snowplow", "posthog"])
def test_the_layout_holds_for_a_trackers_tables(tracker, built_classic_world, relation_columns, tmp_path):
    """The tracker's models are ephemeral and read by their stg_raw__ model alone (segment and
    rudderstack share their macros, amplitude and mixpanel read events alone, as snowplow), but
    for the incremental lookups a tracker's events read (Snowplow's copies and sign-ins)."""
    target = tmp_path / "target"
    result = built_classic_world.dbt("parse", "--target-path", str(target), dbt_vars={"pql_event_source": tracker})
    assert result.success, result.exception
    manifest = json.loads((target / "manifest.json").read_text())
    tracker_models = {node["name"] for node in manifest["nodes"].values()
                      if node["resource_type"] == "model" and node["name"].startswith(f"stg_{tracker}__")}
    materialized = {name: manifest["nodes"][f"model.pql_scoring.{name}"]["config"]["materialized"]
                    for name in tracker_models}
    lookups = {name for name in tracker_models if name.split("__")[1] not in ("events", "users", "accounts")}
    assert tracker_models and all(materialized[name] == ("incremental" if name in lookups else "ephemeral")
                                  for name in tracker_models)
    # The lookups' columns: test_tracker_quirks.py, which builds them.
    assert structure_problems(manifest, relation_columns, frozenset(lookups)) == []


@pytest.mark.fast
def test_each_macro_file_is_named_after_a_macro_or_lists_its_family(tmp_path):
    assert macro_file_problems(PROJECT_ROOT / "macros") == []

    (tmp_path / "macros").mkdir()
    (tmp_path / "macros" / "pql_in_band.sql").write_text("{% macro pql_in_band(x) %}{% endmacro %}")
    (tmp_path / "macros" / "pql_matching.sql").write_text("{% macro pql_in_band(x) %}{% endmacro %}")
    (tmp_path / "macros" / "pql_dates.sql").write_text(
        "{# Dates. Members: pql_a. #}\n{% macro pql_a() %}{% endmacro %}{% macro pql_b() %}{% endmacro %}")
    (tmp_path / "macros" / "pql_caps.sql").write_text(
        "{# Caps. Members: pql_clamp, pql_floor. #}\n{% macro pql_clamp() %}{% endmacro %}"
        "{%- macro pql_floor() %}{% endmacro %}")
    assert macro_file_problems(tmp_path / "macros") == [
        "macros/pql_dates.sql: named after none of its macros, and its leading comment does not list pql_b",
        "macros/pql_matching.sql: named after none of its macros, and its leading comment does not list pql_in_band",
    ]


def test_a_breach_names_the_model_and_the_rule(manifest, relation_columns):
    broken = json.loads(json.dumps(manifest))
    nodes = broken["nodes"]
    by_name = {node["name"]: uid for uid, node in nodes.items() if node["resource_type"] == "model"}
    # Staging reads staging; scoring reads the raw table; an intermediate model reads a mart.
    nodes[by_name["stg_raw__users"]]["depends_on"]["nodes"].append(by_name["stg_raw__accounts"])
    nodes[by_name["int_scored_accounts"]]["depends_on"]["nodes"].append("source.pql_scoring.raw_accounts.accounts")
    nodes[by_name["int_tier_states"]]["depends_on"]["nodes"].append(by_name["pql_scores"])
    # A model reads a seed its stg_seeds__ view should hand it.
    nodes[by_name["int_account_scores"]]["depends_on"]["nodes"].append("seed.pql_scoring.pql_tiers")
    # Views on a chain of four; a mart without its key test; a column nobody described.
    nodes[by_name["int_users_checked"]]["depends_on"]["nodes"].append(by_name["int_events"])
    for node in nodes.values():
        if node["resource_type"] == "test" and node.get("attached_node") == by_name["pql_scores"]:
            node["test_metadata"] = {"name": "not_null"}
    nodes[by_name["pql_contacts"]]["columns"]["email"]["description"] = ""
    # A view whose key is tested where it is read, read somewhere else too.
    nodes[by_name["pql_scores"]]["depends_on"]["nodes"].append(by_name["int_score_reasons"])

    problems = structure_problems(broken, relation_columns)

    assert problems == sorted([
        "stg_raw__users: a staging model reads model stg_raw__accounts",
        "int_scored_accounts: reads source raw_accounts.accounts, which only stg_raw__accounts may read",
        "int_tier_states: an intermediate model reads mart pql_scores",
        "int_account_scores: reads seed pql_tiers, which only stg_seeds__tiers may read",
        "int_users_checked: a chain of 5 views (stg_raw__events -> int_events_account_checked -> int_events_checked "
        "-> int_events -> int_users_checked), more than 4",
        "int_users: a chain of 6 views (stg_raw__events -> int_events_account_checked -> int_events_checked "
        "-> int_events -> int_users_checked -> int_users), more than 4",
        "pql_scores: no primary-key test (unique, unique_combination_of_columns, meta.primary_key_test "
        "or meta.key_tested_in) and no meta.no_primary_key saying why",
        "pql_contacts: column email is not described",
        "int_score_reasons: no primary-key test (unique, unique_combination_of_columns, meta.primary_key_test "
        "or meta.key_tested_in) and no meta.no_primary_key saying why",
    ])


def test_dbt_score_gives_every_model_and_seed_full_marks(built_classic_world: DbtProject, manifest):
    """The rules the project rejects are disabled in pyproject.toml, each with its reason."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "dbt-score"), "lint",
         "--manifest", str(built_classic_world.project_dir / "target" / "manifest.json"),
         "--show", "failing-rules"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Project score: 10.0" in result.stdout.replace("\x1b[1m", "").replace("\x1b[0m", "")


# Runs as unlike each other as the project's vars allow: the daily job and the intraday job, other
# dates and rule sets, a holdout, dispositions, a tracker, column maps, other windows.
UNLIKE_RUNS = [
    ("--selector", "daily", "--vars", '{"pql_score_date": "2026-03-30", "pql_scoring_model": "classic"}'),
    ("--selector", "intraday", "--vars", '{"pql_score_date": "2026-03-31", "pql_shadow_model": "classic", '
     '"pql_holdout_share": 0.2, "pql_read_dispositions": true}'),
    ("--selector", "daily", "--vars", '{"pql_score_date": "2026-03-29", "pql_backfill_start": "2026-03-01", '
     '"pql_event_source": "posthog", "pql_max_window_days": 60, "pql_tier_hysteresis_points": 5, '
     '"pql_incremental_lookback_days": 2, "pql_events_columns": {"event_time": "ts"}, '
     '"pql_users_columns": {"created_at": "signed_up_at"}, "pql_accounts_columns": {"created_at": "signed_up_at"}}'),
    ("--selector", "daily", "--vars", '{"pql_event_source": "segment", "pql_snowplow_account_context": "x"}'),
]


def test_the_views_the_intraday_job_leaves_as_they_are_follow_no_var(make_project):
    """The intraday job does not re-create a view tagged run_independent (selectors.yml): it reads it as
    the daily job made it, so its SQL must be the same whatever a run's vars say. Compiled under each
    selector's name (the intraday switch), with the selectors pointed at those views alone."""
    project = make_project()
    (project.project_dir / "selectors.yml").write_text("selectors:\n" + "".join(
        f"  - name: {name}\n    definition:\n      method: tag\n      value: run_independent\n"
        for name in ("daily", "intraday")))
    compiled: list[dict[str, str]] = []
    for number, args in enumerate(UNLIKE_RUNS):
        result = project.dbt("compile", "--target-path", str(project.project_dir / f"target_{number}"), *args)
        assert result.success, result.exception
        compiled.append({r.node.name: r.node.compiled_code for r in result.result.results
                         if r.node.resource_type == "model"})
    assert len(compiled[0]) > 10
    for name, sql in compiled[0].items():
        assert all(run.get(name) == sql for run in compiled[1:]), f"{name} is tagged run_independent but follows a var"
