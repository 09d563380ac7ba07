-- One row per account and scored rule set (the live one, and the shadow one if
-- any): the hot trigger and the routing gate of that rule set that hold for it, if
-- any. A hot trigger makes the account a Hot PQL whatever its
-- score, with the trigger's own SLA; a gate (e.g. outside the ICP) routes it
-- self-serve whatever its score or triggers. When several hold, the trigger with
-- the shortest SLA and the first gate (by id) are the ones named.
with

accounts as (

    select account_id from {{ ref('stg_raw__accounts') }}

),

scored_models as (

    select distinct scoring_model
    from {{ ref('pql_tiers') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

signals as (

    select * from {{ ref('int_account_signals') }}

),

hot_triggers as (

    select *
    from {{ ref('pql_hot_triggers') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

routing_gates as (

    select *
    from {{ ref('pql_routing_gates') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

fired_triggers as (

    select
        signals.account_id,
        hot_triggers.scoring_model,
        hot_triggers.trigger_id,
        hot_triggers.sla_hours,
        {{ pql_fill_label('hot_triggers.label', 'signals.signal_value') }} as label_text,
        row_number() over (
            partition by signals.account_id, hot_triggers.scoring_model
            order by hot_triggers.sla_hours, hot_triggers.trigger_id
        ) as trigger_rank
    from signals
    inner join hot_triggers
        on signals.signal_name = hot_triggers.signal_name
    where {{ pql_in_band('signals.signal_value', 'hot_triggers.min_value', 'hot_triggers.max_value') }}

),

fired_gates as (

    select
        signals.account_id,
        routing_gates.scoring_model,
        routing_gates.gate_id,
        routing_gates.treatment,
        {{ pql_fill_label('routing_gates.label', 'signals.signal_value') }} as label_text,
        row_number() over (
            partition by signals.account_id, routing_gates.scoring_model
            order by routing_gates.gate_id
        ) as gate_rank
    from signals
    inner join routing_gates
        on signals.signal_name = routing_gates.signal_name
    where {{ pql_in_band('signals.signal_value', 'routing_gates.min_value', 'routing_gates.max_value') }}

),

final as (

    select
        accounts.account_id,
        scored_models.scoring_model,
        fired_triggers.trigger_id as hot_trigger_id,
        fired_triggers.label_text as hot_trigger,
        fired_triggers.sla_hours as hot_trigger_sla_hours,
        fired_gates.gate_id as routing_gate_id,
        fired_gates.label_text as routing_gate,
        fired_gates.treatment as routing_gate_treatment
    from accounts
    cross join scored_models
    left join fired_triggers
        on
            accounts.account_id = fired_triggers.account_id
            and scored_models.scoring_model = fired_triggers.scoring_model
            and fired_triggers.trigger_rank = 1
    left join fired_gates
        on
            accounts.account_id = fired_gates.account_id
            and scored_models.scoring_model = fired_gates.scoring_model
            and fired_gates.gate_rank = 1

)

select * from final
