-- The freshness gate: fails when an input's newest row is more than its
-- error_after_hours behind (stg_raw__input_freshness), or the input is empty. In
-- `dbt build` a failed test skips everything downstream of the model it tests, and
-- every staging model of accounts, users and events - so every aggregate, score and
-- mart - waits on stg_raw__input_freshness: they all keep their last good rows instead
-- of scoring from stale data, and the build exits non-zero.
{{ pql_stale_inputs('error_after_hours') }}
