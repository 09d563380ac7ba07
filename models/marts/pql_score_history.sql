-- One row per account per score date under the live rule set: what pql_scores said on
-- that date. Kept in int_score_history, which a run adds its dates to and
-- `--full-refresh` leaves alone; a view, so publishing it copies nothing.
{{ config(materialized='view') }}

with

score_history as (

    select * from {{ ref('int_score_history') }}

)

-- Columns named, so the order is the same on every engine (Spark puts a partition column last).
select
    score_date,
    account_id,
    domain,
    product_score,
    fit_score,
    intent_score,
    pql_score,
    pql_tier,
    pql_tier_rank,
    is_pql,
    treatment,
    sla_hours,
    hot_trigger,
    routing_gate,
    score_reasons,
    scoring_model,
    scored_at
from score_history
