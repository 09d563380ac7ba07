-- Warns, one row per value, when the dispositions source holds a disposition
-- pql_dispositions does not list: those rows are rejected (pql_rejected_rows,
-- unknown_disposition) and neither route nor label anything until the seed lists it.
-- The run's end prints these rows: the value, how many rows carry it, and the fix.
{{ config(severity='warn') }}
with

unknown as (

    select
        disposition,
        count(*) as rejected_rows
    from {{ ref('int_dispositions_checked') }}
    where rejection_reason = 'unknown_disposition'
    group by 1

),

final as (

    select
        disposition,
        rejected_rows,
        {{ dbt.concat([
            "'not in seeds/pql_dispositions.csv: add a row for '", "'\"'", 'disposition', "'\"'",
            "' saying whether it counts as a conversion or a rejection and its do_not_route_days'",
        ]) }} as problem
    from unknown

)

select * from final
