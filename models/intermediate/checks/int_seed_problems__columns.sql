-- Every seed row must fill the columns it cannot do without, and ids must be unique:
-- what the seed files' column tests say, checked here too so that `dbt run` after
-- `dbt seed` stops on them, not only `dbt build`. pql_dispositions is checked whole in
-- int_seed_problems__dispositions.
{%- set seeds = [
    {'seed': 'pql_signals', 'key': ['signal_name'],
     'required': ['signal_name', 'measure'], 'unique': ['signal_name']},
    {'seed': 'pql_signal_events', 'key': ['signal_name', 'event_name'],
     'required': ['signal_name', 'event_name'], 'unique': []},
    {'seed': 'pql_value_lists', 'key': ['list_name', 'list_value'],
     'required': ['list_name', 'list_value'], 'unique': []},
    {'seed': 'pql_rules', 'key': ['scoring_model', 'rule_id'],
     'required': ['scoring_model', 'rule_id', 'component', 'signal_name', 'label'], 'unique': ['rule_id']},
    {'seed': 'pql_rule_conditions', 'key': ['scoring_model', 'rule_id', 'signal_name'],
     'required': ['scoring_model', 'rule_id', 'signal_name'], 'unique': []},
    {'seed': 'pql_rule_groups', 'key': ['scoring_model', 'rule_group'],
     'required': ['scoring_model', 'rule_group', 'component', 'max_points'], 'unique': []},
    {'seed': 'pql_hot_triggers', 'key': ['scoring_model', 'trigger_id'],
     'required': ['scoring_model', 'trigger_id', 'signal_name', 'sla_hours', 'label'], 'unique': ['trigger_id']},
    {'seed': 'pql_routing_gates', 'key': ['scoring_model', 'gate_id'],
     'required': ['scoring_model', 'gate_id', 'signal_name', 'treatment', 'label'], 'unique': ['gate_id']},
    {'seed': 'pql_job_titles', 'key': ['title_keyword'],
     'required': ['title_keyword', 'seniority_rank', 'is_economic_buyer'], 'unique': ['title_keyword']},
    {'seed': 'pql_components', 'key': ['scoring_model', 'component'],
     'required': ['scoring_model', 'component', 'max_points'], 'unique': []},
    {'seed': 'pql_tiers', 'key': ['scoring_model', 'tier_name'],
     'required': ['scoring_model', 'tier_name', 'tier_rank', 'min_score', 'max_score', 'is_pql'], 'unique': []},
] -%}
{%- set checks = [] -%}
{%- for seed in seeds -%}
    {%- for column in seed.required %}{% do checks.append((seed, column, 'required')) %}{% endfor -%}
    {%- for column in seed.unique %}{% do checks.append((seed, column, 'unique')) %}{% endfor -%}
{%- endfor %}
with

problems as (

    {% for seed, column, kind in checks %}
        {%- set row_key = [] %}
        {%- for key_column in (seed.key if kind == 'required' else [column]) %}
            {%- do row_key.extend(["'" ~ (', ' if not loop.first else '') ~ key_column ~ "='",
                                   "coalesce(" ~ key_column ~ ", 'null')"]) %}
        {%- endfor %}
        select
            '{{ seed.seed }}' as seed_name,
            {{ dbt.concat(row_key) }} as row_key,
            '{{ column }} {{ "is blank" if kind == "required" else "is listed more than once" }}' as problem
        from {{ ref('stg_seeds__' ~ seed.seed[4:]) }}
        {% if kind == 'required' -%}
            where {{ column }} is null
        {%- else -%}
            where {{ column }} is not null
            group by {{ column }}
            having count(*) > 1
        {%- endif %}
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)

select * from problems
