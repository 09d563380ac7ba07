-- One row per account per change of tier under the live rule set, read from
-- pql_score_history: the date, the tier and score before and after, and why - the
-- rules whose counted points moved most, and a hot trigger that started or ended.
-- What a reverse ETL sync or a Slack alert reads for "new Hot PQLs since yesterday":
--   select * from pql_tier_changes where change_date = current_date and to_tier = 'Hot PQL'
--
-- Hysteresis (var pql_tier_hysteresis_points): an account moves up as soon as its
-- score reaches a tier, but leaves a tier only once its score falls more than that
-- many points under the tier's min_score. Inside that dead band it keeps the tier it
-- came from, so a score hovering at 69/70 does not flap between PQL and Engaged.
-- The seed checks keep every tier's band wider than the hysteresis, so dead bands
-- never overlap.
-- A hot trigger (with no routing gate) holds the top tier whatever the score, as in
-- pql_scores. An account's first history row is a change from nothing (from_tier null).
-- Read by the reverse ETL syncs in models/exposures.yml: granted to their role.
{{ config(grants=pql_reverse_etl_grants()) }}

with

history as (

    select * from {{ ref('pql_score_history') }}

),

rule_points as (

    select * from {{ ref('int_rule_points_history') }}

),

tiers as (

    select * from {{ ref('pql_tiers') }}

),

top_tiers as (

    select
        scoring_model,
        max(tier_rank) as tier_rank
    from tiers
    group by 1

),

banded as (

    -- The score's own tier, and the tier whose dead band (just under its min_score) holds the score.
    select
        history.score_date,
        history.account_id,
        history.scoring_model,
        history.pql_score,
        history.hot_trigger,
        history.routing_gate,
        top_tiers.tier_rank as top_tier_rank,
        score_tiers.tier_rank as score_tier_rank,
        dead_band_tiers.tier_rank as dead_band_tier_rank,
        dead_band_tiers.min_score as dead_band_min_score
    from history
    left join tiers as score_tiers
        on
            history.scoring_model = score_tiers.scoring_model
            and history.pql_score between score_tiers.min_score and score_tiers.max_score
    left join tiers as dead_band_tiers
        on
            history.scoring_model = dead_band_tiers.scoring_model
            and history.pql_score < dead_band_tiers.min_score
            and history.pql_score >= dead_band_tiers.min_score - {{ pql_tier_hysteresis_points() }}
    left join top_tiers
        on history.scoring_model = top_tiers.scoring_model

),

band_visits as (

    -- Consecutive days in the same dead band are one visit to it; the score on the day
    -- before the visit began is how the account entered it.
    select
        *,
        case
            when
                dead_band_tier_rank is not null
                and (previous_band_tier_rank is null or previous_band_tier_rank != dead_band_tier_rank)
                then 1
            else 0
        end as starts_visit
    from (
        select
            *,
            lag(dead_band_tier_rank) over (
                partition by account_id, scoring_model order by score_date
            ) as previous_band_tier_rank,
            lag(pql_score) over (partition by account_id, scoring_model order by score_date) as day_before_score
        from banded
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

steady as (

    -- In a dead band an account keeps the tier if it entered the band from that tier
    -- or above (the score the day before was at least the tier's min_score), else it
    -- has the score's own tier. A first day in a band counts as entered from below.
    select
        score_date,
        account_id,
        scoring_model,
        pql_score,
        hot_trigger,
        case
            when hot_trigger is not null and routing_gate is null
                then top_tier_rank
            when
                dead_band_tier_rank is not null
                and max(case when starts_visit = 1 then day_before_score end) over (
                    partition by account_id, scoring_model, visit_number
                ) >= dead_band_min_score
                then dead_band_tier_rank
            else score_tier_rank
        end as steady_tier_rank
    from numbered_visits

),

sequenced as (

    select
        *,
        lag(score_date) over (partition by account_id, scoring_model order by score_date) as previous_date,
        lag(pql_score) over (partition by account_id, scoring_model order by score_date) as previous_score,
        lag(steady_tier_rank) over (partition by account_id, scoring_model order by score_date)
            as previous_tier_rank,
        lag(hot_trigger) over (partition by account_id, scoring_model order by score_date) as previous_hot_trigger
    from steady

),

changes as (

    select
        *,
        case
            when hot_trigger is not null and previous_hot_trigger is null
                then {{ dbt.concat(["'Hot trigger: '", 'hot_trigger']) }}
            when hot_trigger is null and previous_hot_trigger is not null
                then {{ dbt.concat(["'Hot trigger ended: '", 'previous_hot_trigger']) }}
            else ''
        end as trigger_move
    from sequenced
    where previous_date is null or steady_tier_rank != previous_tier_rank

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
    from changes
    inner join rule_points
        on
            changes.account_id = rule_points.account_id
            and changes.scoring_model = rule_points.scoring_model
            and (
                changes.score_date = rule_points.score_date
                or changes.previous_date = rule_points.score_date
            )
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
        changes.account_id,
        changes.score_date as change_date,
        changes.previous_date,
        from_tiers.tier_name as from_tier,
        to_tiers.tier_name as to_tier,
        cast(changes.previous_tier_rank as {{ dbt.type_int() }}) as from_tier_rank,
        cast(changes.steady_tier_rank as {{ dbt.type_int() }}) as to_tier_rank,
        case
            when changes.previous_date is null then 'first scored'
            when changes.steady_tier_rank > changes.previous_tier_rank then 'up'
            else 'down'
        end as direction,
        cast(changes.previous_score as {{ dbt.type_int() }}) as score_before,
        cast(changes.pql_score as {{ dbt.type_int() }}) as score_after,
        case
            when changes.trigger_move = '' then coalesce(top_moves.rule_moves, '')
            when top_moves.rule_moves is null then changes.trigger_move
            else {{ dbt.concat(['changes.trigger_move', "'; '", 'top_moves.rule_moves']) }}
        end as change_reasons,
        changes.scoring_model
    from changes
    left join tiers as from_tiers
        on
            changes.scoring_model = from_tiers.scoring_model
            and changes.previous_tier_rank = from_tiers.tier_rank
    left join tiers as to_tiers
        on
            changes.scoring_model = to_tiers.scoring_model
            and changes.steady_tier_rank = to_tiers.tier_rank
    left join top_moves
        on
            changes.account_id = top_moves.account_id
            and changes.scoring_model = top_moves.scoring_model
            and changes.score_date = top_moves.score_date

)

select * from final
