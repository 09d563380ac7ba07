{% macro pql_source_column(table_name, column_name) %}
    {#-
        The raw column holding `column_name` of the raw table `table_name`: the same
        name, unless var pql_<table>_columns maps it to another ({event_time: occurred_at}),
        or `null` when the table lacks it (read as null). Checked to be a plain column
        name before it reaches SQL.
    -#}
    {%- set var_name = 'pql_' ~ table_name ~ '_columns' -%}
    {%- set mapping = var(var_name, {}) -%}
    {%- if mapping is not mapping -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must map column names to your raw columns, e.g. {event_time: occurred_at}; got '"
            ~ mapping ~ "'"
        ) }}
    {%- endif -%}
    {%- set raw_name = mapping.get(column_name, column_name) -%}
    {%- if raw_name is none or raw_name == '' -%}
        {#- Mapped to null: the tables lack the column, read as null. -#}
        {{- return('null') -}}
    {%- endif -%}
    {%- set raw_name = raw_name | string -%}
    {%- if not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_$]*', raw_name) -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must map " ~ column_name ~ " to a plain column name, got '" ~ raw_name ~ "'"
        ) }}
    {%- endif -%}
    {{- raw_name -}}
{% endmacro %}


{% macro pql_source_columns(table_name, column_names) -%}
    {#- A select list reading the raw table's columns under the names the models use. -#}
    {%- for column_name in column_names %}
        {{ pql_source_column(table_name, column_name) }} as {{ column_name }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}


{% macro pql_check_source_columns() %}
    {#-
        Run-start hook of `dbt run` and `dbt build`: every raw table the sources name
        exists and has every column the sources list (under the name var
        pql_<table>_columns maps it to). A missing or renamed column fails the run at
        once, naming the table, the column and the var, instead of an engine error deep
        inside a model.
    -#}
    {%- if execute and flags.WHICH in ('run', 'build') -%}
        {%- set problems = [] -%}
        {%- for source in graph.sources.values() if source.package_name == project_name -%}
            {%- set columns_var = 'pql_' ~ source.name ~ '_columns' -%}
            {%- set relation = adapter.get_relation(source.database, source.schema, source.identifier) -%}
            {%- for mapped_name in var(columns_var, {}) if mapped_name not in source.columns -%}
                {%- do problems.append(
                    'var ' ~ columns_var ~ ' maps ' ~ mapped_name ~ ', which is not a column of raw '
                    ~ source.name ~ ' (' ~ source.columns.keys() | join(', ') ~ ')'
                ) -%}
            {%- endfor -%}
            {%- if relation is none -%}
                {%- do problems.append(
                    'raw ' ~ source.name ~ ': no table ' ~ source.database ~ '.' ~ source.schema ~ '.'
                    ~ source.identifier ~ ' (vars pql_' ~ source.name ~ '_database, pql_' ~ source.name
                    ~ '_schema or the shared pql_source_database, pql_source_schema; pql_' ~ source.name
                    ~ '_identifier)'
                ) -%}
            {%- else -%}
                {%- set present = adapter.get_columns_in_relation(relation) | map(attribute='name')
                    | map('lower') | list -%}
                {%- for column_name in source.columns -%}
                    {%- set raw_name = pql_source_column(source.name, column_name) -%}
                    {%- if raw_name != 'null' and raw_name | lower not in present -%}
                        {%- do problems.append(
                            'raw ' ~ source.name ~ ' (' ~ relation ~ ') has no column ' ~ raw_name
                            ~ ': rename it, or map ' ~ column_name ~ ' to your column with var ' ~ columns_var
                            ~ ', e.g. --vars \'{' ~ columns_var ~ ': {' ~ column_name ~ ': your_column}}\''
                            ~ ' (or to null when your tables do not have it)'
                        ) -%}
                    {%- endif -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if problems -%}
            {{ exceptions.raise_compiler_error('The raw tables do not match the sources:\n  ' ~ problems | join('\n  ')) }}
        {%- endif -%}
    {%- endif -%}
    {#- A hook must render SQL; this one only checks. -#}
    select 1
{% endmacro %}
