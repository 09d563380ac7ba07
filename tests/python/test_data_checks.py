"""Checks on the data itself fail the build loudly, and say what is wrong."""

from __future__ import annotations

from fixture_world import SCORE_DATE, write_raw_tables


def test_an_event_id_reused_on_another_day_fails_the_build_naming_it(make_project):
    project = make_project()
    write_raw_tables(project.database)
    # Same pipeline id, two different days inside the days this run re-reads: not an exact
    # copy (the days differ), so staging keeps both, and the key check must object.
    project.query("insert into raw.events values "
                  "('e34', 'u_pql', 'acc_pql', 'pricing_page_viewed', timestamp '2026-03-31 08:00:00', '{}')")
    result = project.dbt("build", dbt_vars={"pql_score_date": SCORE_DATE})
    assert not result.success
    assert any("event_id=e34" in line and "event_id delivered with different contents" in line
               for line in project.log_lines), "\n".join(project.log_lines[-20:])


def test_key_check_of_a_daily_run_covers_only_the_days_it_rereads(make_project):
    project = make_project()
    write_raw_tables(project.database)
    # The same clash, but three weeks back: outside a daily run's re-read days (score date and 3 before).
    project.query("insert into raw.events values "
                  "('e31', 'u_pql', 'acc_pql', 'team_member_invited', timestamp '2026-03-09 09:00:00', '{}')")
    assert project.dbt("build", dbt_vars={"pql_score_date": SCORE_DATE}).success
    # A full refresh re-reads, and re-checks, every day.
    result = project.dbt("build", "--full-refresh", dbt_vars={"pql_score_date": SCORE_DATE})
    assert not result.success
    assert any("event_id=e31" in line for line in project.log_lines)
