-- Events rolled up to one row per account, user, day and event name: everything
-- the scoring reads is counted from here, never from raw events again.
--
-- Incremental: a run re-reads only the score date and the lookback days before it
-- (var pql_incremental_lookback_days), and replaces those days whole, so events that
-- arrive late within the lookback are counted. The cut-off is a literal date, so the
-- filter reaches the raw events table and prunes its partitions.
{{
    config(
        materialized='incremental',
        incremental_strategy=('insert_overwrite' if target.type == 'bigquery' else 'delete+insert'),
        unique_key='activity_date',
        partition_by=(
            {'field': 'activity_date', 'data_type': 'date', 'granularity': 'day'}
            if target.type == 'bigquery' else none
        ),
        cluster_by=(['account_id'] if target.type == 'bigquery' else ['activity_date', 'account_id']),
        on_schema_change='fail',
    )
}}

with

events as (

    select * from {{ ref('stg_raw__events') }}
    {% if is_incremental() %}
        where event_date >= {{ pql_incremental_start_date() }}
    {% endif %}

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
