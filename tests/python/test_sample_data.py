"""The sample-data generator: deterministic, plausible, and the main job builds green on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from conftest import DbtProject, new_project
from generate_sample_data import generate, main

END_DATE = dt.date(2026, 3, 31)


def _table_fingerprints(database: Path) -> dict[str, tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return {
            table: con.execute(f"""
                select count(*), md5(string_agg(cast(t as varchar), '|' order by cast(t as varchar)))
                from raw.{table} as t
            """).fetchone()
            for table in ("accounts", "users", "events")
        }


def test_same_flags_give_the_same_world_and_another_seed_another(tmp_path: Path):
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        generate(tmp_path / f"{name}.duckdb", accounts=120, events=6_000, end_date=END_DATE, seed=seed)
    first, again, other = (_table_fingerprints(tmp_path / f"{n}.duckdb") for n in "abc")
    assert first == again
    assert first["events"] != other["events"]


def test_flags_scale_the_world(tmp_path: Path):
    counts = generate(tmp_path / "w.duckdb", accounts=50, events=2_000, end_date=END_DATE, seed=1)
    assert counts["accounts"] == 50
    # Events are the requested number plus the exact duplicates the pipeline delivers (about 0.5%),
    # beside the control events of the tuning loop (a few per account for about 40% of accounts).
    assert 2_000 <= counts["events"] - counts["control events"] <= 2_040
    assert 0 < counts["control events"] < 50 * 10


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> DbtProject:
    project = new_project(tmp_path_factory.mktemp("sample"))
    generate(project.database, accounts=400, events=None, end_date=END_DATE, seed=42)
    project.build(pql_score_date=str(END_DATE))
    return project


def test_world_holds_what_real_pipelines_deliver(sample: DbtProject):
    (free_email, single_user, dormant, bad_json, duplicates, messy_names, missing_ids, first_day, last_day) = (
        sample.query("""
        with users_per_account as (
            select account_id, count(*) as users from raw.users group by 1
        ), last_event as (
            select account_id, max(event_time) as last_at from raw.events group by 1
        )
        select
            (select count(*) from raw.accounts where domain in ('gmail.com', 'yahoo.com', 'hotmail.com')),
            (select count(*) from users_per_account where users = 1),
            (select count(*) from last_event where last_at < timestamp '2026-03-17'),
            (select count(*) from raw.events where not json_valid(properties)),
            (select count(*) - count(distinct event_id) from raw.events),
            (select count(*) from raw.events where event_name != lower(trim(event_name))),
            (select count(*) from raw.events where event_id is null),
            (select cast(min(event_time) as date) from raw.events),
            (select cast(max(event_time) as date) from raw.events)
    """)[0])
    assert free_email > 0 and single_user > 0 and dormant > 0
    assert bad_json == 0
    assert duplicates > 0 and messy_names > 0 and missing_ids > 0
    assert first_day >= END_DATE - dt.timedelta(days=90) and last_day == END_DATE


def test_main_job_scores_every_account_into_every_tier(sample: DbtProject):
    tiers = dict(sample.query("select pql_tier, count(*) from analytics.pql_scores group by 1"))
    assert set(tiers) == {"Cold", "Engaged", "PQL", "Hot PQL"}
    assert sum(tiers.values()) == 400
    # The health check: PQLs (70+) are 5-15% of accounts on a sensible model.
    pql_rate = (tiers["PQL"] + tiers["Hot PQL"]) / 400
    assert 0.05 <= pql_rate <= 0.15


def test_shape_flag_writes_the_trackers_tables_in_place_of_the_native_ones(tmp_path: Path, capsys):
    database = tmp_path / "posthog.duckdb"
    main(["--database", str(database), "--accounts", "20", "--end-date", str(END_DATE), "--shape", "posthog"])
    assert "(posthog tables)" in capsys.readouterr().out
    with duckdb.connect(str(database), read_only=True) as con:
        tables = {row[0] for row in con.execute("select table_name from information_schema.tables "
                                                 "where table_schema = 'raw'").fetchall()}
        group_identifies = con.execute(
            "select count(*) from raw.events where event = '$groupidentify'").fetchone()[0]
    # PostHog lands events (accounts' traits among them); the app's users and the CRM's deals and
    # dispositions stay.
    assert tables == {"events", "users", "deals", "dispositions"}
    assert group_identifies == 20
    with pytest.raises(SystemExit):
        main(["--database", str(database), "--shape", "heap"])
    assert "invalid choice: 'heap'" in capsys.readouterr().err
