{% macro spark__load_csv_rows(model, agate_table) %}
    {#- Literals, not bound values: dbt-spark's session method pastes those in unescaped. -#}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set column_types = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- do column_types.append(
            column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))
        ) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                (
                {%- for value in row -%}
                    {%- if value is none -%}
                        cast(null as {{ column_types[loop.index0] }})
                    {%- else -%}
                        cast('{{ (value | string).replace("\\", "\\\\").replace("'", "\\'") }}' as {{ column_types[loop.index0] }})
                    {%- endif -%}
                    {%- if not loop.last %}, {% endif -%}
                {%- endfor -%}
                ){%- if not loop.last %},{% endif %}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- do statements.append(sql) -%}
    {%- endfor -%}
    {#- dbt writes the first statement to the compiled files. -#}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}


{% macro databricks__load_csv_rows(model, agate_table) %}
    {#- Databricks: dbt-databricks' own; its connector escapes bound values and binds null. -#}
    {{ return(dbt.databricks__load_csv_rows(model, agate_table)) }}
{% endmacro %}
