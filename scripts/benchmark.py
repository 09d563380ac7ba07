"""Benchmark the daily job on DuckDB at a given event volume and write the figures to docs/benchmarks.md.

For each size: generate N events over 90 days for N/100 accounts, hold back the last day
(and 1% of the day before it, arriving late), then time

  1. the full build (`dbt run --full-refresh`, then `dbt test`), scoring the day before;
  2. the daily incremental run after the held-back day lands (`dbt run`, then `dbt test`);
  3. the published query: one hand-written query computing the classic model straight from
     raw events, materialised as a table in the same DuckDB file, for both days (best of
     three runs: it takes a second or two, and one slow run would flatter every ratio);
  4. the daily run again with one dbt thread, so that each model's time is its own: the
     profile of where the daily run's time goes;
  5. the intraday job (`dbt build --selector intraday`) on the new day, before the daily run:
     after its first quarter-hour of events lands (1/96 of a day's volume), and again after
     its last quarter-hour lands, when the day is all but whole. Its scores must equal the
     published query's on the events loaded so far, for every account it rescored.

dbt runs the daily job as the README schedules it: `dbt run` with no selection, which is the
default `daily` selector (the tuning loop's models are built when tuning). It is timed by its
own elapsed time (target/run_results.json), the warehouse's work; process start-up and parsing
are reported apart. Peak memory is the peak resident set of each step's process. dbt runs the
classic rule set so that the published query's scores can be checked equal to the mart's.
The smallest size measures what dbt itself costs per run of this job.

With --history-growth N, a world of N events is measured twice more: with its 90 days, and
with 180 days (the same accounts and daily volume: the 90 days copied 90 days back).

With --snowplow N, a world of N events in Snowplow's atomic.events is built and run daily with
90 and with 180 days of history: a daily run reads the rows collected in the days it re-reads, so
twice the history should cost it nothing. Given alone, it rewrites only its own section of the
output file.

    python scripts/benchmark.py --events 10M
    python scripts/benchmark.py --events 5k 10M 50M 100M --history-growth 10M --output docs/benchmarks.md
    python scripts/benchmark.py --snowplow 10M
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tracker_shapes import SHAPE_VARS  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SCORE_DAY = dt.date(2026, 3, 31)  # the held-back "new day"; the full build scores the day before
THREADS = 2
ACCOUNTS_PER_EVENT = 1 / 100  # 50M events: 500,000 accounts
PUBLISHED_QUERY_RUNS = 3
# The targets, by size: the daily run and the full build against the published query, and memory.
DAILY_TARGETS = {50_000_000: 5.0, 100_000_000: 4.0}
FULL_TARGETS = {50_000_000: 15.0}
PEAK_MEMORY_TARGET_GIB = {100_000_000: 6.0}
# The intraday job after a quarter-hour of new events: against the daily run, and in dbt's seconds.
INTRADAY_TARGETS = {50_000_000: (0.25, 6.0)}
QUARTER_HOUR = dt.timedelta(minutes=15)
# What a run reads on a warehouse that prunes by date but not by account: the tables it reads,
# each as "schema.table" -> the rows it reads (SQL, {day}: the score date; {first_day}: the first
# day it re-reads). The live window of the classic rule set is 30 days.
LIVE_WINDOW_DAYS = 30
LOOKBACK_DAYS = 3  # the days before the score date a daily run re-reads, passed to dbt as a var
TABLES_A_RUN_READS = {
    "raw.events": "event_time >= '{first_day}' and event_time < '{day}'::date + 1",
    "raw.accounts": "true",
    "raw.users": "true",
    "analytics.int_events_aggregated_daily": "activity_date > '{day}'::date - {window}",
    "analytics.int_user_activity_daily": "activity_date > '{day}'::date - {window}",
    "analytics.int_account_activity_daily": "activity_date > '{day}'::date - {window}",
}

PUBLISHED_QUERY_SQL = """
create or replace table main.published_query_scores as
with events as (
    select
        account_id,
        lower(trim(event_name)) as event_name,
        cast(event_time as date) as event_date
    from raw.events
    where event_time >= cast('{window_start}' as timestamp) and event_time < cast('{day_after}' as timestamp)
),
per_account as (
    select
        account_id,
        max(case when event_name = 'workspace_created' then 1 else 0 end) as has_workspace,
        max(case when event_name = 'team_member_invited' then 1 else 0 end) as has_invite,
        max(case when event_name = 'integration_connected' then 1 else 0 end) as has_integration,
        count(distinct event_date) as active_days,
        max(case when event_name = 'pricing_page_viewed' and event_date >= '{intent_start}' then 1 else 0 end)
            as has_pricing,
        max(case when event_name = 'billing_portal_opened' and event_date >= '{intent_start}' then 1 else 0 end)
            as has_billing
    from events
    group by 1
),
scored as (
    select
        accounts.account_id,
        15 * coalesce(has_workspace, 0) + 15 * coalesce(has_invite, 0) + 15 * coalesce(has_integration, 0)
            + least(coalesce(active_days, 0), 5) as product_score,
        case
            when employee_count between 50 and 500 then 15
            when employee_count between 501 and 5000 then 10
            when employee_count > 5000 then 5
            else 0
        end
        + case when lower(trim(industry)) in ('saas', 'fintech', 'e-commerce') then 10 else 3 end
        + case when icp_match then 5 else 0 end as fit_score,
        10 * coalesce(has_pricing, 0) + 10 * coalesce(has_billing, 0) as intent_score
    from raw.accounts as accounts
    left join per_account using (account_id)
)
select
    *,
    product_score + fit_score + intent_score as pql_score,
    case
        when product_score + fit_score + intent_score >= 90 then 'Hot PQL'
        when product_score + fit_score + intent_score >= 70 then 'PQL'
        when product_score + fit_score + intent_score >= 50 then 'Engaged'
        else 'Cold'
    end as pql_tier
from scored
"""


@dataclass
class Step:
    """One timed step: its work time, its whole process time, and the process's peak memory."""

    name: str
    work_seconds: float
    wall_seconds: float
    peak_rss_bytes: int
    models: tuple[tuple[str, float], ...] = ()  # a dbt step's models, longest first, seconds each

    @property
    def overhead_seconds(self) -> float:
        return self.wall_seconds - self.work_seconds


def parse_count(text: str) -> int:
    """'10M' -> 10_000_000, '250k' -> 250_000, '1500' -> 1500."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([kKmM]?)", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"not a count: {text!r} (use e.g. 500k, 10M)")
    number, unit = float(match.group(1)), match.group(2).lower()
    return int(number * {"": 1, "k": 1_000, "m": 1_000_000}[unit])


def _duckdb_in_child(database: Path, sql: str, env: dict[str, str]) -> tuple[float, float, int, str]:
    """Run SQL on the DuckDB file in a child process; return work and wall seconds, peak memory, output.

    Everything touching the data runs in a child: on Linux a child inherits its parent's
    peak-memory mark across fork and exec, so a parent that held data would skew every figure.
    """
    script = (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({str(database)!r})\n"
        f"con.execute('set threads = {THREADS}'); con.execute(\"set TimeZone = 'UTC'\")\n"
        "started = time.perf_counter()\n"
        f"result = con.execute({sql!r}).fetchall()\n"
        "print('WORK', time.perf_counter() - started)\n"
        "print('RESULT', result)\n"
    )
    wall, peak, output = _run_measured([sys.executable, "-c", script], env)
    return float(re.search(r"WORK ([0-9.]+)", output).group(1)), wall, peak, output


def _run_measured(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Run a child process; return its wall seconds, peak RSS in bytes, and output. Fail loudly on error."""
    started = time.perf_counter()
    with tempfile.TemporaryFile(mode="w+") as output:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        output.seek(0)
        text = output.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{text[-4000:]}")
    return wall, usage.ru_maxrss * 1024, text  # ru_maxrss is in KiB on Linux


class Bench:
    shape = "native"  # whose tables the world is written in (tracker_shapes.py)

    def __init__(self, workdir: Path, events: int, accounts: int):
        self.workdir = workdir
        self.events = events
        self.accounts = accounts
        self.database = workdir / f"bench_{self.shape}_{events}.duckdb"
        self.target = workdir / f"target_{self.shape}_{events}"
        self.env = {
            **os.environ,
            "DO_NOT_TRACK": "1",
            "DBT_PROFILES_DIR": str(PROJECT_ROOT),
            "PQL_DUCKDB_PATH": str(self.database),
            "PQL_TARGET": "duckdb",
        }
        self.extra_vars = {} if self.shape == "native" else {"pql_event_source": self.shape, **SHAPE_VARS[self.shape]}

    def prepare(self) -> float:
        """Generate the world and hold back the new day; return the seconds it took."""
        started = time.perf_counter()
        self.database.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, "scripts/generate_sample_data.py", "--database", str(self.database), "--shape",
             self.shape, "--accounts", str(self.accounts), "--events", str(self.events),
             "--end-date", SCORE_DAY.isoformat()],
            cwd=PROJECT_ROOT, check=True, env=self.env, stdout=subprocess.DEVNULL,
        )
        _duckdb_in_child(self.database, self.hold_back_sql(), self.env)
        return time.perf_counter() - started

    def hold_back_sql(self) -> str:
        return f"""
            -- The new day, plus 1% of the day before that arrives late, land after the full build.
            create or replace table raw.events_next_batch as
            select * from raw.events
            where event_time >= '{SCORE_DAY}'
               or (event_time >= '{SCORE_DAY - dt.timedelta(days=1)}' and hash(event_id, event_time) % 100 = 0);
            -- An append-only event table is ordered by arrival, roughly by time.
            create or replace table raw.events_sorted as
            select * from raw.events
            where not exists (
                select 1 from raw.events_next_batch as late
                where late.event_id is not distinct from events.event_id
                  and late.event_time = events.event_time
                  and late.user_id = events.user_id
            )
            order by event_time;
            drop table raw.events;
            alter table raw.events_sorted rename to events;
            checkpoint;
        """

    def dbt(self, name: str, *args: str, score_date: dt.date, threads: int = THREADS) -> Step:
        dbt_vars = json.dumps({"pql_score_date": score_date.isoformat(), "pql_scoring_model": "classic",
                               "pql_incremental_lookback_days": LOOKBACK_DAYS, **self.extra_vars})
        command = [str(Path(sys.executable).with_name("dbt")), *args, "--vars", dbt_vars,
                   "--target-path", str(self.target), "--log-path", str(self.workdir / "logs"), "--threads",
                   str(threads)]
        wall, peak, _ = _run_measured(command, self.env)
        run_results = json.loads((self.target / "run_results.json").read_text())
        models = sorted(
            ((result["unique_id"].split(".")[-1], result["execution_time"]) for result in run_results["results"]
             if result["unique_id"].startswith("model.")),
            key=lambda model: -model[1],
        )
        return Step(name, run_results["elapsed_time"], wall, peak, tuple(models))

    def published_query(self, name: str, score_date: dt.date) -> Step:
        sql = PUBLISHED_QUERY_SQL.format(
            window_start=score_date - dt.timedelta(days=30),
            day_after=score_date + dt.timedelta(days=1),
            intent_start=score_date - dt.timedelta(days=14),
        )
        runs = [_duckdb_in_child(self.database, sql, self.env) for _ in range(PUBLISHED_QUERY_RUNS)]
        work, wall, peak, _ = min(runs, key=lambda run: run[0])
        return Step(name, work, wall, max(run[2] for run in runs))

    def land_next_batch(self, before: dt.datetime | None = None) -> int:
        """Move the held-back events of the new day before `before` into raw.events, or else all of them
        (the day before's late ones too, which land overnight); return how many of the new day's landed."""
        held_back = f"event_time >= '{SCORE_DAY}' and event_time < '{before}'" if before else "true"
        *_, output = _duckdb_in_child(self.database, f"""
            insert into raw.events select * from raw.events_next_batch where {held_back} order by event_time;
            create or replace table raw.events_next_batch as
            select * from raw.events_next_batch where not ({held_back});
            checkpoint;
            select count(*) from raw.events where event_time >= '{SCORE_DAY}';
        """, self.env)
        return int(re.search(r"RESULT \[\((\d+),\)\]", output).group(1))

    def intraday_matches_published_query(self) -> tuple[bool, int]:
        """Whether every account the intraday job scored today scores as the published query does on
        the events loaded so far; and how many the last run rescored."""
        *_, output = _duckdb_in_child(self.database, f"""
            select
                count(*) filter (where published.account_id is null or (intraday.product_score,
                    intraday.fit_score, intraday.intent_score, intraday.pql_score, intraday.pql_tier)
                    is distinct from (published.product_score, published.fit_score, published.intent_score,
                    published.pql_score, published.pql_tier)),
                count(*) filter (
                    where intraday.rescored_at = (select max(rescored_at) from analytics.int_intraday_scores))
            from analytics.int_intraday_scores as intraday
            left join main.published_query_scores as published using (account_id)
            where intraday.score_date = '{SCORE_DAY}'
        """, self.env)
        mismatches, rescored = map(int, re.search(r"RESULT \[\((\d+), (\d+)\)\]", output).groups())
        return mismatches == 0 and rescored > 0, rescored

    def bytes_a_run_reads(self, first_day: dt.date) -> int:
        """What a run scoring SCORE_DAY that re-reads raw events from `first_day` scans at most on a
        warehouse pruning by date alone: BigQuery's logical bytes (a string: 2 bytes plus its
        length; a number, date or timestamp: 8; a boolean: 1) of every column of the rows read."""
        con = duckdb.connect(str(self.database), read_only=True)
        try:
            parts = []
            for table, rows in TABLES_A_RUN_READS.items():
                schema, name = table.split(".")
                columns = con.execute(
                    "select column_name, data_type from information_schema.columns "
                    "where table_schema = ? and table_name = ?", [schema, name]).fetchall()
                sizes = " + ".join(
                    f"coalesce(strlen(cast(\"{column}\" as varchar)), 0) + 2" if kind in ("VARCHAR", "JSON")
                    else "1" if kind == "BOOLEAN" else "8"
                    for column, kind in columns)
                where = rows.format(day=SCORE_DAY, first_day=first_day, window=LIVE_WINDOW_DAYS)
                parts.append(f"(select coalesce(sum({sizes}), 0) from {table} where {where})")
            return int(con.execute(f"select {' + '.join(parts)}").fetchone()[0])
        finally:
            con.close()

    def scores_match_published_query(self) -> bool:
        *_, output = _duckdb_in_child(self.database, """
            select count(*) from (
                select account_id, product_score, fit_score, intent_score, pql_score, pql_tier
                from analytics.pql_scores
                except
                select account_id, product_score, fit_score, intent_score, pql_score, pql_tier
                from main.published_query_scores
            )
        """, self.env)
        return "RESULT [(0,)]" in output

    def double_history(self) -> None:
        """180 days instead of 90, with the same accounts and daily volume: every event copied 90 days back."""
        _duckdb_in_child(self.database, """
            create or replace table raw.events_older as
            select * replace (
                event_id || '_older' as event_id,
                event_time - interval 90 day as event_time
            )
            from raw.events;
            create or replace table raw.events_both as
            select * from raw.events_older union all select * from raw.events order by event_time;
            drop table raw.events; drop table raw.events_older;
            alter table raw.events_both rename to events;
            checkpoint;
        """, self.env)

    def raw_events(self) -> int:
        *_, output = _duckdb_in_child(self.database, "select count(*) from raw.events", self.env)
        return int(re.search(r"RESULT \[\((\d+),\)\]", output).group(1))


class SnowplowBench(Bench):
    """The same world in Snowplow's atomic.events, held back and landed by collector_tstamp."""

    shape = "snowplow"

    def hold_back_sql(self) -> str:
        return f"""
            create or replace table raw.events_next_batch as
            select * from raw.events where collector_tstamp >= '{SCORE_DAY}';
            -- atomic.events is loaded in collection order.
            create or replace table raw.events_sorted as
            select * from raw.events where collector_tstamp < '{SCORE_DAY}' order by collector_tstamp;
            drop table raw.events;
            alter table raw.events_sorted rename to events;
            checkpoint;
        """

    def land_next_batch(self, before: dt.datetime | None = None) -> int:
        _duckdb_in_child(self.database, """
            insert into raw.events select * from raw.events_next_batch order by collector_tstamp;
            drop table raw.events_next_batch;
            checkpoint;
        """, self.env)
        return 0

    def double_history(self) -> None:
        _duckdb_in_child(self.database, """
            create or replace table raw.events_both as
            select * replace (
                event_id || '_older' as event_id,
                derived_tstamp - interval 90 day as derived_tstamp,
                collector_tstamp - interval 90 day as collector_tstamp
            )
            from raw.events
            union all
            select * from raw.events
            order by collector_tstamp;
            drop table raw.events;
            alter table raw.events_both rename to events;
            checkpoint;
        """, self.env)

    def rows_collected_since(self, bound: str) -> tuple[int, int]:
        """atomic.events' rows collected since `bound`, and all its rows."""
        *_, output = _duckdb_in_child(self.database, f"""
            select count(*) filter (where collector_tstamp >= '{bound}'), count(*) from raw.events
        """, self.env)
        return tuple(map(int, re.search(r"RESULT \[\((\d+), (\d+)\)\]", output).groups()))

    def read_bound(self) -> str:
        """The collector_tstamp the last run read atomic.events from, as its compiled SQL says."""
        compiled = (self.target / "compiled/pql_scoring/models/staging/trackers/snowplow"
                    / "stg_snowplow__first_collections.sql").read_text()
        return re.search(r"collector_tstamp >= cast\('([0-9: -]+)'", compiled).group(1)


def run_snowplow(workdir: Path, events: int, doubled_history: bool) -> dict:
    """The full build and the daily job on a Snowplow world, with 90 or 180 days of history."""
    bench = SnowplowBench(workdir, events, accounts=max(1_000, int(events * ACCOUNTS_PER_EVENT)))
    history_days = 180 if doubled_history else 90
    print(f"[Snowplow, {events:,} events, {history_days} days] generating ...", flush=True)
    bench.prepare()
    if doubled_history:
        bench.double_history()
    day_before = SCORE_DAY - dt.timedelta(days=1)
    bench.dbt("seed", "seed", "--full-refresh", score_date=day_before)
    print(f"[Snowplow, {events:,} events, {history_days} days] full build, daily run ...", flush=True)
    full = bench.dbt("full build: dbt run --full-refresh", "run", "--full-refresh", score_date=day_before)
    bench.land_next_batch()
    daily = bench.dbt("daily run: dbt run (incremental)", "run", score_date=SCORE_DAY)
    bound = bench.read_bound()
    daily_test = bench.dbt("daily run: dbt test", "test", score_date=SCORE_DAY)
    rows_read, rows = bench.rows_collected_since(bound)
    bench.database.unlink(missing_ok=True)
    return {"events": events, "accounts": bench.accounts, "history_days": history_days, "rows": rows,
            "rows_read": rows_read, "bound": bound, "full": full, "daily": daily, "daily_test": daily_test}


SNOWPLOW_HEADING = "## Snowplow: a daily run reads days, not history"


def render_snowplow(results: list[dict]) -> str:
    lines = [
        SNOWPLOW_HEADING,
        "",
        "The same world in Snowplow's `atomic.events` (`--shape snowplow`: copies collected five minutes "
        "after the first, structured events, the account in a context), with 90 days of history and with "
        "the 90 days copied 90 days back. `rows read` are the rows collected since the bound the daily "
        "run's compiled SQL reads `atomic.events` from (its re-read days less `pql_snowplow_late_copy_days`).",
        "",
        "| events | accounts | days of history | atomic.events rows | read from | rows read | full build (s) "
        "| daily run (s) | daily dbt test (s) | daily run peak memory (GiB) |",
        "|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        lines.append(
            f"| {result['events']:,} | {result['accounts']:,} | {result['history_days']} | {result['rows']:,} "
            f"| {result['bound']} | {result['rows_read']:,} | {result['full'].work_seconds:.1f} "
            f"| {result['daily'].work_seconds:.1f} | {result['daily_test'].work_seconds:.1f} "
            f"| {result['daily'].peak_rss_bytes / 2**30:.2f} |")
    by_days = {result["history_days"]: result for result in results}
    if {90, 180} <= set(by_days):
        growth = by_days[180]["daily"].work_seconds / by_days[90]["daily"].work_seconds
        lines += ["", f"With twice the history the daily run takes {growth:.2f}x as long, and reads "
                      f"{by_days[180]['rows_read']:,} rows of {by_days[180]['rows']:,} (with 90 days: "
                      f"{by_days[90]['rows_read']:,} of {by_days[90]['rows']:,})."]
    return "\n".join(lines) + "\n"


def split_snowplow_section(report: str) -> tuple[str, str]:
    """`report` without its Snowplow section, and the section ("" when it has none)."""
    if SNOWPLOW_HEADING not in report:
        return report, ""
    before, _, rest = report.partition(SNOWPLOW_HEADING)
    end = rest.find("\n## ")
    after = rest[end + 1:] if end != -1 else ""
    return before + after, SNOWPLOW_HEADING + (rest[:end + 1] if end != -1 else rest)


def run_size(workdir: Path, events: int, doubled_history: bool = False) -> dict:
    bench = Bench(workdir, events, accounts=max(1_000, int(events * ACCOUNTS_PER_EVENT)))
    history_days = 180 if doubled_history else 90
    label = f"[{events:,} events, {history_days} days]"
    print(f"{label} generating ...", flush=True)
    prepare_seconds = bench.prepare()
    if doubled_history:
        bench.double_history()
    day_before = SCORE_DAY - dt.timedelta(days=1)
    steps = [bench.dbt("seed", "seed", "--full-refresh", score_date=day_before)]
    print(f"{label} full build ...", flush=True)
    steps.append(bench.dbt("full build: dbt run --full-refresh", "run", "--full-refresh", score_date=day_before))
    steps.append(bench.dbt("full build: dbt test", "test", score_date=day_before))
    steps.append(bench.published_query("published query, day before", day_before))
    full_matches = bench.scores_match_published_query()
    print(f"{label} intraday runs ...", flush=True)
    start_of_day = dt.datetime.combine(SCORE_DAY, dt.time())
    intraday = []
    # A run rescores what it and the run before it noted: the day up to 23:30 and the quarter-hour to
    # 23:45 land before the measured last quarter-hour, as on a schedule every 15 minutes.
    for quarter_hours, measured in ((1, True), (94, False), (95, False), (96, True)):
        events_today = bench.land_next_batch(before=start_of_day + quarter_hours * QUARTER_HOUR)
        name = "intraday run: " + ("first quarter-hour" if quarter_hours == 1 else "last quarter-hour")
        step = bench.dbt(name, "build", "--selector", "intraday", score_date=SCORE_DAY)
        if measured:
            bench.published_query("published query, day so far", SCORE_DAY)
            matches, rescored = bench.intraday_matches_published_query()
            intraday.append({"step": step, "events_today": events_today, "rescored": rescored, "matches": matches,
                             "bytes_read": bench.bytes_a_run_reads(first_day=SCORE_DAY)})
    bench.land_next_batch()
    print(f"{label} daily incremental run ...", flush=True)
    steps.append(bench.dbt("daily run: dbt run (incremental)", "run", score_date=SCORE_DAY))
    steps.append(bench.dbt("daily run: dbt test", "test", score_date=SCORE_DAY))
    steps.append(bench.published_query("published query, new day", SCORE_DAY))
    daily_matches = bench.scores_match_published_query()
    daily_bytes_read = bench.bytes_a_run_reads(first_day=SCORE_DAY - dt.timedelta(days=LOOKBACK_DAYS))
    print(f"{label} the daily run again, one thread ...", flush=True)
    profile = bench.dbt("daily run again, one dbt thread", "run", score_date=SCORE_DAY, threads=1)
    result = {
        "events": events,
        "history_days": history_days,
        "raw_events": bench.raw_events(),
        "accounts": bench.accounts,
        "prepare_seconds": prepare_seconds,
        "steps": steps,
        "profile": profile,
        "intraday": intraday,
        "daily_bytes_read": daily_bytes_read,
        "scores_match_published_query": full_matches and daily_matches,
    }
    bench.database.unlink(missing_ok=True)
    return result


def _machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = re.findall(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = names[0].strip() if names else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import dbt.version

    return (f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB memory, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, DuckDB {duckdb.__version__}, dbt-core {dbt.version.__version__}; "
            f"{THREADS} dbt threads, DuckDB threads {THREADS}")


def _ratios(result: dict) -> tuple[float, float]:
    steps = {step.name: step for step in result["steps"]}
    daily = steps["daily run: dbt run (incremental)"].work_seconds / steps["published query, new day"].work_seconds
    full = steps["full build: dbt run --full-refresh"].work_seconds / steps["published query, day before"].work_seconds
    return daily, full


def _against(ratio: float, target: float | None) -> str:
    if target is None:
        return f"{ratio:.1f}x"
    return f"{ratio:.1f}x ({'met' if ratio <= target else 'not met'}: {target:g}x)"


def _summary(results: list[dict]) -> list[str]:
    """One row per size against the targets that apply to it."""
    lines = [
        "## Against the targets",
        "",
        "Targets (2-core machine): at 50M events the daily run within 5x of the published query and "
        "the full build within 15x; at 100M the daily run within 4x and peak memory under 6 GiB. At "
        "the smallest size the warehouse has almost nothing to do, so its daily run is what dbt itself "
        "costs per run of this job.",
        "",
        "| events | accounts | daily run (s) | published query (s) | daily / query | full build (s) | full / query "
        "| peak memory (GiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in (r for r in results if r["history_days"] == 90):
        steps = {step.name: step for step in result["steps"]}
        daily_ratio, full_ratio = _ratios(result)
        peak = max(step.peak_rss_bytes for step in result["steps"]) / 2**30
        memory_target = PEAK_MEMORY_TARGET_GIB.get(result["events"])
        memory = f"{peak:.2f}" + (f" ({'met' if peak < memory_target else 'not met'}: {memory_target:g})"
                                  if memory_target else "")
        lines.append(
            f"| {result['events']:,} | {result['accounts']:,} "
            f"| {steps['daily run: dbt run (incremental)'].work_seconds:.1f} "
            f"| {steps['published query, new day'].work_seconds:.1f} "
            f"| {_against(daily_ratio, DAILY_TARGETS.get(result['events']))} "
            f"| {steps['full build: dbt run --full-refresh'].work_seconds:.1f} "
            f"| {_against(full_ratio, FULL_TARGETS.get(result['events']))} | {memory} |"
        )
    lines += _intraday_summary([r for r in results if r["history_days"] == 90])
    grown = [r for r in results if r["history_days"] == 180]
    for longer in grown:
        shorter = next(r for r in results if r["events"] == longer["events"] and r["history_days"] == 90)
        daily = {r["history_days"]: next(s for s in r["steps"] if s.name == "daily run: dbt run (incremental)")
                 for r in (shorter, longer)}
        growth = daily[180].work_seconds / daily[90].work_seconds
        lines += [
            "",
            f"History growth ({longer['accounts']:,} accounts, the daily volume of {longer['events']:,} events "
            f"over 90 days): the daily run takes {daily[90].work_seconds:.1f} s with 90 days of events and "
            f"{daily[180].work_seconds:.1f} s with 180, {growth:.2f}x "
            f"({'met' if growth <= 1.2 else 'not met'}: at most 1.2x).",
        ]
    return lines + [""]


def _intraday_summary(results: list[dict]) -> list[str]:
    """The intraday job beside the daily run, after the day's first and last quarter-hour."""
    lines = [
        "",
        "### The intraday job",
        "",
        "`dbt build --selector intraday` on the new day, before its daily run: after the first quarter-hour of "
        "its events lands (about 1/96 of a day's volume), and after the last, when the day is all but whole. "
        "Targets (2-core machine): at 50M events, after a quarter-hour, at most 0.25x the daily run and at most "
        "6 s. It rescores the accounts whose day changed (`accounts rescored`), and re-reads the day so far.",
        "`MiB read` is what a run scans at most on a warehouse that prunes by date but not by account "
        "(BigQuery's logical bytes of the raw events it re-reads, the accounts and users, and the live window "
        f"of {LIVE_WINDOW_DAYS} days of the daily aggregates): the intraday run beside the daily run.",
        "",
        "| events | accounts | run | events of the day loaded | accounts rescored | intraday (s) "
        "| daily run (s) | intraday / daily | MiB read, intraday / daily | scores equal the published query |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        daily = next(s for s in result["steps"] if s.name == "daily run: dbt run (incremental)").work_seconds
        targets = INTRADAY_TARGETS.get(result["events"])
        for index, run in enumerate(result["intraday"]):
            seconds = run["step"].work_seconds
            ratio = f"{seconds / daily:.2f}x"
            if targets and index == 0:
                met = seconds / daily <= targets[0] and seconds <= targets[1]
                ratio += f" ({'met' if met else 'not met'}: {targets[0]:g}x and {targets[1]:g} s)"
            lines.append(
                f"| {result['events']:,} | {result['accounts']:,} | {run['step'].name.removeprefix('intraday run: ')} "
                f"| {run['events_today']:,} | {run['rescored']:,} | {seconds:.1f} | {daily:.1f} | {ratio} "
                f"| {run['bytes_read'] / 2**20:,.0f} / {result['daily_bytes_read'] / 2**20:,.0f} "
                f"| {'yes' if run['matches'] else 'NO'} |"
            )
    return lines


def render(results: list[dict]) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `scripts/benchmark.py`; re-run it to refresh. "
        "dbt runs the daily job: the default selector, `daily`, which leaves the tuning loop's models out. "
        "Time is dbt's own elapsed time from `run_results.json` (the warehouse's work); "
        "start-up and parsing is the rest of the process's wall time. Peak memory is the peak "
        "resident set of the step's process (dbt and the embedded DuckDB together). The published "
        "query is the classic model as one hand-written query on the raw events, best of three runs.",
        "",
        f"Machine: {_machine()}.",
        f"Date: {dt.date.today().isoformat()}.",
        "",
        *_summary(results),
    ]
    for result in results:
        steps = {step.name: step for step in result["steps"]}
        query_full = steps["published query, day before"]
        query_daily = steps["published query, new day"]
        lines += [
            f"## {result['events']:,} events ({result['raw_events']:,} raw rows with duplicates, "
            f"{result['accounts']:,} accounts, {result['history_days']} days)",
            "",
            "| step | time (s) | start-up + parse (s) | peak memory (GiB) | vs published query |",
            "|---|---:|---:|---:|---:|",
        ]
        for step in [*result["steps"], result["profile"], *(run["step"] for run in result["intraday"])]:
            if step.name.startswith("full build: dbt run"):
                ratio = f"{step.work_seconds / query_full.work_seconds:.2f}x"
            elif step.name.startswith(("daily run: dbt run", "daily run again", "intraday run")):
                ratio = f"{step.work_seconds / query_daily.work_seconds:.2f}x"
            else:
                ratio = ""
            lines.append(f"| {step.name} | {step.work_seconds:.1f} | {step.overhead_seconds:.1f} | "
                         f"{step.peak_rss_bytes / 2**30:.2f} | {ratio} |")
        full = steps["full build: dbt run --full-refresh"]
        profile = result["profile"]
        lines += [
            "",
            "The full build's longest models (two threads side by side): "
            + ", ".join(f"`{model}` {seconds:.1f} s" for model, seconds in full.models[:6]) + ".",
            "",
            f"Where the daily run's time goes, each model alone (one dbt thread; the models "
            f"take {sum(seconds for _, seconds in profile.models):.1f} s of the run's "
            f"{profile.work_seconds:.1f} s, {len(profile.models)} models): "
            + ", ".join(f"`{model}` {seconds:.2f} s" for model, seconds in profile.models[:16])
            + f"; the other {len(profile.models) - 16} models "
            f"{sum(seconds for _, seconds in profile.models[16:]):.1f} s together.",
            "",
            f"Generating the data took {result['prepare_seconds']:.0f} s (not part of any figure). "
            f"Scores equal the published query's for every account: "
            f"{'yes' if result['scores_match_published_query'] else 'NO'}.",
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=parse_count, nargs="+", default=None,
                        help="event volumes, e.g. 10M 50M 100M (default: 10M, unless --snowplow is given alone)")
    parser.add_argument("--history-growth", type=parse_count, default=None, metavar="EVENTS",
                        help="also measure a world of EVENTS events with 90 and with 180 days of history")
    parser.add_argument("--snowplow", type=parse_count, default=None, metavar="EVENTS",
                        help="also measure a Snowplow world of EVENTS events with 90 and with 180 days of history")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the DuckDB files go (default: a temporary folder)")
    parser.add_argument("--output", type=Path, default=PROJECT_ROOT / "docs" / "benchmarks.md",
                        help="Markdown file to write (default: docs/benchmarks.md)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="pql-bench-") as scratch:
        workdir = args.workdir or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        snowplow_only = args.snowplow and args.events is None and args.history_growth is None
        events = [] if snowplow_only else args.events or [10_000_000]
        results = [run_size(workdir, size) for size in events]
        if args.history_growth:
            if args.history_growth not in events:
                results.append(run_size(workdir, args.history_growth))
            results.append(run_size(workdir, args.history_growth, doubled_history=True))
        snowplow = [run_snowplow(workdir, args.snowplow, doubled) for doubled in (False, True)] if args.snowplow else []
    # What is not measured this time stays as the file had it.
    main_report, snowplow_section = split_snowplow_section(args.output.read_text() if args.output.exists() else "")
    if not snowplow_only:
        main_report = render(results)
    if snowplow:
        snowplow_section = render_snowplow(snowplow)
    report = main_report.rstrip("\n") + "\n\n" + snowplow_section if snowplow_section else main_report
    args.output.write_text(report)
    print(report)


if __name__ == "__main__":
    main()
