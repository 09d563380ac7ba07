-- The rule set named by var pql_scoring_model (and the shadow one named by
-- pql_shadow_model, if any) must exist in the rules, components and tiers seeds;
-- otherwise every account would silently score 0.
{%- set scored_models = [('live', pql_scoring_model())] -%}
{%- if pql_shadow_model() != '' -%}
    {%- do scored_models.append(('shadow', pql_shadow_model())) -%}
{%- endif %}
with

defined_rows as (

    select
        'pql_rules' as seed_name,
        'rules' as what,
        scoring_model
    from {{ ref('pql_rules') }}

    union all

    select
        'pql_components' as seed_name,
        'component caps' as what,
        scoring_model
    from {{ ref('pql_components') }}

    union all

    select
        'pql_tiers' as seed_name,
        'tiers' as what,
        scoring_model
    from {{ ref('pql_tiers') }}

),

expected as (

    {% for role, model_name in scored_models %}
        {%- for seed_name, what in [('pql_rules', 'rules'), ('pql_components', 'component caps'), ('pql_tiers', 'tiers')] %}
    select
        '{{ seed_name }}' as seed_name,
        '{{ what }}' as what,
        '{{ role }}' as role,
        '{{ model_name }}' as scoring_model
            {%- if not loop.last %}
    union all
            {%- endif %}
        {%- endfor %}
        {%- if not loop.last %}
    union all
        {%- endif %}
    {% endfor %}

),

problems as (

    select
        expected.seed_name,
        {{ dbt.concat([
            "'no '", 'expected.what', "' for the '", 'expected.role', "' scoring_model '", 'expected.scoring_model',
        ]) }} as problem
    from expected
    left join defined_rows
        on
            expected.seed_name = defined_rows.seed_name
            and expected.scoring_model = defined_rows.scoring_model
    where defined_rows.scoring_model is null

)

select distinct * from problems
