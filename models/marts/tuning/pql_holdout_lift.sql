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

groups as (

    select
        sum(case when not is_held_out then 1 else 0 end) as routed_handoffs,
        sum(case when not is_held_out and deal_id is not null then 1 else 0 end) as routed_deals,
        sum(case when is_held_out then 1 else 0 end) as held_out_handoffs,
        sum(case when is_held_out and deal_id is not null then 1 else 0 end) as held_out_deals
    from handoffs

),

rates as (

    select
        coalesce(routed_handoffs, 0) as routed_handoffs,
        coalesce(routed_deals, 0) as routed_deals,
        routed_deals * 1.0 / nullif(routed_handoffs, 0) as routed_rate,
        {{ pql_wilson_bound('routed_deals', 'routed_handoffs', 'low') }} as routed_rate_low,
        {{ pql_wilson_bound('routed_deals', 'routed_handoffs', 'high') }} as routed_rate_high,
        coalesce(held_out_handoffs, 0) as held_out_handoffs,
        coalesce(held_out_deals, 0) as held_out_deals,
        held_out_deals * 1.0 / nullif(held_out_handoffs, 0) as held_out_rate,
        {{ pql_wilson_bound('held_out_deals', 'held_out_handoffs', 'low') }} as held_out_rate_low,
        {{ pql_wilson_bound('held_out_deals', 'held_out_handoffs', 'high') }} as held_out_rate_high
    from groups

),

final as (

    select
        cast(routed_handoffs as {{ dbt.type_int() }}) as routed_handoffs,
        cast(routed_deals as {{ dbt.type_int() }}) as routed_deals,
        cast(routed_rate as {{ dbt.type_float() }}) as routed_rate,
        cast(routed_rate_low as {{ dbt.type_float() }}) as routed_rate_low,
        cast(routed_rate_high as {{ dbt.type_float() }}) as routed_rate_high,
        cast(held_out_handoffs as {{ dbt.type_int() }}) as held_out_handoffs,
        cast(held_out_deals as {{ dbt.type_int() }}) as held_out_deals,
        cast(held_out_rate as {{ dbt.type_float() }}) as held_out_rate,
        cast(held_out_rate_low as {{ dbt.type_float() }}) as held_out_rate_low,
        cast(held_out_rate_high as {{ dbt.type_float() }}) as held_out_rate_high,
        cast(routed_rate - held_out_rate as {{ dbt.type_float() }}) as routing_lift,
        cast(
            routed_rate - held_out_rate
            - sqrt(
                (routed_rate - routed_rate_low) * (routed_rate - routed_rate_low)
                + (held_out_rate_high - held_out_rate) * (held_out_rate_high - held_out_rate)
            )
            as {{ dbt.type_float() }}
        ) as routing_lift_low,
        cast(
            routed_rate - held_out_rate
            + sqrt(
                (routed_rate_high - routed_rate) * (routed_rate_high - routed_rate)
                + (held_out_rate - held_out_rate_low) * (held_out_rate - held_out_rate_low)
            )
            as {{ dbt.type_float() }}
        ) as routing_lift_high,
        cast({{ pql_holdout_share() }} as {{ dbt.type_float() }}) as holdout_share,
        {{ pql_score_date() }} as score_date
    from rates

)

select * from final
