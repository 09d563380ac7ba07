-- Every raw account row (stg_raw__accounts), with the reason it is not kept: its own
-- problem, else
--   duplicate_account_id       another row has the same id but different contents; the
--                              earliest sign-up (then the first by contents) is kept
-- Rows with the same id and contents are exact copies: int_accounts keeps them once.
{{ config(tags=['run_independent']) }}
with

accounts as (

    select * from {{ ref('stg_raw__accounts') }}

),

ranked as (

    select
        *,
        dense_rank() over (
            partition by account_id
            order by
                coalesce(created_at, cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }})),
                coalesce(domain, ''),
                coalesce(reported_employee_count, -1),
                coalesce(industry, ''),
                coalesce(country, ''),
                case when is_icp_match then 2 when not is_icp_match then 1 else 0 end
        ) as contents_rank
    from accounts

),

final as (

    select
        account_id,
        domain,
        employee_count,
        reported_employee_count,
        industry,
        country,
        is_icp_match,
        created_at,
        coalesce(
            row_problem,
            case when contents_rank > 1 then 'duplicate_account_id' end
        ) as rejection_reason,
        cleared_reason,
        delivered_employee_count,
        delivered_icp_match,
        delivered_created_at
    from ranked

)

select * from final
