-- Warns when more than var pql_rejection_rate_warn (default 0.01: 1%) of a raw table's
-- rows are rejected: a few bad rows are the pipeline's normal noise, more is a broken
-- tracker or a schema change upstream. Events count over the rows a run
-- re-checks (every row on a --full-refresh). pql_rejected_rows says which rows and why.
{{ config(severity='warn') }}
with

rejected_rows as (

    select
        source_table,
        count(*) as rejected_rows
    from {{ ref('pql_rejected_rows') }}
    where
        outcome = 'rejected'
        {% if not flags.FULL_REFRESH %}
            and (source_table != 'events' or {{ pql_rechecked_days_condition('checked_day') }})
        {% endif %}
    group by 1

),

raw_rows as (

    select
        'events' as source_table,
        count(*) as raw_rows
    from {{ ref('int_events_checked') }}
    {% if not flags.FULL_REFRESH %}
        where {{ pql_rechecked_events_condition() }}
    {% endif %}

    union all

    select
        'accounts' as source_table,
        count(*) as raw_rows
    from {{ ref('int_accounts_checked') }}

    union all

    select
        'users' as source_table,
        count(*) as raw_rows
    from {{ ref('int_users_checked') }}

    union all

    select
        'deals' as source_table,
        count(*) as raw_rows
    from {{ ref('stg_raw__deals') }}

    union all

    select
        'dispositions' as source_table,
        count(*) as raw_rows
    from {{ ref('stg_raw__dispositions') }}

),

final as (

    select
        raw_rows.source_table,
        raw_rows.raw_rows,
        rejected_rows.rejected_rows,
        cast(rejected_rows.rejected_rows as {{ dbt.type_float() }}) / raw_rows.raw_rows as rejection_rate,
        {{ pql_rejection_rate_warn() }} as warn_above
    from raw_rows
    inner join rejected_rows
        on raw_rows.source_table = rejected_rows.source_table

)

select * from final
where rejection_rate > warn_above
