-- What routing itself adds: of the handoffs in pql_handoffs whose outcome is known
-- (horizon passed, or a deal opened) and that no routing gate kept from sales, the
-- share that opened a deal within the horizon, for PQLs routed to sales against PQLs
-- held out (var pql_holdout_share), each with its 95% Wilson interval, and the
-- difference with Newcombe's interval built from the two. Deals only, not
-- dispositions: reps never see held-out accounts, so no disposition can label them.
-- One row; the rates are null while a group has no known outcome.
with

handoffs as (

    select * from {{ ref('pql_handoffs') }}
    where
        outcome != 'pending'
        and routing_gate is null

),

handoff_counts as (

    select
        sum(case when not is_held_out then 1 else 0 end) as routed_handoffs,
        sum(case when not is_held_out and deal_id is not null then 1 else 0 end) as routed_deals,
        sum(case when is_held_out then 1 else 0 end) as held_out_handoffs,
        sum(case when is_held_out and deal_id is not null then 1 else 0 end) as held_out_deals
    from handoffs

),

rates as (

    select
        cast(coalesce(routed_handoffs, 0) as {{ dbt.type_int() }}) as routed_handoffs,
        cast(coalesce(routed_deals, 0) as {{ dbt.type_int() }}) as routed_deals,
        {{ pql_rate_with_interval('routed_deals', 'routed_handoffs', 'routed_rate') }},
        cast(coalesce(held_out_handoffs, 0) as {{ dbt.type_int() }}) as held_out_handoffs,
        cast(coalesce(held_out_deals, 0) as {{ dbt.type_int() }}) as held_out_deals,
        {{ pql_rate_with_interval('held_out_deals', 'held_out_handoffs', 'held_out_rate') }}
    from handoff_counts

),

final as (

    select
        *,
        {{ pql_difference_with_interval('routed_rate', 'held_out_rate', 'routing_lift') }},
        cast({{ pql_holdout_share() }} as {{ dbt.type_float() }}) as holdout_share,
        {{ pql_score_date() }} as score_date
    from rates

)

select * from final
