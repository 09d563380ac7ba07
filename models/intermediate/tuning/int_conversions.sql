-- One row per time an account converted, the outcome the tuning marts count: a deal
-- opened in the CRM, or a rep's disposition pql_dispositions counts as a conversion
-- ("sales accepted"). A rep's judgment is a label as good as a deal, and often the
-- earlier one.
with

deals as (

    select * from {{ ref('int_deals') }}

),

dispositions as (

    select * from {{ ref('int_dispositions') }}
    where counts_as = 'conversion'

),

final as (

    select
        account_id,
        'deal' as converted_by,
        deal_id as conversion_id,
        created_at as converted_at,
        created_date as converted_date
    from deals

    union all

    select
        account_id,
        'disposition' as converted_by,
        disposition as conversion_id,
        recorded_at as converted_at,
        recorded_date as converted_date
    from dispositions

)

select * from final
