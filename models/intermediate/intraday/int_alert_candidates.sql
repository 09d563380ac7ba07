-- One row per alert this run can raise, with when it fired: an account becoming a PQL
-- of the live rule set (alert_kind pql_entry), or a hot trigger starting on a PQL
-- already (hot_trigger). Two sources, one definition (macro pql_alert_kind): what the
-- intraday runs saw during the score date (int_intraday_scores), and, in the daily job,
-- the daily record of the dates it closes (int_closed_day_alerts), which catches what no
-- intraday run saw. pql_alerts keeps those not raised before.
--
-- alert_id is the same wherever the alert is seen: rule set, account, date and kind.
-- fired_at starts the SLA clock at the data: the first event after alert_after (the
-- account's last scoring below the line) that feeds the alert - the triggering event
-- for a hot trigger that started with it and put the account in its tier, any event
-- otherwise; else the date's first such event; else the date's start (the window moved).
-- depends_on: {{ ref('int_closed_day_alerts') }}
{%- set columns -%}
    score_date, account_id, scoring_model, alert_kind, pql_tier, pql_score, domain, treatment, sla_hours,
    hot_trigger, routing_gate, is_held_out, score_reasons, primary_contact_email, primary_contact_title,
    key_actions, hot_trigger_id, is_new_hot_trigger, alert_after
{%- endset %}
{%- set alert_id_parts = [
    'scoring_model', "'|'", 'account_id', "'|'", 'cast(score_date as ' ~ dbt.type_string() ~ ')', "'|'", 'alert_kind',
] %}

with

intraday_scores as (

    select
        *,
        closed_day_hot_trigger is null as is_new_hot_trigger
    from {{ ref('int_intraday_scores') }}
    where
        score_date >= {{ pql_incremental_start_date() }}
        and alert_kind is not null

),

events as (

    select
        account_id,
        event_name,
        event_at,
        event_date
    from {{ ref('int_events') }}
    where {{ pql_reread_events_condition() }}

),

hot_triggers as (

    select * from {{ ref('stg_seeds__hot_triggers') }}

),

signal_events as (

    select * from {{ ref('stg_seeds__signal_events') }}

),

trigger_events as (

    -- The events each hot trigger's signal is fed by ('*': every event).
    select
        hot_triggers.scoring_model,
        hot_triggers.trigger_id,
        signal_events.event_name
    from hot_triggers
    inner join signal_events
        on hot_triggers.signal_name = signal_events.signal_name

),

candidates as (

    select
        {{ columns }},
        'intraday' as detected_by,
        1 as source_rank
    from intraday_scores
    {% if not pql_is_intraday_run() %}

        union all

        select
            {{ columns }},
            'daily' as detected_by,
            2 as source_rank
        from {{ ref('int_closed_day_alerts') }}

    {% endif %}

),

first_seen as (

    -- An alert both saw is the intraday runs': they saw it first. A hot trigger that started
    -- with it and put the account in its tier (no gate holds back) is what fired it.
    select
        *,
        case
            when is_new_hot_trigger and (routing_gate is null or alert_kind = 'hot_trigger') then hot_trigger_id
        end as triggering_id
    from (
        select
            *,
            {{ dbt.hash(dbt.concat(alert_id_parts)) }} as alert_id,
            row_number() over (
                partition by {{ dbt.hash(dbt.concat(alert_id_parts)) }} order by source_rank
            ) as seen_rank
        from candidates
    ) as ranked
    where seen_rank = 1

),

feeding_events as (

    -- Each alert's events on its date: those feeding its trigger, or any for a tier entry.
    select
        first_seen.alert_id,
        min(case when events.event_at > first_seen.alert_after then events.event_at end) as first_new_event_at,
        min(events.event_at) as first_event_at
    from first_seen
    inner join events
        on
            first_seen.account_id = events.account_id
            and first_seen.score_date = events.event_date
    left join trigger_events
        on
            first_seen.scoring_model = trigger_events.scoring_model
            and first_seen.triggering_id = trigger_events.trigger_id
            and (events.event_name = trigger_events.event_name or trigger_events.event_name = '*')
    where first_seen.triggering_id is null or trigger_events.trigger_id is not null
    group by 1

),

final as (

    select
        first_seen.alert_id,
        first_seen.score_date,
        first_seen.account_id,
        first_seen.domain,
        first_seen.scoring_model,
        first_seen.alert_kind,
        first_seen.pql_tier,
        first_seen.pql_score,
        first_seen.treatment,
        first_seen.sla_hours,
        first_seen.hot_trigger,
        first_seen.routing_gate,
        first_seen.is_held_out,
        first_seen.score_reasons,
        first_seen.primary_contact_email,
        first_seen.primary_contact_title,
        first_seen.key_actions,
        first_seen.detected_by,
        coalesce(
            feeding_events.first_new_event_at,
            feeding_events.first_event_at,
            cast(first_seen.score_date as {{ dbt.type_timestamp() }})
        ) as fired_at
    from first_seen
    left join feeding_events
        on first_seen.alert_id = feeding_events.alert_id

)

select * from final
