-- One row per account per change of tier under the live rule set, read from
-- pql_score_history: the date, the tier and score before and after, and why - the
-- rules whose counted points moved most, and a hot trigger that started or ended. The
-- daily record of tiers; the alerts sales acts on, within the hour, are pql_alerts.
--
-- The tiers, with hysteresis (var pql_tier_hysteresis_points), are worked out date by
-- date in int_tier_states and compared day to day in int_tier_changes; this is its
-- change rows. A view, so that a sync's filter on change_date reaches their day
-- partitions.
{{ config(materialized='view') }}

with

tier_changes as (

    select * from {{ ref('int_tier_changes') }}

),

final as (

    select
        account_id,
        score_date as change_date,
        previous_date,
        previous_tier_name as from_tier,
        tier_name as to_tier,
        previous_tier_rank as from_tier_rank,
        tier_rank as to_tier_rank,
        direction,
        previous_score as score_before,
        pql_score as score_after,
        change_reasons,
        scoring_model
    from tier_changes
    where is_tier_change

)

select * from final
