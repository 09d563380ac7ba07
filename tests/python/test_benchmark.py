"""The benchmark script runs end to end at a tiny size, history growth and Snowplow included, and
its independent hand-written classic query agrees with the mart for every account, on the full
build and the daily run, and with the intraday job's scores on the day so far."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_ROOT


def test_benchmark_runs_and_its_baseline_agrees_with_the_mart(tmp_path: Path):
    output = tmp_path / "benchmarks.md"
    completed = subprocess.run(
        [sys.executable, "scripts/benchmark.py", "--events", "30k", "--history-growth", "30k", "--snowplow", "30k",
         "--workdir", str(tmp_path / "work"), "--output", str(output)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    report = output.read_text()
    assert "## 30,000 events (32,161 raw rows with duplicates, 1,000 accounts, 90 days)" in report
    # The same accounts and daily volume, with the 90 days copied 90 days back.
    assert "## 30,000 events (63,568 raw rows with duplicates, 1,000 accounts, 180 days)" in report
    for step in ("full build: dbt run --full-refresh", "daily run: dbt run (incremental)", "published query, new day",
                 "daily run again, one dbt thread"):
        assert report.count(f"| {step} |") == 2
    assert "Where the daily run's time goes, each model alone" in report
    assert "History growth (1,000 accounts" in report
    assert report.count("Scores equal the published query's for every account: yes.") == 2
    intraday_rows = [line for line in report.splitlines()
                     if line.startswith("| 30,000 | 1,000 | ") and "quarter-hour" in line]
    assert [row.split(" | ")[2] for row in intraday_rows] == ["first quarter-hour", "last quarter-hour"]
    assert all(row.endswith("| yes |") for row in intraday_rows), intraday_rows
    # On Snowplow the daily run reads the rows collected since its bound, whatever the history.
    snowplow_rows = [line.split(" | ") for line in report.split("## Snowplow")[1].splitlines()
                     if line.startswith("| 30,000 | 1,000 | ")]
    assert [row[2] for row in snowplow_rows] == ["90", "180"]
    (rows_90, read_90), (rows_180, read_180) = [(int(row[3].replace(",", "")), int(row[5].replace(",", "")))
                                                for row in snowplow_rows]
    assert rows_180 > 1.9 * rows_90 and read_180 == read_90 < rows_90 / 5
