-- The rule set named by var pql_scoring_model must exist in the rules, components
-- and tiers seeds; otherwise every account would silently score 0.
with

rules as (

    select count(*) as defined_rows
    from {{ ref('pql_rules') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

components as (

    select count(*) as defined_rows
    from {{ ref('pql_components') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

tiers as (

    select count(*) as defined_rows
    from {{ ref('pql_tiers') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

problems as (

    select
        'pql_rules' as seed_name,
        'no rules for the live scoring_model {{ pql_scoring_model() }}' as problem
    from rules
    where defined_rows = 0

    union all

    select
        'pql_components' as seed_name,
        'no component caps for the live scoring_model {{ pql_scoring_model() }}'
    from components
    where defined_rows = 0

    union all

    select
        'pql_tiers' as seed_name,
        'no tiers for the live scoring_model {{ pql_scoring_model() }}'
    from tiers
    where defined_rows = 0

)

select * from problems
