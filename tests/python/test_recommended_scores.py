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


def test_negative_signals_are_named_in_reasons(recommended: DbtProject):
    scores = recommended.scores()
    assert scores["acc_gmail"]["score_reasons"] == (
        "-10 free email domain; +10 invited a teammate; +8 ICP industry; "
        "-5 single-user account; +1 active on 1 day(s) in the last month"
    )
    assert scores["acc_no_events"]["score_reasons"] == (
        "+12 50-500 employees; -10 no activity in 14 days; +2 other industry"
    )
