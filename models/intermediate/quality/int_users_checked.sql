-- Every raw user row (stg_raw__users), with the reason it is not kept (null when it
-- is): its own problem, else the first that applies of
--   unknown_account            account_id not in int_accounts
--   duplicate_user             another row has the same user and account but different
--                              contents; the earliest sign-up (then the first by
--                              contents) is kept
-- and whether it repeats an earlier exact copy of itself, which int_users leaves out.
-- A user in two accounts (an agency, a consultant) is a member of both: one row each.
-- The intraday job checks the users of the accounts it scores (int_scored_accounts) alone.
-- depends_on: {{ ref('int_scored_accounts') }}
{%- set intraday_scope -%}
    {%- if pql_is_intraday_run() -%}
        where account_id in (select scored.account_id from {{ ref('int_scored_accounts') }} as scored)
    {%- endif -%}
{%- endset %}
{%- set rows_of_one_user -%}
    partition by user_id, account_id
    order by
        coalesce(created_at, cast('9999-12-31 00:00:00' as {{ dbt.type_timestamp() }})),
        coalesce(email, ''),
        coalesce(job_title, '')
{%- endset %}
with

users as (

    select * from {{ ref('stg_raw__users') }}
    {{ intraday_scope }}

),

accounts as (

    select * from {{ ref('int_accounts') }}

),

repeated_keys as (

    -- Almost every user has one row in an account: only the few delivered more than
    -- once need ranking, and finding them is a grouping, far cheaper than a window.
    select
        user_id,
        account_id
    from {{ ref('stg_raw__users') }}
    {{ intraday_scope }}
    group by 1, 2
    having count(*) > 1

),

looked_up as (

    select
        users.*,
        accounts.account_id is not null as is_known_account,
        repeated_keys.user_id is not null as is_repeated_key
    from users
    left join accounts
        on users.account_id = accounts.account_id
    left join repeated_keys
        on
            users.user_id is not distinct from repeated_keys.user_id
            and users.account_id is not distinct from repeated_keys.account_id

),

ranked as (

    -- Rank each repeated user's rows in an account by contents: rank 1 is the earliest
    -- sign-up (then the first by contents); rows sharing rank 1 are exact copies of it.
    select
        *,
        dense_rank() over ({{ rows_of_one_user }}) as contents_rank,
        row_number() over ({{ rows_of_one_user }}) as row_rank
    from looked_up
    where is_repeated_key

    union all

    select
        *,
        1 as contents_rank,
        1 as row_rank
    from looked_up
    where not is_repeated_key

),

final as (

    select
        user_id,
        account_id,
        email,
        job_title,
        created_at,
        case
            when row_problem is not null then row_problem
            when not is_known_account then 'unknown_account'
            when contents_rank > 1 then 'duplicate_user'
        end as rejection_reason,
        cleared_reason,
        delivered_created_at,
        contents_rank = 1 and row_rank > 1 as is_repeated_copy
    from ranked

)

select * from final
