{% macro pql_stale_inputs(threshold_column) %}
    {#-
        Test query: the inputs in stg_raw__input_freshness that are more hours behind
        than `threshold_column` (warn_after_hours or error_after_hours), or empty, each
        with a message naming the table and how stale it is.
    -#}
    select
        source_table,
        loaded_through,
        checked_against,
        hours_behind,
        {{ threshold_column }} as allowed_hours,
        case
            when loaded_through is null
                then {{ dbt.concat([
                    "'raw '", 'source_table', "' has no rows at or before '",
                    'cast(checked_against as ' ~ dbt.type_string() ~ ')',
                ]) }}
            else {{ dbt.concat([
                "'raw '", 'source_table', "' is stale: newest row at '",
                'cast(loaded_through as ' ~ dbt.type_string() ~ ')', "', '",
                'cast(hours_behind as ' ~ dbt.type_string() ~ ')', "' hours before '",
                'cast(checked_against as ' ~ dbt.type_string() ~ ')', "' (allowed: '",
                'cast(' ~ threshold_column ~ ' as ' ~ dbt.type_string() ~ ')', "')'",
            ]) }}
        end as problem
    from {{ ref('stg_raw__input_freshness') }}
    where
        loaded_through is null
        or hours_behind > {{ threshold_column }}
{% endmacro %}
