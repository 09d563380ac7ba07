{% macro pql_log_failing_rows(results) %}
    {#-
        Run-end hook: for each failed or warning test that stored its failing rows,
        print those rows, so a broken seed says which row is wrong and why
        (the seed checks return a `problem` column) without a second query.
    -#}
    {%- if execute -%}
        {%- for result in results
            if result.node.resource_type == 'test'
            and result.status in ('fail', 'warn')
            and result.node.relation_name -%}
            {%- set failing_rows = run_query('select * from ' ~ result.node.relation_name ~ ' limit 20') -%}
            {{ log('Failing rows of ' ~ result.node.name ~ ':', info=True) }}
            {%- for row in failing_rows.rows -%}
                {%- set cells = [] -%}
                {%- for column_name in failing_rows.column_names -%}
                    {%- do cells.append(column_name ~ '=' ~ row[column_name]) -%}
                {%- endfor -%}
                {{ log('  ' ~ cells | join(', '), info=True) }}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
    {#- A hook must render SQL; this one only logs. -#}
    select 1
{% endmacro %}
