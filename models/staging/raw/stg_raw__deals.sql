-- CRM deals, one row each: the rows stg_raw__deals_checked found sound, the outcomes
-- pql_calibration and pql_signal_lift measure scores against.
with

checked as (

    select * from {{ ref('stg_raw__deals_checked') }}
    where rejection_reason is null

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
    from checked

)

select * from final
