-- Every raw event row, typed, with the reason it cannot be scored (null when it can)
-- and whether it repeats an earlier copy of itself. Nothing is dropped here:
-- int_events keeps the sound rows, one per event, and pql_rejected_rows lists the
-- rest, so each raw row is accounted for exactly once
-- (tests/quality/raw_rows_are_all_accounted_for.sql).
--
-- The reason is the row's problem (stg_raw__events and int_events_account_checked
-- name them), else:
--   conflicting_duplicate_id   another sound row has the same event id and time but
--                              different contents (account, user, name or properties);
--                              the first by those contents is kept, the others land here
-- A sound row with the same id, time and contents as an earlier one is an exact copy
-- (at-least-once delivery): not a problem, and kept once.
--
-- Almost every row is its id's only one and passes as it is; the few rows whose id
-- and time were delivered more than once come compared from int_event_copies.
{{ config(tags=['run_independent']) }}
with

events as (

    select * from {{ ref('int_events_account_checked') }}

),

copies as (

    select * from {{ ref('int_event_copies') }}

),

copied_ids as (

    -- The table, not the CTE above: DuckDB materializes a CTE that is read twice, and
    -- that plan ran out of memory (4GB) at 100M raw events.
    select distinct
        event_id,
        event_at
    from {{ ref('int_event_copies') }}

),

delivered_once as (

    select events.*
    from events
    left join copied_ids
        on
            events.event_id = copied_ids.event_id
            and events.event_at = copied_ids.event_at
    where copied_ids.event_id is null

),

checked as (

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
        loaded_at,
        row_problem,
        1 as contents_rank,
        1 as copy_number
    from delivered_once

    union all

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
        loaded_at,
        row_problem,
        contents_rank,
        copy_number
    from copies

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
        loaded_at,
        coalesce(
            row_problem,
            case when contents_rank > 1 then 'conflicting_duplicate_id' end
        ) as rejection_reason,
        copy_number > 1 as is_repeated_copy
    from checked

)

select * from final
