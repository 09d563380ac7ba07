-- One row per account with something new on the score date so far - its events, or its
-- own row if it signed up that day - and when an intraday run first saw the day as it is
-- now (changed_at). A new user counts when their events arrive. The intraday job rescores
-- the accounts this run and the run before it noted (int_scored_accounts): the accounts
-- touched since the last run, and those of a run that failed after noting them. A late
-- event counts whatever its time: the day's count moves.
--
-- Incremental: each intraday run replaces the score date's rows, keeping changed_at
-- where the day is as it was. The daily job notes nothing: it scores every account.
{{ config(**pql_replaced_days_config('score_date', ['account_id'])) }}
{%- set day_start = "cast('" ~ pql_score_date_string() ~ " 00:00:00' as " ~ dbt.type_timestamp() ~ ")" %}

with

events as (

    -- The score date's events so far (int_events ends with the date).
    select
        account_id,
        event_at
    from {{ ref('int_events') }}
    where {{ pql_events_since_condition(day_start) }}

),

accounts as (

    select account_id
    from {{ ref('int_accounts') }}
    where created_at >= {{ day_start }} and created_at < {{ pql_score_date_end() }}

),

day_rows as (

    select
        account_id,
        1 as event_count,
        event_at,
        0 as account_count
    from events

    union all

    select
        account_id,
        0 as event_count,
        cast(null as {{ dbt.type_timestamp() }}) as event_at,
        1 as account_count
    from accounts

),

days as (

    select
        account_id,
        sum(event_count) as events_loaded,
        max(event_at) as newest_event_at,
        sum(account_count) as accounts_created
    from day_rows
    group by 1

),

{% if is_incremental() %}

    stored as (

        select * from {{ this }}
        where score_date = {{ pql_score_date() }}

    ),

{% else %}

    stored as (

        -- The first build: nothing noted yet.
        select
            account_id,
            events_loaded,
            accounts_created > 0 as is_new_account,
            newest_event_at,
            {{ pql_run_started_timestamp() }} as changed_at
        from days
        where 1 = 0

    ),

{% endif %}

final as (

    select
        {{ pql_score_date() }} as score_date,
        days.account_id,
        cast(days.events_loaded as {{ dbt.type_bigint() }}) as events_loaded,
        days.newest_event_at,
        days.accounts_created > 0 as is_new_account,
        case
            when
                stored.events_loaded = days.events_loaded
                and stored.is_new_account = (days.accounts_created > 0)
                -- No event, no newest time: the counts said so already.
                and (stored.newest_event_at = days.newest_event_at or days.events_loaded = 0)
                then stored.changed_at
            else {{ pql_run_started_timestamp() }}
        end as changed_at
    from days
    left join stored
        on days.account_id = stored.account_id
    {% if not pql_is_intraday_run() -%}
        -- The daily job scores every account and notes nothing.
        where 1 = 0
    {%- endif %}

)

select * from final
