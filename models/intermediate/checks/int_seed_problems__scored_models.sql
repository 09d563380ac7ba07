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
        scoring_model
    from {{ ref('stg_seeds__rules') }}
    union all
    select
        'pql_components' as seed_name,
        scoring_model
    from {{ ref('stg_seeds__components') }}
    union all
    select
        'pql_tiers' as seed_name,
        scoring_model
    from {{ ref('stg_seeds__tiers') }}

),

scored_models as (

    {% for model_role, model_name in scored_models %}
        select
            '{{ model_role }}' as model_role,
            '{{ model_name }}' as scoring_model
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

required_seeds as (

    select
        'pql_rules' as seed_name,
        'rules' as what
    union all
    select
        'pql_components' as seed_name,
        'component caps' as what
    union all
    select
        'pql_tiers' as seed_name,
        'tiers' as what

),

problems as (

    select distinct
        required_seeds.seed_name,
        {{ dbt.concat([
            "'no '", 'required_seeds.what', "' for the '", 'scored_models.model_role',
            "' scoring_model '", 'scored_models.scoring_model',
        ]) }} as problem
    from scored_models
    cross join required_seeds
    left join defined_rows
        on
            required_seeds.seed_name = defined_rows.seed_name
            and scored_models.scoring_model = defined_rows.scoring_model
    where defined_rows.scoring_model is null

)

select * from problems
