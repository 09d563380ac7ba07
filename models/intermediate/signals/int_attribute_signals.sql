-- One row per account, score date and attribute signal the scored rule sets read (the
-- live one, and the shadow one if any): a firmographic value (employee count, ICP
-- match), whether a value is in a value list (industry, country, domain), or a count of
-- the account's users as of that date (users, economic buyers).
-- A view: int_account_signals writes it out.
{{ config(materialized='view', tags=['run_independent']) }}

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

    select * from {{ ref('stg_seeds__value_lists') }}

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

{{ pql_attribute_signal_values_ctes('accounts', 'score_dates', 'attribute_signals', 'users', 'value_lists') }}

select * from attribute_signal_values
