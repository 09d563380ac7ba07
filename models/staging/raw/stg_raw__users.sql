-- Every raw user row, typed, with what is wrong with it on its own. Nothing is
-- dropped here: the checks against other rows (unknown accounts, duplicates) and the
-- kept rows are in models/intermediate/quality.
--
-- row_problem (the row is not kept):
--   no_user_id                 user_id null or blank
--   no_account                 account_id null or blank
-- cleared_reason (the row is kept, the value read as unknown):
--   created_at_not_a_time      delivered as text that is not a time
{%- set tracker_model = pql_tracker_model('users') %}
with

source as (

    {% if tracker_model %}
        -- The tracker's users, reshaped into these columns (var pql_event_source).
        select * from {{ ref(tracker_model) }}
    {% else %}
        select
            {{- pql_source_columns('users', ['user_id', 'account_id', 'email', 'job_title', 'created_at']) }}
        from {{ source('raw_users', 'users') }}
    {% endif %}

),

renamed as (

    select
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        lower(trim(cast(email as {{ dbt.type_string() }}))) as email,
        trim(cast(job_title as {{ dbt.type_string() }})) as job_title,
        {{ pql_safe_cast('created_at', dbt.type_timestamp()) }} as created_at,
        cast(created_at as {{ dbt.type_string() }}) as delivered_created_at
    from source

),

final as (

    select
        user_id,
        account_id,
        email,
        job_title,
        created_at,
        case
            when user_id is null or trim(user_id) = '' then 'no_user_id'
            when account_id is null or trim(account_id) = '' then 'no_account'
        end as row_problem,
        case
            when created_at is null and delivered_created_at is not null then 'created_at_not_a_time'
        end as cleared_reason,
        delivered_created_at
    from renamed

)

select * from final
