-- One row per alert routed to sales (pql_alerts, not suppressed): when it fired and its
-- first touch was due, the rep's first disposition recorded after it fired
-- (int_dispositions, read with var pql_read_dispositions), how long that took, and
-- whether the SLA was met - touched by due_by. An alert not touched yet has missed it
-- once due_by has passed (by the end of the score date); before that it is pending.
-- The tuning command reports, per tier, the share touched within the SLA and the median
-- time to first touch.
{{ config(materialized='view') }}

with

alerts as (

    select * from {{ ref('pql_alerts') }}
    where not is_suppressed

),

dispositions as (

    select * from {{ ref('int_dispositions') }}

),

first_touches as (

    select
        alerts.alert_id,
        min(dispositions.recorded_at) as first_touched_at
    from alerts
    inner join dispositions
        on
            alerts.account_id = dispositions.account_id
            and alerts.fired_at <= dispositions.recorded_at
            and dispositions.recorded_at < {{ pql_score_date_end() }}
    group by 1

),

final as (

    select
        alerts.alert_id,
        alerts.account_id,
        alerts.alert_kind,
        alerts.pql_tier,
        alerts.sla_hours,
        alerts.fired_at,
        alerts.due_by,
        first_touches.first_touched_at,
        {{ dbt.datediff('alerts.fired_at', 'first_touches.first_touched_at', 'minute') }} as minutes_to_first_touch,  -- noqa: LT05
        case
            when first_touches.first_touched_at is not null then first_touches.first_touched_at <= alerts.due_by
            when alerts.due_by < {{ pql_score_date_end() }} then false
        end as is_sla_met,
        alerts.score_date
    from alerts
    left join first_touches
        on alerts.alert_id = first_touches.alert_id

)

select * from final
