-- Where the caps bite: every fired rule's points after its rule group's cap and its
-- component's cap and floor (capped_points), and after the total's clamp to 0-100
-- (counted_points).
-- The one place caps are applied, so that each account's capped points add up to
-- its component scores and its counted points to its pql_score.
--
-- A cap is shared out in a fixed order: gains first, largest first, then losses,
-- largest first (ties by rule_id). Each rule counts what it moves the running,
-- clamped total by: a gain past the cap counts only up to it, and a loss counts
-- only down to the floor of 0.
with

contributions as (

    select * from {{ ref('int_rule_contributions') }}

),

components as (

    select
        scoring_model,
        component,
        max_points
    from {{ ref('pql_components') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

rule_groups as (

    select
        scoring_model,
        rule_group,
        max_points
    from {{ ref('pql_rule_groups') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

ordered_in_group as (

    select
        contributions.*,
        rule_groups.max_points as group_max_points,
        {{ pql_running_points('contributions.raw_points', [
            'contributions.score_date', 'contributions.account_id', 'contributions.scoring_model',
            'contributions.component', 'contributions.rule_group',
        ]) }} as group_running_points
    from contributions
    left join rule_groups
        on
            contributions.scoring_model = rule_groups.scoring_model
            and contributions.rule_group = rule_groups.rule_group

),

group_capped as (

    -- Rules in no group (or a group without a cap row, which the seed checks name) pass whole.
    select
        *,
        case
            when group_max_points is null then raw_points
            else {{ pql_share_of_cap('raw_points', 'group_running_points', 0, 'group_max_points') }}
        end as group_capped_points
    from ordered_in_group

),

ordered_in_component as (

    select
        group_capped.*,
        components.max_points as component_max_points,
        {{ pql_running_points('group_capped.group_capped_points', [
            'group_capped.score_date', 'group_capped.account_id', 'group_capped.scoring_model',
            'group_capped.component',
        ]) }} as component_running_points
    from group_capped
    -- A rule whose component has no cap gives nothing: the seed checks name it.
    inner join components
        on
            group_capped.scoring_model = components.scoring_model
            and group_capped.component = components.component

),

capped as (

    select
        *,
        cast(
            {{ pql_share_of_cap('group_capped_points', 'component_running_points', 0, 'component_max_points') }}
            as {{ dbt.type_int() }}
        ) as capped_points
    from ordered_in_component

),

ordered_in_total as (

    select
        *,
        {{ pql_running_points('capped_points', ['score_date', 'account_id', 'scoring_model']) }} as total_running_points
    from capped

),

counted as (

    select
        *,
        cast(
            {{ pql_share_of_cap('capped_points', 'total_running_points', 0, 100) }} as {{ dbt.type_int() }}
        ) as counted_points
    from ordered_in_total

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
        raw_points,
        faded_points,
        capped_points,
        counted_points,
        label_text,
        -- What a rep reads: the points that counted, then the rule's label.
        {{ dbt.concat([
            "case when counted_points >= 0 then '+' else '' end",
            "cast(counted_points as " ~ dbt.type_string() ~ ")",
            "' '",
            "label_text",
        ]) }} as reason
    from counted

)

select * from final
