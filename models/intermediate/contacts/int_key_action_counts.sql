-- One row per account, user and key action in the last 30 days, with how often the user
-- did it, for the accounts this run scores. Key actions are the events a signal of the
-- live rule set is built from: the actions that earn points, worth telling a rep about.
-- int_user_key_actions and int_account_key_actions list the top ones in words.
{{ config(materialized='view') }}

with

daily_activity as (

    select * from {{ ref('int_events_aggregated_daily') }}
    where
        activity_date <= {{ pql_score_date() }}
        and activity_date >= cast('{{ pql_days_after_score_date(-30) }}' as date)

),

scored_accounts as (

    select account_id from {{ ref('int_scored_accounts') }}

),

live_signal_names as (

    select signal_name
    from {{ ref('int_signals_read') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

live_signal_events as (

    select
        event_name,
        condition_key
    from {{ ref('stg_seeds__signal_events') }}
    where
        event_name != '*'
        and signal_name in (select live_signal_names.signal_name from live_signal_names)

),

key_events as (

    -- A name a live signal reads whole is counted whole; one read only under property
    -- conditions, as its events met them.
    select distinct
        event_name,
        condition_key
    from live_signal_events
    where
        condition_key is null
        or event_name not in (
            select whole.event_name from live_signal_events as whole
            where whole.condition_key is null
        )

),

final as (

    select
        daily_activity.account_id,
        daily_activity.user_id,
        daily_activity.event_name,
        cast(sum(daily_activity.event_count) as {{ dbt.type_bigint() }}) as event_count
    from daily_activity
    inner join key_events
        on
            daily_activity.event_name = key_events.event_name
            and coalesce(daily_activity.condition_key, '') = coalesce(key_events.condition_key, '')
    where daily_activity.account_id in (select scored_accounts.account_id from scored_accounts)
    group by 1, 2, 3

)

select * from final
