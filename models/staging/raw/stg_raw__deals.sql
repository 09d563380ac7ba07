-- Every raw CRM deal row, typed, with what is wrong with it. Nothing is dropped here:
-- int_deals keeps the sound rows and pql_rejected_rows lists the rest.
--
-- row_problem (the row is not kept):
--   no_deal_id                 deal_id null or blank
--   no_account                 account_id null or blank
--   created_at_not_a_time      delivered as text that is not a time
--   no_created_at              created_at null: a deal with no date converts no cohort
-- cleared_reason (the row is kept, the value read as unknown; the first that applies):
--   closed_at_not_a_time       delivered as text that is not a time
--   is_won_not_a_boolean       not true/false, yes/no, t/f, y/n or 1/0
--   amount_not_a_number        delivered as text that is not a number
with

source as (

    select
        {{- pql_source_columns('deals', ['deal_id', 'account_id', 'created_at', 'closed_at', 'is_won', 'amount']) }}
    from {{ source('raw_deals', 'deals') }}

),

renamed as (

    select
        cast(deal_id as {{ dbt.type_string() }}) as deal_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        {{ pql_safe_cast('created_at', dbt.type_timestamp()) }} as created_at,
        {{ pql_safe_cast('closed_at', dbt.type_timestamp()) }} as closed_at,
        {{ pql_boolean_from_text('is_won') }} as is_won,
        {{ pql_safe_cast('amount', dbt.type_numeric()) }} as amount,
        -- As delivered, to tell a value that did not read from one that was never there.
        cast(created_at as {{ dbt.type_string() }}) as delivered_created_at,
        cast(closed_at as {{ dbt.type_string() }}) as delivered_closed_at,
        cast(is_won as {{ dbt.type_string() }}) as delivered_is_won,
        cast(amount as {{ dbt.type_string() }}) as delivered_amount
    from source

),

final as (

    select
        deal_id,
        account_id,
        created_at,
        cast(created_at as date) as created_date,
        closed_at,
        is_won,
        amount,
        case
            when deal_id is null or trim(deal_id) = '' then 'no_deal_id'
            when account_id is null or trim(account_id) = '' then 'no_account'
            when created_at is null and delivered_created_at is not null then 'created_at_not_a_time'
            when created_at is null then 'no_created_at'
        end as row_problem,
        case
            when closed_at is null and delivered_closed_at is not null then 'closed_at_not_a_time'
            when is_won is null and delivered_is_won is not null then 'is_won_not_a_boolean'
            when amount is null and delivered_amount is not null then 'amount_not_a_number'
        end as cleared_reason,
        delivered_created_at,
        delivered_closed_at,
        delivered_is_won,
        delivered_amount
    from renamed

)

select * from final
