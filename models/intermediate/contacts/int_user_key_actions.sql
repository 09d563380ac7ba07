-- One row per user and account with a key action in the last 30 days: the five actions
-- they did most (int_key_action_counts), e.g. "team_member_invited x3,
-- integration_connected x1". int_contacts_ranked shows them beside each contact.
{{ config(materialized='view', tags=['run_independent']) }}

with

key_action_counts as (

    select * from {{ ref('int_key_action_counts') }}

),

ranked_key_actions as (

    select
        account_id,
        user_id,
        {{ dbt.concat([
            'event_name', "' x'", 'cast(event_count as ' ~ dbt.type_string() ~ ')'
        ]) }} as key_action,
        row_number() over (
            partition by account_id, user_id order by event_count desc, event_name asc
        ) as action_rank
    from key_action_counts

),

final as (

    select
        account_id,
        user_id,
        {{ pql_ordered_listagg('key_action', "', '", 'action_rank') }} as key_actions
    from ranked_key_actions
    where action_rank <= 5
    group by 1, 2

)

select * from final
