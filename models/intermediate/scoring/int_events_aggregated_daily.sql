-- Events rolled up to one row per account, user, day and event name: everything
-- the scoring reads is counted from here, never from raw events again.
with

events as (

    select * from {{ ref('stg_raw__events') }}

),

final as (

    select
        account_id,
        user_id,
        event_date as activity_date,
        event_name,
        count(*) as event_count
    from events
    group by 1, 2, 3, 4

)

select * from final
