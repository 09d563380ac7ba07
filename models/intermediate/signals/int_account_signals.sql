-- One row per account, score date and signal the scored rule sets read (the live
-- one, and the shadow one if any), valued as of that date: the event signals
-- (int_event_signals) and the attribute signals (int_attribute_signals) together,
-- what the rules, hot triggers and routing gates are matched against.
with

event_signals as (

    select * from {{ ref('int_event_signals') }}

),

attribute_signals as (

    select * from {{ ref('int_attribute_signals') }}

),

final as (

    select
        score_date,
        account_id,
        signal_name,
        signal_value,
        evidence_age_days
    from event_signals

    union all

    select
        score_date,
        account_id,
        signal_name,
        signal_value,
        cast(null as {{ dbt.type_int() }}) as evidence_age_days
    from attribute_signals

)

select
    *,
    '{{ pql_scoring_settings() }}' as built_for
from final
