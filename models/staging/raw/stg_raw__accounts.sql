-- Every raw account row, typed, with what is wrong with it on its own. Nothing is
-- dropped here: the duplicate check and the kept rows are in models/intermediate/quality.
--
-- row_problem (the row is not kept):
--   no_account_id              account_id null or blank
-- cleared_reason (the row is kept, the value read as unknown; the first that applies):
--   employee_count_not_a_number  delivered as text that is not a whole number ("1,200")
--   employee_count_out_of_range  negative, or above 5,000,000 (more than any employer)
--   icp_match_not_a_boolean      not true/false, yes/no, t/f, y/n or 1/0
--   created_at_not_a_time        delivered as text that is not a time
-- An industry no value list names is kept as is: it earns no industry points.
{%- set tracker_model = pql_tracker_model('accounts') %}
with

source as (

    {% if tracker_model %}
        -- The tracker's accounts, reshaped into these columns (var pql_event_source).
        select * from {{ ref(tracker_model) }}
    {% else %}
        select
            {{- pql_source_columns('accounts', [
                'account_id', 'domain', 'employee_count', 'industry', 'country', 'icp_match', 'created_at'
            ]) }},
            -- A CRM's rows say nothing newer than their sign-up; a tracker's group calls do.
            cast(null as {{ dbt.type_timestamp() }}) as last_called_at
        from {{ source('raw_accounts', 'accounts') }}
    {% endif %}

),

renamed as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        lower(trim(cast(domain as {{ dbt.type_string() }}))) as domain,
        -- Read as a number first, so "120.0" is 120.
        cast({{ pql_safe_cast('employee_count', dbt.type_numeric()) }} as {{ dbt.type_bigint() }})
            as reported_employee_count,
        trim(cast(industry as {{ dbt.type_string() }})) as industry,
        trim(cast(country as {{ dbt.type_string() }})) as country,
        {{ pql_boolean_from_text('icp_match') }} as is_icp_match,
        {{ pql_safe_cast('created_at', dbt.type_timestamp()) }} as created_at,
        cast(last_called_at as {{ dbt.type_timestamp() }}) as last_called_at,
        -- As delivered, to tell a value that did not read from one that was never there.
        cast(employee_count as {{ dbt.type_string() }}) as delivered_employee_count,
        cast(icp_match as {{ dbt.type_string() }}) as delivered_icp_match,
        cast(created_at as {{ dbt.type_string() }}) as delivered_created_at
    from source

),

final as (

    select
        account_id,
        domain,
        case
            when reported_employee_count between 0 and 5000000
                then cast(reported_employee_count as {{ dbt.type_int() }})
        end as employee_count,
        reported_employee_count,
        industry,
        country,
        is_icp_match,
        created_at,
        -- When the account was last heard of, for its freshness: a tracker's newest group
        -- call, else the sign-up.
        coalesce(last_called_at, created_at) as last_seen_at,
        case
            when account_id is null or trim(account_id) = '' then 'no_account_id'
        end as row_problem,
        case
            when reported_employee_count is null and delivered_employee_count is not null
                then 'employee_count_not_a_number'
            when reported_employee_count < 0 or reported_employee_count > 5000000
                then 'employee_count_out_of_range'
            when is_icp_match is null and delivered_icp_match is not null then 'icp_match_not_a_boolean'
            when created_at is null and delivered_created_at is not null then 'created_at_not_a_time'
        end as cleared_reason,
        delivered_employee_count,
        delivered_icp_match,
        delivered_created_at
    from renamed

)

select * from final
