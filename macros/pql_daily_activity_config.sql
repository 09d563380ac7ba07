{% macro pql_daily_activity_config(cluster_by) %}
    {#-
        Config of the incremental daily activity models: one row per day and more, where
        a run replaces whole days (the score date and the lookback before it). BigQuery
        overwrites day partitions; the others delete the days and insert them again.
        Call as {{ config(**pql_daily_activity_config(['account_id'])) }}.
    -#}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'insert_overwrite' if target.type == 'bigquery' else 'delete+insert',
        'unique_key': 'activity_date',
        'partition_by': (
            {'field': 'activity_date', 'data_type': 'date', 'granularity': 'day'}
            if target.type == 'bigquery' else none
        ),
        'cluster_by': cluster_by if target.type == 'bigquery' else ['activity_date'] + cluster_by,
        'on_schema_change': 'fail',
    }) }}
{% endmacro %}
