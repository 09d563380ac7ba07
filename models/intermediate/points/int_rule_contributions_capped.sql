-- Where the caps bite: every fired rule's points after its rule group's cap and its
-- component's cap and floor (capped_points), and after the total's clamp to 0-100
-- (counted_points): the one place caps are applied, so capped points add up to the
-- component scores and counted points to the pql_score.
-- A cap is shared out in a fixed order: gains first, largest first, then losses,
-- largest first (ties by rule_id). Each rule counts what it moves the running,
-- clamped total by: a gain past the cap counts only up to it, and a loss counts
-- only down to the floor of 0. Where none binds, every rule counts whole in any
-- order: only accounts where one binds are sorted, as sorting is what costs.
{%- set account_date = ['score_date', 'account_id', 'scoring_model'] %}
{%- set columns -%}
    score_date, account_id, scoring_model, rule_id, component, rule_group, signal_name, signal_value,
    raw_points, faded_points, capped_points, counted_points, label_text
{%- endset %}
with

rule_contributions as (

    select * from {{ ref('int_rule_contributions') }}

),

rule_groups as (

    select * from {{ ref('stg_seeds__rule_groups') }}

),

components as (

    select * from {{ ref('stg_seeds__components') }}

),

contributions as (

    -- Rules in no group (or a group without a cap row, which the seed checks name) pass
    -- whole; rules of a component with no cap row give nothing.
    select
        rule_contributions.*,
        rule_groups.max_points as group_max_points,
        components.max_points as component_max_points
    from rule_contributions
    left join rule_groups
        on
            rule_contributions.scoring_model = rule_groups.scoring_model
            and rule_contributions.rule_group = rule_groups.rule_group
    inner join components
        on
            rule_contributions.scoring_model = components.scoring_model
            and rule_contributions.component = components.component

),

group_totals as (

    -- A cap binds where the gains pass it, a floor where the net is below 0.
    select
        {{ account_date | join(', ') }},
        component,
        max(component_max_points) as component_max_points,
        sum(case when raw_points > 0 then raw_points else 0 end) as gains,
        sum(raw_points) as net_points,
        -- Null where the group has no cap and its net is not below 0.
        sum(case when raw_points > 0 then raw_points else 0 end) > max(group_max_points)
        or sum(raw_points) < 0 as group_binds
    from contributions
    group by {{ account_date | join(', ') }}, component, rule_group

),

component_totals as (

    select
        {{ account_date | join(', ') }},
        sum(gains) as gains,
        sum(net_points) as net_points,
        max(case when group_binds then 1 else 0 end) as group_binds,
        case when sum(gains) > max(component_max_points) or sum(net_points) < 0 then 1 else 0 end
            as component_binds
    from group_totals
    group by {{ account_date | join(', ') }}, component

),

accounts_in_order as (

    select {{ account_date | join(', ') }}
    from component_totals
    group by {{ account_date | join(', ') }}
    having max(group_binds + component_binds) > 0 or sum(gains) > 100 or sum(net_points) < 0

),

ordered_in_group as (

    select
        contributions.*,
        {{ pql_running_points('contributions.raw_points', [
            'contributions.score_date', 'contributions.account_id', 'contributions.scoring_model',
            'contributions.component', 'contributions.rule_group',
        ]) }} as group_running_points
    from contributions
    inner join accounts_in_order
        on
            contributions.score_date = accounts_in_order.score_date
            and contributions.account_id = accounts_in_order.account_id
            and contributions.scoring_model = accounts_in_order.scoring_model

),

group_capped as (

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
        *,
        {{ pql_running_points('group_capped_points', account_date + ['component']) }} as component_running_points
    from group_capped

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
        {{ pql_running_points('capped_points', account_date) }} as total_running_points
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

    select
        contributions.*,
        contributions.raw_points as capped_points,
        contributions.raw_points as counted_points
    from contributions
    left join accounts_in_order
        on
            contributions.score_date = accounts_in_order.score_date
            and contributions.account_id = accounts_in_order.account_id
            and contributions.scoring_model = accounts_in_order.scoring_model
    where accounts_in_order.account_id is null

),

final as (

    select {{ columns }} from counted
    union all
    select {{ columns }} from counted_whole

)

select
    *,
    -- What a rep reads: the points that counted, then the rule's label.
    {{ dbt.concat([
        "case when counted_points >= 0 then '+' else '' end",
        "cast(counted_points as " ~ dbt.type_string() ~ ")",
        "' '",
        "label_text",
    ]) }} as reason,
    '{{ pql_scoring_settings() }}' as built_for
from final
