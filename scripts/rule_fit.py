"""Rule points fitted to outcomes, and the out-of-time test that decides whether they are better.

The tuning command (tune_scores.py) reads, per calibration cohort account, every signal's value
on the cohort date (int_cohort_signal_values), the score the live rule set gave it that day and
whether it converted within the horizon (int_cohort_outcomes). This module:

  - splits the cohorts in time: the older ones train, the newer ones test;
  - cuts each signal into bands at thresholds taken from the training values (a 0/1 signal
    is one band: 1; a count gets up to three thresholds at quartiles of its non-zero values),
    leaving out signals too few accounts show;
  - fits an L1-regularised logistic regression of conversion on "value >= threshold"
    indicators (scikit-learn; the penalty chosen by cross-validation over accounts), so a
    band's log-odds is the sum of its thresholds' coefficients and signals that do not help
    get none;
  - re-bases each signal so that its lowest state is worth 0 (see rebase: a constant changes no
    ranking, and a negative one would clip whole components to 0), then turns log-odds into
    whole rule points on one scale (see scale_to_points), merging adjacent bands that round to
    the same points;
  - scores the test cohorts with the rounded rules, as the project scores them (component
    totals held to 0..cap, the score to 0..100), beside the live rule set's own scores and the
    fitted model's (what rounding and caps cost), and compares AUC, the share of converters in
    the top 10% and 20%, and conversion by band;
    the candidate wins only when the 95% bootstrap interval of its AUC gain (resampling
    accounts) lies above 0.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

THRESHOLD_QUANTILES = (0.25, 0.5, 0.75)
PENALTIES = np.logspace(-3, 0, 10)  # the regression's C values tried, strongest penalty first
CV_FOLDS = 5
SCALES_TRIED = 12
ROUNDING_LOSS = 0.005  # training AUC the points may lose to rounding before caps are let bind
BOOTSTRAP_RESAMPLES = 400


@dataclass
class CohortRows:
    """One row per cohort account: its outcome, the live score, and every signal's value."""

    cohort_dates: list[dt.date]
    account_ids: list[str]
    converted: np.ndarray  # 0/1
    live_scores: np.ndarray  # the live rule set's score that day (the history's)
    values: dict[str, np.ndarray]  # signal -> value per row; nan when unknown

    def subset(self, mask: np.ndarray) -> CohortRows:
        index = np.flatnonzero(mask)
        return CohortRows([self.cohort_dates[i] for i in index], [self.account_ids[i] for i in index],
                          self.converted[index], self.live_scores[index],
                          {name: values[index] for name, values in self.values.items()})


@dataclass
class SignalBands:
    signal: str
    component: str
    # Ascending; band k holds values >= thresholds[k] and < thresholds[k + 1]. A first threshold of
    # None is "any known value" (an unknown value - no such event - being a state of its own).
    thresholds: list[int | None]
    log_odds: list[float] = field(default_factory=list)  # per band, summed over its thresholds
    points: list[int] = field(default_factory=list)  # per band, after scaling and rounding

    def band_bounds(self, k: int) -> tuple[int | None, int | None]:
        upper = self.thresholds[k + 1] - 1 if k + 1 < len(self.thresholds) else None
        return self.thresholds[k], upper


def _at_least(values: np.ndarray, threshold: int | None) -> np.ndarray:
    """Where a value is known and at or above the threshold (None: any known value)."""
    return ~np.isnan(values) & (values >= (-math.inf if threshold is None else threshold))


@dataclass
class Ranking:
    """How well a score ranks the test cohorts' accounts by their outcome."""

    auc: float
    top_10_share: float  # share of the converters among the 10% best-scored rows
    top_20_share: float
    bands: list[tuple[int, int, int]]  # (band floor, rows, conversions) per 10-point band


@dataclass
class Fit:
    train_cohorts: list[dt.date]
    test_cohorts: list[dt.date]
    train_rows: int
    test_rows: int
    test_conversions: int
    signals: list[SignalBands]  # those given points
    left_out: dict[str, str]  # signal -> why it got no rule
    penalty: float  # the regression's C, chosen by cross-validation
    tested: CohortRows | None = None  # the test cohorts' rows
    fitted_auc: float = math.nan  # the fitted model's own AUC on the test cohorts, before points
    live: Ranking | None = None
    candidate: Ranking | None = None
    candidate_scores: np.ndarray | None = None  # per row of `tested`
    auc_gain_interval: tuple[float, float] | None = None
    wins: bool = False
    verdict: str = ""


def split_in_time(rows: CohortRows, test_days: int) -> tuple[np.ndarray, list[dt.date], list[dt.date]]:
    """Cohorts within test_days of the newest test; the rest train. Returns the test mask."""
    dates = sorted(set(rows.cohort_dates))
    cut = dates[-1] - dt.timedelta(days=test_days)
    test_dates = [d for d in dates if d > cut]
    train_dates = [d for d in dates if d <= cut]
    if not train_dates or not test_dates:
        raise SystemExit(f"cannot split {len(dates)} calibration cohort(s) ({dates[0]} to {dates[-1]}) into older "
                         f"ones to train on and the last {test_days} days' to test on: backfill more history, "
                         "or change --test-days")
    test = np.array([d > cut for d in rows.cohort_dates])
    return test, train_dates, test_dates


def cut_bands(signal: str, component: str, values: np.ndarray, accounts: list[str],
              min_accounts: int) -> tuple[SignalBands | None, str]:
    """Thresholds for one signal from its training values; None (and why) when too few accounts show it."""
    known = values[~np.isnan(values)]
    if known.size == 0:
        return None, "no known value"
    floor = known.min()
    above = np.sort(known[known > floor])
    distinct = np.unique(above)
    if distinct.size <= len(THRESHOLD_QUANTILES):
        candidates: list[int | None] = [int(v) for v in distinct]
    else:
        candidates = sorted({int(math.ceil(np.quantile(above, q))) for q in THRESHOLD_QUANTILES} | {int(distinct[0])})
    if known.size < values.size:
        candidates.insert(0, None)
    if not candidates:
        return None, "the same value for every account"
    account_array = np.array(accounts)

    def accounts_in(low: int | None, high: int | None) -> int:
        in_band = _at_least(values, low)
        if high is not None:
            in_band &= ~_at_least(values, high)
        return np.unique(account_array[in_band]).size

    # Every band - the top one, and each between two thresholds - needs min_accounts accounts; fewer
    # cannot support its points, so its upper threshold is dropped and it joins the band below.
    thresholds: list[int | None] = []
    for threshold in candidates:
        if accounts_in(threshold, None) < min_accounts:
            break
        if not thresholds or accounts_in(thresholds[-1], threshold) >= min_accounts:
            thresholds.append(threshold)
    if not thresholds:
        shown = np.unique(account_array[_at_least(values, candidates[0])]).size
        return None, f"too little support: {shown} account(s) show it, fewer than {min_accounts}"
    return SignalBands(signal, component, thresholds), ""


def indicators(rows: CohortRows, bands: list[SignalBands]) -> np.ndarray:
    """One column per signal and threshold: 1 where the value is at or above it."""
    columns = [_at_least(rows.values[b.signal], t) for b in bands for t in b.thresholds]
    return np.column_stack(columns).astype(float) if columns else np.zeros((len(rows.account_ids), 0))


def fit_log_odds(rows: CohortRows, bands: list[SignalBands], seed: int) -> float:
    """Fit the regression on the training rows and set each band's log-odds, with the penalty whose
    cross-validated AUC is best. Returns the regression's C."""
    from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
    from sklearn.model_selection import GroupKFold

    features = indicators(rows, bands)
    folds = list(GroupKFold(n_splits=CV_FOLDS).split(features, rows.converted, np.array(rows.account_ids)))
    search = LogisticRegressionCV(Cs=PENALTIES, l1_ratios=(1.0,), cv=folds, scoring="roc_auc", solver="liblinear",
                                  max_iter=5000, random_state=seed, use_legacy_attributes=False)
    search.fit(features, rows.converted)
    chosen = int(np.argmax(np.asarray(search.scores_).reshape(len(folds), len(PENALTIES)).mean(axis=0)))
    model = LogisticRegression(C=PENALTIES[chosen], l1_ratio=1.0, solver="liblinear", max_iter=5000, random_state=seed)
    model.fit(features, rows.converted)
    coefficients = iter(model.coef_.ravel())
    for signal in bands:
        running = 0.0
        signal.log_odds = []
        for _ in signal.thresholds:
            running += next(coefficients)
            signal.log_odds.append(running)
    return float(PENALTIES[chosen])


def band_of(values: np.ndarray, signal: SignalBands, k: int) -> np.ndarray:
    """Where a value is in band k of the signal."""
    low, high = signal.band_bounds(k)
    return _at_least(values, low) & ~(values > (math.inf if high is None else high))


def fitted_values(rows: CohortRows, bands: list[SignalBands]) -> np.ndarray:
    """The fitted model's log-odds per row, but for the constant: what its ranking rests on."""
    total = np.zeros(len(rows.account_ids))
    for signal in bands:
        for k, log_odds in enumerate(signal.log_odds):
            total += np.where(band_of(rows.values[signal.signal], signal, k), log_odds, 0.0)
    return total


def rebase(signal: SignalBands) -> None:
    """Shift a signal's log-odds so that its lowest state is worth 0 and the others what they are
    worth above it. A row is in one state of each signal - below the first threshold (or unknown),
    worth 0 in the fit, or one band - so a shift of all of them changes no ranking; points cannot
    go below 0, so a negative band (every known employee count: -25) would clip whole components
    to 0 instead. When a band is the lowest, the known values below the first threshold become a
    band of their own, worth what the fit gives them; an unknown value, which no rule can match,
    is left at the lowest state."""
    lowest = min(0.0, *signal.log_odds)
    if lowest == 0.0:
        return
    if signal.thresholds[0] is not None:
        signal.thresholds.insert(0, None)
        signal.log_odds.insert(0, 0.0)
    signal.log_odds = [value - lowest for value in signal.log_odds]


def scale_to_points(rows: CohortRows, bands: list[SignalBands], caps: dict[str, int]) -> None:
    """Whole points from (re-based) log-odds, on one scale for every band, so the points keep the
    fit's ranking: the largest scale at which no component's cap binds, where only rounding
    changes the ranking. Only when rounding there ranks the training rows worse than the fit by
    more than ROUNDING_LOSS, the scale up to the one at which the best possible account scores
    100 that ranks them best (rounding loses less on a larger scale; caps cut more). A band's
    points are held within its component's cap; adjacent bands of a signal with the same points
    become one."""
    best: dict[str, float] = {}
    for signal in bands:
        best[signal.component] = best.get(signal.component, 0.0) + max(0.0, *signal.log_odds)
    if sum(best.values()) <= 0:
        for signal in bands:
            signal.points = [0] * len(signal.thresholds)
        return
    smallest = min([caps[c] / total for c, total in best.items() if total > 0] + [100 / sum(best.values())])
    largest = max(smallest, 100 / sum(best.values()))

    def rounded(scale: float) -> list[list[int]]:
        # No rule worth more than its component's cap: past it, the points would only read wrong.
        return [[int(np.clip(round(scale * value), -caps[signal.component], caps[signal.component]))
                 for value in signal.log_odds] for signal in bands]

    def training_auc(scale: float) -> float:
        for signal, points in zip(bands, rounded(scale), strict=True):
            signal.points = points
        return auc(rows.converted, score(rows, bands, caps))

    # Caps that bind cut the ranking wherever the training rows happen to put them: a larger
    # scale is tried only when rounding costs measurably more.
    chosen = smallest
    if training_auc(smallest) < auc(rows.converted, fitted_values(rows, bands)) - ROUNDING_LOSS:
        scales = np.geomspace(smallest, largest, SCALES_TRIED) if largest > smallest else [smallest]
        chosen = max(scales, key=lambda scale: (round(training_auc(scale), 4), -scale))
    for signal, points in zip(bands, rounded(chosen), strict=True):
        signal.points = points
        merged = [(t, p) for k, (t, p) in enumerate(zip(signal.thresholds, points, strict=True))
                  if k == 0 or p != points[k - 1]]
        signal.thresholds = [t for t, _ in merged]
        signal.points = [p for _, p in merged]


def score(rows: CohortRows, bands: list[SignalBands], caps: dict[str, int]) -> np.ndarray:
    """The rounded rules' score per row, as the project computes it."""
    totals = {component: np.zeros(len(rows.account_ids)) for component in caps}
    for signal in bands:
        for k, points in enumerate(signal.points):
            totals[signal.component] += np.where(band_of(rows.values[signal.signal], signal, k), points, 0)
    clamped = sum(np.clip(total, 0, caps[component]) for component, total in totals.items())
    return np.clip(clamped, 0, 100)


def top_share(scores: np.ndarray, converted: np.ndarray, share: float) -> float:
    """Share of the converters among the best-scored `share` of rows; a tie at the cut counts in part,
    as a random order among equal scores would."""
    order = np.argsort(-scores, kind="stable")
    scores, converted = scores[order], converted[order]
    take = share * len(scores)
    captured = 0.0
    start = 0
    while start < len(scores) and take > 0:
        end = start + int(np.sum(scores[start:] == scores[start]))  # the tie group
        group = end - start
        portion = min(1.0, take / group)
        captured += portion * converted[start:end].sum()
        take -= group
        start = end
    return captured / max(converted.sum(), 1)


def ranking(scores: np.ndarray, converted: np.ndarray) -> Ranking:
    floors = np.minimum(np.floor(scores / 10) * 10, 90).astype(int)
    bands = [(floor, int(np.sum(floors == floor)), int(converted[floors == floor].sum()))
             for floor in range(0, 100, 10) if np.any(floors == floor)]
    return Ranking(auc(converted, scores), top_share(scores, converted, 0.1),
                   top_share(scores, converted, 0.2), bands)


def auc(converted: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve: the chance a converter outscores a non-converter (ties count half),
    from ranks (the Mann-Whitney statistic), fast enough to bootstrap."""
    from scipy.stats import rankdata

    positives = int(converted.sum())
    negatives = len(converted) - positives
    ranks = rankdata(scores)
    return float((ranks[converted == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def auc_gain_interval(candidate: np.ndarray, live: np.ndarray, converted: np.ndarray, accounts: list[str],
                      seed: int) -> tuple[float, float]:
    """95% interval of AUC(candidate) - AUC(live) on the test rows, resampling accounts (an account's
    cohorts go together)."""
    rng = np.random.default_rng(seed)
    _, account_index = np.unique(np.array(accounts), return_inverse=True)
    rows_of = [np.flatnonzero(account_index == a) for a in range(account_index.max() + 1)]
    gains = []
    for _ in range(BOOTSTRAP_RESAMPLES):
        picked = np.concatenate([rows_of[a] for a in rng.integers(0, len(rows_of), size=len(rows_of))])
        if converted[picked].min() == converted[picked].max():
            continue
        gains.append(auc(converted[picked], candidate[picked]) - auc(converted[picked], live[picked]))
    low, high = np.quantile(gains, [0.025, 0.975])
    return float(low), float(high)


def fit_and_test(rows: CohortRows, components: dict[str, str], caps: dict[str, int], test_days: int,
                 min_accounts: int, seed: int = 0) -> Fit:
    """The whole loop: split, band, fit on the older cohorts, score and compare on the newer ones.
    `components` names each signal's component."""
    test_mask, train_dates, test_dates = split_in_time(rows, test_days)
    train, test = rows.subset(~test_mask), rows.subset(test_mask)
    if train.converted.sum() == 0 or test.converted.sum() == 0:
        raise SystemExit("no conversions in the training or the test cohorts: nothing to fit or test against")
    bands, left_out = [], {}
    for signal in sorted(rows.values):
        cut, why = cut_bands(signal, components[signal], train.values[signal], train.account_ids, min_accounts)
        if cut is None:
            left_out[signal] = why
        else:
            bands.append(cut)
    fit = Fit(train_dates, test_dates, len(train.account_ids), len(test.account_ids), int(test.converted.sum()),
              [], left_out, penalty=math.nan, tested=test)
    if bands:
        fit.penalty = fit_log_odds(train, bands, seed)
        fit.fitted_auc = auc(test.converted, fitted_values(test, bands))
        for signal in bands:
            rebase(signal)
        scale_to_points(train, bands, caps)
    for signal in bands:
        if any(signal.points):
            fit.signals.append(signal)
        else:
            fit.left_out[signal.signal] = "no points: the fit weighs it at under half a point"
    fit.live = ranking(test.live_scores, test.converted)
    if not fit.signals:
        fit.verdict = "no signal carries weight in the fit: no candidate"
        return fit
    fit.candidate_scores = score(test, fit.signals, caps)
    fit.candidate = ranking(fit.candidate_scores, test.converted)
    fit.auc_gain_interval = auc_gain_interval(fit.candidate_scores, test.live_scores, test.converted,
                                              test.account_ids, seed)
    low, high = fit.auc_gain_interval
    gain = fit.candidate.auc - fit.live.auc
    fit.wins = low > 0
    fit.verdict = (f"the candidate ranks the test cohorts better: AUC {gain:+.3f} (95% {low:+.3f} to {high:+.3f})"
                   if fit.wins else
                   f"the candidate does not beat the live rule set out of time: AUC {gain:+.3f} "
                   f"(95% {low:+.3f} to {high:+.3f}, which holds 0 or less): no candidate")
    if fit.wins and fit.candidate.top_10_share < fit.live.top_10_share:
        fit.verdict += (f"; but the top 10% hold fewer of the converters ({fit.live.top_10_share:.1%} -> "
                        f"{fit.candidate.top_10_share:.1%}): shadow-score it before sales works from it")
    return fit


def matched_thresholds(reference: np.ndarray, candidate: np.ndarray, boundaries: list[int]) -> list[int]:
    """For each tier boundary of the live scores, the candidate score above which the same share of
    `reference` rows lies (so each tier keeps its share of accounts), kept strictly increasing."""
    mapped = []
    for boundary in boundaries:
        share = float(np.mean(reference >= boundary))
        options = range(1, 101)
        best = min(options, key=lambda t: (abs(float(np.mean(candidate >= t)) - share), -t))
        mapped.append(max(best, mapped[-1] + 1 if mapped else 1))
    return [min(value, 100) for value in mapped]
