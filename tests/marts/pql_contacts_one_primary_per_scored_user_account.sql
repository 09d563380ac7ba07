-- Every scored account with users has exactly one primary contact in pql_contacts,
-- and every user of a scored account is there.
with

contacts as (

    select * from {{ ref('pql_contacts') }}

),

users as (

    select * from {{ ref('int_users') }}

),

scores as (

    select account_id from {{ ref('pql_scores') }}

),

expected_accounts as (

    select
        users.account_id,
        count(*) as user_count
    from users
    inner join scores
        on users.account_id = scores.account_id
    group by 1

),

actual_accounts as (

    select
        account_id,
        count(*) as contact_count,
        sum(case when is_primary_contact then 1 else 0 end) as primary_contacts
    from contacts
    group by 1

)

select
    coalesce(expected_accounts.account_id, actual_accounts.account_id) as account_id,
    expected_accounts.user_count,
    actual_accounts.contact_count,
    actual_accounts.primary_contacts
from expected_accounts
full outer join actual_accounts
    on expected_accounts.account_id = actual_accounts.account_id
where
    coalesce(expected_accounts.user_count, 0) != coalesce(actual_accounts.contact_count, 0)
    or coalesce(actual_accounts.primary_contacts, 0) != 1
