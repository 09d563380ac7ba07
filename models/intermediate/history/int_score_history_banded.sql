-- One row per int_score_history row: the day's own tier (the history's: the score's
-- band, or the top tier while a hot trigger holds without a routing gate), and the tier
-- whose dead band - up to var pql_tier_hysteresis_points under its min_score - holds
-- the score, if any. int_tier_states works hysteresis out from it.
{{ config(materialized='view') }}

with

history as (

    select * from {{ ref('int_score_history') }}

),

tiers as (

    select * from {{ ref('stg_seeds__tiers') }}

),

final as (

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
    -- The seed checks keep every band wider than the hysteresis: dead bands never overlap.
    left join tiers as dead_band_tiers
        on
            history.scoring_model = dead_band_tiers.scoring_model
            and history.pql_score < dead_band_tiers.min_score
            and history.pql_score >= dead_band_tiers.min_score - {{ pql_tier_hysteresis_points() }}

)

select * from final
