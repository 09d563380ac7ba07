"""The project's default rule set, "recommended", on the same hand-made accounts, worked out by hand."""

from __future__ import annotations

import pytest

from conftest import DbtProject, new_project
from fixture_world import EXPECTED_RECOMMENDED, SCORE_DATE, write_raw_tables


@pytest.fixture(scope="module")
def recommended(tmp_path_factory) -> DbtProject:
    project = new_project(tmp_path_factory.mktemp("recommended"))
    write_raw_tables(project.database)
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
