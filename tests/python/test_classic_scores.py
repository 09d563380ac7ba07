"""The published classic model, scored on hand-made accounts whose numbers are worked out by hand."""

from __future__ import annotations

import pytest

from conftest import DbtProject, new_project
from fixture_world import ACCOUNTS, EXPECTED_CLASSIC, SCORE_DATE, write_raw_tables


@pytest.fixture(scope="module")
def classic(tmp_path_factory) -> DbtProject:
    project = new_project(tmp_path_factory.mktemp("classic"))
    write_raw_tables(project.database)
    project.build(pql_scoring_model="classic", pql_score_date=SCORE_DATE)
    return project


@pytest.mark.parametrize("account_id", sorted(EXPECTED_CLASSIC))
def test_named_account_scores_match_hand_worked_classic_values(classic: DbtProject, account_id: str):
    assert classic.score_summary()[account_id] == EXPECTED_CLASSIC[account_id]


def test_every_account_scored_once_and_unknown_accounts_not_at_all(classic: DbtProject):
    scores = classic.scores()
    assert sorted(scores) == sorted(account[0] for account in ACCOUNTS)
    assert "acc_ghost" not in scores


def test_reasons_list_contributions_largest_first_and_add_up(classic: DbtProject):
    reasons = classic.scores()["acc_hot"]["score_reasons"]
    assert reasons == (
        "+15 50-500 employees; +15 connected an integration; +15 invited a teammate; "
        "+15 created a workspace; +10 opened the billing portal; +10 ICP industry; "
        "+10 viewed pricing; +5 active on 7 day(s) in the last month; +5 ICP match"
    )
    # Reasons carry the points that counted, after caps, so they add up to the score.
    for row in classic.scores().values():
        points = [int(reason.split(" ", 1)[0]) for reason in row["score_reasons"].split("; ") if reason]
        assert sum(points) == row["pql_score"], row["account_id"]


def test_tier_carries_routing_and_sla(classic: DbtProject):
    scores = classic.scores()
    hot, pql, engaged = scores["acc_hot"], scores["acc_pql"], scores["acc_engaged"]
    assert (hot["is_pql"], hot["sla_hours"], hot["treatment"]) == (True, 1, "Immediate AE assignment, Slack alert")
    assert (pql["is_pql"], pql["sla_hours"], pql["treatment"]) == (True, 24, "AE queue")
    assert (engaged["is_pql"], engaged["sla_hours"]) == (False, None)


def test_mart_records_model_and_score_date(classic: DbtProject):
    rows = classic.query("select distinct scoring_model, cast(score_date as varchar) from analytics.pql_scores")
    assert rows == [("classic", SCORE_DATE)]


def test_staging_cleans_accounts_and_drops_exact_duplicate_events(classic: DbtProject):
    assert classic.scores()["acc_engaged"]["domain"] == "engaged.io"
    raw, staged = classic.query("""
        select
            (select count(*) from raw.events where account_id = 'acc_pql'),
            (select count(*) from analytics.int_events where account_id = 'acc_pql')
    """)[0]
    assert (raw, staged) == (7, 5)  # e30, e31, e32, one page view, e34
    # Events after the score date are left out of staging altogether.
    assert classic.query(
        "select count(*) from analytics.int_events where event_at >= timestamp '2026-04-01'"
    ) == [(0,)]


def _compiled_analysis(project: DbtProject, name: str, **dbt_vars) -> str:
    result = project.dbt("compile", "--select", name, dbt_vars={**dbt_vars, "pql_scoring_model": "classic",
                                                              "pql_score_date": SCORE_DATE})
    assert result.success, result.exception
    return result.result.results[0].node.compiled_code


def test_explain_analysis_reconciles_with_the_mart(classic: DbtProject):
    sql = _compiled_analysis(classic, "explain_account_score", pql_account_id="acc_pql")
    rows = classic.query(f"select rule_id, counted_points, pql_score from ({sql}) as explained")
    assert sum(points for rule_id, points, _ in rows if rule_id) == rows[0][2] == 74
    # Signals that fired no rule are listed too, so an analyst sees what was missing.
    assert any(rule_id is None for rule_id, _, _ in rows)


def test_band_distribution_analysis_counts_every_account(classic: DbtProject):
    sql = _compiled_analysis(classic, "score_band_distribution")
    rows = classic.query(
        f"select band_start, account_count, pql_account_count from ({sql}) as bands order by band_start"
    )
    assert sum(accounts for _, accounts, _ in rows) == len(classic.scores())
    assert dict((band, pql) for band, _, pql in rows) == {0: 0, 10: 0, 20: 0, 30: 0, 50: 0, 70: 1, 90: 1}


def test_contacts_flag_the_senior_active_buyer_with_the_accounts_score(classic: DbtProject):
    rows = classic.query("""
        select user_id, seniority_rank, is_economic_buyer, active_days_30d, key_actions,
               is_primary_contact, pql_score, pql_tier
        from analytics.pql_contacts where account_id = 'acc_hot' order by user_id
    """)
    ceo, engineer = rows
    # Both were active this month; the CEO is the economic buyer, so the rep reaches her first.
    assert ceo[0] == "u_hot_1" and ceo[1:3] == (1, True) and ceo[5] is True
    assert engineer[0] == "u_hot_2" and engineer[1:3] == (None, False) and engineer[5] is False
    assert "workspace_created x1" in ceo[4] and "team_member_invited x1" in ceo[4]
    assert ceo[6:] == engineer[6:] == (EXPECTED_CLASSIC["acc_hot"][3], EXPECTED_CLASSIC["acc_hot"][4])
    # The ghost account's user has no scored account, so no contact row.
    assert classic.query("select count(*) from analytics.pql_contacts where account_id = 'acc_ghost'") == [(0,)]
