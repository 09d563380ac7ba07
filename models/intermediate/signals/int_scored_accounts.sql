-- One row per account per date this run scores (int_score_dates): every account in
-- the accounts table, except one that signed up after the date - as of that date it
-- did not exist yet. An account with no sign-up time is scored on every date.
with

score_dates as (

    select * from {{ ref('int_score_dates') }}

),

accounts as (

    select * from {{ ref('int_accounts') }}

),

final as (

    select
        score_dates.score_date,
        accounts.account_id,
        accounts.domain,
        accounts.employee_count,
        accounts.industry,
        accounts.country,
        accounts.is_icp_match,
        cast(accounts.created_at as date) as signup_date
    from score_dates
    inner join accounts
        on
            accounts.created_at is null
            or cast(accounts.created_at as date) <= score_dates.score_date

)

select * from final
