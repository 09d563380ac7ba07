with

source as (

    select * from {{ source('raw', 'accounts') }}

),

final as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        lower(trim(cast(domain as {{ dbt.type_string() }}))) as domain,
        cast(employee_count as {{ dbt.type_int() }}) as employee_count,
        trim(cast(industry as {{ dbt.type_string() }})) as industry,
        trim(cast(country as {{ dbt.type_string() }})) as country,
        cast(icp_match as {{ dbt.type_boolean() }}) as is_icp_match,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at
    from source

)

select * from final
