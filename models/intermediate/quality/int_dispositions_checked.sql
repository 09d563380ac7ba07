-- Every raw disposition row with why it is not kept (rejection_reason), null when it
-- is: what stg_raw__dispositions found wrong with the row, else
--   unknown_disposition        a disposition pql_dispositions does not list: add it there
-- int_dispositions keeps the rest, with what each disposition means.
{{ config(tags=['run_independent']) }}
with

dispositions as (

    select * from {{ ref('stg_raw__dispositions') }}

),

meanings as (

    select
        disposition,
        counts_as,
        do_not_route_days
    from {{ ref('stg_seeds__dispositions') }}

),

final as (

    select
        dispositions.account_id,
        dispositions.disposition,
        dispositions.reason,
        dispositions.recorded_at,
        dispositions.recorded_date,
        dispositions.delivered_recorded_at,
        meanings.counts_as,
        meanings.do_not_route_days,
        coalesce(
            dispositions.row_problem,
            case when meanings.disposition is null then 'unknown_disposition' end
        ) as rejection_reason
    from dispositions
    left join meanings
        on dispositions.disposition = meanings.disposition

)

select * from final
