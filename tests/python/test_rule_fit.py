"""Rule points fitted to outcomes: the pieces of the fit on small hand-made data, and the analyst's
command declining to propose anything on a world whose deals are independent of behaviour."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

import rule_fit
from conftest import DbtProject, new_project, temporary_environment
from generate_sample_data import generate

SCORE_DATE = "2026-03-31"
WORLD_VARS = {"pql_score_date": SCORE_DATE, "pql_read_dispositions": True}
CAPS = {"product": 50, "fit": 25, "intent": 25}


def _rows(values: dict[str, list[float]], converted: list[int], live: list[float] | None = None,
          dates: list[dt.date] | None = None) -> rule_fit.CohortRows:
    n = len(converted)
    return rule_fit.CohortRows(dates or [dt.date(2026, 3, 1)] * n, [f"acc_{i}" for i in range(n)],
                               np.array(converted), np.array(live or [0.0] * n),
                               {name: np.array(v, dtype=float) for name, v in values.items()})


def test_auc_and_the_top_share_count_ties_as_a_random_order_would():
    rng = np.random.default_rng(1)
    scores, converted = rng.integers(0, 5, 400).astype(float), rng.integers(0, 2, 400)
    assert rule_fit.auc(converted, scores) == pytest.approx(roc_auc_score(converted, scores))
    # Ten rows, two converters: one among the 4 rows scoring 9, one scoring 1. The top 10% is one
    # row of the four tied at 9, so a quarter of that converter on average: 1/8 of the converters.
    scores = np.array([9, 9, 9, 9, 5, 5, 5, 1, 1, 1], dtype=float)
    converted = np.array([0, 1, 0, 0, 0, 0, 0, 0, 1, 0])
    assert rule_fit.top_share(scores, converted, 0.1) == pytest.approx(0.25 / 2)
    assert rule_fit.top_share(scores, converted, 0.4) == pytest.approx(0.5)
    assert rule_fit.top_share(scores, converted, 1.0) == pytest.approx(1.0)


def test_bands_are_cut_from_the_values_and_need_enough_accounts():
    accounts = [f"acc_{i}" for i in range(100)]
    flag = np.array([1.0] * 40 + [0.0] * 60)
    bands, why = rule_fit.cut_bands("flag", "product", flag, accounts, 30)
    assert bands.thresholds == [1] and why == ""
    counts = np.array([0.0] * 20 + list(range(1, 81)), dtype=float)
    bands, _ = rule_fit.cut_bands("count", "product", counts, accounts, 10)
    assert bands.thresholds == [1, 21, 41, 61]  # the first value above 0, then the quartiles above it
    assert bands.band_bounds(0) == (1, 20) and bands.band_bounds(3) == (61, None)
    # A band holding fewer accounts than the minimum is merged into the one below it.
    bands, _ = rule_fit.cut_bands("count", "product", counts, accounts, 30)
    assert bands.thresholds == [1, 41]
    thin = np.array([1.0] * 5 + [0.0] * 95)
    bands, why = rule_fit.cut_bands("thin", "intent", thin, accounts, 30)
    assert bands is None and why == "too little support: 5 account(s) show it, fewer than 30"
    bands, why = rule_fit.cut_bands("unknown", "fit", np.full(100, np.nan), accounts, 30)
    assert bands is None and why == "no known value"
    # Days to a first event: unknown (no such event) is a state of its own, so the first band is any
    # known value - 0 included - and the bands above it are cut as for a count.
    days = np.array([np.nan] * 40 + [0.0] * 20 + list(range(1, 41)))
    bands, _ = rule_fit.cut_bands("days", "product", days, accounts, 30)
    assert bands.thresholds == [None, 11] and bands.band_bounds(0) == (None, 10)
    bands.points = [6, 1]
    assert list(rule_fit.score(_rows({"days": days[[0, 40, 60, 99]]}, [0, 0, 0, 0]), [bands], CAPS)) == [0, 6, 6, 1]


def test_points_score_as_the_project_scores_them():
    """Bands match inclusive bounds, an unknown value matches none, component totals are held to
    0..cap and the score to 0..100."""
    bands = [rule_fit.SignalBands("seats", "fit", [1, 5], points=[10, 30]),
             rule_fit.SignalBands("idle", "fit", [1], points=[-20]),
             rule_fit.SignalBands("invites", "product", [1], points=[40])]
    rows = _rows({"seats": [0, 4, 5, np.nan, 9], "idle": [0, 0, 1, 1, 0], "invites": [0, 1, 1, 1, 1]},
                 [0, 0, 0, 0, 1])
    assert list(rule_fit.score(rows, bands, CAPS)) == [0, 50, 50, 40, 65]


def test_tier_boundaries_keep_each_tiers_share_of_accounts():
    live = np.arange(100, dtype=float)  # 30% at or above 70, 10% at or above 90
    candidate = live / 2
    assert rule_fit.matched_thresholds(live, candidate, [50, 70, 90]) == [25, 35, 45]


def test_the_split_is_in_time_and_refuses_too_little_history():
    dates = [dt.date(2026, 2, 1), dt.date(2026, 2, 8), dt.date(2026, 2, 15), dt.date(2026, 2, 22)]
    rows = _rows({"x": [0, 1, 0, 1]}, [0, 1, 0, 1], dates=dates)
    test, train_dates, test_dates = rule_fit.split_in_time(rows, 14)
    assert list(test) == [False, False, True, True] and test_dates == dates[2:] and train_dates == dates[:2]
    with pytest.raises(SystemExit, match="cannot split 4 calibration cohort"):
        rule_fit.split_in_time(rows, 30)


def test_a_fit_finds_a_planted_signal_and_beats_a_blind_score():
    rng = np.random.default_rng(3)
    n = 4000
    dates = [dt.date(2026, 2, 1) + dt.timedelta(days=7 * (i % 4)) for i in range(n)]
    planted, noise = rng.random(n) < 0.3, rng.random(n) < 0.3
    converted = (rng.random(n) < np.where(planted, 0.25, 0.04)).astype(int)
    rows = _rows({"planted": planted.astype(float), "noise": noise.astype(float)}, list(converted),
                 live=list(rng.integers(0, 100, n).astype(float)), dates=dates)
    fit = rule_fit.fit_and_test(rows, {"planted": "product", "noise": "product"}, CAPS, test_days=7,
                                min_accounts=30)
    assert [signal.signal for signal in fit.signals] == ["planted"] and "noise" in fit.left_out
    assert fit.wins and fit.candidate.auc > 0.65 and abs(fit.live.auc - 0.5) < 0.06
    assert fit.signals[0].points[0] > 0


def test_a_signal_is_re_based_on_its_lowest_state_which_changes_no_ranking():
    # Every known value: -0.5, 30+: -2.0 more. The lowest state, 30+, becomes 0.
    anywhere = rule_fit.SignalBands("days_since_last_event_30d", "product", [None, 30], [-0.5, -2.0])
    rule_fit.rebase(anywhere)
    assert anywhere.thresholds == [None, 30] and anywhere.log_odds == pytest.approx([1.5, 0.0])
    # 10+: -1.0. The known values under 10 become a band of their own, worth 1.0 above it.
    from_ten = rule_fit.SignalBands("sessions_14d", "product", [10], [-1.0])
    rule_fit.rebase(from_ten)
    assert from_ten.thresholds == [None, 10] and from_ten.log_odds == pytest.approx([1.0, 0.0])
    rows = _rows({"sessions_14d": [0, 5, 10, 20]}, [0, 1, 0, 1])
    before = rule_fit.fitted_values(rows, [rule_fit.SignalBands("sessions_14d", "product", [10], [-1.0])])
    assert np.argsort(rule_fit.fitted_values(rows, [from_ten]), kind="stable").tolist() == np.argsort(
        before, kind="stable").tolist()


def test_points_keep_the_fitted_ranking_when_a_signal_counts_against_converting():
    # Active accounts convert more, and inactive ones (30+ days since their last event) less:
    # fitted as a negative band, which as negative points would clip the component to 0.
    rng = np.random.default_rng(5)
    n = 6000
    dates = [dt.date(2026, 2, 1) + dt.timedelta(days=7 * (i % 4)) for i in range(n)]
    invites = rng.poisson(1.0, n).astype(float)
    idle_days = rng.integers(0, 60, n).astype(float)
    odds = np.exp(-3.0 + 0.8 * np.minimum(invites, 3) - 1.5 * (idle_days >= 30))
    converted = (rng.random(n) < odds / (1 + odds)).astype(int)
    rows = _rows({"team_member_invites_7d": list(invites), "days_since_last_event_30d": list(idle_days)},
                 list(converted), live=list(rng.integers(0, 100, n).astype(float)), dates=dates)
    fit = rule_fit.fit_and_test(rows, {"team_member_invites_7d": "product", "days_since_last_event_30d": "product"},
                                CAPS, test_days=7, min_accounts=30)
    assert {signal.signal for signal in fit.signals} == {"team_member_invites_7d", "days_since_last_event_30d"}
    assert all(points >= 0 for signal in fit.signals for points in signal.points)
    assert fit.wins and fit.candidate.auc >= fit.fitted_auc - 0.01, (fit.candidate.auc, fit.fitted_auc)


@pytest.fixture(scope="module")
def independent_world(tmp_path_factory) -> DbtProject:
    """The sample world with deals drawn at the same odds for every account, whatever it does."""
    project = new_project(tmp_path_factory.mktemp("independent"))
    generate(project.database, accounts=2000, events=None, end_date=dt.date(2026, 3, 31), seed=7,
             independent_deals=True)
    project.build(**WORLD_VARS, pql_backfill_start="2026-01-31")
    project.build("--selector", "tuning", **WORLD_VARS)
    return project


def test_deals_independent_of_behaviour_get_no_candidate_and_no_new_threshold(independent_world, tmp_path):
    """Also on a sample of the accounts (--max-fit-accounts), as on a large warehouse."""
    from tune_scores import main

    project = independent_world
    with temporary_environment(PQL_DUCKDB_PATH=str(project.database), PQL_SCHEMA=project.schema, PQL_TARGET="duckdb"):
        proposal = main(["--project-dir", str(project.project_dir), "--profiles-dir", str(project.project_dir),
                         "--vars", json.dumps(WORLD_VARS), "--output-dir", str(tmp_path), "--apply",
                         "--max-fit-accounts", "1000"])
    fit = proposal.fit
    print(f"\nindependent deals: live AUC {fit.live.auc:.3f}; {fit.verdict}")
    assert not fit.wins and not proposal.seed_rows and not (tmp_path / "proposal").exists()
    assert proposal.proposed_threshold == proposal.current_threshold
    assert proposal.threshold_note.startswith("not enough evidence")
    report = (tmp_path / "report.txt").read_text()
    assert f"Decision: {fit.verdict}" in " ".join(report.split()) and fit.verdict.endswith("no candidate")
    # The fit read a sample of 1,000 accounts, named in the report.
    cohort_accounts = project.query("select count(distinct account_id) from analytics.int_cohort_outcomes")[0][0]
    assert len(set(fit.tested.account_ids)) <= 1000 < cohort_accounts
    assert f"(a sample of 1,000 of the {cohort_accounts:,} accounts)" in report
    assert "\nrecommended_tuned" not in (project.project_dir / "seeds" / "pql_rules.csv").read_text()
