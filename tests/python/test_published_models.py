"""The published scoring models, as shipped seed rows, on hand-made accounts worked out by hand."""

from __future__ import annotations

import pytest

from conftest import DbtProject, new_project
from fixture_world import (
    EXPECTED_ACTIVATION_INTENSITY,
    EXPECTED_DEPTH_BREADTH_AHA,
    PUBLISHED_ACCOUNTS,
    PUBLISHED_EVENTS,
    PUBLISHED_USERS,
    SCORE_DATE,
    write_raw_tables,
)


def _build(tmp_path_factory, scoring_model: str) -> DbtProject:
    project = new_project(tmp_path_factory.mktemp(scoring_model))
    write_raw_tables(project.database, PUBLISHED_ACCOUNTS, PUBLISHED_USERS, PUBLISHED_EVENTS)
    project.build(pql_score_date=SCORE_DATE, pql_scoring_model=scoring_model)
    return project


@pytest.fixture(scope="module")
def depth_breadth_aha(tmp_path_factory) -> DbtProject:
    return _build(tmp_path_factory, "depth_breadth_aha")


@pytest.fixture(scope="module")
def activation_intensity(tmp_path_factory) -> DbtProject:
    return _build(tmp_path_factory, "activation_intensity")


def test_depth_breadth_aha_scores_match_hand_worked_values(depth_breadth_aha: DbtProject):
    assert depth_breadth_aha.score_summary() == EXPECTED_DEPTH_BREADTH_AHA


def test_depth_breadth_aha_decays_dormant_evidence_and_says_so(depth_breadth_aha: DbtProject):
    assert depth_breadth_aha.scores()["pub_dormant"]["score_reasons"] == (
        "+25 reached the aha moment (published a project) (faded by 5); +10 an economic buyer signed up; "
        "+5 used the key feature 1 time(s) (faded by 5); +5 11-200 employees"
    )


def test_depth_breadth_aha_clamps_at_100_and_gates_accounts_outside_the_icp(depth_breadth_aha: DbtProject):
    scores = depth_breadth_aha.scores()
    # 110 points clamped to 100: the smallest gains count for less, and the reasons still add up.
    deep = scores["pub_deep"]
    assert deep["score_reasons"] == (
        "+30 reached the aha moment (published a project); +25 3 active users; +20 used the key feature 3 times; "
        "+10 active in the last 3 days; +10 an economic buyer signed up; +5 used a secondary feature"
    )
    assert depth_breadth_aha.query("""
        select rule_id, raw_points, capped_points, counted_points from analytics.pql_score_contributions
        where account_id = 'pub_deep' and rule_id in ('dba_secondary_feature', 'dba_size_11_200') order by 1
    """) == [("dba_secondary_feature", 10, 10, 5), ("dba_size_11_200", 5, 5, 0)]
    fast = scores["pub_fast"]
    assert (fast["routing_gate"], fast["treatment"], fast["sla_hours"]) == ("outside the ICP", "Self-serve only", None)
    assert fast["score_reasons"].startswith("Self-serve only: outside the ICP; ")


def test_activation_intensity_scores_match_hand_worked_values(activation_intensity: DbtProject):
    assert activation_intensity.score_summary() == EXPECTED_ACTIVATION_INTENSITY


def test_activation_intensity_caps_its_layers_and_fires_hot_triggers(activation_intensity: DbtProject):
    fast = activation_intensity.scores()["pub_fast"]
    # Paywall (4 hours) and three users activating in 14 days (48 hours) both hold; the score is
    # already Hot PQL, whose 1-hour SLA is shorter still.
    assert (fast["hot_trigger"], fast["sla_hours"]) == ("hit a paywall", 1)
    layers = dict(activation_intensity.query("""
        select rule_group, sum(capped_points) from analytics.pql_score_contributions
        where account_id = 'pub_fast' and rule_group is not null group by 1
    """))
    assert layers == {"activation": 30, "usage_intensity": 30}


def test_sessions_split_on_a_30_minute_gap(activation_intensity: DbtProject):
    sessions = dict(activation_intensity.query("""
        select user_id, sum(session_count) from analytics.int_user_activity_daily
        where account_id = 'pub_fast' group by 1
    """))
    assert sessions == {"u_fast_1": 4, "u_fast_2": 2, "u_fast_3": 1}
