-- One row per account: the rows stg_raw__accounts_checked found sound, exact copies
-- collapsed, an out-of-range employee count read as unknown.
with

checked as (

    select * from {{ ref('stg_raw__accounts_checked') }}
    where rejection_reason is null

),

final as (

    select distinct
        account_id,
        domain,
        employee_count,
        industry,
        country,
        is_icp_match,
        created_at
    from checked

)

select * from final
