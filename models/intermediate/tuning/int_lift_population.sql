-- One row per account in the population pql_signal_lift compares: converters, whose
-- first conversion (int_conversions: a deal opened, or a disposition counted as one)
-- came within var pql_lift_lookback_days before the score date (older ones predate
-- the event history), and non-converters, with none and signed up by the score date.
-- Accounts with an older first conversion are in neither. Each account's window ends
-- the day before it converted, or on the score date.
with

accounts as (

    select * from {{ ref('int_accounts') }}

),

conversions as (

    select * from {{ ref('int_conversions') }}

),

first_conversions as (

    select
        account_id,
        min(converted_date) as converted_date
    from conversions
    group by 1

),

final as (

    select
        accounts.account_id,
        case when first_conversions.converted_date is null then 0 else 1 end as is_converter,
        case
            when first_conversions.converted_date is null then {{ pql_score_date() }}
            else cast({{ dbt.dateadd('day', -1, 'first_conversions.converted_date') }} as date)
        end as window_end
    from accounts
    left join first_conversions
        on accounts.account_id = first_conversions.account_id
    where
        (accounts.created_at is null or accounts.created_at < {{ pql_score_date_end() }})
        and (
            first_conversions.converted_date is null
            or (
                first_conversions.converted_date <= {{ pql_score_date() }}
                and {{ dbt.datediff('first_conversions.converted_date', pql_score_date(), 'day') }}
                < {{ pql_lift_lookback_days() }}
            )
        )

)

select * from final
