-- One row per alert, only ever appended to: an account becoming a PQL of the live rule
-- set, or a hot trigger starting, raised once - by the intraday run that first saw it,
-- or by the daily run that closed its date when no intraday run did
-- (int_alert_candidates). The SLA clock starts at the data: fired_at is the event that
-- put the account over the line, due_by that plus the SLA. A gated, do-not-route or
-- held-out account is recorded, suppressed, and sends sales nothing.
-- What a reverse ETL tool syncs, insert-only keyed on alert_id, to Slack or a CRM task.
{{ config(
    grants=pql_reverse_etl_grants(), pre_hook="{{ pql_inputs_gate_check() }}", **pql_append_only_config('alert_id')
) }}

with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

candidates as (

    select * from {{ ref('int_alert_candidates') }}
    {% if is_incremental() %}
        where alert_id not in (select raised.alert_id from {{ this }} as raised)
    {% endif %}

),

final as (

    select
        alert_id,
        account_id,
        domain,
        alert_kind,
        case
            when alert_kind = 'pql_entry' then {{ dbt.concat(["'became a '", 'pql_tier']) }}
            else {{ dbt.concat(["'Hot trigger: '", 'hot_trigger']) }}
        end as alert,
        pql_tier,
        pql_score,
        treatment,
        hot_trigger,
        score_reasons,
        -- Gates and the holdout keep it from sales as they keep the account from routing.
        routing_gate is not null or is_held_out as is_suppressed,
        case
            when routing_gate is not null then {{ dbt.concat(['treatment', "': '", 'routing_gate']) }}
            when is_held_out then 'Holdout'
        end as suppressed_by,
        fired_at,
        {{ pql_run_started_timestamp() }} as detected_at,
        -- A suppressed alert has no SLA, so nothing is due. Cast: BigQuery's dateadd gives a DATETIME.
        cast({{ dbt.dateadd('hour', 'sla_hours', 'fired_at') }} as {{ dbt.type_timestamp() }}) as due_by,
        sla_hours,
        primary_contact_email,
        primary_contact_title,
        key_actions,
        detected_by,
        scoring_model,
        score_date
    from candidates

)

select final.* from final
-- A gate this command did not build, or scoring tables built by another run, stop it
-- here (macro pql_inputs_gate_passed).
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate') }}
