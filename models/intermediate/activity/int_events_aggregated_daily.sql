-- Events rolled up to one row per account, user, day and event name: everything
-- the scoring reads about named events is counted from here, never from raw events
-- again. An event that meets a property condition of pql_signal_events ($pageview
-- whose $pathname starts with /pricing) is counted once more, under that
-- condition's condition_key; the rows of every event have none.
--
-- Incremental: a run re-reads only the score date and the lookback days before it
-- (var pql_incremental_lookback_days), and replaces those days whole, so events that
-- arrive late within the lookback are counted. The cut-off is a literal timestamp on
-- event_at, so the filter reaches the raw events table and skips older days. A
-- condition added later is met only on the days read since: int_signal_condition_days
-- says which, and the gate stops the marts until those days are all read again.
{{ config(**pql_replaced_days_config('activity_date', ['account_id'])) }}

with

events as (

    select * from {{ ref('int_events') }}
    {% if is_incremental() %}
        where {{ pql_reread_events_condition() }}
    {% endif %}

),

conditions as (

    select distinct
        event_name,
        property,
        comparison,
        property_value,
        condition_key
    from {{ ref('stg_seeds__signal_events') }}
    where condition_key is not null

),

value_lists as (

    select * from {{ ref('stg_seeds__value_lists') }}

),

every_event as (

    select
        account_id,
        user_id,
        event_date as activity_date,
        event_name,
        cast(null as {{ dbt.type_string() }}) as condition_key,
        count(*) as event_count
    from events
    group by 1, 2, 3, 4

),

property_values as (

    -- Only events of a name some condition reads have their properties parsed.
    select
        events.account_id,
        events.user_id,
        events.event_date,
        events.event_name,
        conditions.comparison,
        conditions.property_value,
        conditions.condition_key,
        lower({{ pql_property_text('events.properties_text', 'conditions.property') }}) as property_text
    from events
    inner join conditions
        on events.event_name = conditions.event_name

),

condition_met as (

    select
        property_values.account_id,
        property_values.user_id,
        property_values.event_date as activity_date,
        property_values.event_name,
        property_values.condition_key,
        count(*) as event_count
    from property_values
    left join value_lists
        on
            property_values.comparison = 'in_list'
            and property_values.property_value = value_lists.list_name
            and property_values.property_text = value_lists.list_value
    where
        (
            property_values.comparison = 'equals'
            and property_values.property_text = lower(property_values.property_value)
        )
        or (
            property_values.comparison = 'starts_with'
            and {{ dbt.position('lower(property_values.property_value)', 'property_values.property_text') }} = 1
        )
        or (
            property_values.comparison = 'contains'
            and {{ dbt.position('lower(property_values.property_value)', 'property_values.property_text') }} > 0
        )
        or (property_values.comparison = 'in_list' and value_lists.list_value is not null)
    group by 1, 2, 3, 4, 5

),

final as (

    select * from every_event
    union all
    select * from condition_met

)

select * from final
