-- One row per scoring table built for other settings than this run's (its built_for,
-- macro pql_scoring_settings): another score date or rule set, or the intraday job's
-- few accounts where the daily job's every account is wanted. A selection such as
-- `dbt run --select pql_scores` with a new pql_score_date would otherwise publish
-- scores from tables made for the old one. int_input_problems stops the marts on any.
{%- set scoring_tables = [
    'int_scored_accounts', 'int_users_titled', 'int_account_signals', 'int_rule_contributions_capped',
    'int_routing_suppressions', 'int_account_routing', 'int_account_scores', 'int_contacts_ranked',
] %}
{%- set this_run = pql_scoring_settings() %}
{%- set how_to_rebuild = (
    'run the intraday job whole (dbt build --selector intraday)' if pql_is_intraday_run()
    else 'run the daily job (dbt build), or select what the mart is built from too (--select +pql_scores)'
) %}
with

{% for table_name in scoring_tables %}
    {{ table_name }} as (

        select distinct built_for from {{ ref(table_name) }}

    ),

{% endfor %}

stamps as (

    {% for table_name in scoring_tables %}
        select
            '{{ table_name }}' as table_name,
            built_for
        from {{ table_name }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        table_name,
        built_for,
        {{ dbt.concat([
            'table_name', "' was built by a '", 'built_for',
            "'; this is a " ~ this_run ~ ": " ~ how_to_rebuild ~ "'",
        ]) }} as problem
    from stamps
    where built_for != '{{ this_run }}'

)

select * from final
