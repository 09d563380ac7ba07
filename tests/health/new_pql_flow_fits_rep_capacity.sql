-- Health check: in each of the last var pql_capacity_weeks weeks (7 days back from the
-- score date each), no more accounts became PQLs routed to sales - handoffs
-- (int_pql_handoffs) not held out and kept back by no routing gate - than var
-- pql_weekly_pql_capacity says sales can work. A week over it is returned: raise the
-- threshold (the tuning command says to what) or staff up. A warning, not a failure;
-- without the var, nothing is checked. The run's end prints the weeks over it.
{{ config(severity='warn', tags=['health'], store_failures=true) }}
{%- set capacity = pql_weekly_pql_capacity() %}

with

entries as (

    select
        account_id,
        {{ dbt.datediff('handoff_date', pql_score_date(), 'day') }} as days_ago  -- noqa: LT05
    from {{ ref('int_pql_handoffs') }}
    where routing_gate is null and not is_held_out

),

weeks as (

    select
        cast(floor(days_ago / 7.0) as {{ dbt.type_int() }}) + 1 as weeks_back,
        count(*) as new_pqls
    from entries
    where days_ago < 7 * {{ pql_capacity_weeks() }}
    group by 1

)

select
    weeks_back,
    new_pqls,
    {{ capacity }} as weekly_capacity
from weeks
-- Unset, the capacity is null, which no week is over (BigQuery refuses `> null` outright).
where {{ 'false' if capacity | trim == 'null' else 'new_pqls > ' ~ capacity }}
