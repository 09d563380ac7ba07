-- One row per live signal and activity row that feeds it: each row of the daily
-- activity matched to the event signals the scored rule sets read whose event it is
-- ('*' signals take every event: per-user days for active users, per-account days,
-- fewer, for the rest), back as far as the longest live window reaches from the
-- earliest score date, for the accounts this run scores (int_scored_accounts: all of them
-- daily, the few whose day changed in an intraday run). int_event_signals measures
-- these rows per score date. A view: int_account_signals writes it out.
{{ config(materialized='view') }}

with

score_dates as (

    select * from {{ ref('int_score_dates') }}

),

scored_accounts as (

    select account_id from {{ ref('int_scored_accounts') }}

),

daily_activity as (

    select * from {{ ref('int_events_aggregated_daily') }}
    where account_id in (select scored_accounts.account_id from scored_accounts)

),

user_activity as (

    select * from {{ ref('int_user_activity_daily') }}
    where account_id in (select scored_accounts.account_id from scored_accounts)

),

account_activity as (

    select * from {{ ref('int_account_activity_daily') }}
    where account_id in (select scored_accounts.account_id from scored_accounts)

),

signal_events as (

    select * from {{ ref('stg_seeds__signal_events') }}

),

event_signals as (

    select
        signal_name,
        measure,
        window_days
    from {{ ref('int_scored_signals') }}
    where signal_kind = 'event'

),

window_start as (

    -- The longest live window back from the earliest score date. Days after the score
    -- date may be in the aggregates already (a run for a past date). The macro's literal
    -- bound on var pql_max_window_days lets a warehouse prune the aggregates'
    -- partitions; this one is tighter.
    select
        cast({{ dbt.dateadd(
            'day', '-1 * max(event_signals.window_days)', '(select min(score_date) from score_dates)'
        ) }} as date) as first_day
    from event_signals

),

{{ pql_signal_activity_ctes(
    'event_signals', 'signal_events', 'daily_activity', 'user_activity', 'account_activity',
    '(select window_start.first_day from window_start)', pql_oldest_window_date()
) }}

select * from signal_activity
