-- Fails `dbt build` when an input's newest row is more than its error_after_hours
-- behind, or the input is empty (int_input_freshness). Every mart reads
-- int_inputs_gate, which reads int_input_freshness, so under `build` no mart runs;
-- under any other command the marts stop at int_inputs_gate.
select * from {{ ref('int_input_freshness') }}
where freshness = 'error'
