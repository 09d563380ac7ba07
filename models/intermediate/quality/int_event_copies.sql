-- Every raw event row whose event id and time the raw events hold more than once
-- (about 1 row in 100), compared: the rows int_events_checked must tell apart.
-- Among the sound rows of one id and time, contents (account, user, name,
-- properties) other than the first's conflict; a row with the same contents as an
-- earlier one is an exact copy of it (at-least-once delivery).
--
-- Finding them takes a pass over every id, so it is done once per run and kept here:
-- the checks of every other row then only look their id up.
--
-- Incremental like the daily aggregates: a run re-compares the days it re-reads (var
-- pql_incremental_lookback_days) and replaces them; the first build compares all
-- days. Events without a time are never scored, so they are not compared.
{{ config(**pql_replaced_days_config('event_date', ['event_id'])) }}

with

copied_ids as (

    select
        event_id,
        event_at
    from {{ ref('int_events_account_checked') }}
    {% if is_incremental() %}
        where {{ pql_reread_events_condition() }}
    {% else %}
        where event_at is not null
    {% endif %}
    group by 1, 2
    having count(*) > 1

),

copies as (

    -- The typed events are read here a second time, not through a CTE shared with
    -- copied_ids: DuckDB writes a CTE that is read twice - every raw row - to disk.
    select events.*
    from (
        select * from {{ ref('int_events_account_checked') }}
        {% if is_incremental() %}
            where {{ pql_reread_events_condition() }}
        {% endif %}
    ) as events
    inner join copied_ids
        on
            events.event_id = copied_ids.event_id
            and events.event_at = copied_ids.event_at

),

final as (

    select
        *,
        row_number() over (
            partition by event_id, event_at
            order by
                coalesce(account_id, ''),
                coalesce(user_id, ''),
                coalesce(event_name, ''),
                coalesce(properties_text, ''),
                source_event_id
        ) as delivered_row_number,
        dense_rank() over (
            partition by event_id, event_at, case when row_problem is null then 1 else 0 end
            order by
                coalesce(account_id, ''),
                coalesce(user_id, ''),
                coalesce(event_name, ''),
                coalesce(properties_text, '')
        ) as contents_rank,
        row_number() over (
            partition by event_id, event_at, account_id, user_id, event_name, properties_text
            order by source_event_id
        ) as copy_number
    from copies

)

select * from final
