-- CRM deals, typed: the outcomes pql_calibration and pql_signal_lift measure scores against.
with

source as (

    select * from {{ source('raw', 'deals') }}

),

final as (

    select
        cast(deal_id as {{ dbt.type_string() }}) as deal_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at,
        cast(created_at as date) as created_date,
        cast(closed_at as {{ dbt.type_timestamp() }}) as closed_at,
        cast(is_won as {{ dbt.type_boolean() }}) as is_won,
        cast(amount as {{ dbt.type_numeric() }}) as amount
    from source

)

select * from final
