"""The analyst's tuning command: read calibration and signal lift, propose a threshold and weights.

Reads `pql_calibration` (through analyses/conversion_by_score_band.sql), `pql_signal_lift`
and `pql_scores` from the warehouse the project runs on - through dbt itself, so the same
command works on DuckDB, Snowflake and BigQuery - then:

  - proposes the PQL threshold at the inflection: the floor of the score band whose
    conversion rate jumps most over the band below it;
  - proposes weights from lift: each flat, positive rule of the live rule set is scaled by
    its signal's lift against the average lift of the live signals (between 0.5x and 2x),
    and dropped to 0 when its signal does no better among converters than among
    non-converters; rules on signals with too little support are left as they are;
  - prints a short report: current vs proposed PQL rate, conversion and close rate per
    band, expected tier churn, the recent weekly flow of new PQLs against rep capacity
    (var pql_weekly_pql_capacity) and the lowest threshold that fits it, and the weights,
    signals ranked by lift;
  - writes a PNG plot of conversion by band, and the proposal as a candidate rule set
    (every live rule-set row under a new scoring_model name) in the seed format.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# Every seed that holds rows of a rule set, keyed by scoring_model, and its id column (unique across rule sets).
RULE_SET_SEEDS = {"pql_rules": "rule_id", "pql_rule_conditions": "rule_id", "pql_rule_groups": None,
                  "pql_components": None, "pql_tiers": None, "pql_hot_triggers": "trigger_id",
                  "pql_routing_gates": "gate_id"}
MIN_FACTOR, MAX_FACTOR = 0.5, 2.0


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
    rule_changes: list[tuple[str, str, int, int, str]] = field(default_factory=list)  # rule, signal, old, new, why
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


def propose_threshold(bands: list[Band], lower_tier_min: int, upper_tier_min: int | None,
                      min_band_accounts: int) -> tuple[int | None, str]:
    """The floor of the band whose conversion rate jumps most over the band below it, counting only
    jumps that hold beyond both bands' 95% intervals, between bands of min_band_accounts or more."""
    usable = [band for band in bands if band.distinct_accounts >= min_band_accounts]
    pairs = list(zip(usable, usable[1:], strict=False))
    if not pairs:
        return None, (f"not enough evidence: no two bands hold {min_band_accounts}+ accounts; "
                      "threshold left as it is")
    jumps = [(upper.conversion_rate - lower.conversion_rate, upper.floor) for lower, upper in pairs
             if upper.conversion_rate_low > lower.conversion_rate_high]
    if not jumps:
        return None, ("not enough evidence: no rise in conversion from one band to the next holds beyond "
                      "their 95% intervals; threshold left as it is")
    jump, floor = max(jumps)
    # Keep the tiers either side at least 5 points wide.
    low, high = lower_tier_min + 5, (upper_tier_min - 5 if upper_tier_min is not None else 95)
    threshold = min(max(floor, low), high)
    note = f"largest jump in conversion beyond the intervals (+{jump:.1%}) is into the {floor}-{floor + 9} band"
    if threshold != floor:
        note += f"; held at {threshold} to keep neighbouring tiers 5+ points wide"
    return threshold, note


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


def build_proposal(warehouse: Warehouse, project_dir: Path, candidate: str | None,
                   min_band_accounts: int, capacity_weeks: int = 4) -> Proposal:
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

    tier_fields, tiers = read_seed(project_dir, "pql_tiers")
    live_tiers = sorted((t for t in tiers if t["scoring_model"] == live_model), key=lambda t: int(t["tier_rank"]))
    pql_tiers = [t for t in live_tiers if t["is_pql"].strip().lower() == "true"]
    if not live_tiers or not pql_tiers:
        raise SystemExit(f"rule set {live_model!r} has no PQL tier in pql_tiers")
    lowest_pql = pql_tiers[0]
    current = int(lowest_pql["min_score"])
    below = [t for t in live_tiers if int(t["tier_rank"]) < int(lowest_pql["tier_rank"])]
    above = [t for t in live_tiers if int(t["tier_rank"]) > int(lowest_pql["tier_rank"])]
    proposed, note = propose_threshold(bands, int(below[-1]["min_score"]) if below else 0,
                                       int(above[0]["min_score"]) if above else None, min_band_accounts)
    proposed = current if proposed is None else proposed

    # A hot trigger (without a gate) makes an account a Hot PQL whatever the threshold.
    def is_pql_at(threshold: int, row: dict[str, Any]) -> bool:
        triggered = row["hot_trigger"] is not None and row["routing_gate"] is None
        return triggered or int(row["pql_score"]) >= threshold

    accounts = max(len(scores), 1)
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
    _propose_seed_rows(proposal, project_dir, tier_fields, tiers)
    return proposal


def _propose_seed_rows(proposal: Proposal, project_dir: Path, tier_fields: list[str],
                       tiers: list[dict[str, str]]) -> None:
    supported = {s.name: s for s in proposal.signals if not s.is_low_support and s.lift is not None}
    live_lifts = [s.lift for s in supported.values() if s.is_used_by_live_model and s.lift > 1]
    mean_lift = sum(live_lifts) / len(live_lifts) if live_lifts else None

    for seed, id_column in RULE_SET_SEEDS.items():
        _, rows = read_seed(project_dir, seed)
        candidate_rows = []
        for row in rows:
            if row["scoring_model"] != proposal.live_model:
                continue
            new = {**row, "scoring_model": proposal.candidate_model}
            if seed == "pql_rules":
                _reweigh(proposal, new, supported, mean_lift)
            if seed == "pql_tiers":
                _move_threshold(proposal, new)
            if id_column:  # ids are unique across rule sets: the candidate's carry its name
                new[id_column] = f"{row[id_column]}__{proposal.candidate_model}"
            candidate_rows.append(new)
        proposal.seed_rows[seed] = candidate_rows


def _reweigh(proposal: Proposal, rule: dict[str, str], supported: dict[str, SignalLift],
             mean_lift: float | None) -> None:
    points = rule["points"].strip()
    if not points or rule["points_per_unit"].strip() or int(points) <= 0:
        return  # per-unit and negative rules keep their points
    signal = supported.get(rule["signal_name"])
    if signal is None or mean_lift is None:
        return
    old = int(points)
    if signal.lift <= 1:
        new, why = 0, f"lift {signal.lift:.2f}: converters show it no more than others"
    else:
        factor = min(max(signal.lift / mean_lift, MIN_FACTOR), MAX_FACTOR)
        new, why = max(1, round(old * factor)), f"lift {signal.lift:.2f} vs average {mean_lift:.2f}"
    if new != old:
        rule["points"] = str(new)
        proposal.rule_changes.append((rule["rule_id"], rule["signal_name"], old, new, why))


def _move_threshold(proposal: Proposal, tier: dict[str, str]) -> None:
    if int(tier["min_score"]) == proposal.current_threshold:
        tier["min_score"] = str(proposal.proposed_threshold)
    elif int(tier["max_score"]) == proposal.current_threshold - 1:
        tier["max_score"] = str(proposal.proposed_threshold - 1)


def report(proposal: Proposal) -> str:
    lines = [
        f"Tuning report for rule set '{proposal.live_model}' -> candidate '{proposal.candidate_model}'",
        "",
        f"PQL threshold: {proposal.current_threshold} -> {proposal.proposed_threshold} ({proposal.threshold_note})",
        f"PQL rate (healthy 5-15%): {proposal.current_pql_rate:.1%} now, {proposal.proposed_pql_rate:.1%} proposed",
        f"Expected tier churn from the threshold: {proposal.tier_churn:.1%} of accounts change PQL status "
        "(score the candidate as pql_shadow_model for the churn of the weights too)",
        "",
        "Conversion and close rate per score band (all calibration cohorts; accounts counted once for the interval):",
        f"  {'band':>7} {'scored':>7} {'accounts':>9} {'converted':>10} {'rate':>7} {'95% interval':>15} "
        f"{'closed':>7} {'rate':>7}",
    ]
    lines += [f"  {b.label:>7} {b.accounts:>7} {b.distinct_accounts:>9} {b.conversions:>10} {b.conversion_rate:>7.1%} "
              f"{b.conversion_rate_low:>7.1%}-{b.conversion_rate_high:<7.1%} {b.closes:>7} {b.close_rate:>7.1%}"
              for b in proposal.bands]
    lines += ["", *holdout_report(proposal), "", *capacity_report(proposal)]
    lines += ["", "Signals ranked by lift (converters vs non-converters before converting):",
              f"  {'signal':<36} {'lift':>6} {'diff':>7} {'support':>8}  note"]
    for s in proposal.signals:
        note = "too little support" if s.is_low_support else ("" if s.is_used_by_live_model else "not used by a rule")
        lift = f"{s.lift:.2f}" if s.lift is not None else "-"
        lines.append(f"  {s.name:<36} {lift:>6} {s.rate_difference:>+7.1%} {s.accounts_showing:>8}  {note}")
    lines += ["", "Proposed weight changes:"]
    lines += [f"  {rule} ({signal}): {old} -> {new} points; {why}"
              for rule, signal, old, new, why in proposal.rule_changes] or ["  none"]
    return "\n".join(lines)


def holdout_report(proposal: Proposal) -> list[str]:
    """Routed against held-out handoffs (pql_holdout_lift): the conversion routing itself adds."""
    row = proposal.holdout
    if not row or not row["held_out_handoffs"] or not row["routed_handoffs"]:
        return ["Routing lift: no held-out handoffs with a known outcome yet (set var pql_holdout_share)"]

    def rate(group: str) -> str:
        return (f"{row[f'{group}_deals']}/{row[f'{group}_handoffs']} = {row[f'{group}_rate']:.1%} "
                f"(95% {row[f'{group}_rate_low']:.1%}-{row[f'{group}_rate_high']:.1%})")

    low, high = row["routing_lift_low"], row["routing_lift_high"]
    verdict = ("routing adds conversions" if low > 0 else "routing costs conversions" if high < 0
               else "no difference shown yet")
    return ["Routing lift (handoffs that opened a deal within the horizon):",
            f"  routed to sales: {rate('routed')}",
            f"  held out:        {rate('held_out')}",
            f"  difference: {row['routing_lift']:+.1%} (95% {low:+.1%} to {high:+.1%}): {verdict}"]


def capacity_report(proposal: Proposal) -> list[str]:
    capacity = proposal.capacity
    if capacity is None:
        return []
    flow = capacity.weekly_flow
    lines = [f"Rep capacity (new PQLs routed to sales a week, last {capacity.weeks} weeks):",
             f"  at the current threshold {proposal.current_threshold}: {flow[proposal.current_threshold]:.1f} a week; "
             f"at the proposed {proposal.proposed_threshold}: {flow[proposal.proposed_threshold]:.1f} a week"]
    if capacity.weekly_capacity is None:
        lines.append("  no capacity set: set var pql_weekly_pql_capacity to the PQLs sales can work a week")
    elif capacity.fitting_threshold is None:
        lines.append(f"  capacity {capacity.weekly_capacity} a week: hot triggers alone bring more; no threshold fits")
    else:
        lines.append(f"  capacity {capacity.weekly_capacity} a week: the flow fits from threshold "
                     f"{capacity.fitting_threshold} up ({flow[capacity.fitting_threshold]:.1f} a week there)")
    return lines


def plot(proposal: Proposal, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 4.5))
    positions = range(len(proposal.bands))
    rates = [b.conversion_rate for b in proposal.bands]
    errors = [[rate - b.conversion_rate_low for rate, b in zip(rates, proposal.bands, strict=True)],
              [b.conversion_rate_high - rate for rate, b in zip(rates, proposal.bands, strict=True)]]
    bars = axes.bar(positions, rates, yerr=errors, capsize=3, color="#4c72b0", ecolor="#333333",
                    label="converted (95% interval)")
    axes.bar_label(bars, labels=[f"n={b.distinct_accounts}" for b in proposal.bands], padding=14, fontsize=7)
    axes.plot(positions, [b.close_rate for b in proposal.bands], color="#dd8452", marker="o", label="closed won")
    axes.set_xticks(list(positions), [b.label for b in proposal.bands])
    for threshold, style, name in ((proposal.current_threshold, ":", "current"),
                                   (proposal.proposed_threshold, "--", "proposed")):
        axes.axvline(threshold / 10 - 0.5, color="black", linestyle=style, label=f"{name} PQL threshold ({threshold})")
    axes.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    axes.set_xlabel("score band")
    axes.set_ylabel("share of accounts")
    axes.set_title(f"Conversion by score band - {proposal.live_model}")
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, format="png")
    plt.close(figure)


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
    parser.add_argument("--apply", action="store_true", help="append the candidate rule set to the seeds")
    args = parser.parse_args(argv)

    profiles_dir = args.profiles_dir or Path(os.environ.get("DBT_PROFILES_DIR", args.project_dir))
    warehouse = Warehouse(args.project_dir, profiles_dir, yaml.safe_load(args.vars) or {}, args.target)
    proposal = build_proposal(warehouse, args.project_dir, args.candidate, args.min_band_accounts,
                              args.capacity_weeks)
    output_dir = args.output_dir or args.project_dir / "target" / "tuning"
    output_dir.mkdir(parents=True, exist_ok=True)
    text = report(proposal)
    (output_dir / "report.txt").write_text(text + "\n")
    plot(proposal, output_dir / "conversion_by_score_band.png")
    write_seed_rows(args.project_dir, output_dir / "proposal", proposal)
    print(text)
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
