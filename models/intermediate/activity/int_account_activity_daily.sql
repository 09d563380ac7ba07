-- One row per account and day with any activity: the events and sessions of all its
-- users that day. Signals fed by every event that need no user ('*' signals other
-- than active users) read this: an account-day row stands for all its user-day rows.
--
-- Incremental like int_user_activity_daily, which it rolls up: a run replaces the
-- days it re-reads.
{{ config(**pql_replaced_days_config('activity_date', ['account_id'])) }}

with

user_activity as (

    select * from {{ ref('int_user_activity_daily') }}
    {% if is_incremental() %}
        where activity_date >= {{ pql_incremental_start_date() }}
    {% endif %}

),

final as (

    select
        account_id,
        activity_date,
        sum(event_count) as event_count,
        sum(session_count) as session_count
    from user_activity
    group by 1, 2

)

select * from final
