"""The analyst's tuning command: fit rule points to outcomes, prove them out of time, place the threshold.

Reads `pql_calibration` (through analyses/conversion_by_score_band.sql), `pql_signal_lift`,
`pql_scores`, `pql_speed_to_lead`, and the calibration cohorts' outcomes and signal values (int_cohort_outcomes,
int_cohort_signal_values) from the warehouse the project runs on - through dbt itself, so the
same command works on DuckDB, Snowflake and BigQuery - then:

  - fits rule points to outcomes (rule_fit.py): every signal of pql_signals, used by a rule or
    not, cut into bands, weighed by a regularised logistic regression on the older cohorts,
    and turned into whole points within the live rule set's component caps; signals too few
    accounts show are left out and listed;
  - tests the fit out of time, on the cohorts of the last --test-days days: AUC, the share of
    converters in the top 10% and 20%, conversion by band, for the live rule set and the
    candidate; the candidate is written only when its AUC gain holds beyond a 95% interval;
  - proposes the PQL threshold at the largest rise in conversion between score bands that
    holds beyond both bands' 95% intervals, between bands of --min-band-accounts accounts;
    otherwise says there is not enough evidence and keeps it;
  - prints a short report (the figures above, the routing lift of the holdout, speed to lead -
    each tier's alerts touched within their SLA and the median time to first touch - the recent
    weekly flow of new PQLs against rep capacity, signals ranked by lift), writes a PNG plot,
    and, when the candidate wins, the candidate rule set in the seed format: the fitted rules,
    the live caps, hot triggers and routing gates, and tiers that keep the live tiers' shares
    of accounts (the PQL tier's at the proposed threshold).

Nothing in seeds/ changes unless --apply is given; then the candidate rows are appended to
the seeds, ready to score beside the live rule set:
    dbt build --vars '{pql_shadow_model: <candidate>}'   (see pql_shadow_comparison)

    python scripts/tune_scores.py
    python scripts/tune_scores.py --vars '{pql_score_date: "2026-03-31"}' --apply
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import math
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

import rule_fit
from tuning_report import plot, report

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# Every seed that holds rows of a rule set, keyed by scoring_model, and its id column (unique across rule sets).
RULE_SET_SEEDS = {"pql_rules": "rule_id", "pql_rule_conditions": "rule_id", "pql_rule_groups": None,
                  "pql_components": None, "pql_tiers": None, "pql_hot_triggers": "trigger_id",
                  "pql_routing_gates": "gate_id"}
# Copied from the live rule set into a fitted candidate as they are: they route, they do not score.
COPIED_SEEDS = ("pql_components", "pql_hot_triggers", "pql_routing_gates")


@dataclass
class Band:
    floor: int
    label: str
    accounts: int  # account-cohort rows, pooled over the cohorts
    distinct_accounts: int  # each account once: what the interval and --min-band-accounts count
    conversions: int
    conversion_rate: float
    conversion_rate_low: float  # 95% Wilson interval
    conversion_rate_high: float
    closes: int
    close_rate: float


@dataclass
class SignalLift:
    name: str
    lift: float | None
    rate_difference: float
    accounts_showing: int
    is_low_support: bool
    is_used_by_live_model: bool


@dataclass
class Capacity:
    weekly_capacity: int | None  # var pql_weekly_pql_capacity; None when unset
    weeks: int
    weekly_flow: dict[int, float]  # threshold -> new PQLs a week routed to sales at it, over the recent weeks
    fitting_threshold: int | None  # the threshold to move to for the flow to fit (see capacity_fit)


@dataclass
class SpeedToLead:
    """One tier's alerts routed to sales (pql_speed_to_lead), and how fast reps touched them."""

    tier: str
    alerts: int
    touched: int
    sla_met: int
    sla_decided: int  # met or missed; the others are still within their SLA
    median_minutes_to_first_touch: float | None


@dataclass
class Proposal:
    live_model: str
    candidate_model: str
    current_threshold: int
    proposed_threshold: int
    threshold_note: str
    current_pql_rate: float
    proposed_pql_rate: float
    tier_churn: float
    bands: list[Band]
    signals: list[SignalLift]  # ranked, most predictive first
    capacity: Capacity | None = None
    holdout: dict[str, Any] | None = None  # pql_holdout_lift's row
    speed_to_lead: list[SpeedToLead] = field(default_factory=list)
    fit: rule_fit.Fit | None = None
    candidate_threshold: int | None = None  # the fitted candidate's PQL threshold
    fit_sample: tuple[int, int] = (0, 0)  # accounts the fit read, of those in the cohorts
    seed_rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)


class Warehouse:
    """Queries through dbt (`dbt show`), so they run on whichever target the profile points at."""

    def __init__(self, project_dir: Path, profiles_dir: Path, dbt_vars: dict[str, Any], target: str | None):
        self.common = ["--project-dir", str(project_dir), "--profiles-dir", str(profiles_dir),
                       "--vars", json.dumps(dbt_vars)] + (["--target", target] if target else [])

    def rows(self, *selection: str) -> list[dict[str, Any]]:
        from dbt.cli.main import dbtRunner

        with contextlib.redirect_stdout(io.StringIO()):  # dbt show prints the table; the report is ours
            result = dbtRunner().invoke(["show", *selection, "--limit", "-1", "--quiet", *self.common])
        if not result.success:
            raise SystemExit(f"dbt show {' '.join(selection)} failed: {result.exception or result.result}")
        table = result.result.results[0].agate_table
        return [dict(zip(table.column_names, row, strict=True)) for row in table.rows]


def read_seed(project_dir: Path, name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (project_dir / "seeds" / f"{name}.csv").open(newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def rank_signals(rows: list[dict[str, Any]]) -> list[SignalLift]:
    """Signals with enough support first, by lift then difference; thin ones after them."""
    signals = [
        SignalLift(row["signal_name"], _number(row["lift"]), _number(row["rate_difference"]) or 0.0,
                   int(row["accounts_showing"]), bool(row["is_low_support"]), bool(row["is_used_by_live_model"]))
        for row in rows
    ]
    return sorted(signals, key=lambda s: (s.is_low_support, -(s.lift if s.lift is not None else math.inf),
                                          -s.rate_difference, s.name))


HEALTHY_PQL_RATE = (0.05, 0.15)  # the share of scored accounts a PQL tier should hold


def propose_threshold(bands: list[Band], lower_tier_min: int, upper_tier_min: int | None,
                      min_band_accounts: int, pql_rate_at=None) -> tuple[int | None, str]:
    """Where the evidence puts the PQL threshold, and why, in words. Evidence is a rise in the
    conversion rate from one band to the next that holds beyond both bands' 95% intervals, between
    bands of min_band_accounts or more; the threshold is the floor of the largest rise, kept within
    the tiers either side (5+ points wide each). Given `pql_rate_at` (threshold -> share of accounts
    that are PQLs) and a PQL rate there outside HEALTHY_PQL_RATE, it moves to the floor of another
    such rise, within the tiers, where the rate is healthy, or the note says why it cannot."""
    usable = [band for band in bands if band.distinct_accounts >= min_band_accounts]
    pairs = list(zip(usable, usable[1:], strict=False))
    if not pairs:
        return None, (f"not enough evidence: no two bands hold {min_band_accounts}+ accounts; "
                      "threshold left as it is")
    rises = sorted(((upper.conversion_rate - lower.conversion_rate, upper.floor) for lower, upper in pairs
                    if upper.conversion_rate_low > lower.conversion_rate_high), reverse=True)
    if not rises:
        return None, ("not enough evidence: no rise in conversion from one band to the next holds beyond "
                      "their 95% intervals; threshold left as it is")
    rise, floor = rises[0]
    low, high = lower_tier_min + 5, (upper_tier_min - 5 if upper_tier_min is not None else 95)
    threshold = min(max(floor, low), high)
    note = f"conversion rises most into the {floor}-{floor + 9} band (+{rise:.1%}, beyond the 95% intervals), so "
    if threshold > floor:
        note += (f"the threshold goes as low towards {floor} as the tier below (from {lower_tier_min}) allows "
                 f"at 5+ points wide: {threshold}")
    elif threshold < floor:
        note += f"the threshold goes as high towards {floor} as the tier above allows: {threshold}"
    else:
        note += f"the threshold is its floor, {threshold}"
    if pql_rate_at is None:
        return threshold, note

    def healthy(rate: float) -> bool:
        return HEALTHY_PQL_RATE[0] <= rate <= HEALTHY_PQL_RATE[1]

    rate = pql_rate_at(threshold)
    if healthy(rate):
        return threshold, note + f"; the PQL rate there, {rate:.1%}, is healthy (5-15%)"
    side = "under" if rate < HEALTHY_PQL_RATE[0] else "over"
    note += f"; the PQL rate there, {rate:.1%}, is {side} the healthy 5-15%"
    for other_rise, other_floor in rises[1:]:
        if low <= other_floor <= high and healthy(pql_rate_at(other_floor)):
            return other_floor, note + (f", so it moves to {other_floor}, where conversion rises too "
                                        f"(+{other_rise:.1%}, beyond the intervals) and the PQL rate is "
                                        f"{pql_rate_at(other_floor):.1%}")
    blocked = [f for _, f in rises if not low <= f <= high and healthy(pql_rate_at(f))]
    if blocked:
        return threshold, note + (f"; the evidence backs {blocked[0]} (PQL rate {pql_rate_at(blocked[0]):.1%}), "
                                  f"outside what the tiers either side allow ({low}-{high}): move them to go there")
    return threshold, note + "; no other rise in conversion beyond the intervals gives a healthy rate"


def weekly_flow(history: list[dict[str, Any]], weeks: int) -> dict[int, float]:
    """New PQLs routed to sales a week, at each threshold 0-100, over the last `weeks` weeks of
    `history` (those days plus the one before them). An account enters at threshold T on a day
    its score reaches T, or a hot trigger holds, and did not the day before (or it was not scored
    yet); a day a routing gate holds or the account is held out sends sales nothing."""
    days = sorted({row["score_date"] for row in history})
    counted_days = set(days[-7 * weeks:])
    by_account: dict[str, list[dict[str, Any]]] = {}
    for row in history:
        by_account.setdefault(str(row["account_id"]), []).append(row)

    def reach(row: dict[str, Any]) -> int:
        """The highest threshold at which the row is a PQL: 100 when a hot trigger holds."""
        triggered = row["hot_trigger"] is not None and row["routing_gate"] is None
        return 100 if triggered else int(row["pql_score"])

    entries = [0] * 101
    for rows in by_account.values():
        rows.sort(key=lambda row: row["score_date"])
        for previous, row in zip([None, *rows], rows, strict=False):
            if row["score_date"] not in counted_days or row["routing_gate"] is not None or row["is_held_out"]:
                continue
            for threshold in range((reach(previous) if previous else -1) + 1, reach(row) + 1):
                entries[threshold] += 1
    return {threshold: count / weeks for threshold, count in enumerate(entries)}


def speed_to_lead(rows: list[dict[str, Any]]) -> list[SpeedToLead]:
    """Per tier, in name order: alerts routed, touched, touched within the SLA (of those whose SLA
    has been met or missed), and the median minutes from firing to the first touch."""
    tiers: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        tiers.setdefault(str(row["pql_tier"]), []).append(row)
    summaries = []
    for tier, alerts in tiers.items():
        minutes = [float(r["minutes_to_first_touch"]) for r in alerts if r["minutes_to_first_touch"] is not None]
        decided = [r["is_sla_met"] for r in alerts if r["is_sla_met"] is not None]
        summaries.append(SpeedToLead(tier, len(alerts), len(minutes), sum(bool(m) for m in decided), len(decided),
                                     float(np.median(minutes)) if minutes else None))
    return sorted(summaries, key=lambda s: s.tier)


def capacity_fit(warehouse: Warehouse, weeks: int, current: int) -> Capacity:
    """The recent weekly flow of new PQLs at each threshold, and where the threshold must go for it
    to fit var pql_weekly_pql_capacity (read through dbt, so dbt_project.yml and --vars both count):
    over capacity at the current threshold, the lowest higher one that fits; within it, the lowest
    one down to which every threshold fits. (Flow is not monotonic: at a very low threshold every
    account is already a PQL, and few become one.)"""
    settings = warehouse.rows("--inline", "select {{ pql_weekly_pql_capacity() }} as weekly_capacity, "
                                          "{{ pql_score_date() }} as score_date")[0]
    capacity = None if settings["weekly_capacity"] is None else int(settings["weekly_capacity"])
    history = warehouse.rows("--inline", f"""
        select account_id, score_date, pql_score, hot_trigger, routing_gate,
               {{{{ pql_is_held_out('account_id') }}}} as is_held_out
        from {{{{ ref('pql_score_history') }}}}
        where score_date > {{{{ dbt.dateadd('day', {-7 * weeks - 1}, pql_score_date()) }}}}
          and score_date <= {{{{ pql_score_date() }}}}""")
    flow = weekly_flow(history, weeks)
    fitting = None
    if capacity is not None and flow[current] <= capacity:
        fitting = current
        while fitting > 0 and flow[fitting - 1] <= capacity:
            fitting -= 1
    elif capacity is not None:
        fitting = next((t for t in range(current + 1, 101) if flow[t] <= capacity), None)
    return Capacity(capacity, weeks, flow, fitting)


def read_cohorts(warehouse: Warehouse, signal_names: list[str], max_accounts: int) -> tuple[rule_fit.CohortRows, int]:
    """Every calibration cohort account's outcome, live score and signal values (0 where no row), for
    at most max_accounts accounts, the same ones every run (the lowest hashes of their ids). Returns
    the rows and how many accounts the cohorts hold in all."""
    sampled = f"""
        with cohort_accounts as (
            select distinct account_id from {{{{ ref('int_cohort_outcomes') }}}}
        ),
        sampled as (
            select account_id from cohort_accounts
            order by {{{{ dbt.hash('account_id') }}}}, account_id
            limit {int(max_accounts)}
        )"""
    outcomes = warehouse.rows("--inline", f"""{sampled}
        select cohort_date, account_id, pql_score, converted,
               (select count(*) from cohort_accounts) as all_accounts
        from {{{{ ref('int_cohort_outcomes') }}}}
        where account_id in (select account_id from sampled)
        order by cohort_date, account_id""")
    row_of = {(r["cohort_date"], str(r["account_id"])): i for i, r in enumerate(outcomes)}
    values = {name: np.zeros(len(outcomes)) for name in signal_names}
    for r in warehouse.rows("--inline", f"""{sampled}
            select cohort_date, account_id, signal_name, signal_value
            from {{{{ ref('int_cohort_signal_values') }}}}
            where account_id in (select account_id from sampled)"""):
        row = row_of.get((r["cohort_date"], str(r["account_id"])))
        if row is not None and r["signal_name"] in values:
            values[r["signal_name"]][row] = np.nan if r["signal_value"] is None else float(r["signal_value"])
    rows = rule_fit.CohortRows([r["cohort_date"] for r in outcomes], [str(r["account_id"]) for r in outcomes],
                               np.array([int(r["converted"]) for r in outcomes]),
                               np.array([float(r["pql_score"]) for r in outcomes]), values)
    return rows, int(outcomes[0]["all_accounts"]) if outcomes else 0


def signal_components(project_dir: Path, live_model: str) -> dict[str, str]:
    """The component a signal's points go to: the live rule set's, else another rule set's, else
    fit for an attribute and product for an event."""
    _, signals = read_seed(project_dir, "pql_signals")
    _, rules = read_seed(project_dir, "pql_rules")
    others = {r["signal_name"]: r["component"] for r in rules}
    live = {r["signal_name"]: r["component"] for r in rules if r["scoring_model"] == live_model}
    return {s["signal_name"]: live.get(s["signal_name"]) or others.get(s["signal_name"])
            or ("fit" if s["measure"].startswith("attribute") else "product") for s in signals}


def build_proposal(warehouse: Warehouse, project_dir: Path, candidate: str | None,
                   min_band_accounts: int, capacity_weeks: int = 4, test_days: int = 14,
                   min_signal_accounts: int = 30, max_fit_accounts: int = 20_000) -> Proposal:
    bands = [
        Band(int(r["band_floor"]), r["score_band"], int(r["band_accounts"]), int(r["band_distinct_accounts"]),
             int(r["conversions"]), float(r["conversion_rate"]), float(r["conversion_rate_low"]),
             float(r["conversion_rate_high"]), int(r["closes"]), float(r["close_rate"]))
        for r in warehouse.rows("--select", "conversion_by_score_band")
    ]
    if not bands:
        raise SystemExit("pql_calibration is empty: backfill score history first "
                         "(dbt build --vars '{pql_backfill_start: ...}'), with deals in the deals source")
    signals = rank_signals(warehouse.rows("--select", "pql_signal_lift"))
    scores = warehouse.rows("--inline", "select pql_score, is_pql, hot_trigger, routing_gate, scoring_model "
                                        "from {{ ref('pql_scores') }}")
    live_model = str(scores[0]["scoring_model"]) if scores else ""

    _, tiers = read_seed(project_dir, "pql_tiers")
    live_tiers = sorted((t for t in tiers if t["scoring_model"] == live_model), key=lambda t: int(t["tier_rank"]))
    pql_tiers = [t for t in live_tiers if t["is_pql"].strip().lower() == "true"]
    if not live_tiers or not pql_tiers:
        raise SystemExit(f"rule set {live_model!r} has no PQL tier in pql_tiers")
    lowest_pql = pql_tiers[0]
    current = int(lowest_pql["min_score"])
    below = [t for t in live_tiers if int(t["tier_rank"]) < int(lowest_pql["tier_rank"])]
    above = [t for t in live_tiers if int(t["tier_rank"]) > int(lowest_pql["tier_rank"])]

    # A hot trigger (without a gate) makes an account a Hot PQL whatever the threshold.
    def is_pql_at(threshold: int, row: dict[str, Any]) -> bool:
        triggered = row["hot_trigger"] is not None and row["routing_gate"] is None
        return triggered or int(row["pql_score"]) >= threshold

    accounts = max(len(scores), 1)
    proposed, note = propose_threshold(bands, int(below[-1]["min_score"]) if below else 0,
                                       int(above[0]["min_score"]) if above else None, min_band_accounts,
                                       lambda t: sum(is_pql_at(t, r) for r in scores) / accounts)
    proposed = current if proposed is None else proposed
    proposal = Proposal(
        live_model=live_model,
        candidate_model=candidate or f"{live_model}_tuned_{dt.date.today():%Y%m%d}",
        current_threshold=current,
        proposed_threshold=proposed,
        threshold_note=note,
        current_pql_rate=sum(bool(r["is_pql"]) for r in scores) / accounts,
        proposed_pql_rate=sum(is_pql_at(proposed, r) for r in scores) / accounts,
        tier_churn=sum(is_pql_at(current, r) != is_pql_at(proposed, r) for r in scores) / accounts,
        bands=bands,
        signals=signals,
    )
    proposal.capacity = capacity_fit(warehouse, capacity_weeks, current)
    holdout_rows = warehouse.rows("--select", "pql_holdout_lift")
    proposal.holdout = holdout_rows[0] if holdout_rows else None
    proposal.speed_to_lead = speed_to_lead(warehouse.rows("--select", "pql_speed_to_lead"))

    components = signal_components(project_dir, live_model)
    _, component_rows = read_seed(project_dir, "pql_components")
    caps = {r["component"]: int(r["max_points"]) for r in component_rows if r["scoring_model"] == live_model}
    cohorts, all_accounts = read_cohorts(warehouse, sorted(components), max_fit_accounts)
    proposal.fit = rule_fit.fit_and_test(cohorts, components, caps, test_days, min_signal_accounts)
    proposal.fit_sample = (len(set(cohorts.account_ids)), all_accounts)
    if proposal.fit.wins:
        test_mask, _, _ = rule_fit.split_in_time(cohorts, test_days)
        _propose_seed_rows(proposal, project_dir, live_tiers, cohorts.subset(~test_mask), caps)
    return proposal


def _propose_seed_rows(proposal: Proposal, project_dir: Path, live_tiers: list[dict[str, str]],
                       train: rule_fit.CohortRows, caps: dict[str, int]) -> None:
    """The fitted candidate in the seed format: its rules, the live caps, triggers and gates, and
    tiers that give each tier the share of the training rows it had under the live rule set."""
    candidate = proposal.candidate_model
    _, signal_rows = read_seed(project_dir, "pql_signals")
    signal_seed = {s["signal_name"]: s for s in signal_rows}
    rules = []
    for signal in proposal.fit.signals:
        # A draft label for the reasons: an event signal's description, an attribute's name.
        row = signal_seed[signal.signal]
        is_event = not row["measure"].startswith("attribute")
        text = row["description"][:1].lower() + row["description"][1:] if is_event else signal.signal
        is_flag = signal.thresholds == [1] and np.nanmax(train.values[signal.signal]) <= 1
        for k, points in enumerate(signal.points):
            if points == 0:
                continue
            low, high = signal.band_bounds(k)
            rules.append({"scoring_model": candidate,
                          "rule_id": f"{candidate}__{signal.signal}_{'any' if low is None else low}",
                          "component": signal.component, "signal_name": signal.signal,
                          "min_value": "" if low is None else str(low),
                          "max_value": "" if high is None else str(high), "points": str(points),
                          "points_per_unit": "", "max_points": "",
                          "label": text if is_flag and is_event else f"{text}: {{value}}",
                          "rule_group": "", "decay_after_days": "", "decay_points_per_week": ""})
    proposal.seed_rows["pql_rules"] = rules
    for seed in COPIED_SEEDS:
        id_column = RULE_SET_SEEDS[seed]
        _, rows = read_seed(project_dir, seed)
        proposal.seed_rows[seed] = [
            {**row, "scoring_model": candidate, **({id_column: f"{row[id_column]}__{candidate}"} if id_column else {})}
            for row in rows if row["scoring_model"] == proposal.live_model]

    # Each tier boundary keeps its share of accounts; the PQL tier's is the proposed threshold's.
    boundaries = [proposal.proposed_threshold if int(t["min_score"]) == proposal.current_threshold
                  else int(t["min_score"]) for t in live_tiers[1:]]
    floors = [0, *rule_fit.matched_thresholds(train.live_scores, rule_fit.score(train, proposal.fit.signals, caps),
                                              boundaries)]
    proposal.candidate_threshold = floors[[int(t["min_score"]) for t in live_tiers].index(proposal.current_threshold)]
    proposal.seed_rows["pql_tiers"] = [
        {**tier, "scoring_model": candidate, "min_score": str(floor),
         "max_score": str(floors[i + 1] - 1 if i + 1 < len(floors) else 100)}
        for i, (tier, floor) in enumerate(zip(live_tiers, floors, strict=True))]


def write_seed_rows(project_dir: Path, directory: Path, proposal: Proposal) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for seed, rows in proposal.seed_rows.items():
        fields, _ = read_seed(project_dir, seed)
        with (directory / f"{seed}.csv").open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def apply(project_dir: Path, proposal: Proposal) -> None:
    """Append the candidate rule set to the seeds; refuse a name the seeds already hold."""
    for seed in proposal.seed_rows:
        _, rows = read_seed(project_dir, seed)
        if any(row["scoring_model"] == proposal.candidate_model for row in rows):
            raise SystemExit(f"seeds/{seed}.csv already holds rule set {proposal.candidate_model!r}: "
                             "choose another --candidate name")
    for seed, rows in proposal.seed_rows.items():
        path = project_dir / "seeds" / f"{seed}.csv"
        fields, _ = read_seed(project_dir, seed)
        text = path.read_text()
        with path.open("a", newline="") as handle:
            if text and not text.endswith("\n"):
                handle.write("\n")
            csv.DictWriter(handle, fieldnames=fields, lineterminator="\n").writerows(rows)


def main(argv: list[str] | None = None) -> Proposal:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project-dir", type=Path, default=PROJECT_ROOT, help="the dbt project (default: this one)")
    parser.add_argument("--profiles-dir", type=Path, default=None,
                        help="where profiles.yml is (default: $DBT_PROFILES_DIR, else the project dir)")
    parser.add_argument("--target", default=None, help="dbt target (default: the profile's)")
    parser.add_argument("--vars", default="{}", help="dbt vars as YAML/JSON, e.g. '{pql_score_date: \"2026-03-31\"}'")
    parser.add_argument("--candidate", default=None,
                        help="name of the candidate rule set (default: <live>_tuned_<date>)")
    parser.add_argument("--min-band-accounts", type=int, default=30,
                        help="bands with fewer accounts are not used to place the threshold (default: 30)")
    parser.add_argument("--output-dir", type=Path, default=None,
                        help="where the report, plot and proposal go (default: <project>/target/tuning)")
    parser.add_argument("--capacity-weeks", type=int, default=4,
                        help="recent weeks the flow of new PQLs is averaged over, against rep capacity (default: 4)")
    parser.add_argument("--test-days", type=int, default=14,
                        help="the calibration cohorts of the last this many days test the fitted rules; "
                             "the older ones train them (default: 14)")
    parser.add_argument("--min-signal-accounts", type=int, default=30,
                        help="a signal band fewer training accounts reach gets no points (default: 30)")
    parser.add_argument("--max-fit-accounts", type=int, default=20_000,
                        help="fit on at most this many accounts of the cohorts, the same ones each run, "
                             "chosen by a hash of their ids (default: 20000)")
    parser.add_argument("--apply", action="store_true", help="append the candidate rule set to the seeds")
    args = parser.parse_args(argv)

    profiles_dir = args.profiles_dir or Path(os.environ.get("DBT_PROFILES_DIR", args.project_dir))
    warehouse = Warehouse(args.project_dir, profiles_dir, yaml.safe_load(args.vars) or {}, args.target)
    proposal = build_proposal(warehouse, args.project_dir, args.candidate, args.min_band_accounts,
                              args.capacity_weeks, args.test_days, args.min_signal_accounts, args.max_fit_accounts)
    output_dir = args.output_dir or args.project_dir / "target" / "tuning"
    output_dir.mkdir(parents=True, exist_ok=True)
    text = report(proposal)
    (output_dir / "report.txt").write_text(text + "\n")
    plot(proposal, output_dir / "conversion_by_score_band.png")
    shutil.rmtree(output_dir / "proposal", ignore_errors=True)  # never leave an earlier run's candidate about
    print(text)
    if not proposal.seed_rows:
        print(f"\nWrote {output_dir / 'report.txt'} and {output_dir / 'conversion_by_score_band.png'}; "
              "no candidate rule set, so the seeds are unchanged.")
        return proposal
    write_seed_rows(args.project_dir, output_dir / "proposal", proposal)
    print(f"\nWrote {output_dir / 'report.txt'}, {output_dir / 'conversion_by_score_band.png'} "
          f"and the candidate rule set in {output_dir / 'proposal'}/")
    if args.apply:
        apply(args.project_dir, proposal)
        print(f"Appended rule set {proposal.candidate_model!r} to seeds/. Score it beside the live one:\n"
              f"  dbt build --vars '{{pql_shadow_model: {proposal.candidate_model}}}'")
    else:
        print("Seeds unchanged; re-run with --apply to add the candidate rule set to them.")
    return proposal


if __name__ == "__main__":
    main()
