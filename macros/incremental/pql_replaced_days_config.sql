{% macro pql_replaced_days_config(day_column, cluster_by, full_refresh=none) %}
    {#-
        Config of an incremental model with one row per day and more, where a run
        replaces whole days (`day_column`): the daily aggregates (the days a run re-reads)
        and the score history (the dates a run scores). BigQuery overwrites day
        partitions; the others delete the days and insert them again.
        Call as {{ config(**pql_replaced_days_config('activity_date', ['account_id'])) }}.
        full_refresh=false keeps a model's rows through `dbt run --full-refresh`.
    -#}
    {%- set settings = {
        'materialized': 'incremental',
        'incremental_strategy': 'insert_overwrite' if target.type == 'bigquery' else 'delete+insert',
        'unique_key': day_column,
        'partition_by': (
            {'field': day_column, 'data_type': 'date', 'granularity': 'day'}
            if target.type == 'bigquery' else none
        ),
        'cluster_by': cluster_by if target.type == 'bigquery' else [day_column] + cluster_by,
        'on_schema_change': 'fail',
    } -%}
    {%- if full_refresh is not none -%}
        {%- do settings.update({'full_refresh': full_refresh}) -%}
    {%- endif -%}
    {{ return(settings) }}
{% endmacro %}
