-- One row per int_tier_states row: the tier that day against the account's history
-- date before - whether it changed, which way, and why: a hot trigger that started or
-- ended, then the three rules whose counted points moved most
-- (int_rule_points_history), e.g. "+15 invited 3 teammates; -10 viewed pricing (no
-- longer)". pql_tier_changes publishes the change rows.
--
-- Incremental: a run redoes the state rows int_tier_states wrote since this model last
-- ran (computed_at), within the dates a run may recompute. After
-- `--full-refresh --select int_tier_states`, refresh this model too (int_tier_states+).
{{ config(**pql_replaced_days_config('score_date', ['account_id'])) }}
{%- set state_search_from = pql_state_search_from_date_string() %}
{%- set in_date_order = 'partition by account_id, scoring_model order by score_date' %}

with

tier_states as (

    select * from {{ ref('int_tier_states') }}
    {% if is_incremental() %}
        -- Each account's state before the redone dates is read too, to compare with.
        where score_date >= cast('{{ state_search_from }}' as date)
    {% endif %}

),

tiers as (

    select * from {{ ref('stg_seeds__tiers') }}

),

compared as (

    select
        *,
        lag(score_date) over ({{ in_date_order }}) as previous_date,
        lag(pql_score) over ({{ in_date_order }}) as previous_score,
        lag(tier_rank) over ({{ in_date_order }}) as previous_tier_rank,
        lag(hot_trigger) over ({{ in_date_order }}) as previous_hot_trigger
    from tier_states

),

{% if is_incremental() %}

    last_run as (

        -- The newest state row this model has compared.
        select coalesce(max(computed_at), cast('1900-01-01 00:00:00' as {{ dbt.type_timestamp() }})) as computed_at
        from {{ this }}

    ),

{% endif %}

redone as (

    select
        *,
        previous_date is null or tier_rank != previous_tier_rank as is_tier_change,
        case
            when hot_trigger is not null and previous_hot_trigger is null
                then {{ dbt.concat(["'Hot trigger: '", 'hot_trigger']) }}
            when hot_trigger is null and previous_hot_trigger is not null
                then {{ dbt.concat(["'Hot trigger ended: '", 'previous_hot_trigger']) }}
            else ''
        end as trigger_move
    from compared
    {% if is_incremental() %}
        where
            score_date >= cast('{{ pql_earliest_recompute_date_string() }}' as date)
            and computed_at > (select last_run.computed_at from last_run)
    {% endif %}

),

rule_points as (

    select * from {{ ref('int_rule_points_history') }}
    {% if is_incremental() %}
        where score_date >= cast('{{ state_search_from }}' as date)
    {% endif %}

),

rule_moves as (

    -- Each rule's counted points on the change date against the date before it.
    select
        changes.account_id,
        changes.scoring_model,
        changes.score_date,
        rule_points.rule_id,
        cast(
            sum(case when rule_points.score_date = changes.score_date then rule_points.counted_points else 0 end)
            - sum(case when rule_points.score_date = changes.previous_date then rule_points.counted_points else 0 end)
            as {{ dbt.type_int() }}
        ) as points_moved,
        max(case when rule_points.score_date = changes.score_date then rule_points.label_text end) as label_after,
        max(case when rule_points.score_date = changes.previous_date then rule_points.label_text end) as label_before
    from redone as changes
    inner join rule_points
        on
            changes.account_id = rule_points.account_id
            and changes.scoring_model = rule_points.scoring_model
            and (
                changes.score_date = rule_points.score_date
                or changes.previous_date = rule_points.score_date
            )
    where changes.is_tier_change
    group by 1, 2, 3, 4

),

top_moves as (

    -- The three rules that moved most, each as "+15 invited 3 teammates".
    select
        account_id,
        scoring_model,
        score_date,
        {{ pql_ordered_listagg(
            dbt.concat([
                "case when points_moved > 0 then '+' else '' end",
                "cast(points_moved as " ~ dbt.type_string() ~ ")",
                "' '",
                "coalesce(label_after, " ~ dbt.concat(['label_before', "' (no longer)'"]) ~ ")",
            ]),
            "'; '",
            'move_rank'
        ) }} as rule_moves
    from (
        select
            *,
            row_number() over (
                partition by account_id, scoring_model, score_date
                order by abs(points_moved) desc, rule_id asc
            ) as move_rank
        from rule_moves
        where points_moved != 0
    ) as ranked_moves
    where move_rank <= 3
    group by 1, 2, 3

),

final as (

    select
        redone.score_date,
        redone.account_id,
        redone.scoring_model,
        redone.pql_score,
        redone.tier_rank,
        tiers.tier_name,
        tiers.is_pql,
        redone.hot_trigger,
        redone.previous_hot_trigger,
        redone.is_held_in_dead_band,
        redone.is_tier_change,
        redone.previous_date,
        cast(redone.previous_score as {{ dbt.type_int() }}) as previous_score,
        cast(redone.previous_tier_rank as {{ dbt.type_int() }}) as previous_tier_rank,
        previous_tiers.tier_name as previous_tier_name,
        previous_tiers.is_pql as was_pql,
        case
            when not redone.is_tier_change then null
            when redone.previous_date is null then 'first scored'
            when redone.tier_rank > redone.previous_tier_rank then 'up'
            else 'down'
        end as direction,
        case
            when redone.is_tier_change
                then {{ pql_joined_reasons('redone.trigger_move', 'top_moves.rule_moves') }}
        end as change_reasons,
        redone.computed_at
    from redone
    left join tiers
        on
            redone.scoring_model = tiers.scoring_model
            and redone.tier_rank = tiers.tier_rank
    left join tiers as previous_tiers
        on
            redone.scoring_model = previous_tiers.scoring_model
            and redone.previous_tier_rank = previous_tiers.tier_rank
    left join top_moves
        on
            redone.account_id = top_moves.account_id
            and redone.scoring_model = top_moves.scoring_model
            and redone.score_date = top_moves.score_date

)

select * from final
