"""Analysts change the model by editing seed CSVs: each edit changes exactly the scores it should,
and a broken seed stops the build with the row and the reason."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import DbtProject, copy_built_project
from fixture_world import EXPECTED_CLASSIC, SCORE_DATE, write_raw_tables

CLASSIC = {"pql_scoring_model": "classic", "pql_score_date": SCORE_DATE}


def test_editing_weight_threshold_and_event_mapping_changes_exactly_the_affected_scores(make_project):
    project = make_project()
    write_raw_tables(project.database)
    project.build_models(**CLASSIC)
    before = project.score_summary()
    assert before == EXPECTED_CLASSIC

    # One weight row: viewing pricing is worth 5 instead of 10.
    project.edit_seed(
        "pql_rules",
        "classic,classic_pricing_viewed,intent,pricing_page_viewed_14d,1,,10,",
        "classic,classic_pricing_viewed,intent,pricing_page_viewed_14d,1,,5,",
    )
    # One event mapping: this tracking plan calls invitations "Teammate Invited".
    project.seed_file("pql_signal_events").write_text(
        project.seed_file("pql_signal_events").read_text() + "team_member_invites_30d,Teammate Invited,,,\n"
    )
    # One threshold: Engaged starts at 45 (Cold ends at 44).
    project.edit_seed("pql_tiers", "classic,Cold,1,0,49,", "classic,Cold,1,0,44,")
    project.edit_seed("pql_tiers", "classic,Engaged,2,50,69,", "classic,Engaged,2,45,69,")
    project.build_models(**CLASSIC)
    after = project.score_summary()

    changed = {account for account in before if before[account] != after[account]}
    assert changed == {"acc_hot", "acc_edges", "acc_pql", "acc_custom"}
    assert after["acc_hot"] == (50, 30, 15, 95, "Hot PQL")  # pricing 10 -> 5
    assert after["acc_edges"] == (18, 8, 5, 31, "Cold")  # pricing 10 -> 5
    assert after["acc_pql"] == (49, 15, 5, 69, "Engaged")  # 74 -> 69 drops out of PQL
    assert after["acc_custom"] == (16, 3, 0, 19, "Cold")  # "Teammate Invited" now counts: +15
    assert "+5 viewed pricing" in project.scores()["acc_hot"]["score_reasons"]
    # The threshold edit moved no fixture account (none scores 45-49), and left every other score alone.


def test_raising_the_pql_threshold_moves_only_accounts_below_it(make_project):
    # The usual tuning example, backwards: the PQL bar at 75 instead of 70.
    project = make_project()
    write_raw_tables(project.database)
    project.edit_seed("pql_tiers", "classic,Engaged,2,50,69,", "classic,Engaged,2,50,74,")
    project.edit_seed("pql_tiers", "classic,PQL,3,70,89,", "classic,PQL,3,75,89,")
    project.build_models(**CLASSIC)
    scores = project.scores()
    moved = {
        account_id for account_id, row in scores.items() if row["pql_tier"] != EXPECTED_CLASSIC[account_id][4]
    }
    assert moved == {"acc_pql"}
    pql = scores["acc_pql"]
    assert (pql["pql_score"], pql["pql_tier"], pql["is_pql"], pql["sla_hours"]) == (74, "Engaged", False, None)


# Eight seed mistakes at once, one per check: one build must name every row and reason.
BROKEN_SEEDS = {
    "tier-overlap": ("pql_tiers", "classic,PQL,3,70,89,", "classic,PQL,3,70,92,",
                     "scoring_model=classic, tier_name=Hot PQL, problem=band overlaps tier PQL"),
    "tier-gap": ("pql_tiers", "classic,Cold,1,0,49,", "classic,Cold,1,0,45,",
                 "scoring_model=classic, tier_name=Engaged, problem=gap between this band and tier Cold"),
    "caps-under-100": ("pql_components", "classic,intent,20", "classic,intent,15",
                       "scoring_model=classic, component=None, "
                       "problem=component caps sum to 95, under 100: no account can score 100"),
    "inverted-band": ("pql_rules", "classic,classic_employees_50_500,fit,employee_count,50,500,",
                      "classic,classic_employees_50_500,fit,employee_count,500,50,",
                      "rule_id=classic_employees_50_500, problem=value band is inverted: min_value is above max_value"),
    "unknown-signal": ("pql_rules", "classic,classic_icp_match,fit,is_icp_match,",
                       "classic,classic_icp_match,fit,is_icp_mach,",
                       "rule_id=classic_icp_match, problem=unknown signal is_icp_mach"),
    "unknown-component": ("pql_rules", "classic,classic_icp_industry,fit,",
                          "classic,classic_icp_industry,firmographic,",
                          "rule_id=classic_icp_industry, problem=component firmographic has no cap in pql_components"),
    "window-too-long": ("pql_signals", "workspace_created_30d,has_event,30,", "workspace_created_30d,has_event,120,",
                        "signal_name=workspace_created_30d, "
                        "problem=window_days is longer than var pql_max_window_days (90)"),
    "unknown-comparison": ("pql_signal_events", "pricing_page_viewed_14d,$pageview,$pathname,starts_with,/pricing",
                         "pricing_page_viewed_14d,$pageview,$pathname,begins,/pricing",
                         "signal_name=pricing_page_viewed_14d, event_name=$pageview, "
                         "problem=comparison must be equals, starts_with, contains or in_list"),
}


@pytest.fixture(scope="module")
def broken_seeds_build(built_classic_world, tmp_path_factory) -> tuple[DbtProject, bool]:
    project = copy_built_project(built_classic_world, tmp_path_factory.mktemp("broken_seeds"))
    for seed, old, new, _ in BROKEN_SEEDS.values():
        project.edit_seed(seed, old, new)
    return project, project.dbt("build", dbt_vars=CLASSIC).success


@pytest.mark.parametrize("mistake", list(BROKEN_SEEDS))
def test_broken_seed_fails_build_naming_row_and_reason_and_keeps_previous_scores(broken_seeds_build, mistake):
    project, succeeded = broken_seeds_build
    expected_problem = BROKEN_SEEDS[mistake][3]

    assert not succeeded
    assert any(expected_problem in line for line in project.log_lines), "\n".join(project.log_lines[-30:])
    # The mart is not rebuilt on bad seeds: reverse ETL keeps reading the last good scores.
    assert project.query("select distinct scored_at from analytics.pql_scores") == [(dt.datetime(2000, 1, 1),)]


def test_seed_then_run_stops_on_a_repeated_id_and_a_blank_label(built_classic_world, tmp_path):
    """The seed files' column rules bind under `dbt seed` then `dbt run`, not only `dbt build`."""
    project = copy_built_project(built_classic_world, tmp_path)
    project.edit_seed("pql_rules", "classic,classic_icp_match,fit,is_icp_match,1,1,5,,,ICP match,,,",
                      "classic,classic_icp_match,fit,is_icp_match,1,1,5,,,ICP match,,,\n"
                      "classic,classic_icp_match,fit,is_icp_match,1,1,50,,,,,,")
    assert project.dbt("seed", dbt_vars=CLASSIC).success

    result = project.dbt("run", dbt_vars=CLASSIC)

    assert not result.success
    message = "\n".join(project.log_lines)
    assert "pql_rules row rule_id=classic_icp_match: rule_id is listed more than once" in message
    assert "pql_rules row scoring_model=classic, rule_id=classic_icp_match: label is blank" in message
    assert project.query("select distinct scored_at from analytics.pql_scores") == [(dt.datetime(2000, 1, 1),)]


def test_a_property_condition_newer_than_the_aggregated_events_stops_the_run_until_they_are_aggregated_again(
        built_classic_world, tmp_path):
    """A condition is met where events are rolled up: days rolled up before it was added would
    miss its events, so the run stops naming them rather than score the signal short."""
    project = copy_built_project(built_classic_world, tmp_path)
    project.edit_seed("pql_signal_events", "pricing_page_viewed_14d,pricing_page_viewed,,,",
                      "pricing_page_viewed_14d,pricing_page_viewed,plan,equals,starter")

    # dbt build: the check's test fails, naming the row and the days it missed.
    assert not project.dbt("build", dbt_vars=CLASSIC).success
    assert ("signal_name=pricing_page_viewed_14d, event_name=pricing_page_viewed, condition_key=plan|equals|starter, "
            "first_day_missed=") in "\n".join(project.log_lines)
    # dbt run: the gate stops the marts, saying how to aggregate the days again.
    assert not project.dbt("run", dbt_vars=CLASSIC).success
    message = "\n".join(project.log_lines)
    assert ("pql_signal_events row signal_name=pricing_page_viewed_14d, event_name=pricing_page_viewed: "
            "its property condition is newer than the aggregated events of ") in message
    assert "dbt run --full-refresh --select int_events_aggregated_daily int_signal_condition_days" in message
    assert project.query("select distinct scored_at from analytics.pql_scores") == [(dt.datetime(2000, 1, 1),)]

    assert project.dbt("run", "--full-refresh", "--select", "int_events_aggregated_daily int_signal_condition_days",
                       dbt_vars=CLASSIC).success
    assert project.dbt("build", dbt_vars=CLASSIC).success, "\n".join(project.log_lines[-30:])
    assert project.query("select count(*) from analytics.int_signal_condition_gaps") == [(0,)]


def test_unknown_live_scoring_model_fails_instead_of_scoring_zero(make_project):
    project = make_project()
    write_raw_tables(project.database)
    result = project.dbt("build", dbt_vars={"pql_scoring_model": "clasic", "pql_score_date": SCORE_DATE})
    assert not result.success
    assert any("no rules for the live scoring_model clasic" in line for line in project.log_lines)
    assert project.query(
        "select count(*) from information_schema.tables where table_name = 'pql_scores'"
    ) == [(0,)]


def test_unknown_shadow_model_fails_naming_it(make_project):
    project = make_project()
    write_raw_tables(project.database)
    result = project.dbt("build", dbt_vars={**CLASSIC, "pql_shadow_model": "candidate"})
    assert not result.success
    assert any("no rules for the shadow scoring_model candidate" in line for line in project.log_lines)


@pytest.mark.parametrize(
    ("dbt_vars", "message"),
    [
        ({"pql_score_date": "31/03/2026"}, "var pql_score_date must be a date written YYYY-MM-DD"),
        ({"pql_score_date": "2026-02-30"}, "var pql_score_date must be a date written YYYY-MM-DD"),
        ({"pql_scoring_model": "classic'; drop table x; --"}, "var pql_scoring_model must be a rule-set name"),
        ({"pql_incremental_lookback_days": "-3"}, "var pql_incremental_lookback_days must be a whole number of days"),
        ({"pql_max_window_days": "ninety"}, "var pql_max_window_days must be a whole number of days"),
        ({"pql_scoring_model": "classic", "pql_shadow_model": "classic"},
         "var pql_shadow_model must differ from the live pql_scoring_model"),
        ({"pql_shadow_model": "x' or 1=1"}, "var pql_shadow_model must be a rule-set name"),
    ],
    ids=["date-format", "impossible-date", "model-name-injection", "negative-lookback", "max-window-not-a-number",
         "shadow-same-as-live", "shadow-name-injection"],
)
def test_bad_vars_fail_compilation_with_a_clear_message(make_project, dbt_vars, message):
    project = make_project()
    write_raw_tables(project.database)
    result = project.dbt("build", dbt_vars=dbt_vars)
    assert not result.success
    assert message in str(result.exception) + "\n".join(project.log_lines)
