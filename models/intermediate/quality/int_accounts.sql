-- One row per account: the rows int_accounts_checked keeps, exact copies collapsed.
-- A table: events and users are checked against it, and every score date joins it.
{{ config(materialized='table') }}

with

checked as (

    select * from {{ ref('int_accounts_checked') }}
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
