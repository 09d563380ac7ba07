-- Every reason this run must not replace a mart, one row each, naming the input and
-- the row at fault: raw inputs past their error_after_hours or empty, scoring tables
-- built by different runs, what the seed checks found, and property conditions newer
-- than the aggregated events. Empty on a good day;
-- int_inputs_gate stops the marts otherwise.
{{ config(tags=['run_independent']) }}
with

input_freshness as (

    select * from {{ ref('int_input_freshness') }}

),

scoring_tables as (

    select * from {{ ref('int_scoring_tables_checked') }}

),

columns as (

    select * from {{ ref('int_seed_problems__columns') }}

),

components as (

    select * from {{ ref('int_seed_problems__components') }}

),

dispositions as (

    select * from {{ ref('int_seed_problems__dispositions') }}

),

rules as (

    select * from {{ ref('int_seed_problems__rules') }}

),

scored_models as (

    select * from {{ ref('int_seed_problems__scored_models') }}

),

signals as (

    select * from {{ ref('int_seed_problems__signals') }}

),

signal_events as (

    select * from {{ ref('int_seed_problems__signal_events') }}

),

tiers as (

    select * from {{ ref('int_seed_problems__tiers') }}

),

triggers_and_gates as (

    select * from {{ ref('int_seed_problems__triggers_and_gates') }}

),

condition_gaps as (

    select * from {{ ref('int_signal_condition_gaps') }}

),

problems as (

    select
        {{ dbt.concat(["'raw '", 'source_table']) }} as input_name,
        problem
    from input_freshness
    where freshness = 'error'

    union all

    select
        'scoring tables' as input_name,
        {{ dbt.concat([
            "'the scoring tables were built by different runs: '",
            pql_ordered_listagg(dbt.concat(['table_name', "' by the '", 'built_for']), "'; '", 'table_name'),
            "'. Run the daily job (dbt build), or select the models the marts are built from too'",
        ]) }} as problem
    from scoring_tables
    having count(distinct built_for) > 1

    union all

    select
        seed_name as input_name,
        {{ dbt.concat(['seed_name', "' row '", 'row_key', "': '", 'problem']) }} as problem
    from columns

    union all

    select
        'pql_components' as input_name,
        {{ dbt.concat([
            "'pql_components row scoring_model='", "coalesce(scoring_model, 'null')",
            "', component='", "coalesce(component, 'any')", "': '", 'problem',
        ]) }} as problem
    from components

    union all

    select
        'pql_dispositions' as input_name,
        {{ dbt.concat([
            "'pql_dispositions row disposition='", "coalesce(disposition, 'null')", "': '", 'problem',
        ]) }} as problem
    from dispositions

    union all

    select
        'pql_rules' as input_name,
        {{ dbt.concat([
            "'pql_rules row scoring_model='", "coalesce(scoring_model, 'null')",
            "', rule_id='", "coalesce(rule_id, 'null')", "': '", 'problem',
        ]) }} as problem
    from rules

    union all

    select
        seed_name as input_name,
        {{ dbt.concat(['seed_name', "': '", 'problem']) }} as problem
    from scored_models

    union all

    select
        'pql_signals' as input_name,
        {{ dbt.concat([
            "'pql_signals row signal_name='", "coalesce(signal_name, 'null')", "': '", 'problem',
        ]) }} as problem
    from signals

    union all

    select
        'pql_signal_events' as input_name,
        {{ dbt.concat([
            "'pql_signal_events row signal_name='", "coalesce(signal_name, 'null')",
            "', event_name='", "coalesce(event_name, 'null')", "': '", 'problem',
        ]) }} as problem
    from signal_events

    union all

    select
        'pql_tiers' as input_name,
        {{ dbt.concat([
            "'pql_tiers row scoring_model='", "coalesce(scoring_model, 'null')",
            "', tier_name='", "coalesce(tier_name, 'null')", "': '", 'problem',
        ]) }} as problem
    from tiers

    union all

    select
        'pql_hot_triggers or pql_routing_gates' as input_name,
        {{ dbt.concat([
            "'pql_hot_triggers or pql_routing_gates row scoring_model='", "coalesce(scoring_model, 'null')",
            "', id='", "coalesce(condition_id, 'null')", "': '", 'problem',
        ]) }} as problem
    from triggers_and_gates

    union all

    select
        'pql_signal_events' as input_name,
        {{ dbt.concat([
            "'pql_signal_events row signal_name='", 'signal_name', "', event_name='", 'event_name',
            "': its property condition is newer than the aggregated events of '",
            'cast(first_day_missed as ' ~ dbt.type_string() ~ ')', "' to '",
            'cast(last_day_missed as ' ~ dbt.type_string() ~ ')',
            "', which it was not met on. Aggregate them again: dbt run --full-refresh --select '",
            "'int_events_aggregated_daily int_signal_condition_days'",
        ]) }} as problem
    from condition_gaps

)

select * from problems
