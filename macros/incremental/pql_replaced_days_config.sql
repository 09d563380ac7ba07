{% macro pql_replaced_days_config(day_column, cluster_by, full_refresh=none) %}
    {#-
        Config of an incremental model with one row per day and more, where a run
        replaces whole days (`day_column`): the daily aggregates (the days a run re-reads)
        and the score history (the dates a run scores). How a warehouse replaces days is
        its own (pql_replaced_days_storage).
        Call as {{ config(**pql_replaced_days_config('activity_date', ['account_id'])) }}.
        full_refresh=false keeps a model's rows through `dbt run --full-refresh`.
    -#}
    {%- set settings = {'materialized': 'incremental', 'on_schema_change': 'fail'} -%}
    {%- do settings.update(adapter.dispatch('pql_replaced_days_storage', 'pql_scoring')(day_column, cluster_by)) -%}
    {%- if full_refresh is not none -%}
        {%- do settings.update({'full_refresh': full_refresh}) -%}
    {%- endif -%}
    {{ return(settings) }}
{% endmacro %}


{% macro default__pql_replaced_days_storage(day_column, cluster_by) %}
    {#- DuckDB and Snowflake: delete the days a run writes, insert them again; rows sorted by day first. -#}
    {{ return({
        'incremental_strategy': 'delete+insert',
        'unique_key': day_column,
        'cluster_by': [day_column] + cluster_by,
    }) }}
{% endmacro %}


{% macro bigquery__pql_replaced_days_storage(day_column, cluster_by) %}
    {#- BigQuery: day partitions, overwritten whole; clustered by the other keys, if any (an empty cluster_by renders a bare CLUSTER BY). -#}
    {{ return({
        'incremental_strategy': 'insert_overwrite',
        'partition_by': {'field': day_column, 'data_type': 'date', 'granularity': 'day'},
        'cluster_by': cluster_by or none,
    }) }}
{% endmacro %}


{% macro spark__pql_replaced_days_storage(day_column, cluster_by) %}
    {#- Apache Spark without Delta Lake (Parquet tables): day partitions, overwritten whole. -#}
    {{ return({
        'incremental_strategy': 'insert_overwrite',
        'partition_by': [day_column],
    }) }}
{% endmacro %}


{% macro databricks__pql_replaced_days_storage(day_column, cluster_by) %}
    {#- Databricks: Delta tables, days deleted and inserted again, clustered by day first. -#}
    {{ return({
        'incremental_strategy': 'delete+insert',
        'unique_key': day_column,
        'liquid_clustered_by': [day_column] + cluster_by,
    }) }}
{% endmacro %}


{% macro pql_append_only_config(unique_key) %}
    {#-
        Config of an incremental model that is only ever appended to, one row per
        `unique_key` (an alert): a run adds the rows whose key is new. Where the warehouse
        merges, the insert itself checks the key, so two runs at once cannot add a row twice.
        `dbt run --full-refresh` leaves it alone (full_refresh=false): rebuilt, it would
        raise every alert again.
    -#}
    {{ return(adapter.dispatch('pql_append_only_config', 'pql_scoring')(unique_key)) }}
{% endmacro %}


{% macro default__pql_append_only_config(unique_key) %}
    {#- DuckDB, Snowflake, BigQuery, Databricks: a merge that inserts new keys and leaves the others as they are. -#}
    {{ return({
        'materialized': 'incremental',
        'on_schema_change': 'fail',
        'incremental_strategy': 'merge',
        'unique_key': unique_key,
        'merge_update_columns': [unique_key],
        'full_refresh': false,
    }) }}
{% endmacro %}


{% macro spark__pql_append_only_config(unique_key) %}
    {#- Apache Spark without Delta Lake has no merge: the model leaves out the keys it holds, and appends. -#}
    {{ return({
        'materialized': 'incremental',
        'on_schema_change': 'fail',
        'incremental_strategy': 'append',
        'full_refresh': false,
    }) }}
{% endmacro %}


{% macro databricks__pql_append_only_config(unique_key) %}
    {#- Databricks: Delta tables merge, as the default does (not Apache Spark's append, which it would inherit). -#}
    {{ return(default__pql_append_only_config(unique_key)) }}
{% endmacro %}


{% macro pql_added_rows_config() %}
    {#-
        Config of an incremental lookup a run adds rows to, its SQL leaving out the rows
        already held (the copies and sign-ins of Snowplow's staging). Rebuilt whole by
        `dbt run --full-refresh`, from the raw rows.
    -#}
    {%- set settings = {'materialized': 'incremental', 'on_schema_change': 'fail'} -%}
    {%- do settings.update(adapter.dispatch('pql_added_rows_strategy', 'pql_scoring')()) -%}
    {{ return(settings) }}
{% endmacro %}


{% macro default__pql_added_rows_strategy() %}
    {#- DuckDB, Snowflake, Apache Spark, Databricks: insert the new rows. -#}
    {{ return({'incremental_strategy': 'append'}) }}
{% endmacro %}


{% macro bigquery__pql_added_rows_strategy() %}
    {#- BigQuery has no append strategy: a merge without a key inserts every row. -#}
    {{ return({'incremental_strategy': 'merge'}) }}
{% endmacro %}
