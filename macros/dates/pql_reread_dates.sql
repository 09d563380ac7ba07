{#
    The days an incremental run re-reads or recomputes, as literal bounds a warehouse
    can prune partitions with.
    Members: pql_oldest_window_date, pql_reread_days, pql_incremental_start_date,
    pql_incremental_start_timestamp, pql_events_since_condition, pql_loaded_since_condition,
    pql_reread_events_condition, pql_reread_undated_events_condition,
    pql_rechecked_events_condition, pql_rechecked_days_condition,
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


{% macro pql_events_since_condition(since_timestamp) %}
    {#-
        SQL condition on an events model's rows (event_at, loaded_at): the events at or
        after `since_timestamp`, a literal. Where the tracker records when each row was
        loaded (pql_events_record_load_time), only rows loaded since then too: no event is
        loaded before it happened, and that bound reaches the raw table's storage, which
        event_at - the first copy's time, looked up - does not.
    -#}
    (event_at >= {{ since_timestamp }} and {{ pql_loaded_since_condition(since_timestamp) }})
{%- endmacro %}


{% macro pql_loaded_since_condition(since_timestamp) %}
    {#- SQL condition on an events model's rows: loaded at or after `since_timestamp` where the tracker records it (pql_events_record_load_time), else true. -#}
    {{- 'loaded_at >= ' ~ since_timestamp if pql_events_record_load_time() else 'true' -}}
{%- endmacro %}


{% macro pql_reread_events_condition(extra_days=0) %}
    {#- SQL condition on an events model's rows: the days an incremental run re-reads (`extra_days` earlier when a model needs the day before too). -#}
    {{- pql_events_since_condition(pql_incremental_start_timestamp(extra_days)) -}}
{%- endmacro %}


{% macro pql_reread_undated_events_condition() %}
    {#-
        SQL condition on an events model's rows: the events without a time a run re-checks -
        every one, or, where the tracker records when rows were loaded, those loaded in the
        days it re-reads (pql_rejected_rows lists each under the day it was loaded).
    -#}
    ({{ pql_undated_condition('event_at') }} and {{ pql_loaded_since_condition(pql_incremental_start_timestamp()) }})
{%- endmacro %}


{% macro pql_rechecked_events_condition() %}
    {#- SQL condition on an events model's rows: the events a run re-checks for pql_rejected_rows (those in the future are in the re-read days anyway). -#}
    ({{ pql_reread_events_condition() }} or {{ pql_reread_undated_events_condition() }})
{%- endmacro %}


{% macro pql_rechecked_days_condition(day_column) %}
    {#- The same rows in pql_rejected_rows, by its checked_day: the re-read days, and the days before 2000 that rows without a time are listed under. -#}
    ({{ day_column }} >= {{ pql_incremental_start_date() }} or {{ day_column }} < cast({{ pql_earliest_event_timestamp() }} as date))
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
