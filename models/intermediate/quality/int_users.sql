-- One row per user and account they belong to: the rows int_users_checked keeps, each
-- once (exact copies left out).
{{ config(tags=['run_independent']) }}
with

checked as (

    select * from {{ ref('int_users_checked') }}
    where rejection_reason is null and not is_repeated_copy

),

final as (

    select
        user_id,
        account_id,
        email,
        job_title,
        created_at
    from checked

)

select * from final
