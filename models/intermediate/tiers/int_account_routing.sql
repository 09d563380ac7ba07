-- One row per account, score date and scored rule set (the live one, and the
-- shadow one if any): the hot trigger and the routing gate of that rule set that hold for it, if
-- any. A hot trigger makes the account a Hot PQL whatever its
-- score, with the trigger's own SLA; a gate (e.g. outside the ICP) routes it
-- self-serve whatever its score or triggers. When several hold, the trigger with
-- the shortest SLA and the first gate (by id) are the ones named. A rep's "do not
-- route" disposition (int_routing_suppressions) is a gate of every rule set, named
-- before the seed's gates: "Do not route: sales said bad fit on 2026-03-20".

with

accounts as (

    select
        score_date,
        account_id
    from {{ ref('int_scored_accounts') }}

),

scored_models as (

    select distinct scoring_model
    from {{ ref('stg_seeds__tiers') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

signals as (

    select * from {{ ref('int_account_signals') }}

),

hot_triggers as (

    select *
    from {{ ref('stg_seeds__hot_triggers') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

suppressions as (

    select * from {{ ref('int_routing_suppressions') }}

),

routing_gates as (

    select *
    from {{ ref('stg_seeds__routing_gates') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

routing_conditions as (

    -- Triggers and gates are the same kind of row: a signal band that, when it holds,
    -- routes the account. A trigger carries an SLA, a gate a treatment.
    select
        'trigger' as condition_kind,
        scoring_model,
        trigger_id as condition_id,
        signal_name,
        min_value,
        max_value,
        sla_hours,
        cast(null as {{ dbt.type_string() }}) as treatment,
        label
    from hot_triggers

    union all

    select
        'gate' as condition_kind,
        scoring_model,
        gate_id as condition_id,
        signal_name,
        min_value,
        max_value,
        cast(null as {{ dbt.type_int() }}) as sla_hours,
        treatment,
        label
    from routing_gates

),

fired as (

    -- The one named per kind: the trigger with the shortest SLA, the first gate by id.
    select
        signals.score_date,
        signals.account_id,
        routing_conditions.scoring_model,
        routing_conditions.condition_kind,
        routing_conditions.condition_id,
        routing_conditions.sla_hours,
        routing_conditions.treatment,
        {{ pql_fill_label('routing_conditions.label', 'signals.signal_value') }} as label_text,
        row_number() over (
            partition by
                signals.score_date, signals.account_id,
                routing_conditions.scoring_model, routing_conditions.condition_kind
            order by routing_conditions.sla_hours asc, routing_conditions.condition_id asc
        ) as condition_rank
    from signals
    inner join routing_conditions
        on signals.signal_name = routing_conditions.signal_name
    where {{ pql_in_band('signals.signal_value', 'routing_conditions.min_value', 'routing_conditions.max_value') }}

),

final as (

    select
        accounts.score_date,
        accounts.account_id,
        scored_models.scoring_model,
        fired_triggers.condition_id as hot_trigger_id,
        fired_triggers.label_text as hot_trigger,
        fired_triggers.sla_hours as hot_trigger_sla_hours,
        coalesce(suppressions.routing_gate_id, fired_gates.condition_id) as routing_gate_id,
        coalesce(suppressions.routing_gate, fired_gates.label_text) as routing_gate,
        coalesce(suppressions.routing_gate_treatment, fired_gates.treatment) as routing_gate_treatment,
        '{{ pql_scoring_settings() }}' as built_for
    from accounts
    cross join scored_models
    left join fired as fired_triggers
        on
            accounts.score_date = fired_triggers.score_date
            and accounts.account_id = fired_triggers.account_id
            and scored_models.scoring_model = fired_triggers.scoring_model
            and fired_triggers.condition_kind = 'trigger'
            and fired_triggers.condition_rank = 1
    left join fired as fired_gates
        on
            accounts.score_date = fired_gates.score_date
            and accounts.account_id = fired_gates.account_id
            and scored_models.scoring_model = fired_gates.scoring_model
            and fired_gates.condition_kind = 'gate'
            and fired_gates.condition_rank = 1
    left join suppressions
        on
            accounts.score_date = suppressions.score_date
            and accounts.account_id = suppressions.account_id

)

select * from final
