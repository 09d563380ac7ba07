{% macro pql_wilson_bound(successes, trials, side) %}
    {#-
        SQL: the lower (side='low') or upper (side='high') end of the 95% Wilson score
        interval of the rate successes / trials; null when trials is 0. Unlike the
        rate plus or minus two standard errors, it stays within 0-1 and is honest for
        small counts and rates near 0.
    -#}
    {%- if side not in ('low', 'high') -%}
        {{ exceptions.raise_compiler_error("pql_wilson_bound: side must be 'low' or 'high', got '" ~ side ~ "'") }}
    {%- endif -%}
    {%- set n = 'nullif(' ~ trials ~ ', 0)' -%}
    {%- set p = '(' ~ successes ~ ' * 1.0 / ' ~ n ~ ')' -%}
    (
        ({{ p }} + 3.8416 / (2.0 * {{ n }}))
        {{ '-' if side == 'low' else '+' }} 1.96 * sqrt({{ p }} * (1 - {{ p }}) / {{ n }} + 3.8416 / (4.0 * {{ n }} * {{ n }}))
    ) / (1 + 3.8416 / {{ n }})
{%- endmacro %}
