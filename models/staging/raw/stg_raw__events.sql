-- Product events as of the score date: the rows stg_raw__events_checked found sound,
-- exact duplicates dropped, events after the score date left out so a past date
-- scores deterministically.
with

checked as (

    select * from {{ ref('stg_raw__events_checked') }}
    where
        rejection_reason is null
        and event_at < {{ pql_score_date_end() }}

),

deduplicated as (

    -- Copies of one event (same id, time, account, user, name and properties) collapse
    -- into one row; grouping is cheaper than ranking rows. Time is in the key so that a
    -- filter on event_at reaches the raw table. Copies with different contents were
    -- told apart upstream (conflicting_duplicate_id).
    select
        event_id,
        account_id,
        user_id,
        event_name,
        event_at,
        event_date,
        min(source_event_id) as source_event_id,
        min(session_id) as session_id,
        {{ dbt.any_value('properties_text') }} as properties_text
    from checked
    group by 1, 2, 3, 4, 5, 6

),

final as (

    select
        event_id,
        source_event_id,
        user_id,
        account_id,
        event_name,
        event_at,
        event_date,
        session_id,
        properties_text
    from deduplicated

)

select * from final
