-- One row per scoring table and the settings of the run that built it (its built_for,
-- macro pql_scoring_settings): the date, the rule sets, daily or intraday. Every scoring
-- table must be built by one run: int_input_problems stops the marts when they were
-- not, and every model that reads them compares the run they were built by with its
-- own (macro pql_built_by_this_run), so `dbt run --select pql_scores` with a new
-- pql_score_date, or after the intraday job, publishes nothing. A table, written after
-- the scoring tables, so that their stamps are read once a run, not once a mart; a
-- selection that rebuilds any of them rebuilds this too (it is their child).
{{ config(materialized='table') }}
{%- set scoring_tables = [
    'int_scored_accounts', 'int_users_titled', 'int_account_signals', 'int_rule_contributions_capped',
    'int_routing_suppressions', 'int_account_routing', 'int_account_scores', 'int_contacts_ranked',
] %}

with

{% for table_name in scoring_tables %}
    {{ table_name }} as (

        select built_for from {{ ref(table_name) }}
        group by 1

    ),

{% endfor %}

final as (

    {% for table_name in scoring_tables %}
        select
            '{{ table_name }}' as table_name,
            built_for
        from {{ table_name }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from final
