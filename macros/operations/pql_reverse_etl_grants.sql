{% macro pql_reverse_etl_grants() %}
    {#-
        Grants config of a mart a reverse ETL tool syncs: read for the role in
        var pql_reverse_etl_role, nothing when the var is unset. Only the synced marts
        call this, so that role reads them and nothing else. The name is checked before
        it reaches SQL. Call as {{ config(grants=pql_reverse_etl_grants()) }}.
    -#}
    {%- set role = var('pql_reverse_etl_role', '') | string | trim -%}
    {%- if role == '' -%}
        {{ return({}) }}
    {%- endif -%}
    {%- if not modules.re.fullmatch('[A-Za-z0-9_.:@-]{1,255}', role) -%}
        {{ exceptions.raise_compiler_error(
            "var pql_reverse_etl_role must be a role (or, on BigQuery, a principal such as "
            ~ "serviceAccount:sync@project.iam.gserviceaccount.com), got '" ~ role ~ "'"
        ) }}
    {%- endif -%}
    {#- BigQuery names the privilege by its IAM role. -#}
    {%- set privilege = 'roles/bigquery.dataViewer' if target.type == 'bigquery' else 'select' -%}
    {{ return({privilege: [role]}) }}
{% endmacro %}
