-- Every raw user row, typed, with the reason it is not kept (null when it is).
-- Nothing is dropped here: stg_raw__users keeps the sound rows and pql_rejected_rows
-- lists the rest.
--
-- rejection_reason (the row is not kept):
--   no_user_id                 user_id null or blank
--   no_account                 account_id null or blank
--   unknown_account            account_id not in the accounts kept by stg_raw__accounts
--   duplicate_user             another row has the same user and account but different
--                              contents; the earliest sign-up (then the first by
--                              contents) is kept
-- cleared_reason (the row is kept, the value read as unknown):
--   created_at_not_a_time      delivered as text that is not a time
-- A user in two accounts (an agency, a consultant) is a member of both: one row each.
{%- set rows_of_one_user -%}
    partition by renamed.user_id, renamed.account_id
    order by
        coalesce(renamed.created_at, cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }})),
        coalesce(renamed.email, ''),
        coalesce(renamed.job_title, '')
{%- endset %}
with

source as (

    select
        {{- pql_source_columns('users', ['user_id', 'account_id', 'email', 'job_title', 'created_at']) }}
    from {{ source('raw', 'users') }}

),

accounts as (

    select * from {{ ref('stg_raw__accounts') }}

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

ranked as (

    -- One pass ranks each user's rows in an account by contents: rank 1 is the earliest
    -- sign-up (then the first by contents); rows sharing rank 1 are exact copies of it.
    select
        renamed.*,
        accounts.account_id is not null as is_known_account,
        dense_rank() over ({{ rows_of_one_user }}) as contents_rank,
        row_number() over ({{ rows_of_one_user }}) as row_rank
    from renamed
    left join accounts
        on renamed.account_id = accounts.account_id

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
            when not is_known_account then 'unknown_account'
            when contents_rank > 1 then 'duplicate_user'
        end as rejection_reason,
        case
            when created_at is null and delivered_created_at is not null then 'created_at_not_a_time'
        end as cleared_reason,
        delivered_created_at,
        contents_rank = 1 and row_rank > 1 as is_repeated_copy
    from ranked

)

select * from final
