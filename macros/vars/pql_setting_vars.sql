{#
    The project's numeric settings, each read from its var with its default.
    Members: pql_incremental_lookback_days, pql_max_window_days,
    pql_tier_hysteresis_points, pql_calibration_horizon_days, pql_outcome_horizon_days,
    pql_read_dispositions, pql_weekly_pql_capacity, pql_capacity_weeks,
    pql_calibration_cohort_every_days, pql_lift_window_days, pql_lift_lookback_days,
    pql_lift_min_support, pql_rejection_rate_warn, pql_holdout_share.
#}

{% macro pql_incremental_lookback_days() %}
    {#-
        Days before the score date that an incremental run re-reads, for events that
        arrive late: var pql_incremental_lookback_days. A run replaces
        these days in the daily aggregate; days older than this are never re-read.
    -#}
    {{- pql_whole_number_var('pql_incremental_lookback_days', 3) -}}
{% endmacro %}



{% macro pql_max_window_days() %}
    {#-
        The longest signal window allowed, in days: var pql_max_window_days.
        Scoring never reads aggregates older than this before the score date, as a literal
        bound a warehouse can prune partitions with; the seed checks reject longer windows.
    -#}
    {{- pql_whole_number_var('pql_max_window_days', 90) -}}
{% endmacro %}


{% macro pql_tier_hysteresis_points() %}
    {#-
        How far under a tier's min_score a score must fall before an account leaves
        that tier in pql_tier_changes: var pql_tier_hysteresis_points. An
        account hovering at 69/70 then stays a PQL instead of flapping every day;
        moving up is never delayed. 0 turns it off.
    -#}
    {{- pql_whole_number_var('pql_tier_hysteresis_points', 3, unit='points', max_value=99) -}}
{% endmacro %}


{% macro pql_calibration_horizon_days() %}
    {#-
        How long after a cohort date a deal counts as that cohort's conversion, in
        pql_calibration: var pql_calibration_horizon_days. Cohort dates
        closer than this to the newest history date are left out: their outcome is not
        known yet.
    -#}
    {{- pql_whole_number_var('pql_calibration_horizon_days', 30) -}}
{% endmacro %}


{% macro pql_outcome_horizon_days() %}
    {#-
        How long after a handoff (an account entering a PQL tier) a deal counts as its
        outcome, in pql_handoffs: var pql_outcome_horizon_days. Without a deal, a
        handoff is pending until this many days have passed.
    -#}
    {{- pql_whole_number_var('pql_outcome_horizon_days', 30, min_value=1) -}}
{% endmacro %}


{% macro pql_read_dispositions() %}
    {#-
        Whether the CRM's dispositions table is read (source raw.dispositions): var
        pql_read_dispositions, false by default in dbt_project.yml, where the source's
        `enabled` reads it too. Without it, no disposition routes, labels or shows.
    -#}
    {{ return(pql_boolean_var('pql_read_dispositions', false)) }}
{% endmacro %}


{% macro pql_weekly_pql_capacity() %}
    {#-
        How many new PQLs sales can work a week: var pql_weekly_pql_capacity, a whole
        number; unset (the default) means no limit is checked. Read by
        tests/health/new_pql_flow_fits_rep_capacity.sql and the tuning command.
    -#}
    {%- if var('pql_weekly_pql_capacity', none) in (none, '') -%}
        null
    {%- else -%}
        {{- pql_whole_number_var('pql_weekly_pql_capacity', none, unit='PQLs', min_value=1, max_value=1000000) -}}
    {%- endif -%}
{% endmacro %}


{% macro pql_capacity_weeks() %}
    {#-
        How many recent weeks (7 days each, back from the score date) the capacity check
        counts new PQLs over: var pql_capacity_weeks.
    -#}
    {{- pql_whole_number_var('pql_capacity_weeks', 4, unit='weeks', min_value=1, max_value=52) -}}
{% endmacro %}


{% macro pql_calibration_cohort_every_days() %}
    {#-
        Days between cohort dates in pql_calibration, counted back from the newest
        complete one: var pql_calibration_cohort_every_days.
    -#}
    {{- pql_whole_number_var('pql_calibration_cohort_every_days', 7, min_value=1) -}}
{% endmacro %}


{% macro pql_lift_window_days() %}
    {#-
        pql_signal_lift looks at this many days before an account converted (or before
        the score date, for accounts that did not): var pql_lift_window_days.
    -#}
    {{- pql_whole_number_var('pql_lift_window_days', 14, min_value=1) -}}
{% endmacro %}


{% macro pql_lift_lookback_days() %}
    {#-
        pql_signal_lift counts as converters the accounts whose first deal opened within
        this many days before the score date: var pql_lift_lookback_days.
        Older deals fall before the event history the daily aggregates hold.
    -#}
    {{- pql_whole_number_var('pql_lift_lookback_days', 90) -}}
{% endmacro %}


{% macro pql_lift_min_support() %}
    {#-
        A signal earns a weight only with enough data behind it: pql_signal_lift flags
        signals fewer accounts than this showed: var pql_lift_min_support.
    -#}
    {{- pql_whole_number_var('pql_lift_min_support', 100, unit='accounts', max_value=999999999) -}}
{% endmacro %}


{% macro pql_rejection_rate_warn() %}
    {#-
        Share of a raw table's rows that may be rejected before tests/quality/rejection_rate_is_low.sql
        warns: var pql_rejection_rate_warn, a number from 0 to 1.
    -#}
    {{- pql_share_var('pql_rejection_rate_warn', 0.01) -}}
{% endmacro %}


{% macro pql_holdout_share() %}
    {#-
        Share of accounts held out of sales routing, to measure what routing itself adds:
        var pql_holdout_share, from 0 (the default: no holdout) to 0.5.
    -#}
    {{- pql_share_var('pql_holdout_share', 0, max_value=0.5, example='0.1 holds out 10% of accounts') -}}
{% endmacro %}
