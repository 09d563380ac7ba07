-- CRM deals, one row each: the rows stg_raw__deals found sound, the outcomes
-- pql_calibration and pql_signal_lift measure scores against.
with

deals as (

    select * from {{ ref('stg_raw__deals') }}
    where row_problem is null

),

final as (

    select
        deal_id,
        account_id,
        created_at,
        created_date,
        closed_at,
        is_won,
        amount
    from deals

)

select * from final
