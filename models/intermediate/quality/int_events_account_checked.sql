-- Every raw event row (stg_raw__events), with its problem now that its account is
-- looked up: first
--   no_account                 account_id null or blank
--   unknown_account            account_id not in int_accounts
-- then the problem of its name or time. int_event_copies and int_events_checked read it.
-- For the trackers whose events may lack the account (macros/trackers/pql_event_source.sql),
-- an event without one is its user's, when the users table gives the user exactly one.
{%- set take_the_users_account = pql_events_take_the_users_account() %}
with

events as (

    select * from {{ ref('stg_raw__events') }}

),

accounts as (

    select account_id from {{ ref('int_accounts') }}

),

{% if take_the_users_account %}
users_of_one_account as (

    select
        user_id,
        min(account_id) as account_id
    from {{ ref('stg_raw__users') }}
    where row_problem is null
    group by 1
    having count(distinct account_id) = 1

),
{% endif %}

with_account as (

    select
        events.*,
        {%- set delivered_account = "case when trim(events.account_id) != '' then events.account_id end" %}
        {% if take_the_users_account -%}
            coalesce({{ delivered_account }}, users_of_one_account.account_id)
        {%- else -%}
            {{ delivered_account }}
        {%- endif %} as event_account_id
    from events
    {% if take_the_users_account %}
        left join users_of_one_account
            on events.user_id = users_of_one_account.user_id
    {% endif %}

),

final as (

    select
        with_account.event_id,
        with_account.source_event_id,
        with_account.user_id,
        -- The account found, else as delivered (null or blank).
        coalesce(with_account.event_account_id, with_account.account_id) as account_id,
        with_account.event_name,
        with_account.event_at,
        with_account.event_date,
        with_account.session_id,
        with_account.properties_text,
        with_account.loaded_at,
        case
            when with_account.event_account_id is null then 'no_account'
            when accounts.account_id is null then 'unknown_account'
            else with_account.row_problem
        end as row_problem
    from with_account
    left join accounts
        on with_account.event_account_id = accounts.account_id

)

select * from final
