"""The project's default rule set, "recommended", on the same hand-made accounts, worked out by hand."""

from __future__ import annotations

import pytest

from conftest import DbtProject, new_project
from fixture_world import EXPECTED_RECOMMENDED, SCORE_DATE, add_fixture_world, write_raw_tables

# A Cold account by its score that hit a paywall and sent 5 invitations in the last week.
TRIGGERED_ACCOUNT = ("acc_trigger", "trig.io", 30, "Retail", "US", True, "2026-03-20 09:00:00")
TRIGGERED_USER = ("u_trig", "acc_trigger", "lee@trig.io", "Engineer", "2026-03-20 09:00:00")
TRIGGERED_EVENTS = [
    ("t1", "u_trig", "acc_trigger", "paywall_hit", "2026-03-30 10:00:00", "{}"),
    *[(f"t{day}", "u_trig", "acc_trigger", "team_member_invited", f"2026-03-{day} 09:00:00", "{}")
      for day in range(26, 31)],
]


@pytest.fixture(scope="module")
def recommended(tmp_path_factory) -> DbtProject:
    project = new_project(tmp_path_factory.mktemp("recommended"))
    write_raw_tables(project.database)
    add_fixture_world(project.database, [TRIGGERED_ACCOUNT], [TRIGGERED_USER], TRIGGERED_EVENTS)
    project.build(pql_score_date=SCORE_DATE)  # no pql_scoring_model: the default applies
    return project


def test_default_rule_set_is_recommended(recommended: DbtProject):
    assert recommended.query("select distinct scoring_model from analytics.pql_scores") == [("recommended",)]


@pytest.mark.parametrize("account_id", sorted(EXPECTED_RECOMMENDED))
def test_named_account_scores_match_hand_worked_values(recommended: DbtProject, account_id: str):
    assert recommended.score_summary()[account_id] == EXPECTED_RECOMMENDED[account_id]


def test_negative_signals_are_named_in_reasons_for_what_they_counted(recommended: DbtProject):
    scores = recommended.scores()
    # Fit is floored at 0: the free-mail penalty (-10) can only take back the 8 ICP-industry points.
    assert scores["acc_gmail"]["score_reasons"] == (
        "Self-serve only: outside the ICP; "
        "+10 invited a teammate; -8 free email domain; +8 ICP industry; "
        "-5 single-user account; +1 active on 1 day(s) in the last month"
    )
    # No product points to lose: the inactivity penalty counts for nothing and is not named...
    assert scores["acc_no_events"]["score_reasons"] == "+12 50-500 employees; +2 other industry"
    # ...but the contributions still show that it fired, and why it counted 0.
    assert recommended.query("""
        select raw_points, capped_points, counted_points from analytics.pql_score_contributions
        where account_id = 'acc_no_events' and rule_id = 'rec_inactive_14_days'
    """) == [(-10, 0, 0)]


def test_hot_trigger_makes_a_cold_account_hot_with_the_triggers_own_sla(recommended: DbtProject):
    row = recommended.scores()["acc_trigger"]
    # 5 invites 15 + 5 active days 5 - single user 5 | 11-49 employees 5 + other industry 2 + ICP 5 | paywall 10
    assert (row["product_score"], row["fit_score"], row["intent_score"], row["pql_score"]) == (15, 12, 10, 37)
    # Two triggers hold (paywall: 4 hours, invite burst: 24 hours); the shorter SLA is named and applies.
    routing = (row["pql_tier"], row["is_pql"], row["sla_hours"], row["hot_trigger"])
    assert routing == ("Hot PQL", True, 4, "hit a paywall")
    assert row["treatment"] == "Immediate AE assignment, Slack alert"
    assert row["score_reasons"].startswith("Hot trigger: hit a paywall; +15 invited 5 teammates; ")


def test_accounts_outside_the_icp_are_routed_self_serve_and_unknown_icp_is_not(recommended: DbtProject):
    scores = recommended.scores()
    gated = {account_id for account_id, row in scores.items() if row["routing_gate"] == "outside the ICP"}
    assert gated == {"acc_edges", "acc_large", "acc_custom", "acc_gmail"}  # icp_match false in the fixtures
    for account_id in gated:
        assert (scores[account_id]["treatment"], scores[account_id]["sla_hours"]) == ("Self-serve only", None)
    # Unknown ICP flag: no gate, routed by its tier.
    assert scores["acc_no_events"]["routing_gate"] is None
    assert scores["acc_no_events"]["treatment"] == "Nurture only, lifecycle email"

