with

source as (

    select * from {{ source('raw', 'users') }}

),

final as (

    select
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        lower(trim(cast(email as {{ dbt.type_string() }}))) as email,
        trim(cast(job_title as {{ dbt.type_string() }})) as job_title,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at
    from source

)

select * from final
