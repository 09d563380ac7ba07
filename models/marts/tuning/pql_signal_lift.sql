-- Which actions come before a deal: per event signal in pql_signals, the share of
-- converters who showed it (did any of its events) in the var pql_lift_window_days
-- days before they converted (int_conversions) against the share of
-- non-converters who showed it in the same number of days up to the score date; the
-- difference, the lift (the ratio) and the support (accounts_showing); the rates and
-- the difference with their 95% intervals (Wilson; Newcombe's for the difference).
-- The biggest differences are the signals worth weight; a signal fewer than var
-- pql_lift_min_support accounts showed is flagged, too thin to weigh.
--
-- Converters and non-converters, and the window of each, are int_lift_population's.
{{ config(pre_hook="{{ pql_inputs_gate_check(built_by_this_run=false) }}") }}
with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

population as (

    select * from {{ ref('int_lift_population') }}

),

daily_activity as (

    select * from {{ ref('int_events_aggregated_daily') }}

),

signals as (

    select * from {{ ref('stg_seeds__signals') }}

),

signal_events as (

    select * from {{ ref('stg_seeds__signal_events') }}

),

live_rules as (

    select distinct signal_name
    from {{ ref('stg_seeds__rules') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

event_signals as (

    select
        signals.signal_name,
        signals.description,
        live_rules.signal_name is not null as is_used_by_live_model
    from signals
    left join live_rules
        on signals.signal_name = live_rules.signal_name
    where signals.measure not in ('attribute', 'attribute_in_list')

),

shown as (

    -- Accounts that did any of a signal's events ('*': any event) in their window.
    select distinct
        signal_events.signal_name,
        population.account_id,
        population.is_converter
    from population
    inner join daily_activity
        on
            population.account_id = daily_activity.account_id
            and population.window_end >= daily_activity.activity_date
            and {{ dbt.datediff('daily_activity.activity_date', 'population.window_end', 'day') }}
            < {{ pql_lift_window_days() }}
    inner join signal_events
        on
            (
                daily_activity.event_name = signal_events.event_name
                and coalesce(daily_activity.condition_key, '') = coalesce(signal_events.condition_key, '')
            )
            or (signal_events.event_name = '*' and daily_activity.condition_key is null)
    where
        daily_activity.activity_date >= cast(
            '{{ pql_days_after_score_date(-1 * ((pql_lift_lookback_days() | int) + (pql_lift_window_days() | int))) }}'
            as date
        )
        and daily_activity.activity_date <= {{ pql_score_date() }}

),

population_counts as (

    select
        sum(is_converter) as converters,
        sum(1 - is_converter) as non_converters
    from population

),

shown_counts as (

    select
        signal_name,
        sum(is_converter) as converters_showing,
        sum(1 - is_converter) as non_converters_showing
    from shown
    group by 1

),

rates as (

    select
        event_signals.signal_name,
        event_signals.description,
        event_signals.is_used_by_live_model,
        population_counts.converters,
        population_counts.non_converters,
        coalesce(shown_counts.converters_showing, 0) as converters_showing,
        coalesce(shown_counts.non_converters_showing, 0) as non_converters_showing,
        {{ pql_rate_with_interval(
            'coalesce(shown_counts.converters_showing, 0)', 'population_counts.converters', 'converter_rate'
        ) }},
        {{ pql_rate_with_interval(
            'coalesce(shown_counts.non_converters_showing, 0)', 'population_counts.non_converters',
            'non_converter_rate'
        ) }}
    from event_signals
    cross join population_counts
    left join shown_counts
        on event_signals.signal_name = shown_counts.signal_name

),

final as (

    select
        signal_name,
        description,
        is_used_by_live_model,
        cast(converters as {{ dbt.type_int() }}) as converters,
        cast(non_converters as {{ dbt.type_int() }}) as non_converters,
        cast(converters_showing as {{ dbt.type_int() }}) as converters_showing,
        cast(non_converters_showing as {{ dbt.type_int() }}) as non_converters_showing,
        converter_rate,
        converter_rate_low,
        converter_rate_high,
        non_converter_rate,
        non_converter_rate_low,
        non_converter_rate_high,
        {{ pql_difference_with_interval('converter_rate', 'non_converter_rate', 'rate_difference') }},
        cast(converter_rate / nullif(non_converter_rate, 0) as {{ dbt.type_float() }}) as lift,
        cast(converters_showing + non_converters_showing as {{ dbt.type_int() }}) as accounts_showing,
        converters_showing + non_converters_showing < {{ pql_lift_min_support() }} as is_low_support,
        cast({{ pql_lift_window_days() }} as {{ dbt.type_int() }}) as window_days
    from rates

)

select final.* from final
-- A gate this command did not build stops it here (macro pql_inputs_gate_passed): the
-- table keeps its last good rows.
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate', built_by_this_run=false) }}
