{#
    Project vars are read through these, and only these, so each has one default and
    one validation. Values that end up in SQL text are checked first, so a typo fails
    the compile with a clear message instead of producing odd SQL.
    Members: pql_date_var_string, pql_whole_number_var, pql_hours_var, pql_name_var,
    pql_boolean_var, pql_share_var.
#}

{% macro pql_date_var_string(var_name, default) %}
    {#- A date var as 'YYYY-MM-DD', checked before it reaches SQL; `default` when the var is unset. -#}
    {%- set raw_value = var(var_name, default) | string | trim -%}
    {%- set is_valid = namespace(value=false) -%}
    {%- set parts = modules.re.match('^([0-9]{4})-([0-9]{2})-([0-9]{2})$', raw_value) -%}
    {%- if parts -%}
        {%- set year, month, day = parts.group(1) | int, parts.group(2) | int, parts.group(3) | int -%}
        {%- if 1 <= year < 9999 and 1 <= month <= 12 -%}
            {#- Jinja cannot catch strptime's error, so check the day against the month's length first. -#}
            {%- set first_of_next_month = modules.datetime.date(year + month // 12, month % 12 + 1, 1) -%}
            {%- set days_in_month = (first_of_next_month - modules.datetime.timedelta(days=1)).day -%}
            {%- set is_valid.value = 1 <= day <= days_in_month -%}
        {%- endif -%}
    {%- endif -%}
    {%- if not is_valid.value -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must be a date written YYYY-MM-DD, got '" ~ raw_value ~ "'"
        ) }}
    {%- endif -%}
    {{- raw_value -}}
{% endmacro %}


{% macro pql_whole_number_var(var_name, default, unit='days', min_value=0, max_value=9999) %}
    {#- A var holding a whole number of `unit` from min_value to max_value, checked before it reaches SQL. -#}
    {%- set raw_value = var(var_name, default) | string | trim -%}
    {%- set is_number = modules.re.match('^[0-9]{1,9}$', raw_value) is not none -%}
    {%- if not is_number or raw_value | int < min_value or raw_value | int > max_value -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must be a whole number of " ~ unit ~ " from " ~ min_value ~ " to " ~ max_value
            ~ ", got '" ~ raw_value ~ "'"
        ) }}
    {%- endif -%}
    {{- raw_value | int -}}
{% endmacro %}


{% macro pql_hours_var(var_name) %}
    {#- A freshness threshold in hours from a var (1 to 8760; defaults in dbt_project.yml), checked before it reaches SQL. -#}
    {{- pql_whole_number_var(var_name, var(var_name), unit='hours', min_value=1, max_value=8760) -}}
{% endmacro %}


{% macro pql_name_var(var_name, default) %}
    {#- A var naming a column or a JSON key, checked to be a plain name; none when unset and `default` is none. -#}
    {%- set raw_value = var(var_name, default) -%}
    {%- if raw_value is none or raw_value == '' -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if not modules.re.fullmatch('[A-Za-z_$][A-Za-z0-9_$]*', raw_value | string) -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must be a plain column or key name, got '" ~ raw_value ~ "'"
        ) }}
    {%- endif -%}
    {{ return(raw_value | string) }}
{% endmacro %}


{% macro pql_boolean_var(var_name, default) %}
    {#- A var holding true or false (a YAML boolean or its text), checked; `default` when the var is unset. -#}
    {%- set raw_value = var(var_name, default) | string | trim | lower -%}
    {%- if raw_value not in ('true', 'false') -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must be true or false, got '" ~ raw_value ~ "'"
        ) }}
    {%- endif -%}
    {{ return(raw_value == 'true') }}
{% endmacro %}


{% macro pql_share_var(var_name, default, max_value=1, example='0.01 is 1%') %}
    {#- A var holding a share: a decimal number from 0 to max_value, checked before it reaches SQL. -#}
    {%- set raw_value = var(var_name, default) | string | trim -%}
    {%- set is_share = modules.re.fullmatch('(0|1)?(\\.[0-9]+)?', raw_value) and raw_value not in ('', '.') -%}
    {%- if not is_share or raw_value | float > max_value -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must be a number from 0 to " ~ max_value ~ " (" ~ example ~ "), got '"
            ~ raw_value ~ "'"
        ) }}
    {%- endif -%}
    {{- raw_value -}}
{% endmacro %}
