-- Product events as of the score date, one row per event: the rows
-- int_events_checked found sound, each once (exact copies left out), events after the
-- score date left out so a past date scores deterministically.
with

checked as (

    select * from {{ ref('int_events_checked') }}

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
        properties_text,
        loaded_at
    from checked
    where
        rejection_reason is null
        and not is_repeated_copy
        and event_at < {{ pql_score_date_end() }}

)

select * from final
