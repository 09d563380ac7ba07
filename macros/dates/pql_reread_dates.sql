{#
    The days an incremental run re-reads or recomputes, as literal bounds a warehouse
    can prune partitions with.
    Members: pql_oldest_window_date, pql_reread_days, pql_incremental_start_date,
    pql_incremental_start_timestamp, pql_rechecked_events_condition,
    pql_earliest_recompute_date_string, pql_state_search_from_date_string.
#}

{% macro pql_oldest_window_date() %}
    {#-
        SQL date literal: the first day the longest allowed window (pql_max_window_days)
        can reach from the earliest date the run scores.
    -#}
    {%- set first_date = modules.datetime.datetime.strptime(pql_first_score_date_string(), '%Y-%m-%d') -%}
    {%- set oldest = first_date - modules.datetime.timedelta(days=pql_max_window_days() | int) -%}
    cast('{{ oldest.strftime('%Y-%m-%d') }}' as date)
{%- endmacro %}


{% macro pql_reread_days() %}
    {#-
        Days before the score date an incremental run re-reads: var
        pql_incremental_lookback_days, or none in the intraday job, which scores the
        score date so far and leaves the days before it to the daily run.
    -#}
    {{- 0 if pql_is_intraday_run() else pql_incremental_lookback_days() | int -}}
{% endmacro %}


{% macro pql_incremental_start_date() %}
    {#- SQL date literal: the first day an incremental run re-reads (score date minus pql_reread_days). -#}
    cast('{{ pql_days_after_score_date(-1 * (pql_reread_days() | int)) }}' as date)
{%- endmacro %}


{% macro pql_incremental_start_timestamp(extra_days=0) %}
    {#-
        SQL timestamp literal: midnight UTC starting the first day an incremental run
        re-reads (moved `extra_days` earlier when a model needs the day before too).
        Filter event times with this rather than their dates, so the filter reaches the
        raw table's storage (zone maps, partitions) and skips the days before it.
    -#}
    {%- set days_back = (pql_reread_days() | int) + (extra_days | int) -%}
    cast('{{ pql_days_after_score_date(-1 * days_back) }} 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro pql_rechecked_events_condition(time_column) %}
    {#-
        SQL condition on an event time column: the events a run re-checks for
        pql_rejected_rows - the days it re-reads, plus every event whose time is missing
        or before 2000 (those in the future are after the re-read start anyway).
    -#}
    (
        {{ time_column }} >= {{ pql_incremental_start_timestamp() }}
        or {{ pql_undated_condition(time_column) }}
    )
{%- endmacro %}


{% macro pql_earliest_recompute_date_string() %}
    {#-
        'YYYY-MM-DD': the earliest history date a run may recompute - the first date it
        scores, or the score date minus the lookback days when that is earlier.
    -#}
    {{- [pql_first_score_date_string(), pql_days_after_score_date(-1 * (pql_incremental_lookback_days() | int))] | min -}}
{% endmacro %}


{% macro pql_state_search_from_date_string() %}
    {#- 'YYYY-MM-DD': how far back a run looks for the state it carries on from (pql_max_window_days before the earliest recompute). -#}
    {%- set earliest = modules.datetime.datetime.strptime(pql_earliest_recompute_date_string(), '%Y-%m-%d') -%}
    {{- (earliest - modules.datetime.timedelta(days=pql_max_window_days() | int)).strftime('%Y-%m-%d') -}}
{% endmacro %}
