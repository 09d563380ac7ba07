-- One row per account with a key action in the last 30 days: the five actions its users
-- did most together (int_key_action_counts), e.g. "paywall_hit x2, team_member_invited
-- x4": what an alert tells the rep the account did.
{{ config(materialized='view', tags=['run_independent']) }}

with

key_action_counts as (

    select * from {{ ref('int_key_action_counts') }}

),

account_counts as (

    select
        account_id,
        event_name,
        cast(sum(event_count) as {{ dbt.type_bigint() }}) as event_count
    from key_action_counts
    group by 1, 2

),

ranked_key_actions as (

    select
        account_id,
        {{ dbt.concat([
            'event_name', "' x'", 'cast(event_count as ' ~ dbt.type_string() ~ ')'
        ]) }} as key_action,
        row_number() over (
            partition by account_id order by event_count desc, event_name asc
        ) as action_rank
    from account_counts

),

final as (

    select
        account_id,
        {{ pql_ordered_listagg('key_action', "', '", 'action_rank') }} as key_actions
    from ranked_key_actions
    where action_rank <= 5
    group by 1

)

select * from final
