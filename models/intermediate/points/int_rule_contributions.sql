-- The scoring maths of one rule: one row per account, score date and rule of the
-- live rule set (and of the shadow one, if any) that fired, i.e. whose signal value
-- lies in the rule's inclusive band and, for a compound rule, whose every extra
-- condition in pql_rule_conditions holds.
-- A rule gives flat points, or points per unit of the signal value capped (in
-- size) at max_points. A rule with decay loses decay_points_per_week for each whole
-- week its newest evidence is older than decay_after_days, down to 0. Group and
-- component caps are applied downstream, in int_rule_contributions_capped.
-- A view: only int_rule_contributions_capped reads it, so writing it out would cost more than it saves.
{{ config(materialized='view') }}

with

signals as (

    select * from {{ ref('int_account_signals') }}

),

rules as (

    select *
    from {{ ref('stg_seeds__rules') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

conditions as (

    select *
    from {{ ref('stg_seeds__rule_conditions') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

fired_on_signal as (

    select
        signals.score_date,
        signals.account_id,
        rules.scoring_model,
        rules.rule_id,
        rules.component,
        rules.rule_group,
        rules.signal_name,
        signals.signal_value,
        signals.evidence_age_days,
        rules.points,
        rules.points_per_unit,
        rules.max_points,
        rules.decay_after_days,
        rules.decay_points_per_week,
        rules.label
    from signals
    inner join rules
        on signals.signal_name = rules.signal_name
    where {{ pql_in_band('signals.signal_value', 'rules.min_value', 'rules.max_value') }}

),

condition_checks as (

    -- A compound rule's extra conditions: all must hold (an unknown value holds none).
    select
        fired_on_signal.score_date,
        fired_on_signal.account_id,
        fired_on_signal.rule_id,
        min(case
            when {{ pql_in_band('condition_signals.signal_value', 'conditions.min_value', 'conditions.max_value') }}
                then 1
            else 0
        end) as all_conditions_hold
    from fired_on_signal
    inner join conditions
        on
            fired_on_signal.scoring_model = conditions.scoring_model
            and fired_on_signal.rule_id = conditions.rule_id
    left join signals as condition_signals
        on
            fired_on_signal.score_date = condition_signals.score_date
            and fired_on_signal.account_id = condition_signals.account_id
            and conditions.signal_name = condition_signals.signal_name
    group by 1, 2, 3

),

fired as (

    select fired_on_signal.*
    from fired_on_signal
    left join condition_checks
        on
            fired_on_signal.score_date = condition_checks.score_date
            and fired_on_signal.account_id = condition_checks.account_id
            and fired_on_signal.rule_id = condition_checks.rule_id
    where coalesce(condition_checks.all_conditions_hold, 1) = 1

),

scored as (

    select
        *,
        case
            when points_per_unit is null then points
            when max_points is null then signal_value * points_per_unit
            when signal_value * points_per_unit > max_points then max_points
            when signal_value * points_per_unit < -max_points then -max_points
            else signal_value * points_per_unit
        end as undecayed_points,
        case
            when
                decay_points_per_week is null
                or evidence_age_days is null
                or evidence_age_days < coalesce(decay_after_days, 0) + 7
                then 0
            else cast(
                decay_points_per_week * floor((evidence_age_days - coalesce(decay_after_days, 0)) / 7.0)
                as {{ dbt.type_int() }}
            )
        end as decay_points
    from fired

),

decayed as (

    -- Decay takes points towards 0, never past it.
    select
        *,
        case
            when undecayed_points >= 0 and undecayed_points > decay_points then undecayed_points - decay_points
            when undecayed_points < 0 and -undecayed_points > decay_points then undecayed_points + decay_points
            else 0
        end as rule_points
    from scored

),

final as (

    select
        score_date,
        account_id,
        scoring_model,
        rule_id,
        component,
        rule_group,
        signal_name,
        signal_value,
        cast(rule_points as {{ dbt.type_int() }}) as raw_points,
        cast(abs(undecayed_points - rule_points) as {{ dbt.type_int() }}) as faded_points,
        case
            when undecayed_points = rule_points then {{ pql_fill_label('label', 'signal_value') }}
            else {{ dbt.concat([
                pql_fill_label('label', 'signal_value'),
                "' (faded by '",
                "cast(abs(undecayed_points - rule_points) as " ~ dbt.type_string() ~ ")",
                "')'",
            ]) }}
        end as label_text
    from decayed

)

select * from final
