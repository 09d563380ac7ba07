-- One row per handoff: an account entering a PQL tier of the live rule set
-- (int_tier_changes, with hysteresis), or first scored in one, on or before the score
-- date - with its score, tier, reasons and hot trigger that day, where it was routed
-- (a routing gate, the holdout of var pql_holdout_share) and the date of its next
-- handoff. The one definition of a handoff: pql_handoffs adds what came of each, and
-- tests/health/new_pql_flow_fits_rep_capacity.sql counts those sent to sales.
-- A view: a filter of the tier changes and a look-up of the day's history row.
{{ config(materialized='view') }}

with

pql_entries as (

    select
        account_id,
        scoring_model,
        score_date as handoff_date,
        tier_name as pql_tier,
        pql_score,
        hot_trigger
    from {{ ref('int_tier_changes') }}
    where
        scoring_model = '{{ pql_scoring_model() }}'
        and is_tier_change
        and score_date <= {{ pql_score_date() }}
        and is_pql
        and not coalesce(was_pql, false)

),

history as (

    select * from {{ ref('int_score_history') }}

),

final as (

    select
        pql_entries.account_id,
        pql_entries.scoring_model,
        pql_entries.handoff_date,
        pql_entries.pql_tier,
        pql_entries.pql_score,
        pql_entries.hot_trigger,
        history.score_reasons,
        history.treatment,
        history.routing_gate,
        {{ pql_is_held_out('pql_entries.account_id') }} as is_held_out,
        lead(pql_entries.handoff_date) over (
            partition by pql_entries.account_id order by pql_entries.handoff_date
        ) as next_handoff_date
    from pql_entries
    left join history
        on
            pql_entries.account_id = history.account_id
            and pql_entries.scoring_model = history.scoring_model
            and pql_entries.handoff_date = history.score_date

)

select * from final
