-- pql_value_lists with each value as account attributes are matched on (trimmed, lowercase).
with

value_lists as (

    select * from {{ ref('pql_value_lists') }}

),

final as (

    select
        list_name,
        lower(trim(list_value)) as list_value
    from value_lists

)

select * from final
