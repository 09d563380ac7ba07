-- One row per user of an account this run scores (a user in two accounts is a contact
-- of each), with their own activity in the account in the last 30 days and their key
-- actions, and a flag on the one contact a rep should reach first - the most senior
-- economic buyer among users active in the last 30 days, else the most active user.
-- pql_contacts shows every contact with the account's score; an alert names the first.
with

users as (

    select * from {{ ref('int_users_titled') }}

),

scored_accounts as (

    select account_id from {{ ref('int_scored_accounts') }}

),

user_activity as (

    select * from {{ ref('int_user_activity_daily') }}
    where
        activity_date <= {{ pql_score_date() }}
        and activity_date >= {{ pql_oldest_window_date() }}
        and account_id in (select scored_accounts.account_id from scored_accounts)

),

key_actions as (

    select * from {{ ref('int_user_key_actions') }}

),

user_days as (

    -- Last active day in the account within the longest allowed window, and the last 30 days' activity.
    select
        account_id,
        user_id,
        max(activity_date) as last_active_date,
        sum(case
            when activity_date >= cast('{{ pql_days_after_score_date(-30) }}' as date) then 1 else 0
        end) as active_days_30d,
        sum(case
            when activity_date >= cast('{{ pql_days_after_score_date(-30) }}' as date) then event_count else 0
        end) as events_30d
    from user_activity
    group by 1, 2

),

contacts as (

    select
        users.user_id,
        users.account_id,
        users.email,
        users.job_title,
        users.seniority_rank,
        users.is_economic_buyer,
        user_days.last_active_date,
        coalesce(user_days.active_days_30d, 0) as active_days_30d,
        coalesce(user_days.events_30d, 0) as events_30d,
        coalesce(key_actions.key_actions, '') as key_actions
    from users
    left join user_days
        on
            users.account_id = user_days.account_id
            and users.user_id = user_days.user_id
    left join key_actions
        on
            users.account_id = key_actions.account_id
            and users.user_id = key_actions.user_id

),

ranked_contacts as (

    select
        *,
        case
            when is_economic_buyer and active_days_30d > 0
                then 'most senior economic buyer active in the last 30 days'
            when active_days_30d > 0 then 'most active user in the last 30 days'
            else 'no user active in the last 30 days'
        end as contact_reason,
        row_number() over (
            partition by account_id
            order by
                case when is_economic_buyer and active_days_30d > 0 then 0 else 1 end asc,
                case when is_economic_buyer and active_days_30d > 0 then seniority_rank end asc,
                active_days_30d desc,
                events_30d desc,
                coalesce(last_active_date, cast('1900-01-01' as date)) desc,
                user_id asc
        ) as contact_rank
    from contacts

),

final as (

    select
        user_id,
        account_id,
        email,
        job_title,
        cast(seniority_rank as {{ dbt.type_int() }}) as seniority_rank,
        is_economic_buyer,
        last_active_date,
        cast(active_days_30d as {{ dbt.type_int() }}) as active_days_30d,
        cast(events_30d as {{ dbt.type_bigint() }}) as events_30d,
        key_actions,
        contact_rank = 1 as is_primary_contact,
        case when contact_rank = 1 then contact_reason end as primary_contact_reason,
        '{{ pql_scoring_settings() }}' as built_for
    from ranked_contacts

)

select * from final
