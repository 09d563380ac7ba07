-- One row per account, score date and event signal the scored rule sets read (the
-- live one, and the shadow one if any), valued as of that date from what happened at
-- or before it: the activity rows that feed each signal (int_signal_activity), kept
-- for each score date whose window for that signal holds them, then measured.
-- A view: int_account_signals writes it out.
{{ config(materialized='view', tags=['run_independent']) }}

with

accounts as (

    select * from {{ ref('int_scored_accounts') }}

),

score_dates as (

    select * from {{ ref('int_score_dates') }}

),

activity_by_signal as (

    select * from {{ ref('int_signal_activity') }}

),

event_signals as (

    select
        signal_name,
        measure,
        window_days
    from {{ ref('int_scored_signals') }}
    where signal_kind = 'event'

),

{{ pql_event_signal_values_ctes('accounts', 'score_dates', 'event_signals', 'activity_by_signal') }}

select * from event_signal_values
