-- Every PQL handed to sales, and what came of it: one row per handoff
-- (int_pql_handoffs: an account entering a PQL tier of the live rule set, or first
-- scored in one) with its score, tier, reasons and hot trigger that day, and the
-- first deal the account opened after it, within var pql_outcome_horizon_days and
-- before its next handoff, as the CRM stood at the end of the score date; likewise
-- the rep's first disposition of it (int_dispositions). Where it was routed that day
-- says whether sales got it: held out (var pql_holdout_share), kept back by a routing
-- gate, or routed - what pql_holdout_lift compares.
--
-- outcome:
--   won, lost   a deal opened within the horizon, and closed so
--   closed      closed, the CRM row not saying whether won
--   open        a deal opened within the horizon, not closed yet
--   nothing     no deal opened within the horizon, which has passed
--   pending     no deal yet, and the horizon has not passed: not counted as a failure
{{ config(pre_hook="{{ pql_inputs_gate_check(built_by_this_run=false) }}") }}
{%- set horizon_days = pql_outcome_horizon_days() | int %}

with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

handoffs as (

    select
        *,
        cast({{ dbt.dateadd('day', horizon_days, 'handoff_date') }} as date) as horizon_end_date
    from {{ ref('int_pql_handoffs') }}

),

deals as (

    select * from {{ ref('int_deals') }}

),

dispositions as (

    select * from {{ ref('int_dispositions') }}

),

first_deals as (

    -- The first deal opened after each handoff, within its horizon and before the next.
    select
        handoffs.account_id,
        handoffs.handoff_date,
        deals.deal_id,
        deals.created_at,
        deals.created_date,
        -- As the CRM stood at the end of the score date.
        case when deals.closed_at < {{ pql_score_date_end() }} then deals.closed_at end as closed_at,
        case when deals.closed_at < {{ pql_score_date_end() }} then deals.is_won end as is_won,
        row_number() over (
            partition by handoffs.account_id, handoffs.handoff_date
            order by deals.created_at, deals.deal_id
        ) as deal_order
    from handoffs
    inner join deals
        on
            handoffs.account_id = deals.account_id
            and handoffs.handoff_date < deals.created_date
            and handoffs.horizon_end_date >= deals.created_date
            and (handoffs.next_handoff_date is null or handoffs.next_handoff_date >= deals.created_date)
            and deals.created_at < {{ pql_score_date_end() }}

),

first_dispositions as (

    -- The rep's first disposition from the handoff's day, within its horizon and before the next.
    select
        handoffs.account_id,
        handoffs.handoff_date,
        dispositions.disposition,
        dispositions.reason,
        dispositions.recorded_at,
        dispositions.recorded_date,
        row_number() over (
            partition by handoffs.account_id, handoffs.handoff_date
            order by dispositions.recorded_at, dispositions.disposition
        ) as disposition_order
    from handoffs
    inner join dispositions
        on
            handoffs.account_id = dispositions.account_id
            and handoffs.handoff_date <= dispositions.recorded_date
            and handoffs.horizon_end_date >= dispositions.recorded_date
            and (handoffs.next_handoff_date is null or handoffs.next_handoff_date > dispositions.recorded_date)
            and dispositions.recorded_at < {{ pql_score_date_end() }}

),

final as (

    select
        handoffs.account_id,
        handoffs.handoff_date,
        handoffs.pql_tier,
        handoffs.pql_score,
        handoffs.hot_trigger,
        handoffs.score_reasons,
        handoffs.treatment,
        handoffs.routing_gate,
        handoffs.is_held_out,
        handoffs.horizon_end_date,
        case
            when first_deals.is_won then 'won'
            when first_deals.is_won = false then 'lost'
            when first_deals.closed_at is not null then 'closed'
            when first_deals.deal_id is not null then 'open'
            when handoffs.horizon_end_date <= {{ pql_score_date() }} then 'nothing'
            else 'pending'
        end as outcome,
        first_deals.deal_id,
        first_deals.created_at as deal_opened_at,
        {{ dbt.datediff('handoffs.handoff_date', 'first_deals.created_date', 'day') }} as days_to_deal,  -- noqa: LT05
        first_deals.closed_at as deal_closed_at,
        {{ dbt.datediff('handoffs.handoff_date', 'cast(first_deals.closed_at as date)', 'day') }} as days_to_close,  -- noqa: LT05
        first_dispositions.disposition,
        first_dispositions.reason as disposition_reason,
        first_dispositions.recorded_at as disposition_recorded_at,
        {{ dbt.datediff('handoffs.handoff_date', 'first_dispositions.recorded_date', 'day') }} as days_to_disposition,  -- noqa: LT05
        handoffs.scoring_model,
        {{ pql_score_date() }} as score_date
    from handoffs
    inner join inputs_gate
        on {{ pql_inputs_gate_passed('inputs_gate', built_by_this_run=false) }}
    left join first_deals
        on
            handoffs.account_id = first_deals.account_id
            and handoffs.handoff_date = first_deals.handoff_date
            and first_deals.deal_order = 1
    left join first_dispositions
        on
            handoffs.account_id = first_dispositions.account_id
            and handoffs.handoff_date = first_dispositions.handoff_date
            and first_dispositions.disposition_order = 1

)

select * from final
