-- Every raw disposition row, typed, with what is wrong with it on its own. Nothing is
-- dropped here: int_dispositions keeps the rows whose disposition pql_dispositions
-- knows, and pql_rejected_rows lists the rest. Without var pql_read_dispositions no
-- table is read and this is empty.
--
-- row_problem (the row is not kept):
--   no_account                 account_id null or blank
--   no_disposition             disposition null or blank
--   recorded_at_not_a_time     delivered as text that is not a time
--   no_recorded_at             recorded_at null: a disposition with no date holds no day
with

source as (

    {% if pql_read_dispositions() %}
        select
            {{- pql_source_columns('dispositions', ['account_id', 'disposition', 'reason', 'recorded_at']) }}
        from {{ source('raw_dispositions', 'dispositions') }}
    {% else %}
        select
            cast(null as {{ dbt.type_string() }}) as account_id,
            cast(null as {{ dbt.type_string() }}) as disposition,
            cast(null as {{ dbt.type_string() }}) as reason,
            cast(null as {{ dbt.type_timestamp() }}) as recorded_at
        where 1 = 0
    {% endif %}

),

renamed as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        lower(trim(cast(disposition as {{ dbt.type_string() }}))) as disposition,
        trim(cast(reason as {{ dbt.type_string() }})) as reason,
        {{ pql_safe_cast('recorded_at', dbt.type_timestamp()) }} as recorded_at,
        cast(recorded_at as {{ dbt.type_string() }}) as delivered_recorded_at
    from source

),

final as (

    select
        account_id,
        disposition,
        reason,
        recorded_at,
        cast(recorded_at as date) as recorded_date,
        case
            when account_id is null or trim(account_id) = '' then 'no_account'
            when disposition is null or disposition = '' then 'no_disposition'
            when recorded_at is null and delivered_recorded_at is not null then 'recorded_at_not_a_time'
            when recorded_at is null then 'no_recorded_at'
        end as row_problem,
        delivered_recorded_at
    from renamed

)

select * from final
