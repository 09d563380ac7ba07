"""A candidate rule set scored beside the live one in the same run, before anyone switches."""

from __future__ import annotations

from conftest import DbtProject
from fixture_world import ACCOUNTS, EXPECTED_CLASSIC, EXPECTED_RECOMMENDED, SCORE_DATE, write_raw_tables


def test_shadow_model_reports_who_would_change_tier_and_leaves_live_scores_alone(make_project):
    project: DbtProject = make_project()
    write_raw_tables(project.database)
    project.build_models(pql_score_date=SCORE_DATE, pql_scoring_model="classic", pql_shadow_model="recommended")

    # The live mart is exactly what a classic-only run gives.
    assert project.score_summary() == EXPECTED_CLASSIC
    assert project.query("select distinct scoring_model from analytics.pql_score_contributions") == [("classic",)]

    comparison = {
        row[0]: row[1:]
        for row in project.query("""
            select account_id, live_score, live_tier, shadow_score, shadow_tier, tier_change
            from analytics.pql_shadow_comparison
        """)
    }
    assert sorted(comparison) == sorted(account[0] for account in ACCOUNTS)
    for account_id, (_, _, _, score, tier) in EXPECTED_RECOMMENDED.items():
        live = EXPECTED_CLASSIC[account_id]
        assert comparison[account_id][:4] == (live[3], live[4], score, tier), account_id
    # acc_hot: Hot PQL at 100 under classic, PQL at 76 under recommended.
    assert comparison["acc_hot"][4] == "down"
    moves = dict(project.query("select tier_change, count(*) from analytics.pql_shadow_comparison group by 1"))
    assert sum(moves.values()) == len(ACCOUNTS) and moves["down"] >= 2


def test_without_a_shadow_model_the_comparison_is_empty(make_project):
    project: DbtProject = make_project()
    write_raw_tables(project.database)
    project.build_models(pql_score_date=SCORE_DATE, pql_scoring_model="classic")
    assert project.query("select count(*) from analytics.pql_shadow_comparison") == [(0,)]
