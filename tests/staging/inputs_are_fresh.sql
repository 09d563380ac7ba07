-- Fails `dbt build` when an input's newest row is more than its error_after_hours
-- behind, or the input is empty (stg_raw__input_freshness). Every staging model waits
-- on stg_raw__input_freshness, so under `build` nothing downstream runs; under any
-- command the marts also stop at int_inputs_gate.
select * from {{ ref('stg_raw__input_freshness') }}
where freshness = 'error'
