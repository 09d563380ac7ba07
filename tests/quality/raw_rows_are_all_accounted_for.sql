-- Every raw row is kept, rejected (pql_rejected_rows) or an exact duplicate of a kept
-- row - and raw events after the score date wait for a later date. Counted
-- independently from the staging views (one row per raw row, whichever tracker's
-- tables they read), the quality models and the rejected rows, so a row lost anywhere
-- on the way shows here as a table whose counts do not add up.
-- Events are counted over the rows a run re-checks (pql_rechecked_events_condition, and
-- in pql_rejected_rows the days it lists them under), every row on a --full-refresh.
{%- set events_checked = pql_rechecked_events_condition() if not flags.FULL_REFRESH else '1 = 1' %}
{%- set rejected_events_checked = pql_rechecked_days_condition('checked_day') if not flags.FULL_REFRESH else '1 = 1' %}
with

raw_events as (

    select count(*) as row_count
    from {{ ref('stg_raw__events') }}
    where {{ events_checked }}

),

sound_events as (

    -- Sound rows up to the score date, and how many distinct events they hold.
    select
        count(*) as row_count,
        count(distinct {{ dbt.concat([
            'event_id', "'|'", 'account_id', "'|'", "coalesce(user_id, '')", "'|'", 'event_name', "'|'",
            'cast(event_at as ' ~ dbt.type_string() ~ ')'
        ]) }}) as distinct_count
    from {{ ref('int_events_checked') }}
    where
        rejection_reason is null
        and event_at < {{ pql_score_date_end() }}
        and {{ events_checked }}

),

later_events as (

    select count(*) as row_count
    from {{ ref('int_events_checked') }}
    where
        rejection_reason is null
        and {{ pql_events_since_condition(pql_score_date_end()) }}

),

kept_events as (

    select count(*) as row_count
    from {{ ref('int_events') }}
    where {{ events_checked }}

),

rejected_rows as (

    select
        source_table,
        count(*) as row_count
    from {{ ref('pql_rejected_rows') }}
    where
        outcome = 'rejected'
        and (source_table != 'events' or {{ rejected_events_checked }})
    group by 1

),

raw_accounts as (

    select count(*) as row_count from {{ ref('stg_raw__accounts') }}

),

sound_accounts as (

    select count(*) as row_count
    from {{ ref('int_accounts_checked') }}
    where rejection_reason is null

),

kept_accounts as (

    select count(*) as row_count from {{ ref('int_accounts') }}

),

raw_users as (

    select count(*) as row_count from {{ ref('stg_raw__users') }}

),

sound_users as (

    select count(*) as row_count
    from {{ ref('int_users_checked') }}
    where rejection_reason is null

),

kept_users as (

    select count(*) as row_count from {{ ref('int_users') }}

),

raw_deals as (

    select count(*) as row_count from {{ ref('stg_raw__deals') }}

),

kept_deals as (

    select count(*) as row_count from {{ ref('int_deals') }}

),

raw_dispositions as (

    select count(*) as row_count from {{ ref('stg_raw__dispositions') }}

),

kept_dispositions as (

    select count(*) as row_count from {{ ref('int_dispositions') }}

),

tallies as (

    select
        'events' as source_table,
        raw_events.row_count as raw_rows,
        kept_events.row_count as kept_rows,
        sound_events.row_count - sound_events.distinct_count as exact_duplicates,
        later_events.row_count as rows_after_score_date
    from raw_events
    cross join sound_events
    cross join later_events
    cross join kept_events

    union all

    select
        'accounts' as source_table,
        raw_accounts.row_count as raw_rows,
        kept_accounts.row_count as kept_rows,
        sound_accounts.row_count - kept_accounts.row_count as exact_duplicates,
        0 as rows_after_score_date
    from raw_accounts
    cross join sound_accounts
    cross join kept_accounts

    union all

    select
        'users' as source_table,
        raw_users.row_count as raw_rows,
        kept_users.row_count as kept_rows,
        sound_users.row_count - kept_users.row_count as exact_duplicates,
        0 as rows_after_score_date
    from raw_users
    cross join sound_users
    cross join kept_users

    union all

    -- Deals are not collapsed: a deal id sent twice fails the key test on int_deals.
    select
        'deals' as source_table,
        raw_deals.row_count as raw_rows,
        kept_deals.row_count as kept_rows,
        0 as exact_duplicates,
        0 as rows_after_score_date
    from raw_deals
    cross join kept_deals

    union all

    select
        'dispositions' as source_table,
        raw_dispositions.row_count as raw_rows,
        kept_dispositions.row_count as kept_rows,
        0 as exact_duplicates,
        0 as rows_after_score_date
    from raw_dispositions
    cross join kept_dispositions

),

final as (

    select
        tallies.source_table,
        tallies.raw_rows,
        tallies.kept_rows,
        coalesce(rejected_rows.row_count, 0) as rejected_rows,
        tallies.exact_duplicates,
        tallies.rows_after_score_date
    from tallies
    left join rejected_rows
        on tallies.source_table = rejected_rows.source_table

)

select * from final
where raw_rows != kept_rows + rejected_rows + exact_duplicates + rows_after_score_date
