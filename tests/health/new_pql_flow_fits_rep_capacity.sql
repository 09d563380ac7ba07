-- Health check: in each of the last var pql_capacity_weeks weeks (7 days back from the
-- score date each), no more accounts became PQLs routed to sales - entered a PQL tier
-- (int_tier_changes), not held out and no routing gate - than var
-- pql_weekly_pql_capacity says sales can work. A week over it is returned: raise the
-- threshold (the tuning command says to what) or staff up. A warning, not a failure;
-- without the var, nothing is checked. The run's end prints the weeks over it.
{{ config(severity='warn', tags=['health'], store_failures=true) }}
{%- set capacity = pql_weekly_pql_capacity() %}

with

entries as (

    select
        changes.account_id,
        changes.score_date,
        {{ dbt.datediff('changes.score_date', pql_score_date(), 'day') }} as days_ago  -- noqa: LT05
    from {{ ref('int_tier_changes') }} as changes
    inner join {{ ref('int_score_history') }} as history
        on
            changes.account_id = history.account_id
            and changes.scoring_model = history.scoring_model
            and changes.score_date = history.score_date
    where
        changes.scoring_model = '{{ pql_scoring_model() }}'
        and changes.is_tier_change
        and changes.is_pql
        and not coalesce(changes.was_pql, false)
        and history.routing_gate is null
        and not {{ pql_is_held_out('changes.account_id') }}
        and changes.score_date <= {{ pql_score_date() }}

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
where new_pqls > {{ capacity }}
