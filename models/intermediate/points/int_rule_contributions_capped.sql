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
--
-- Where no cap binds - at every level the gains stay within the cap and the net
-- stays at or above 0 - every rule counts whole, in any order. Only the accounts
-- where one binds are shared out in order (sorting is the costly part), and most
-- accounts have none: the classic rule set's caps never bind.
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

group_totals as (

    -- Rules in no group, or a group without a cap row, pass whole: no cap to bind.
    select
        contributions.score_date,
        contributions.account_id,
        contributions.scoring_model,
        contributions.component,
        contributions.rule_group,
        sum(case when contributions.raw_points > 0 then contributions.raw_points else 0 end) as gains,
        sum(contributions.raw_points) as net_points,
        max(rule_groups.max_points) as max_points
    from contributions
    left join rule_groups
        on
            contributions.scoring_model = rule_groups.scoring_model
            and contributions.rule_group = rule_groups.rule_group
    group by 1, 2, 3, 4, 5

),

component_totals as (

    -- Where no group cap binds, a component's points are its rules' raw points.
    select
        group_totals.score_date,
        group_totals.account_id,
        group_totals.scoring_model,
        group_totals.component,
        sum(group_totals.gains) as gains,
        sum(group_totals.net_points) as net_points,
        max(case
            when group_totals.gains > group_totals.max_points or group_totals.net_points < 0 then 1 else 0
        end) as group_cap_binds,
        max(components.max_points) as max_points
    from group_totals
    inner join components
        on
            group_totals.scoring_model = components.scoring_model
            and group_totals.component = components.component
    group by 1, 2, 3, 4

),

accounts_shared_out as (

    -- The accounts where a group cap, a component cap, the total's 100 or a floor binds.
    select
        score_date,
        account_id,
        scoring_model
    from component_totals
    group by 1, 2, 3
    having
        max(group_cap_binds) = 1
        or max(case when gains > max_points or net_points < 0 then 1 else 0 end) = 1
        or sum(gains) > 100
        or sum(net_points) < 0

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
    inner join accounts_shared_out
        on
            contributions.score_date = accounts_shared_out.score_date
            and contributions.account_id = accounts_shared_out.account_id
            and contributions.scoring_model = accounts_shared_out.scoring_model
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

counted_whole as (

    -- Every other account: each rule whose component has a cap counts whole.
    select
        contributions.*,
        contributions.raw_points as capped_points,
        contributions.raw_points as counted_points
    from contributions
    inner join components
        on
            contributions.scoring_model = components.scoring_model
            and contributions.component = components.component
    left join accounts_shared_out
        on
            contributions.score_date = accounts_shared_out.score_date
            and contributions.account_id = accounts_shared_out.account_id
            and contributions.scoring_model = accounts_shared_out.scoring_model
    where accounts_shared_out.account_id is null

),

{%- set columns -%}
    score_date, account_id, scoring_model, rule_id, component, rule_group, signal_name, signal_value,
    raw_points, faded_points, capped_points, counted_points, label_text
{%- endset %}

all_counted as (

    select {{ columns }} from counted
    union all
    select {{ columns }} from counted_whole

),

final as (

    select
        {{ columns }},
        -- What a rep reads: the points that counted, then the rule's label.
        {{ dbt.concat([
            "case when counted_points >= 0 then '+' else '' end",
            "cast(counted_points as " ~ dbt.type_string() ~ ")",
            "' '",
            "label_text",
        ]) }} as reason
    from all_counted

)

select * from final
