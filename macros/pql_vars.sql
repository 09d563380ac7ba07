{#
    Project vars are read here, and only here, so each has one default and one
    validation. Values that end up in SQL text are validated first, so a typo
    fails the compile with a clear message instead of producing odd SQL.
#}

{% macro pql_date_var_string(var_name, default) %}
    {#- A date var as 'YYYY-MM-DD', checked before it reaches SQL; `default` when the var is unset. -#}
    {%- set raw_value = var(var_name, default) | string | trim -%}
    {%- set is_valid = namespace(value=false) -%}
    {%- set parts = modules.re.match('^([0-9]{4})-([0-9]{2})-([0-9]{2})$', raw_value) -%}
    {%- if parts -%}
        {%- set year, month, day = parts.group(1) | int, parts.group(2) | int, parts.group(3) | int -%}
        {%- if 1 <= year < 9999 and 1 <= month <= 12 -%}
            {#- Jinja cannot catch strptime's error, so check the day against the month's length first. -#}
            {%- set first_of_next_month = modules.datetime.date(year + month // 12, month % 12 + 1, 1) -%}
            {%- set days_in_month = (first_of_next_month - modules.datetime.timedelta(days=1)).day -%}
            {%- set is_valid.value = 1 <= day <= days_in_month -%}
        {%- endif -%}
    {%- endif -%}
    {%- if not is_valid.value -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must be a date written YYYY-MM-DD, got '" ~ raw_value ~ "'"
        ) }}
    {%- endif -%}
    {{- raw_value -}}
{% endmacro %}


{% macro pql_whole_number_var(var_name, default, unit='days', min_value=0, max_value=9999) %}
    {#- A var holding a whole number of `unit` from min_value to max_value, checked before it reaches SQL. -#}
    {%- set raw_value = var(var_name, default) | string | trim -%}
    {%- set is_number = modules.re.match('^[0-9]{1,9}$', raw_value) is not none -%}
    {%- if not is_number or raw_value | int < min_value or raw_value | int > max_value -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must be a whole number of " ~ unit ~ " from " ~ min_value ~ " to " ~ max_value
            ~ ", got '" ~ raw_value ~ "'"
        ) }}
    {%- endif -%}
    {{- raw_value | int -}}
{% endmacro %}


{% macro pql_score_date_string() %}
    {#- The score date as 'YYYY-MM-DD': var pql_score_date, else today in UTC. -#}
    {%- set today_utc = modules.datetime.datetime.now(modules.pytz.utc).strftime('%Y-%m-%d') -%}
    {{- pql_date_var_string('pql_score_date', today_utc) -}}
{% endmacro %}


{% macro pql_backfill_range() %}
    {#-
        The backfill's first and last dates as ['YYYY-MM-DD', 'YYYY-MM-DD'], or [] when
        there is none: vars pql_backfill_start and pql_backfill_end (default: the score
        date). A run scores every date of the range beside the score date, in one pass.
        The range must end by the score date: events after it are never read.
    -#}
    {%- if var('pql_backfill_start', none) in (none, '') -%}
        {%- if var('pql_backfill_end', none) not in (none, '') -%}
            {{ exceptions.raise_compiler_error("var pql_backfill_end needs pql_backfill_start too") }}
        {%- endif -%}
        {{- return([]) -}}
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


{% macro pql_rule_set_name(var_name, default) %}
    {#- A rule-set name read from a var, checked before it reaches SQL (letters, digits, underscores). -#}
    {%- set model_name = var(var_name, default) | string | trim -%}
    {%- if model_name != '' and not modules.re.match('^[A-Za-z0-9_]+$', model_name) -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must be a rule-set name of letters, digits and underscores, got '"
            ~ model_name ~ "'"
        ) }}
    {%- endif -%}
    {{- model_name -}}
{% endmacro %}


{% macro pql_scoring_model() %}
    {#- Name of the live rule set (a scoring_model value in the seeds): var pql_scoring_model. -#}
    {%- set model_name = pql_rule_set_name('pql_scoring_model', 'recommended') -%}
    {%- if model_name == '' -%}
        {{ exceptions.raise_compiler_error("var pql_scoring_model must name a rule set, got an empty value") }}
    {%- endif -%}
    {{- model_name -}}
{% endmacro %}


{% macro pql_shadow_model() %}
    {#-
        Name of a candidate rule set scored beside the live one in the same run, to see
        which accounts would change tier before switching: var pql_shadow_model
        (default: none, an empty string).
    -#}
    {%- set model_name = pql_rule_set_name('pql_shadow_model', '') -%}
    {%- if model_name != '' and model_name == pql_scoring_model() -%}
        {{ exceptions.raise_compiler_error(
            "var pql_shadow_model must differ from the live pql_scoring_model, both are '" ~ model_name ~ "'"
        ) }}
    {%- endif -%}
    {{- model_name -}}
{% endmacro %}


{% macro pql_scored_models_condition(column) %}
    {#- SQL condition: `column` is the live rule set, or the shadow one when there is one. -#}
    {%- if pql_shadow_model() == '' -%}
        {{ column }} = '{{ pql_scoring_model() }}'
    {%- else -%}
        {{ column }} in ('{{ pql_scoring_model() }}', '{{ pql_shadow_model() }}')
    {%- endif -%}
{% endmacro %}


{% macro pql_incremental_lookback_days() %}
    {#-
        Days before the score date that an incremental run re-reads, for events that
        arrive late: var pql_incremental_lookback_days (default 3). A run replaces
        these days in the daily aggregate; days older than this are never re-read.
    -#}
    {{- pql_whole_number_var('pql_incremental_lookback_days', 3) -}}
{% endmacro %}


{% macro pql_max_window_days() %}
    {#-
        The longest signal window allowed, in days: var pql_max_window_days (default 90).
        Scoring never reads aggregates older than this before the score date, as a literal
        bound a warehouse can prune partitions with; the seed checks reject longer windows.
    -#}
    {{- pql_whole_number_var('pql_max_window_days', 90) -}}
{% endmacro %}


{% macro pql_oldest_window_date() %}
    {#-
        SQL date literal: the first day the longest allowed window (pql_max_window_days)
        can reach from the earliest date the run scores.
    -#}
    {%- set first_date = modules.datetime.datetime.strptime(pql_first_score_date_string(), '%Y-%m-%d') -%}
    {%- set oldest = first_date - modules.datetime.timedelta(days=pql_max_window_days() | int) -%}
    cast('{{ oldest.strftime('%Y-%m-%d') }}' as date)
{%- endmacro %}


{% macro pql_incremental_start_date() %}
    {#- SQL date literal: the first day an incremental run re-reads (score date minus the lookback). -#}
    cast('{{ pql_days_after_score_date(-1 * (pql_incremental_lookback_days() | int)) }}' as date)
{%- endmacro %}


{% macro pql_incremental_start_timestamp(extra_days=0) %}
    {#-
        SQL timestamp literal: midnight UTC starting the first day an incremental run
        re-reads (moved `extra_days` earlier when a model needs the day before too).
        Filter event times with this rather than their dates, so the filter reaches the
        raw table's storage (zone maps, partitions) and skips the days before it.
    -#}
    {%- set days_back = (pql_incremental_lookback_days() | int) + (extra_days | int) -%}
    cast('{{ pql_days_after_score_date(-1 * days_back) }} 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro pql_tier_hysteresis_points() %}
    {#-
        How far under a tier's min_score a score must fall before an account leaves
        that tier in pql_tier_changes: var pql_tier_hysteresis_points (default 3). An
        account hovering at 69/70 then stays a PQL instead of flapping every day;
        moving up is never delayed. 0 turns it off.
    -#}
    {{- pql_whole_number_var('pql_tier_hysteresis_points', 3, unit='points', max_value=99) -}}
{% endmacro %}


{% macro pql_calibration_horizon_days() %}
    {#-
        How long after a cohort date a deal counts as that cohort's conversion, in
        pql_calibration: var pql_calibration_horizon_days (default 30). Cohort dates
        closer than this to the newest history date are left out: their outcome is not
        known yet.
    -#}
    {{- pql_whole_number_var('pql_calibration_horizon_days', 30) -}}
{% endmacro %}


{% macro pql_calibration_cohort_every_days() %}
    {#-
        Days between cohort dates in pql_calibration, counted back from the newest
        complete one: var pql_calibration_cohort_every_days (default 7, a weekly cohort).
    -#}
    {{- pql_whole_number_var('pql_calibration_cohort_every_days', 7, min_value=1) -}}
{% endmacro %}


{% macro pql_lift_window_days() %}
    {#-
        pql_signal_lift looks at this many days before an account converted (or before
        the score date, for accounts that did not): var pql_lift_window_days (default 14).
    -#}
    {{- pql_whole_number_var('pql_lift_window_days', 14, min_value=1) -}}
{% endmacro %}


{% macro pql_lift_lookback_days() %}
    {#-
        pql_signal_lift counts as converters the accounts whose first deal opened within
        this many days before the score date: var pql_lift_lookback_days (default 90).
        Older deals fall before the event history the daily aggregates hold.
    -#}
    {{- pql_whole_number_var('pql_lift_lookback_days', 90) -}}
{% endmacro %}


{% macro pql_lift_min_support() %}
    {#-
        A signal earns a weight only with enough data behind it: pql_signal_lift flags
        signals fewer accounts than this showed: var pql_lift_min_support (default 100).
    -#}
    {{- pql_whole_number_var('pql_lift_min_support', 100, unit='accounts', max_value=999999999) -}}
{% endmacro %}


{% macro pql_rejection_rate_warn() %}
    {#-
        Share of a raw table's rows that may be rejected before tests/staging/rejection_rate_is_low.sql
        warns: var pql_rejection_rate_warn (default 0.01), a number from 0 to 1.
    -#}
    {%- set value = var('pql_rejection_rate_warn', 0.01) | string | trim -%}
    {%- if not modules.re.fullmatch('(0(\\.[0-9]+)?|1(\\.0+)?|\\.[0-9]+)', value) -%}
        {{ exceptions.raise_compiler_error(
            "var pql_rejection_rate_warn must be a number from 0 to 1 (0.01 is 1%), got '" ~ value ~ "'"
        ) }}
    {%- endif -%}
    {{- value -}}
{% endmacro %}


{% macro pql_hours_var(var_name) %}
    {#- A freshness threshold in hours from a var (1 to 8760; defaults in dbt_project.yml), checked before it reaches SQL. -#}
    {{- pql_whole_number_var(var_name, var(var_name), unit='hours', min_value=1, max_value=8760) -}}
{% endmacro %}


{% macro pql_freshness_reference_timestamp() %}
    {#-
        SQL timestamp literal inputs are judged fresh against: when this run started, or
        the end of the score date when that is earlier (a run for a past date judges the
        data as it stood then).
    -#}
    {%- set score_date_end = modules.datetime.datetime.strptime(pql_days_after_score_date(1), '%Y-%m-%d') -%}
    {%- set run_started = run_started_at.replace(tzinfo=none) -%}
    {%- set reference = [run_started, score_date_end] | min -%}
    cast('{{ reference.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro pql_rechecked_events_condition(time_column) %}
    {#-
        SQL condition on an event time column: the events a run re-checks for
        pql_rejected_rows - the days it re-reads, plus every event whose time is missing
        or before 2000 (those in the future are after the re-read start anyway).
    -#}
    (
        {{ time_column }} >= {{ pql_incremental_start_timestamp() }}
        or {{ time_column }} is null
        or {{ time_column }} < cast('2000-01-01 00:00:00' as {{ dbt.type_timestamp() }})
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
