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

daily_activity as (

    select * from {{ ref('int_events_aggregated_daily') }}

),

live_signal_names as (

    select signal_name
    from {{ ref('int_signals_read') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

key_events as (

    -- Events a signal of the live rule set is built from: the actions that earn
    -- points, worth telling a rep about.
    select distinct lower(trim(event_name)) as event_name
    from {{ ref('pql_signal_events') }}
    where
        trim(event_name) != '*'
        and signal_name in (select live_signal_names.signal_name from live_signal_names)

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

key_action_counts as (

    select
        daily_activity.account_id,
        daily_activity.user_id,
        daily_activity.event_name,
        cast(sum(daily_activity.event_count) as {{ dbt.type_bigint() }}) as event_count
    from daily_activity
    inner join key_events
        on daily_activity.event_name = key_events.event_name
    where
        daily_activity.activity_date <= {{ pql_score_date() }}
        and daily_activity.activity_date >= cast('{{ pql_days_after_score_date(-30) }}' as date)
    group by 1, 2, 3

),

ranked_key_actions as (

    select
        account_id,
        user_id,
        {{ dbt.concat([
            'event_name', "' x'", 'cast(event_count as ' ~ dbt.type_string() ~ ')'
        ]) }} as key_action,
        row_number() over (
            partition by account_id, user_id order by event_count desc, event_name asc
        ) as action_rank
    from key_action_counts

),

key_actions as (

    -- The five most frequent, e.g. "team_member_invited x3, integration_connected x1".
    select
        account_id,
        user_id,
        {{ dbt.listagg('key_action', "', '", 'order by action_rank') }} as key_actions
    from ranked_key_actions
    where action_rank <= 5
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
