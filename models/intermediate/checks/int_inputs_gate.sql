-- The gate every mart joins: one row, true, when int_input_problems is empty. When it
-- is not, reading this stops the statement with every problem in the message, so
-- whichever command builds a mart - dbt run, dbt build, dbt run --select pql_scores -
-- fails it and leaves its last good rows in place. A view, so it judges the inputs as
-- they are when the mart is built, not as they were at an earlier run; read once as
-- it is made, so a whole run stops here, once, before any mart starts. It also says
-- which run built the scoring tables, for the models that read them to compare with
-- their own (macro pql_built_by_this_run).
{{ config(post_hook='select inputs_are_trusted from {{ this }}', tags=['run_independent']) }}

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
        (select max(scoring_tables.built_for) from scoring_tables) as scoring_tables_built_for
    from problems

)

select * from final
