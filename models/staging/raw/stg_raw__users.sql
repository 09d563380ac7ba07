-- One row per user and account they belong to: the rows stg_raw__users_checked found
-- sound, exact copies collapsed.
with

checked as (

    select * from {{ ref('stg_raw__users_checked') }}
    where rejection_reason is null

),

final as (

    select distinct
        user_id,
        account_id,
        email,
        job_title,
        created_at
    from checked

)

select * from final
