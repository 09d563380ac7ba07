"""Operations: the same date run twice gives the same marts, a past date reproduces its history,
no secret is tracked, only the synced marts are granted to the reverse ETL role, personal data
stays out of pql_scores, exposures say what a change touches, and every node is documented."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess

import pytest

from conftest import PROJECT_ROOT, DbtProject, new_project
from fixture_world import SCORE_DATE, write_raw_tables

DAY_BEFORE = "2026-03-30"
MARTS = ["pql_scores", "pql_score_contributions", "pql_contacts", "pql_shadow_comparison",
         "pql_score_history", "pql_tier_changes", "pql_rejected_rows"]
SYNCED_MARTS = {"pql_scores", "pql_contacts", "pql_alerts"}


def marts_without_run_stamps(project: DbtProject) -> dict[str, list[tuple]]:
    """Every mart's rows, less the columns that stamp when the run happened."""
    snapshot = {}
    for mart in MARTS:
        columns = [name for (name,) in project.query(
            "select column_name from information_schema.columns "
            "where table_schema = 'analytics' and table_name = ? order by ordinal_position", [mart])
            if name not in ("scored_at",)]
        snapshot[mart] = project.query(f"select {', '.join(columns)} from analytics.{mart} order by all")
    return snapshot


@pytest.fixture(scope="module")
def daily(tmp_path_factory) -> DbtProject:
    project = new_project(tmp_path_factory.mktemp("operations"))
    write_raw_tables(project.database)
    return project


def test_same_date_twice_gives_identical_marts_and_a_past_date_its_history(daily: DbtProject):
    daily.build_models(pql_scoring_model="classic", pql_score_date=DAY_BEFORE)
    day_before = marts_without_run_stamps(daily)
    daily.build_models(pql_scoring_model="classic", pql_score_date=SCORE_DATE)
    first = marts_without_run_stamps(daily)
    assert first["pql_scores"] != day_before["pql_scores"]  # the two dates do differ

    daily.build_models(pql_scoring_model="classic", pql_score_date=SCORE_DATE)
    assert marts_without_run_stamps(daily) == first

    # Re-running the day before reproduces its scores and its history rows, and leaves the
    # later date's history alone.
    daily.build_models(pql_scoring_model="classic", pql_score_date=DAY_BEFORE)
    again = marts_without_run_stamps(daily)
    assert again["pql_scores"] == day_before["pql_scores"]
    history_of = lambda rows, date: [row for row in rows if str(row[0]) == date]  # noqa: E731
    assert history_of(again["pql_score_history"], DAY_BEFORE) == history_of(day_before["pql_score_history"],
                                                                            DAY_BEFORE)
    assert history_of(again["pql_score_history"], SCORE_DATE) == history_of(first["pql_score_history"], SCORE_DATE)


def test_mart_records_how_fresh_its_inputs_were(daily: DbtProject):
    daily.build_models(pql_scoring_model="classic", pql_score_date=SCORE_DATE)
    rows = daily.query("select distinct cast(events_loaded_through as varchar), "
                       "cast(accounts_loaded_through as varchar) from analytics.pql_scores")
    # The newest event at or before the end of the 31st is e14 at midnight; the newest sign-up the 20th.
    assert rows == [("2026-04-01 00:00:00", "2026-03-20 09:00:00")]


def test_source_freshness_uses_the_same_thresholds(make_project):
    project = make_project()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stamp = lambda hours_ago: (now - dt.timedelta(hours=hours_ago)).strftime("%Y-%m-%d %H:%M:%S")  # noqa: E731
    write_raw_tables(
        project.database,
        accounts=[("acc_1", "one.io", 10, "SaaS", "US", True, stamp(100))],  # within the 168-hour warning
        users=[],
        events=[("e1", "u1", "acc_1", "page_viewed", stamp(30), "{}")],  # past 26 hours, within 50
    )
    def freshness(**dbt_vars) -> dict[str, str]:
        result = project.dbt("source", "freshness", dbt_vars=dbt_vars or None)
        return {r.node.name: str(r.status) for r in result.result if r.node.resource_type == "source"}

    assert freshness() == {"events": "warn", "accounts": "pass"}
    assert freshness(pql_events_warn_after_hours=6, pql_events_error_after_hours=12)["events"] == "error"


# --- secrets -------------------------------------------------------------------------------

SECRET_PATTERNS = {
    "AWS access key": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "private key": re.compile(r"-----BEGIN (RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"),
    "Slack token": re.compile(r"\bxox[abposr]-[0-9A-Za-z-]{10,}"),
    "GitHub token": re.compile(r"\b(ghp|gho|ghs|ghu)_[0-9A-Za-z]{30,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "Google service-account key": re.compile(r'"type":\s*"service_account"'),
    "Snowflake or database URL with password": re.compile(r"://[^/\s:@]+:[^/\s@]{3,}@"),
    "password or secret set to a literal": re.compile(
        r"(?im)^\s*[\"']?(password|passphrase|secret|token|private_key|client_secret|refresh_token)[\"']?\s*[:=]\s*"
        r"(?![\"']?\{\{\s*env_var)[\"']?[^\s\"'{}#][^\s\"']*"
    ),
}


# The emulators the tests start on loopback take any password (fakesnow) or token (crucible).
KNOWN_TEST_CREDENTIALS = {"tests/python/test_snowflake.py: password or secret set to a literal",
                          "tests/python/test_bigquery.py: password or secret set to a literal"}


def find_secrets(text: str) -> list[str]:
    return [name for name, pattern in SECRET_PATTERNS.items() if pattern.search(text)]


def test_the_scanner_finds_planted_secrets():
    assert find_secrets("key = 'AKIAABCDEFGHIJKLMNOP'") == ["AWS access key"]
    assert find_secrets("      password: hunter2") == ["password or secret set to a literal"]
    assert find_secrets("password: \"{{ env_var('SNOWFLAKE_PASSWORD', '') }}\"") == []
    assert find_secrets("-----BEGIN RSA PRIVATE KEY-----") == ["private key"]
    assert find_secrets("snowflake://me:s3cret@account/db") == ["Snowflake or database URL with password"]


def test_no_tracked_file_holds_a_secret():
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT_ROOT, check=True, capture_output=True,
                             text=True).stdout.split("\0")
    assert "profiles.yml" in tracked
    findings = []
    for name in filter(None, tracked):
        path = PROJECT_ROOT / name
        if not path.is_file() or path.suffix in {".png", ".duckdb"}:
            continue
        text = path.read_text(errors="ignore")
        if name == "tests/python/test_operations.py":
            text = text.split("def test_the_scanner_finds_planted_secrets", 1)[0]  # its own examples
        findings += [f"{name}: {kind}" for kind in find_secrets(text)]
    assert set(findings) - KNOWN_TEST_CREDENTIALS == set()


# --- grants, PII, exposures, docs: read from dbt's own listing and manifest -------------------


def dbt_list(project: DbtProject, *args: str, **dbt_vars) -> list[dict]:
    result = project.dbt("ls", "--output", "json", "--output-keys", "name resource_type config", *args,
                         dbt_vars=dbt_vars or None)
    assert result.success, result.exception
    return [json.loads(line) for line in result.result]


def test_only_the_synced_marts_grant_read_to_the_reverse_etl_role(daily: DbtProject):
    models = dbt_list(daily, "--resource-type", "model", pql_reverse_etl_role="hightouch_reader")
    granted = {m["name"]: m["config"]["grants"] for m in models if m["config"]["grants"]}
    assert granted == {name: {"select": ["hightouch_reader"]} for name in SYNCED_MARTS}
    # Without the var nothing is granted.
    assert not any(m["config"]["grants"] for m in dbt_list(daily, "--resource-type", "model"))


def test_a_role_name_that_is_not_a_name_is_refused(daily: DbtProject):
    result = daily.dbt("ls", "--resource-type", "model", dbt_vars={"pql_reverse_etl_role": "x; drop table y"})
    assert not result.success
    assert "var pql_reverse_etl_role must be a role" in str(result.exception)


def test_exposures_declare_the_syncs_and_show_what_a_change_touches(daily: DbtProject):
    exposures = dbt_list(daily, "--resource-type", "exposure")
    assert {e["name"] for e in exposures} == {"crm_account_scores", "crm_contacts", "hot_pql_alerts"}
    upstream = {m["name"] for m in dbt_list(daily, "--select", "+exposure:crm_account_scores",
                                              "--resource-type", "model")}
    assert {"pql_scores", "int_account_scores", "int_events_aggregated_daily", "stg_raw__events"} <= upstream
    assert "pql_contacts" not in upstream
    manifest = read_manifest(daily)
    synced = set()
    for exposure in manifest["exposures"].values():
        assert exposure["owner"]["email"] and exposure["description"]
        synced |= {node.split(".")[-1] for node in exposure["depends_on"]["nodes"]}
    assert synced == SYNCED_MARTS  # what the syncs read is exactly what is granted


def read_manifest(project: DbtProject) -> dict:
    assert project.dbt("parse").success
    return json.loads((project.project_dir / "target" / "manifest.json").read_text())


def test_personal_data_is_tagged_and_kept_out_of_pql_scores(daily: DbtProject):
    manifest = read_manifest(daily)
    nodes = [*manifest["nodes"].values(), *manifest["sources"].values()]
    pii = {(node["name"], name) for node in nodes for name, column in node.get("columns", {}).items()
           if column.get("meta", {}).get("contains_pii")}
    # Every column holding emails is tagged, wherever it is.
    emails = {(node["name"], name) for node in nodes for name in node.get("columns", {}) if "email" in name}
    assert emails <= pii
    daily.build_models(pql_scoring_model="classic", pql_score_date=SCORE_DATE)
    columns_of = lambda table: {name for (name,) in daily.query(  # noqa: E731
        "select column_name from information_schema.columns where table_schema = 'analytics' and table_name = ?",
        [table])}
    pii_names = {name for _, name in pii}
    assert columns_of("pql_scores") & (pii_names | {"email", "job_title", "user_id"}) == set()
    # Contacts carry only the email CRM matching needs.
    assert columns_of("pql_contacts") & pii_names == {"email"}
    assert ("pql_contacts", "email") in pii


def test_docs_generate_and_every_model_column_seed_and_macro_is_documented(daily: DbtProject):
    daily.build_models(pql_scoring_model="classic", pql_score_date=SCORE_DATE)
    result = daily.dbt("docs", "generate", dbt_vars={"pql_scoring_model": "classic", "pql_score_date": SCORE_DATE})
    assert result.success, result.exception
    target = daily.project_dir / "target"
    manifest = json.loads((target / "manifest.json").read_text())
    catalog = json.loads((target / "catalog.json").read_text())
    assert (target / "index.html").exists()
    missing = []
    for unique_id, node in [*manifest["nodes"].items(), *manifest["sources"].items()]:
        if node["resource_type"] not in ("model", "seed", "source") or node["package_name"] != "pql_scoring":
            continue
        if not node["description"].strip():
            missing.append(unique_id)
        documented = {name.lower(): column.get("description", "").strip() for name, column in node["columns"].items()}
        built = catalog["nodes"].get(unique_id) or catalog["sources"].get(unique_id)
        if built is None:  # sources of tables the build does not create (none today)
            continue
        missing += [f"{unique_id}.{name}" for name in built["columns"] if not documented.get(name.lower())]
    for unique_id, macro in manifest["macros"].items():
        if macro["package_name"] == "pql_scoring" and not macro["description"].strip():
            missing.append(unique_id)
    assert missing == [], "\n".join(missing)


def test_readme_says_how_to_browse_the_docs():
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert "dbt docs generate" in readme and "dbt docs serve" in readme
