-- Reps' dispositions of accounts, one row each: the rows int_dispositions_checked
-- keeps, with what each disposition means (pql_dispositions) - a conversion or a
-- rejection, and how many days it keeps the account out of routing.
{{ config(tags=['run_independent']) }}
with

dispositions as (

    select * from {{ ref('int_dispositions_checked') }}
    where rejection_reason is null

),

final as (

    select
        account_id,
        disposition,
        reason,
        recorded_at,
        recorded_date,
        counts_as,
        do_not_route_days
    from dispositions

)

select * from final
