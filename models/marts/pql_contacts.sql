-- One row per user of a scored account (a user in two accounts is a contact of each):
-- the account's score and tier, the user's own activity in the account in the last 30
-- days, and a flag on the one contact a rep should reach first - the most senior
-- economic buyer among users active in the last 30 days, else the most active user.
-- What a reverse ETL tool syncs to CRM contact records.
-- Read by the reverse ETL syncs in models/exposures.yml: granted to their role.
{{ config(grants=pql_reverse_etl_grants()) }}

with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

users as (

    select * from {{ ref('int_users_titled') }}

),

scores as (

    select * from {{ ref('pql_scores') }}

),

user_activity as (

    select * from {{ ref('int_user_activity_daily') }}

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
    where
        activity_date <= {{ pql_score_date() }}
        and activity_date >= {{ pql_oldest_window_date() }}
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
        ranked_contacts.user_id,
        ranked_contacts.account_id,
        ranked_contacts.email,
        ranked_contacts.job_title,
        cast(ranked_contacts.seniority_rank as {{ dbt.type_int() }}) as seniority_rank,
        ranked_contacts.is_economic_buyer,
        ranked_contacts.last_active_date,
        cast(ranked_contacts.active_days_30d as {{ dbt.type_int() }}) as active_days_30d,
        cast(ranked_contacts.events_30d as {{ dbt.type_bigint() }}) as events_30d,
        ranked_contacts.key_actions,
        ranked_contacts.contact_rank = 1 as is_primary_contact,
        case when ranked_contacts.contact_rank = 1 then ranked_contacts.contact_reason end
            as primary_contact_reason,
        scores.pql_score,
        scores.pql_tier,
        scores.is_pql,
        scores.treatment,
        scores.score_date
    from ranked_contacts
    -- Users of accounts missing from the accounts table have no score to sync.
    inner join scores
        on ranked_contacts.account_id = scores.account_id

)

select final.* from final
-- Stale inputs or a broken seed stop the run here: the table keeps its last good rows.
inner join inputs_gate
    on inputs_gate.inputs_are_trusted
