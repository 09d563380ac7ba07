-- One row per account and date of pql_score_history (one rule set's scores): the tier
-- the account holds that day after hysteresis, what hysteresis needs to know the next
-- day, and whether and why the tier changed from the history date before.
-- pql_tier_changes is its change rows.
--
-- Hysteresis (var pql_tier_hysteresis_points): an account moves up as soon as its
-- score reaches a tier, but leaves a tier only once its score falls more than that
-- many points under the tier's min_score. Consecutive days in one such dead band are
-- a visit; through a visit the account keeps the tier if the score on the day before
-- the visit began was at least the tier's min_score, else it has the score's own tier.
-- The seed checks keep every tier's band wider than the hysteresis, so dead bands never
-- overlap. The day's own tier is the history's (pql_scores'): the score's band, or the
-- top tier while a hot trigger holds without a routing gate; hysteresis only ever keeps
-- an account in a higher tier than that. An account's first history row is a change
-- from nothing.
--
-- Incremental: a run recomputes the dates it scores and every history date after them,
-- starting from each account's state on the newest state date before - so a daily run
-- costs one date, not the whole history. When the newest state is older than the day
-- before (a run stopped before this model), the run recomputes from the day after it,
-- as far back as the lookback days (var pql_incremental_lookback_days) allow, as the
-- daily aggregates do. The state a run starts from is looked for within var
-- pql_max_window_days before; an account with none (new, or back in the accounts table
-- after a gap) starts from nothing. --full-refresh recomputes every date of the history.
{{ config(**pql_replaced_days_config('score_date', ['account_id'])) }}
{#- Literal bounds, so that a warehouse reads only the days they allow (partition pruning). -#}
{%- set earliest_recompute = [
    pql_first_score_date_string(), pql_days_after_score_date(-1 * (pql_incremental_lookback_days() | int))
] | min %}
{%- set in_date_order = 'partition by account_id, scoring_model order by score_date' %}
{%- set state_search_from = (
    modules.datetime.datetime.strptime(earliest_recompute, '%Y-%m-%d')
    - modules.datetime.timedelta(days=pql_max_window_days() | int)
).strftime('%Y-%m-%d') %}

with

{% if is_incremental() %}

    stored_dates as (

        -- The newest stored state, and the newest before the first date this run scores.
        select
            max(score_date) as newest_date,
            max(case
                when score_date < cast('{{ pql_first_score_date_string() }}' as date) then score_date
            end) as newest_date_before_run
        from {{ this }}
        where score_date >= cast('{{ state_search_from }}' as date)

    ),

    recompute_start as (

        -- The first date to recompute: the first this run scores, or the day after the
        -- newest state when that is earlier, but not before the lookback allows; and the
        -- state date before it, which the recomputed dates carry on from.
        select
            case
                when
                    newest_date is null
                    or newest_date >= cast('{{ pql_first_score_date_string() }}' as date)
                    then cast('{{ pql_first_score_date_string() }}' as date)
                when newest_date < cast('{{ earliest_recompute }}' as date)
                    then cast('{{ earliest_recompute }}' as date)
                else cast({{ dbt.dateadd('day', 1, 'newest_date') }} as date)
            end as first_date,
            case
                when newest_date >= cast('{{ pql_first_score_date_string() }}' as date)
                    then newest_date_before_run
                else newest_date
            end as previous_state_date
        from stored_dates

    ),

    previous_states as (

        -- Each account's state on the last state date before the recomputed ones.
        select
            score_date,
            account_id,
            scoring_model,
            pql_score,
            hot_trigger,
            dead_band_tier_rank,
            is_held_in_dead_band,
            tier_rank
        from {{ this }}
        where
            score_date >= cast('{{ state_search_from }}' as date)
            and score_date = (select recompute_start.previous_state_date from recompute_start)

    ),

{% endif %}

history as (

    select * from {{ ref('pql_score_history') }}
    {% if is_incremental() %}
        where
            score_date >= cast('{{ earliest_recompute }}' as date)
            and score_date >= (select recompute_start.first_date from recompute_start)
    {% endif %}

),

tiers as (

    select * from {{ ref('pql_tiers') }}

),

banded as (

    -- The day's own tier, and the tier whose dead band (just under its min_score) holds the score.
    select
        history.score_date,
        history.account_id,
        history.scoring_model,
        history.pql_score,
        history.hot_trigger,
        history.pql_tier_rank as day_tier_rank,
        dead_band_tiers.tier_rank as dead_band_tier_rank,
        dead_band_tiers.min_score as dead_band_min_score
    from history
    left join tiers as dead_band_tiers
        on
            history.scoring_model = dead_band_tiers.scoring_model
            and history.pql_score < dead_band_tiers.min_score
            and history.pql_score >= dead_band_tiers.min_score - {{ pql_tier_hysteresis_points() }}

),

sequence_rows as (

    -- The recomputed dates, after the state each account starts from (its state row
    -- carries the tier it held, and whether it was being held in a dead band).
    select
        score_date,
        account_id,
        scoring_model,
        pql_score,
        hot_trigger,
        day_tier_rank,
        dead_band_tier_rank,
        dead_band_min_score,
        cast(null as {{ dbt.type_int() }}) as known_tier_rank,
        cast(null as {{ dbt.type_boolean() }}) as known_is_held,
        false as is_previous_state
    from banded
    {% if is_incremental() %}

        union all

        select
            score_date,
            account_id,
            scoring_model,
            pql_score,
            hot_trigger,
            cast(null as {{ dbt.type_int() }}) as day_tier_rank,
            dead_band_tier_rank,
            cast(null as {{ dbt.type_int() }}) as dead_band_min_score,
            tier_rank as known_tier_rank,
            is_held_in_dead_band as known_is_held,
            true as is_previous_state
        from previous_states
    {% endif %}

),

band_visits as (

    -- Consecutive days in the same dead band are one visit to it; the score on the day
    -- before the visit began says how the account entered it (a state row already knows).
    select
        *,
        case
            when
                dead_band_tier_rank is not null
                and (previous_band_tier_rank is null or previous_band_tier_rank != dead_band_tier_rank)
                then 1
            else 0
        end as starts_visit,
        case
            when is_previous_state then known_is_held
            else day_before_score >= dead_band_min_score
        end as enters_from_above
    from (
        select
            *,
            lag(dead_band_tier_rank) over ({{ in_date_order }}) as previous_band_tier_rank,
            lag(pql_score) over ({{ in_date_order }}) as day_before_score
        from sequence_rows
    ) as with_previous_day

),

numbered_visits as (

    select
        *,
        sum(starts_visit) over (
            partition by account_id, scoring_model
            order by score_date asc
            rows between unbounded preceding and current row
        ) as visit_number
    from band_visits

),

held as (

    select
        *,
        dead_band_tier_rank is not null
        and max(case when starts_visit = 1 and enters_from_above then 1 else 0 end) over (
            partition by account_id, scoring_model, visit_number
        ) = 1 as is_held_in_dead_band
    from numbered_visits

),

steady as (

    -- In a dead band an account keeps the tier it entered the band from, if from that
    -- tier or above, unless the day's own tier (a hot trigger's) is higher.
    select
        score_date,
        account_id,
        scoring_model,
        pql_score,
        hot_trigger,
        dead_band_tier_rank,
        is_held_in_dead_band,
        is_previous_state,
        case
            when is_previous_state then known_tier_rank
            when is_held_in_dead_band and dead_band_tier_rank > day_tier_rank then dead_band_tier_rank
            else day_tier_rank
        end as tier_rank
    from held

),

sequenced as (

    select
        *,
        lag(score_date) over ({{ in_date_order }}) as previous_date,
        lag(pql_score) over ({{ in_date_order }}) as previous_score,
        lag(tier_rank) over ({{ in_date_order }}) as previous_tier_rank,
        lag(hot_trigger) over ({{ in_date_order }}) as previous_hot_trigger
    from steady

),

recomputed as (

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
    from sequenced
    where not is_previous_state

),

rule_points as (

    select * from {{ ref('int_rule_points_history') }}
    {% if is_incremental() %}
        -- The recomputed dates and the state date before them.
        where
            score_date >= cast('{{ state_search_from }}' as date)
            and score_date >= coalesce(
                (select recompute_start.previous_state_date from recompute_start),
                (select recompute_start.first_date from recompute_start)
            )
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
    from recomputed as changes
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

ranked_moves as (

    select
        *,
        row_number() over (
            partition by account_id, scoring_model, score_date
            order by abs(points_moved) desc, rule_id asc
        ) as move_rank
    from rule_moves
    where points_moved != 0

),

top_moves as (

    -- The three rules that moved most, e.g. "+15 invited 3 teammates; -10 viewed pricing (no longer)".
    select
        account_id,
        scoring_model,
        score_date,
        {{ dbt.listagg(
            dbt.concat([
                "case when points_moved > 0 then '+' else '' end",
                "cast(points_moved as " ~ dbt.type_string() ~ ")",
                "' '",
                "coalesce(label_after, " ~ dbt.concat(['label_before', "' (no longer)'"]) ~ ")",
            ]),
            "'; '",
            'order by move_rank'
        ) }} as rule_moves
    from ranked_moves
    where move_rank <= 3
    group by 1, 2, 3

),

final as (

    select
        recomputed.score_date,
        recomputed.account_id,
        recomputed.scoring_model,
        cast(recomputed.pql_score as {{ dbt.type_int() }}) as pql_score,
        recomputed.hot_trigger,
        cast(recomputed.dead_band_tier_rank as {{ dbt.type_int() }}) as dead_band_tier_rank,
        recomputed.is_held_in_dead_band,
        cast(recomputed.tier_rank as {{ dbt.type_int() }}) as tier_rank,
        tiers.tier_name,
        recomputed.is_tier_change,
        recomputed.previous_date,
        cast(recomputed.previous_score as {{ dbt.type_int() }}) as previous_score,
        cast(recomputed.previous_tier_rank as {{ dbt.type_int() }}) as previous_tier_rank,
        previous_tiers.tier_name as previous_tier_name,
        case
            when not recomputed.is_tier_change then null
            when recomputed.previous_date is null then 'first scored'
            when recomputed.tier_rank > recomputed.previous_tier_rank then 'up'
            else 'down'
        end as direction,
        case
            when recomputed.is_tier_change
                then {{ pql_joined_reasons('recomputed.trigger_move', 'top_moves.rule_moves') }}
        end as change_reasons
    from recomputed
    left join tiers
        on
            recomputed.scoring_model = tiers.scoring_model
            and recomputed.tier_rank = tiers.tier_rank
    left join tiers as previous_tiers
        on
            recomputed.scoring_model = previous_tiers.scoring_model
            and recomputed.previous_tier_rank = previous_tiers.tier_rank
    left join top_moves
        on
            recomputed.account_id = top_moves.account_id
            and recomputed.scoring_model = top_moves.scoring_model
            and recomputed.score_date = top_moves.score_date

)

select * from final
