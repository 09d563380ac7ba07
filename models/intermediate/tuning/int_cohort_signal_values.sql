-- One row per calibration cohort account (int_cohort_outcomes) and signal in
-- pql_signals - every signal, whether a rule reads it or not - whose value as of the
-- cohort date is not 0 (a missing row is a 0; an unknown value is a row with a null).
-- Valued as the scoring run values them (macros/signals), from events at or before the
-- cohort date. The tuning command fits rule points to outcomes on these rows. A view:
-- computed only when the command reads it.
{{ config(materialized='view') }}

with

cohorts as (

    select * from {{ ref('int_cohort_outcomes') }}

),

known_accounts as (

    select * from {{ ref('int_accounts') }}

),

daily_activity as (

    select * from {{ ref('int_events_aggregated_daily') }}

),

user_activity as (

    select * from {{ ref('int_user_activity_daily') }}

),

account_activity as (

    select * from {{ ref('int_account_activity_daily') }}

),

users as (

    -- The users' titles as a daily run read them: not an intraday run that scored a few accounts.
    select * from {{ ref('int_users_titled') }}
    where {{ pql_built_by_a_daily_run('built_for') }}

),

value_lists as (

    select * from {{ ref('stg_seeds__value_lists') }}

),

signal_events as (

    select * from {{ ref('stg_seeds__signal_events') }}

),

signals as (

    select
        signal_name,
        measure,
        window_days,
        attribute_name,
        value_list,
        signal_kind
    from {{ ref('stg_seeds__signals') }}

),

event_signals as (

    select * from signals
    where signal_kind = 'event'

),

attribute_signals as (

    select * from signals
    where signal_kind = 'attribute'

),

accounts as (

    select
        cohorts.cohort_date as score_date,
        known_accounts.account_id,
        known_accounts.domain,
        known_accounts.employee_count,
        known_accounts.industry,
        known_accounts.country,
        known_accounts.is_icp_match,
        cast(known_accounts.created_at as date) as signup_date
    from cohorts
    inner join known_accounts
        on cohorts.account_id = known_accounts.account_id

),

score_dates as (

    select distinct score_date from accounts

),

window_start as (

    select
        cast({{ dbt.dateadd(
            'day', '-1 * max(event_signals.window_days)', '(select min(score_date) from score_dates)'
        ) }} as date) as first_day
    from event_signals

),

{{ pql_signal_activity_ctes(
    'event_signals', 'signal_events', 'daily_activity', 'user_activity', 'account_activity',
    '(select window_start.first_day from window_start)'
) }},

{{ pql_event_signal_values_ctes('accounts', 'score_dates', 'event_signals', 'signal_activity') }},

{{ pql_attribute_signal_values_ctes('accounts', 'score_dates', 'attribute_signals', 'users', 'value_lists') }},

final as (

    select
        score_date as cohort_date,
        account_id,
        signal_name,
        signal_value
    from event_signal_values

    union all

    select
        score_date as cohort_date,
        account_id,
        signal_name,
        signal_value
    from attribute_signal_values

)

select * from final
where signal_value is null or signal_value != 0
