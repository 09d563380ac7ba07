{% macro pql_is_held_out(account_id) %}
    {#-
        SQL condition: the account is in the holdout, var pql_holdout_share of all
        accounts. Chosen by a hash of the account id alone - the same accounts on every
        date and engine, whatever their scores: the last 8 hex digits of its MD5
        (lowercase on every engine, so compared as text they compare as numbers) below
        the share of 16^8.
    -#}
    {%- set threshold = ((pql_holdout_share() | float) * 4294967296) | round | int -%}
    {%- if threshold == 0 -%}
        false
    {%- else -%}
        ({{ dbt.right(dbt.hash(account_id), 8) }} < '{{ '%08x' | format(threshold) }}')
    {%- endif -%}
{% endmacro %}
