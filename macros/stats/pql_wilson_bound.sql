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


{% macro pql_rate_with_interval(successes, trials, name) %}
    {#- Three columns: `name` = successes / trials, and `name`_low, `name`_high, its 95% Wilson interval. -#}
    cast({{ successes }} * 1.0 / nullif({{ trials }}, 0) as {{ dbt.type_float() }}) as {{ name }},
    cast({{ pql_wilson_bound(successes, trials, 'low') }} as {{ dbt.type_float() }}) as {{ name }}_low,
    cast({{ pql_wilson_bound(successes, trials, 'high') }} as {{ dbt.type_float() }}) as {{ name }}_high
{%- endmacro %}


{% macro pql_difference_with_interval(first, second, name) %}
    {#-
        Three columns: `name` = rate `first` minus rate `second`, and `name`_low, `name`_high,
        the 95% interval of the difference by Newcombe's hybrid score method, from the
        rates' Wilson intervals (columns `first`_low, `first`_high, `second`_low, `second`_high).
    -#}
    cast({{ first }} - {{ second }} as {{ dbt.type_float() }}) as {{ name }},
    cast(
        {{ first }} - {{ second }} - sqrt(
            ({{ first }} - {{ first }}_low) * ({{ first }} - {{ first }}_low)
            + ({{ second }}_high - {{ second }}) * ({{ second }}_high - {{ second }})
        ) as {{ dbt.type_float() }}
    ) as {{ name }}_low,
    cast(
        {{ first }} - {{ second }} + sqrt(
            ({{ first }}_high - {{ first }}) * ({{ first }}_high - {{ first }})
            + ({{ second }} - {{ second }}_low) * ({{ second }} - {{ second }}_low)
        ) as {{ dbt.type_float() }}
    ) as {{ name }}_high
{%- endmacro %}
