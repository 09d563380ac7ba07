"""Print what the last build scored: accounts per tier (with hot triggers or routing gates) and the top accounts."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import duckdb


def report(database: Path, schema: str, top: int) -> str:
    with duckdb.connect(str(database), read_only=True) as con:
        tiers = con.execute(f"""
            select pql_tier, count(*) as accounts, min(pql_score), max(pql_score),
                   count(hot_trigger) filter (where routing_gate is null), count(routing_gate)
            from {schema}.pql_scores
            group by pql_tier, pql_tier_rank
            order by pql_tier_rank desc
        """).fetchall()
        model, score_date = con.execute(
            f"select any_value(scoring_model), any_value(score_date) from {schema}.pql_scores"
        ).fetchone()
        leaders = con.execute(f"""
            select account_id, domain, pql_score, product_score, fit_score, intent_score, pql_tier, score_reasons
            from {schema}.pql_scores
            order by pql_score desc, account_id
            limit ?
        """, [top]).fetchall()

    total = sum(row[1] for row in tiers)
    lines = [f"PQL scores as of {score_date}, rule set '{model}': {total:,} accounts", ""]
    # Hot triggers raise accounts into the top tier; routing gates (the ICP gate) send them self-serve.
    lines.append(f"{'tier':<10}{'accounts':>10}{'share':>8}{'scores':>10}{'triggered':>11}{'gated':>8}")
    for tier, accounts, low, high, triggered, gated in tiers:
        share, scores = f"{accounts / total:.1%}", f"{low}-{high}"
        lines.append(f"{tier:<10}{accounts:>10,}{share:>8}{scores:>10}{triggered:>11,}{gated:>8,}")
    lines += ["", f"Top {len(leaders)} accounts (score = product + fit + intent):"]
    for account_id, domain, score, product, fit, intent, tier, reasons in leaders:
        lines.append(f"{score:>4} = {product:>2} + {fit:>2} + {intent:>2}  {tier:<8} {account_id} {domain}")
        lines.append(f"      {reasons}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", type=Path, default=Path(os.environ.get("PQL_DUCKDB_PATH", "pql.duckdb")))
    parser.add_argument("--schema", default=os.environ.get("PQL_SCHEMA", "analytics"))
    parser.add_argument("--top", type=int, default=10, help="how many top accounts to show (default: 10)")
    args = parser.parse_args(argv)
    print(report(args.database, args.schema, args.top))


if __name__ == "__main__":
    main()
