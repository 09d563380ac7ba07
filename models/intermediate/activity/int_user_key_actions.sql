-- One row per user and account with a key action in the last 30 days: the five
-- actions they did most, e.g. "team_member_invited x3, integration_connected x1".
-- Key actions are the events a signal of the live rule set is built from: the
-- actions that earn points, worth telling a rep about. pql_contacts shows them.
{{ config(materialized='view') }}

with

daily_activity as (

    select * from {{ ref('int_events_aggregated_daily') }}

),

live_signal_names as (

    select signal_name
    from {{ ref('int_signals_read') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

key_events as (

    select distinct event_name
    from {{ ref('int_signal_events') }}
    where
        event_name != '*'
        and signal_name in (select live_signal_names.signal_name from live_signal_names)

),

key_action_counts as (

    select
        daily_activity.account_id,
        daily_activity.user_id,
        daily_activity.event_name,
        cast(sum(daily_activity.event_count) as {{ dbt.type_bigint() }}) as event_count
    from daily_activity
    inner join key_events
        on daily_activity.event_name = key_events.event_name
    where
        daily_activity.activity_date <= {{ pql_score_date() }}
        and daily_activity.activity_date >= cast('{{ pql_days_after_score_date(-30) }}' as date)
    group by 1, 2, 3

),

ranked_key_actions as (

    select
        account_id,
        user_id,
        {{ dbt.concat([
            'event_name', "' x'", 'cast(event_count as ' ~ dbt.type_string() ~ ')'
        ]) }} as key_action,
        row_number() over (
            partition by account_id, user_id order by event_count desc, event_name asc
        ) as action_rank
    from key_action_counts

),

final as (

    select
        account_id,
        user_id,
        {{ pql_ordered_listagg('key_action', "', '", 'action_rank') }} as key_actions
    from ranked_key_actions
    where action_rank <= 5
    group by 1, 2

)

select * from final
