"""The tuning loop on a sample world: calibration without leakage, signal lift, the health checks,
and the analyst's command finding the signals the generator planted above the planted noise."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from conftest import DbtProject, new_project, temporary_environment
from generate_sample_data import NOISE_EVENT, generate

SCORE_DATE = "2026-03-31"
BACKFILL_START = "2026-01-31"
HORIZON_DAYS = 30
# Signals fed by the events that raise the generator's deal odds (generate_sample_data.PLANTED_SIGNALS).
PLANTED = ["team_member_invites_30d", "integration_connected_30d", "pricing_page_viewed_14d", "upgrade_intent_14d",
           "paywall_hit_7d"]
NOISE = "notification_settings_viewed_14d"


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> DbtProject:
    project = new_project(tmp_path_factory.mktemp("tuning"))
    generate(project.database, accounts=2000, events=None, end_date=dt.date(2026, 3, 31), seed=7)
    project.build(pql_score_date=SCORE_DATE, pql_backfill_start=BACKFILL_START)
    # The tuning models are not part of the daily job: built by their own selector.
    project.build("--selector", "tuning", pql_score_date=SCORE_DATE)
    return project


def _tune(project: DbtProject, output_dir, *extra: str):
    from tune_scores import main

    with temporary_environment(PQL_DUCKDB_PATH=str(project.database), PQL_SCHEMA=project.schema, PQL_TARGET="duckdb"):
        return main(["--project-dir", str(project.project_dir), "--profiles-dir", str(project.project_dir),
                     "--vars", json.dumps({"pql_score_date": SCORE_DATE}), "--output-dir", str(output_dir),
                     *extra])


def test_calibration_counts_only_later_deals_of_accounts_not_yet_in_the_pipeline(world: DbtProject):
    cohorts = [row[0] for row in world.query(
        "select distinct cast(cohort_date as varchar) from analytics.pql_calibration order by 1")]
    # Weekly cohorts back from the newest date whose 30-day horizon has passed.
    assert cohorts[-1] == "2026-03-01" and cohorts[0] == "2026-02-01", cohorts
    assert len(cohorts) == 5
    # The same counts worked out straight from the raw deals and the history rows.
    expected = world.query(f"""
        with cohort as (
            select history.score_date, history.account_id,
                   case when pql_score >= 90 then 90 else pql_score - pql_score % 10 end as band_floor
            from analytics.pql_score_history as history
            where cast(score_date as varchar) in ({", ".join(f"'{c}'" for c in cohorts)})
              and not exists (select 1 from raw.deals where deals.account_id = history.account_id
                              and cast(deals.created_at as date) <= history.score_date)
        )
        select cast(score_date as varchar), band_floor, count(*),
               count(*) filter (where exists (
                   select 1 from raw.deals where deals.account_id = cohort.account_id
                   and cast(deals.created_at as date) > cohort.score_date
                   and cast(deals.created_at as date) <= cohort.score_date + {HORIZON_DAYS})),
               count(*) filter (where exists (
                   select 1 from raw.deals where deals.account_id = cohort.account_id and deals.is_won
                   and cast(deals.created_at as date) > cohort.score_date
                   and cast(deals.created_at as date) <= cohort.score_date + {HORIZON_DAYS}))
        from cohort group by 1, 2 order by 1, 2
    """)
    actual = world.query("""
        select cast(cohort_date as varchar), band_floor, band_accounts, conversions, closes
        from analytics.pql_calibration order by 1, 2
    """)
    assert actual == expected
    assert sum(row[3] for row in actual) > 50, "the sample world should convert some accounts"


def test_signal_lift_finds_the_planted_signals_and_not_the_noise(world: DbtProject):
    lift = {row[0]: row[1:] for row in world.query(
        "select signal_name, lift, accounts_showing, is_low_support from analytics.pql_signal_lift")}
    noise_lift, noise_support, noise_thin = lift[NOISE]
    assert not noise_thin and noise_support >= 100
    assert 0.7 < noise_lift < 1.3, f"{NOISE_EVENT} has no effect on deals, yet lift is {noise_lift}"
    for signal in PLANTED:
        assert lift[signal][0] > 2.5, (signal, lift[signal])
        assert not lift[signal][2], f"{signal} should have 100+ accounts behind it"


def test_the_analyst_command_ranks_planted_signals_above_the_noise(world: DbtProject, tmp_path):
    seeds_before = {path.name: path.read_text() for path in (world.project_dir / "seeds").glob("*.csv")}
    proposal = _tune(world, tmp_path)

    ranking = [signal.name for signal in proposal.signals]
    for signal in PLANTED:
        assert ranking.index(signal) < ranking.index(NOISE), ranking
    assert ranking.index(NOISE) >= len(PLANTED)

    # The report, the plot and a candidate rule set in the seed format; the seeds untouched.
    report = (tmp_path / "report.txt").read_text()
    assert f"PQL threshold: {proposal.current_threshold} -> {proposal.proposed_threshold}" in report
    assert "Conversion and close rate per score band" in report and "tier churn" in report
    assert (tmp_path / "conversion_by_score_band.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for seed in ("pql_rules", "pql_tiers", "pql_components"):
        with (tmp_path / "proposal" / f"{seed}.csv").open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        header = (world.project_dir / "seeds" / f"{seed}.csv").read_text().splitlines()[0]
        assert (tmp_path / "proposal" / f"{seed}.csv").read_text().splitlines()[0] == header
        assert rows and {row["scoring_model"] for row in rows} == {proposal.candidate_model}
    assert {path.name: path.read_text() for path in (world.project_dir / "seeds").glob("*.csv")} == seeds_before

    # Weights follow lift: no rule on a planted signal is dropped, and the candidate's tiers still cover 0-100.
    dropped = {signal for _, signal, _, new, _ in proposal.rule_changes if new == 0}
    assert not dropped & set(PLANTED)
    pql_tier = [t for t in proposal.seed_rows["pql_tiers"] if t["tier_name"] == "PQL"][0]
    assert int(pql_tier["min_score"]) == proposal.proposed_threshold


def test_health_checks_warn_without_failing_the_build(world: DbtProject):
    world.query("create or replace table analytics.pql_scores_backup as select * from analytics.pql_scores")
    try:
        world.query("update analytics.pql_scores set is_pql = true")
        result = world.dbt("test", "--select", "pql_rate_is_5_to_15_percent",
                           dbt_vars={"pql_score_date": SCORE_DATE})
        assert result.success
        assert [str(r.status) for r in result.result if r.node.unique_id.startswith("test.")] == ["warn"]
    finally:
        world.query("create or replace table analytics.pql_scores as select * from analytics.pql_scores_backup")


def test_applied_candidate_scores_beside_the_live_rule_set(world: DbtProject, tmp_path):
    proposal = _tune(world, tmp_path / "first", "--candidate", "recommended_tuned", "--apply")
    rules = (world.project_dir / "seeds" / "pql_rules.csv").read_text()
    assert rules.count("\nrecommended_tuned,") == len(proposal.seed_rows["pql_rules"])
    with pytest.raises(SystemExit, match="already holds rule set 'recommended_tuned'"):
        _tune(world, tmp_path / "second", "--candidate", "recommended_tuned", "--apply")

    world.build(pql_score_date=SCORE_DATE, pql_shadow_model="recommended_tuned")
    compared = world.query("select count(*), count(distinct shadow_model) from analytics.pql_shadow_comparison")
    scored = world.query("select count(*) from analytics.pql_scores")[0][0]
    assert compared == [(scored, 1)]


def test_every_pql_handoff_has_the_outcome_the_raw_deals_give(world: DbtProject):
    """pql_handoffs against a recomputation from pql_tier_changes and the raw deals."""
    changes = world.query("""
        select account_id, change_date, from_tier, to_tier from analytics.pql_tier_changes order by 1, 2""")
    deals = world.query("select account_id, deal_id, created_at, closed_at, is_won from raw.deals order by created_at")
    score_date, end = dt.date.fromisoformat(SCORE_DATE), dt.datetime.fromisoformat(SCORE_DATE) + dt.timedelta(days=1)
    pql_tiers = {"PQL", "Hot PQL"}
    entries: dict[str, list[dt.date]] = {}
    for account_id, change_date, from_tier, to_tier in changes:
        if to_tier in pql_tiers and from_tier not in pql_tiers:
            entries.setdefault(account_id, []).append(change_date)
    expected = {}
    for account_id, dates in entries.items():
        for handoff, next_handoff in zip(dates, [*dates[1:], None], strict=True):
            horizon_end = handoff + dt.timedelta(days=HORIZON_DAYS)
            first = next((deal for deal in deals if deal[0] == account_id and deal[2] < end
                          and handoff < deal[2].date() <= horizon_end
                          and (next_handoff is None or deal[2].date() <= next_handoff)), None)
            if first is None:
                outcome = "nothing" if horizon_end <= score_date else "pending"
            elif first[3] is not None and first[3] < end:
                outcome = "won" if first[4] else "lost"
            else:
                outcome = "open"
            expected[(account_id, handoff)] = (outcome, first[1] if first else None)
    actual = {(account_id, handoff): (outcome, deal_id) for account_id, handoff, outcome, deal_id in world.query(
        "select account_id, handoff_date, outcome, deal_id from analytics.pql_handoffs")}
    assert actual == expected
    outcomes = {outcome for outcome, _ in actual.values()}
    assert {"nothing", "pending"} <= outcomes and outcomes & {"won", "lost", "open"}
