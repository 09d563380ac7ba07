-- One row per account per score date under the live rule set: what pql_scores said on
-- that date. Kept in int_score_history, which a run adds its dates to and
-- `--full-refresh` leaves alone; a view, so publishing it copies nothing.
{{ config(materialized='view') }}

with

score_history as (

    select * from {{ ref('int_score_history') }}

)

select * from score_history
