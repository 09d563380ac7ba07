-- One row per account, score date and attribute signal the scored rule sets read (the
-- live one, and the shadow one if any): a firmographic value (employee count, ICP
-- match), whether a value is in a value list (industry, country, domain), or a count of
-- the account's users as of that date (users, economic buyers).
-- A view: int_account_signals writes it out.
{{ config(materialized='view') }}

with

accounts as (

    select * from {{ ref('int_scored_accounts') }}

),

score_dates as (

    select * from {{ ref('int_score_dates') }}

),

users as (

    select * from {{ ref('int_users_titled') }}

),

value_lists as (

    select distinct
        list_name,
        lower(trim(list_value)) as list_value
    from {{ ref('pql_value_lists') }}

),

attribute_signals as (

    select
        signal_name,
        measure,
        attribute_name,
        value_list
    from {{ ref('int_scored_signals') }}
    where signal_kind = 'attribute'

),

account_users as (

    -- Users who had signed up by the score date (or whose sign-up time is unknown).
    select
        score_dates.score_date,
        users.account_id,
        count(*) as user_count,
        sum(case when users.is_economic_buyer then 1 else 0 end) as economic_buyer_count
    from users
    inner join score_dates
        on
            users.created_at is null
            or cast(users.created_at as date) <= score_dates.score_date
    group by 1, 2

),

signal_values as (

    select
        accounts.score_date,
        accounts.account_id,
        attribute_signals.signal_name,
        case
            when attribute_signals.measure = 'attribute_in_list'
                then case when value_lists.list_value is null then 0 else 1 end
            when attribute_signals.attribute_name = 'employee_count'
                then accounts.employee_count
            when attribute_signals.attribute_name = 'is_icp_match'
                then
                    case
                        when accounts.is_icp_match then 1
                        when not accounts.is_icp_match then 0
                    end
            when attribute_signals.attribute_name = 'user_count'
                then coalesce(account_users.user_count, 0)
            when attribute_signals.attribute_name = 'economic_buyer_count'
                then coalesce(account_users.economic_buyer_count, 0)
        end as signal_value
    from accounts
    cross join attribute_signals
    left join account_users
        on
            accounts.score_date = account_users.score_date
            and accounts.account_id = account_users.account_id
    left join value_lists
        on
            attribute_signals.measure = 'attribute_in_list'
            and attribute_signals.value_list = value_lists.list_name
            and value_lists.list_value = lower(
                case attribute_signals.attribute_name
                    when 'industry' then accounts.industry
                    when 'country' then accounts.country
                    when 'domain' then accounts.domain
                end
            )

),

final as (

    select
        score_date,
        account_id,
        signal_name,
        cast(signal_value as {{ dbt.type_bigint() }}) as signal_value
    from signal_values

)

select * from final
