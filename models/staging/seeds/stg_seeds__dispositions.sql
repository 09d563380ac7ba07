-- pql_dispositions with each disposition as the CRM's rows are matched on (trimmed,
-- lowercase), so an analyst may type "Not a Fit ".
with

dispositions as (

    select * from {{ ref('pql_dispositions') }}

),

final as (

    select
        lower(trim(disposition)) as disposition,
        counts_as,
        do_not_route_days,
        description
    from dispositions

)

select * from final
