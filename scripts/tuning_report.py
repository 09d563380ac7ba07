"""The tuning command's report and plot: what tune_scores.py found, in words and in a PNG.

The report sets the live rule set's conversion by score band beside the proposed threshold, the
routing lift of the holdout, speed to lead, the weekly flow against rep capacity, signals ranked
by lift, and the fitted candidate against the live rule set out of time.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

import rule_fit

if TYPE_CHECKING:
    from tune_scores import Proposal


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
    lines += ["", *holdout_report(proposal), "", *speed_to_lead_report(proposal), "", *capacity_report(proposal)]
    lines += ["", "Signals ranked by lift (converters vs non-converters before converting):",
              f"  {'signal':<36} {'lift':>6} {'diff':>7} {'support':>8}  note"]
    for s in proposal.signals:
        note = "too little support" if s.is_low_support else ("" if s.is_used_by_live_model else "not used by a rule")
        lift = f"{s.lift:.2f}" if s.lift is not None else "-"
        lines.append(f"  {s.name:<36} {lift:>6} {s.rate_difference:>+7.1%} {s.accounts_showing:>8}  {note}")
    lines += ["", *fit_report(proposal)]
    return "\n".join(lines)


def fit_report(proposal: Proposal) -> list[str]:
    """The fitted rule set against the live one on the newer cohorts, and what the command did."""
    fit = proposal.fit
    if fit is None:
        return []
    live, candidate = fit.live, fit.candidate
    read, cohort_accounts = proposal.fit_sample
    sample = "" if read == cohort_accounts else f" (a sample of {read:,} of the {cohort_accounts:,} accounts)"
    lines = [f"Rule points fitted to outcomes{sample}: trained on cohorts {fit.train_cohorts[0]} to "
             f"{fit.train_cohorts[-1]} "
             f"({fit.train_rows} account-cohorts), tested out of time on {fit.test_cohorts[0]} to "
             f"{fit.test_cohorts[-1]} ({fit.test_rows}, {fit.test_conversions} converted):",
             f"  {'':<38} {'live':>8} {'candidate':>10}"]

    def row(name: str, value) -> str:
        return f"  {name:<38} {value(live):>8} {value(candidate) if candidate else '-':>10}"

    def band(ranking: rule_fit.Ranking | None, floor: int) -> str:
        found = [b for b in (ranking.bands if ranking else []) if b[0] == floor]
        return f"{found[0][2]}/{found[0][1]}" if found else "-"

    lines.append(row("AUC (converted within the horizon)", lambda r: f"{r.auc:.3f}"))
    if candidate:
        # What turning the fit into whole points within the caps cost its ranking.
        lines.append(f"  {'  the fit itself, before points':<38} {'':>8} {fit.fitted_auc:>10.3f}")
    lines += [row("converters in the top 10% of scores", lambda r: f"{r.top_10_share:.1%}"),
              row("converters in the top 20% of scores", lambda r: f"{r.top_20_share:.1%}"),
              "  converted/accounts by score band:"]
    for floor in range(0, 100, 10):
        label = f"{floor}-{floor + 9 if floor < 90 else 100}"
        lines.append(f"  {label:>38} {band(live, floor):>8} {band(candidate, floor):>10}")
    lines += textwrap.wrap(f"Decision: {fit.verdict}", width=110, initial_indent="  ", subsequent_indent="    ")
    if fit.signals:
        lines.append("  Fitted points per band of each signal's value:")
        for signal in fit.signals:
            # As the seed rows have it: a band worth no points is no rule.
            parts = [f"{_span(*signal.band_bounds(k))}: {points:+d}"
                     for k, points in enumerate(signal.points) if points != 0]
            lines.append(f"    {signal.signal:<34} {signal.component:<8} {', '.join(parts)}")
    reasons: dict[str, list[str]] = {}
    for signal, why in sorted(fit.left_out.items()):
        reasons.setdefault(why, []).append(signal)
    for why, names in reasons.items():
        lines += textwrap.wrap(f"Left out ({why}): {', '.join(names)}", width=110, initial_indent="  ",
                               subsequent_indent="    ")
    if fit.wins:
        lines.append(f"  Candidate PQL threshold {proposal.candidate_threshold}: it keeps the share of accounts "
                     f"the live rule set has at or above {proposal.proposed_threshold}")
    return lines


def _span(low: int | None, high: int | None) -> str:
    """A band of a signal's values as the report writes it: "any" (any known value), "3+", "1-2"."""
    if low is None:
        return "any" if high is None else f"up to {high}"
    return f"{low}+" if high is None else (f"{low}" if high == low else f"{low}-{high}")


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


def speed_to_lead_report(proposal: Proposal) -> list[str]:
    """How fast reps touched the alerts routed to them (first touch: their first disposition after it)."""
    tiers = proposal.speed_to_lead
    if not tiers:
        return ["Speed to lead: no alert routed to sales yet (pql_alerts)"]
    lines = ["Speed to lead (alerts routed to sales; first touch: the rep's first disposition after the alert):",
             f"  {'tier':<16} {'alerts':>7} {'touched':>8} {'within SLA':>16} {'median to first touch':>22}"]
    for t in tiers:
        within = f"{t.sla_met}/{t.sla_decided} = {t.sla_met / t.sla_decided:.0%}" if t.sla_decided else "-"
        median = "-" if t.median_minutes_to_first_touch is None else _duration(t.median_minutes_to_first_touch)
        lines.append(f"  {t.tier:<16} {t.alerts:>7} {t.touched:>8} {within:>16} {median:>22}")
    if not any(t.touched for t in tiers):
        lines.append("  no disposition is recorded after any alert: reps' dispositions time the first touch "
                     "(var pql_read_dispositions)")
    return lines


def _duration(minutes: float) -> str:
    """Minutes as the report writes them: "45 min", "3 h 10 min", "2 d 4 h"."""
    if minutes < 60:
        return f"{minutes:.0f} min"
    if minutes < 48 * 60:
        return f"{minutes // 60:.0f} h {minutes % 60:.0f} min"
    return f"{minutes // 1440:.0f} d {minutes % 1440 // 60:.0f} h"


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

    figure, (axes, tested) = plt.subplots(1, 2, figsize=(14, 5), width_ratios=(3, 2))
    positions = range(len(proposal.bands))
    rates = [b.conversion_rate for b in proposal.bands]
    # Floored at 0: a band with no conversion has a low bound of 0 give or take a rounding error.
    errors = [[max(0.0, rate - b.conversion_rate_low) for rate, b in zip(rates, proposal.bands, strict=True)],
              [max(0.0, b.conversion_rate_high - rate) for rate, b in zip(rates, proposal.bands, strict=True)]]
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
    _plot_out_of_time(proposal.fit, tested, matplotlib)
    figure.tight_layout()
    figure.savefig(path, format="png")
    plt.close(figure)


def _plot_out_of_time(fit: rule_fit.Fit | None, axes, matplotlib) -> None:
    """The gains curve on the test cohorts: the share of converters among the best-scored accounts,
    for each share of accounts worked, the live rule set beside the fitted candidate."""
    if fit is None:
        axes.set_axis_off()
        return
    shares = np.linspace(0, 1, 51)
    for name, ranking, scores, color in (("live", fit.live, fit.tested.live_scores, "#4c72b0"),
                                         ("candidate", fit.candidate, fit.candidate_scores, "#55a868")):
        if ranking is None:
            continue
        captured = [rule_fit.top_share(scores, fit.tested.converted, share) for share in shares]
        axes.plot(shares, captured, color=color,
                  label=f"{name}: AUC {ranking.auc:.3f}, top 10% {ranking.top_10_share:.0%}, "
                        f"top 20% {ranking.top_20_share:.0%}")
    axes.plot([0, 1], [0, 1], color="grey", linestyle=":", label="random order")
    for share in (0.1, 0.2):
        axes.axvline(share, color="#cccccc", linewidth=0.8)
    axes.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    axes.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    axes.set_xlabel("best-scored share of accounts")
    axes.set_ylabel("share of the converters among them")
    axes.set_title(f"Out of time: cohorts {fit.test_cohorts[0]} to {fit.test_cohorts[-1]} - "
                   f"{'candidate wins' if fit.wins else 'no candidate'}", fontsize=10)
    axes.legend(fontsize=8, loc="lower right")
