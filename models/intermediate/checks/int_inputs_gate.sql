-- The gate every mart joins: one row, true, when int_input_problems is empty. When it
-- is not, building it stops with every problem in the message, so the run stops here,
-- once, before any mart starts, and each mart keeps its last good rows. A table, so the
-- inputs are judged once a run, not once a mart; it names the dbt command that built
-- it, and a mart built by another command stops (macro pql_inputs_gate_passed), so any
-- selection that builds a mart judges the inputs as they are now. It also says which
-- run built the scoring tables, for the models that read them to compare with their
-- own (macro pql_built_by_this_run).
{{ config(materialized='table') }}

with

problems as (

    select * from {{ ref('int_input_problems') }}

),

scoring_tables as (

    select * from {{ ref('int_scoring_tables_checked') }}

),

final as (

    select
        case
            when count(*) = 0 then true
            else {{ pql_fail_with(dbt.concat([
                "'The marts are not replaced: '",
                pql_ordered_listagg('problem', "'; '", 'problem'),
            ])) }}
        end as inputs_are_trusted,
        -- One run built them all, or a problem above says not.
        (select max(scoring_tables.built_for) from scoring_tables) as scoring_tables_built_for,
        -- dbt's id of the command that built this, which the marts compare with their own.
        '{{ invocation_id }}' as built_by_invocation
    from problems

)

select * from final
