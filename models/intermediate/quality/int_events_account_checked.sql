-- Every raw event row (stg_raw__events), with its problem now that its account is
-- looked up: the row's own problem, with
--   unknown_account            account_id not in int_accounts
-- second in order, after no_account. int_event_copies and int_events_checked read it.
with

events as (

    select * from {{ ref('stg_raw__events') }}

),

accounts as (

    select account_id from {{ ref('int_accounts') }}

),

final as (

    select
        events.event_id,
        events.source_event_id,
        events.user_id,
        events.account_id,
        events.event_name,
        events.event_at,
        events.event_date,
        events.session_id,
        events.properties_text,
        case
            when events.row_problem = 'no_account' then events.row_problem
            when accounts.account_id is null then 'unknown_account'
            else events.row_problem
        end as row_problem
    from events
    left join accounts
        on events.account_id = accounts.account_id

)

select * from final
