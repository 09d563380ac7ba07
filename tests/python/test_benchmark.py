"""The benchmark script runs end to end at a tiny size, and its independent hand-written
classic query agrees with the mart for every account, on the full build and the daily run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_ROOT


def test_benchmark_runs_and_its_baseline_agrees_with_the_mart(tmp_path: Path):
    output = tmp_path / "benchmarks.md"
    completed = subprocess.run(
        [sys.executable, "scripts/benchmark.py", "--events", "30k", "--workdir", str(tmp_path / "work"),
         "--output", str(output)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    report = output.read_text()
    assert "## 30,000 events" in report
    for step in ("full build: dbt run --full-refresh", "daily run: dbt run (incremental)", "baseline query, new day"):
        assert f"| {step} |" in report
    assert "Scores equal the baseline's for every account: yes." in report
