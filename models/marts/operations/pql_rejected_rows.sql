-- One row per raw row this run could not use, or used with a value cleared, and why:
-- what the quality layer's *_checked views (and stg_raw__deals) found. The rows stay
-- in the raw tables; this is where an operator sees them, and
-- tests/quality/raw_rows_are_all_accounted_for.sql checks that kept + rejected +
-- exact duplicates make up every raw row.
--
-- Incremental like the daily aggregates: the first build checks every event; a run
-- then re-checks the days it re-reads (var pql_incremental_lookback_days) plus every
-- event whose time is missing, before 2000 or in the future, and replaces those days
-- (checked_day). Accounts, users, deals and dispositions are re-checked whole on every
-- run, and so are events without a time: their checked_day is 1900-01-01, a day no
-- event is on. Where the tracker records when it loaded each row (Snowplow), a run
-- re-checks only those loaded in the days it re-reads, listed under the day loaded.
{{ config(
    pre_hook="{{ pql_inputs_gate_check(built_by_this_run=false) }}",
    **pql_replaced_days_config('checked_day', ['source_table'])
) }}

with

events as (

    select * from {{ ref('int_events_checked') }}
    {% if is_incremental() %}
        where
            rejection_reason is not null
            and {{ pql_reread_events_condition() }}

        -- Apart, so that each filter can skip the raw table's other days.
        union all

        select * from {{ ref('int_events_checked') }}
        where
            rejection_reason is not null
            and {{ pql_reread_undated_events_condition() }}
    {% else %}
        where rejection_reason is not null
    {% endif %}

),

accounts as (

    select * from {{ ref('int_accounts_checked') }}
    where rejection_reason is not null or cleared_reason is not null

),

users as (

    select * from {{ ref('int_users_checked') }}
    where rejection_reason is not null or cleared_reason is not null

),

deals as (

    select * from {{ ref('stg_raw__deals') }}
    where row_problem is not null or cleared_reason is not null

),

dispositions as (

    select * from {{ ref('int_dispositions_checked') }}
    where rejection_reason is not null

),

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

rejected as (

    select
        case
            when {{ pql_undated_condition('event_at') }} and loaded_at is not null then cast(loaded_at as date)
            else coalesce(event_date, cast('1900-01-01' as date))
        end as checked_day,
        'events' as source_table,
        event_id as row_key,
        account_id,
        event_at as row_time,
        rejection_reason as reason,
        'rejected' as outcome,
        {{ dbt.concat([
            "'user_id='", "coalesce(user_id, 'null')",
            "', event_name='", "coalesce(event_name, 'null')",
            "', properties='", "coalesce(properties_text, 'null')",
        ]) }} as row_contents
    from events

    union all

    select
        cast('1900-01-01' as date) as checked_day,
        'accounts' as source_table,
        account_id as row_key,
        account_id,
        created_at as row_time,
        coalesce(rejection_reason, cleared_reason) as reason,
        case when rejection_reason is not null then 'rejected' else 'kept, value cleared' end as outcome,
        {{ dbt.concat([
            "'domain='", "coalesce(domain, 'null')",
            "', employee_count='", "coalesce(delivered_employee_count, 'null')",
            "', industry='", "coalesce(industry, 'null')",
            "', country='", "coalesce(country, 'null')",
            "', icp_match='", "coalesce(delivered_icp_match, 'null')",
            "', created_at='", "coalesce(delivered_created_at, 'null')",
        ]) }} as row_contents
    from accounts

    union all

    -- The email stays out: this table is for operators, not a PII store.
    select
        cast('1900-01-01' as date) as checked_day,
        'users' as source_table,
        user_id as row_key,
        account_id,
        created_at as row_time,
        coalesce(rejection_reason, cleared_reason) as reason,
        case when rejection_reason is not null then 'rejected' else 'kept, value cleared' end as outcome,
        {{ dbt.concat([
            "'job_title='", "coalesce(job_title, 'null')",
            "', created_at='", "coalesce(delivered_created_at, 'null')",
        ]) }} as row_contents
    from users

    union all

    select
        cast('1900-01-01' as date) as checked_day,
        'deals' as source_table,
        deal_id as row_key,
        account_id,
        created_at as row_time,
        coalesce(row_problem, cleared_reason) as reason,
        case when row_problem is not null then 'rejected' else 'kept, value cleared' end as outcome,
        {{ dbt.concat([
            "'created_at='", "coalesce(delivered_created_at, 'null')",
            "', closed_at='", "coalesce(delivered_closed_at, 'null')",
            "', is_won='", "coalesce(delivered_is_won, 'null')",
            "', amount='", "coalesce(delivered_amount, 'null')",
        ]) }} as row_contents
    from deals

    union all

    select
        cast('1900-01-01' as date) as checked_day,
        'dispositions' as source_table,
        cast(null as {{ dbt.type_string() }}) as row_key,
        account_id,
        recorded_at as row_time,
        rejection_reason as reason,
        'rejected' as outcome,
        {{ dbt.concat([
            "'disposition='", "coalesce(disposition, 'null')",
            "', reason='", "coalesce(reason, 'null')",
            "', recorded_at='", "coalesce(delivered_recorded_at, 'null')",
        ]) }} as row_contents
    from dispositions

),

final as (

    select
        checked_day,
        source_table,
        row_key,
        account_id,
        row_time,
        reason,
        outcome,
        row_contents,
        {{ pql_score_date() }} as score_date
    from rejected

)

select final.* from final
-- A gate this command did not build stops it here (macro pql_inputs_gate_passed): the
-- table keeps its last good rows.
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate', built_by_this_run=false) }}
