-- One row per alert the daily record shows on the dates this run closes (int_tier_changes,
-- back as far as var pql_incremental_lookback_days): an account becoming a PQL of the
-- live rule set, or a hot trigger starting on a PQL already (macro pql_alert_kind, as the
-- intraday runs decide it), with the day's routing and reasons from the history, and how
-- far the intraday runs had scored the account that date (alert_after). The daily job's
-- int_alert_candidates raises those no intraday run saw. A view: the daily job reads it once.
{{ config(materialized='view') }}
{%- set first_date = pql_incremental_start_date() %}

with

tier_changes as (

    select * from {{ ref('int_tier_changes') }}
    where
        scoring_model = '{{ pql_scoring_model() }}'
        and score_date >= {{ first_date }}
        and score_date <= {{ pql_score_date() }}

),

history as (

    select * from {{ ref('int_score_history') }}
    where score_date >= {{ first_date }}

),

accounts as (

    select
        account_id,
        cast(created_at as date) as signup_date
    from {{ ref('int_accounts') }}

),

account_scores as (

    -- The day's scores name the hot trigger by id, which the history does not keep.
    select
        score_date,
        account_id,
        hot_trigger_id
    from {{ ref('int_account_scores') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

primary_contacts as (

    select
        account_id,
        email,
        job_title
    from {{ ref('int_contacts_ranked') }}
    where is_primary_contact

),

key_actions as (

    select * from {{ ref('int_account_key_actions') }}

),

intraday_scores as (

    select * from {{ ref('int_intraday_scores') }}
    where score_date >= {{ first_date }}

),

closed_days as (

    select
        tier_changes.score_date,
        tier_changes.account_id,
        tier_changes.scoring_model,
        {{ pql_alert_kind(
            'tier_changes.is_pql', 'tier_changes.was_pql',
            'tier_changes.hot_trigger', 'tier_changes.previous_hot_trigger',
            pql_is_new_account('accounts.signup_date', 'tier_changes.score_date'),
        ) }} as alert_kind,
        tier_changes.tier_name as pql_tier,
        tier_changes.pql_score,
        history.domain,
        history.treatment,
        history.sla_hours,
        history.hot_trigger,
        history.routing_gate,
        {{ pql_is_held_out('tier_changes.account_id') }} as is_held_out,
        history.score_reasons,
        primary_contacts.email as primary_contact_email,
        primary_contacts.job_title as primary_contact_title,
        coalesce(key_actions.key_actions, '') as key_actions,
        account_scores.hot_trigger_id,
        tier_changes.previous_hot_trigger is null as is_new_hot_trigger,
        -- How far the intraday runs scored the account that date, if they did.
        coalesce(
            intraday_scores.scored_through, cast(tier_changes.score_date as {{ dbt.type_timestamp() }})
        ) as alert_after
    from tier_changes
    inner join history
        on
            tier_changes.account_id = history.account_id
            and tier_changes.score_date = history.score_date
            and tier_changes.scoring_model = history.scoring_model
    inner join accounts
        on tier_changes.account_id = accounts.account_id
    left join account_scores
        on
            tier_changes.account_id = account_scores.account_id
            and tier_changes.score_date = account_scores.score_date
    left join primary_contacts
        on tier_changes.account_id = primary_contacts.account_id
    left join key_actions
        on tier_changes.account_id = key_actions.account_id
    left join intraday_scores
        on
            tier_changes.account_id = intraday_scores.account_id
            and tier_changes.score_date = intraday_scores.score_date

),

final as (

    select * from closed_days
    where alert_kind is not null

)

select * from final
