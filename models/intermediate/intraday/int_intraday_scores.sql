-- One row per account the intraday job scored on the score date: its newest score under
-- the live rule set (int_account_scores: the daily run's scoring, on the events loaded so
-- far), the tier it held on the last closed day (int_tier_changes), and the alert its
-- day has earned so far (macro pql_alert_kind), raised once by pql_alerts. alert_after is
-- how far the account had been scored before its alert held: the alert fired after it.
-- Incremental: each intraday run rewrites the score date's rows - those it rescored, and
-- the others as they were. The daily job writes nothing here.
{{ config(pre_hook="{{ pql_inputs_gate_check() }}", **pql_replaced_days_config('score_date', ['account_id'])) }}
{%- set day_start = "cast('" ~ pql_score_date_string() ~ " 00:00:00' as " ~ dbt.type_timestamp() ~ ")" %}
{%- set columns -%}
    score_date, account_id, domain, product_score, fit_score, intent_score, pql_score, pql_tier, pql_tier_rank,
    is_pql, is_held_out, treatment, sla_hours, hot_trigger_id, hot_trigger, routing_gate, score_reasons,
    scoring_model, closed_day_tier_rank, closed_day_is_pql, closed_day_hot_trigger, events_scored, scored_through,
    primary_contact_email, primary_contact_title, key_actions, alert_kind, alert_after, rescored_at
{%- endset %}

with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

account_scores as (

    select * from {{ ref('int_account_scores') }}
    where
        score_date = {{ pql_score_date() }}
        and scoring_model = '{{ pql_scoring_model() }}'

),

scored_accounts as (

    select
        account_id,
        signup_date
    from {{ ref('int_scored_accounts') }}
    where score_date = {{ pql_score_date() }}

),

day_changes as (

    select * from {{ ref('int_intraday_changes') }}
    where score_date = {{ pql_score_date() }}

),

tier_states as (

    select * from {{ ref('int_tier_changes') }}
    where
        scoring_model = '{{ pql_scoring_model() }}'
        and score_date < {{ pql_score_date() }}
        and score_date >= {{ pql_oldest_window_date() }}

),

closed_day_states as (

    -- The tiers held on the last closed day: what the score date's tiers are compared with.
    select
        account_id,
        tier_rank,
        is_pql,
        hot_trigger
    from tier_states
    where score_date = (select max(states_before.score_date) from tier_states as states_before)

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

{% if is_incremental() %}

    stored as (

        select * from {{ this }}
        where score_date = {{ pql_score_date() }}

    ),

{% endif %}

rescored as (

    select
        account_scores.score_date,
        account_scores.account_id,
        account_scores.domain,
        account_scores.product_score,
        account_scores.fit_score,
        account_scores.intent_score,
        account_scores.pql_score,
        account_scores.pql_tier,
        account_scores.pql_tier_rank,
        account_scores.is_pql,
        account_scores.is_held_out,
        account_scores.treatment,
        account_scores.sla_hours,
        account_scores.hot_trigger_id,
        account_scores.hot_trigger,
        account_scores.routing_gate,
        account_scores.score_reasons,
        account_scores.scoring_model,
        closed_day_states.tier_rank as closed_day_tier_rank,
        closed_day_states.is_pql as closed_day_is_pql,
        closed_day_states.hot_trigger as closed_day_hot_trigger,
        coalesce(day_changes.events_loaded, 0) as events_scored,
        coalesce(day_changes.newest_event_at, {{ day_start }}) as scored_through,
        primary_contacts.email as primary_contact_email,
        primary_contacts.job_title as primary_contact_title,
        coalesce(key_actions.key_actions, '') as key_actions,
        {{ pql_alert_kind(
            'account_scores.is_pql', 'closed_day_states.is_pql',
            'account_scores.hot_trigger', 'closed_day_states.hot_trigger',
            pql_is_new_account('scored_accounts.signup_date', pql_score_date()),
        ) }} as alert_kind
    from account_scores
    inner join scored_accounts
        on account_scores.account_id = scored_accounts.account_id
    left join day_changes
        on account_scores.account_id = day_changes.account_id
    left join closed_day_states
        on account_scores.account_id = closed_day_states.account_id
    left join primary_contacts
        on account_scores.account_id = primary_contacts.account_id
    left join key_actions
        on account_scores.account_id = key_actions.account_id

),

with_alert_after as (

    select
        rescored.*,
        case
            when rescored.alert_kind is null then cast(null as {{ dbt.type_timestamp() }})
            {% if is_incremental() -%}
                -- The same alert as the stored row's keeps its start; a new one starts after it.
                when stored.alert_kind = rescored.alert_kind then stored.alert_after
                when stored.account_id is not null then stored.scored_through
            {%- endif %}
            else {{ day_start }}
        end as alert_after,
        {{ pql_run_started_timestamp() }} as rescored_at
    from rescored
    {% if is_incremental() -%}
        left join stored
            on rescored.account_id = stored.account_id
    {%- endif %}

),

final as (

    select {{ columns }} from with_alert_after
    {% if is_incremental() %}

        union all

        -- By name: a table partitioned by day keeps its day column last on some engines.
        select {{ columns }}
        from stored
        where stored.account_id not in (select rescored.account_id from rescored)

    {% endif %}

)

select final.* from final
-- A gate this command did not build, or scoring tables built by another run, stop it
-- here (macro pql_inputs_gate_passed).
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate') }}
{% if not pql_is_intraday_run() -%}
    -- The daily job scores every account and closes the day in the history instead.
    where 1 = 0
{%- endif %}
