{#
    The dates a run scores, worked out at compile time, as strings and as SQL literals.
    Members: pql_score_date_string, pql_backfill_range, pql_first_score_date_string,
    pql_score_date, pql_days_after_score_date, pql_score_date_end,
    pql_run_started_timestamp, pql_freshness_reference_timestamp,
    pql_earliest_event_timestamp, pql_undated_condition.
#}

{% macro pql_score_date_string() %}
    {#-
        The score date as 'YYYY-MM-DD': var pql_score_date, else today in UTC. It may also say
        `yesterday` (UTC): the day a daily job run after midnight closes, as a scheduler that
        cannot compute dates writes it.
    -#}
    {%- set now_utc = modules.datetime.datetime.now(modules.pytz.utc) -%}
    {%- set named_days = {
        'today': now_utc.strftime('%Y-%m-%d'),
        'yesterday': (now_utc - modules.datetime.timedelta(days=1)).strftime('%Y-%m-%d'),
    } -%}
    {%- set requested = var('pql_score_date', 'today') | string | trim | lower -%}
    {%- if requested in named_days -%}
        {{- named_days[requested] -}}
    {%- else -%}
        {{- pql_date_var_string('pql_score_date', named_days['today']) -}}
    {%- endif -%}
{% endmacro %}


{% macro pql_backfill_range() %}
    {#-
        The backfill's first and last dates as ['YYYY-MM-DD', 'YYYY-MM-DD'], or [] when
        there is none: vars pql_backfill_start and pql_backfill_end. A run scores every date of the range beside the score date, in one pass.
        The range must end by the score date: events after it are never read.
    -#}
    {%- if var('pql_backfill_start', none) in (none, '') -%}
        {%- if var('pql_backfill_end', none) not in (none, '') -%}
            {{ exceptions.raise_compiler_error("var pql_backfill_end needs pql_backfill_start too") }}
        {%- endif -%}
        {{- return([]) -}}
    {%- endif -%}
    {%- if pql_is_intraday_run() -%}
        {{ exceptions.raise_compiler_error(
            "The intraday job scores one date: unset pql_backfill_start and backfill with the daily job"
        ) }}
    {%- endif -%}
    {%- set score_date = pql_score_date_string() -%}
    {%- set first_date = pql_date_var_string('pql_backfill_start', score_date) -%}
    {%- set last_date = pql_date_var_string('pql_backfill_end', score_date) -%}
    {#- ISO dates compare as strings. -#}
    {%- if first_date > last_date -%}
        {{ exceptions.raise_compiler_error(
            "var pql_backfill_start (" ~ first_date ~ ") must not be after pql_backfill_end (" ~ last_date ~ ")"
        ) }}
    {%- endif -%}
    {%- if last_date > score_date -%}
        {{ exceptions.raise_compiler_error(
            "var pql_backfill_end (" ~ last_date ~ ") must not be after the score date (" ~ score_date
            ~ "): set pql_score_date to the last date to score"
        ) }}
    {%- endif -%}
    {{- return([first_date, last_date]) -}}
{% endmacro %}


{% macro pql_first_score_date_string() %}
    {#- The earliest date a run scores: the backfill's start, else the score date. -#}
    {%- set backfill = pql_backfill_range() -%}
    {{- backfill[0] if backfill else pql_score_date_string() -}}
{% endmacro %}


{% macro pql_score_date() %}
    {#- SQL date literal for the score date. -#}
    cast('{{ pql_score_date_string() }}' as date)
{%- endmacro %}


{% macro pql_days_after_score_date(days) %}
    {#- 'YYYY-MM-DD' of the score date moved by `days` (negative for earlier), worked out at compile time. -#}
    {%- set score_date = modules.datetime.datetime.strptime(pql_score_date_string(), '%Y-%m-%d') -%}
    {{- (score_date + modules.datetime.timedelta(days=days | int)).strftime('%Y-%m-%d') -}}
{% endmacro %}


{% macro pql_score_date_end() %}
    {#- SQL timestamp literal for midnight UTC after the score date: events at or after it are ignored. -#}
    cast('{{ pql_days_after_score_date(1) }} 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro pql_run_started_timestamp() %}
    {#- SQL timestamp literal for when this dbt invocation started, UTC: later event times are in the future. -#}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro pql_freshness_reference_timestamp(hours_before=0) %}
    {#-
        SQL timestamp literal inputs are judged fresh against: when this run started, or
        the end of the score date when that is earlier (a run for a past date judges the
        data as it stood then); `hours_before` that.
    -#}
    {%- set score_date_end = modules.datetime.datetime.strptime(pql_days_after_score_date(1), '%Y-%m-%d') -%}
    {%- set run_started = run_started_at.replace(tzinfo=none) -%}
    {%- set reference = ([run_started, score_date_end] | min) - modules.datetime.timedelta(hours=hours_before) -%}
    cast('{{ reference.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro pql_earliest_event_timestamp() %}
    {#- SQL timestamp literal for the earliest event time believed (2000-01-01 UTC): an earlier one is a broken clock. -#}
    cast('2000-01-01 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro pql_undated_condition(time_column) %}
    {#- SQL condition on a time column: no time that could be scored - missing, or before pql_earliest_event_timestamp. -#}
    ({{ time_column }} is null or {{ time_column }} < {{ pql_earliest_event_timestamp() }})
{%- endmacro %}
