-- How well scores predicted conversions: the accounts scored on each cohort date
-- (from pql_score_history), bucketed in 10-point score bands, and how many of them
-- converted (int_conversions: opened a deal, or a rep counted them converted), won a
-- deal (closed) and were turned down by a rep (rejected: a disposition counted as a
-- rejection, without a conversion) within var pql_calibration_horizon_days after that
-- date. Per band: conversion, close and rejection rates and the lift over the cohort's
-- base rate. Per cohort: the PQL rate (share of accounts at PQL or above, healthy at
-- 5-15%) and the PQL close rate against the overall one (the 3x rule).
--
-- No leakage: a cohort's scores are the history rows of its date, computed from events
-- at or before it; accounts that had converted by then are left out (already in the
-- pipeline), and only outcomes after the date count. Cohort dates are every
-- var pql_calibration_cohort_every_days days back from the newest date whose horizon
-- has passed; newer ones are left out until their outcome is known.
with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

history as (

    select * from {{ ref('int_score_history') }}

),

conversions as (

    select * from {{ ref('int_conversions') }}

),

deals as (

    select * from {{ ref('int_deals') }}

),

rejections as (

    select * from {{ ref('int_dispositions') }}
    where counts_as = 'rejection'

),

newest_complete as (

    select
        cast({{ dbt.dateadd('day', -1 * (pql_calibration_horizon_days() | int), 'max(score_date)') }} as date)
            as cohort_date
    from history

),

cohort_dates as (

    select distinct history.score_date as cohort_date
    from history
    cross join newest_complete
    where
        history.score_date <= newest_complete.cohort_date
        and mod(
            {{ dbt.datediff('history.score_date', 'newest_complete.cohort_date', 'day') }},
            {{ pql_calibration_cohort_every_days() }}
        ) = 0

),

cohort_accounts as (

    select
        history.score_date as cohort_date,
        history.account_id,
        history.pql_score,
        history.is_pql,
        case
            when history.pql_score >= 90 then 90
            else cast(floor(history.pql_score / 10.0) * 10 as {{ dbt.type_int() }})
        end as band_floor
    from history
    inner join cohort_dates
        on history.score_date = cohort_dates.cohort_date
    left join conversions as earlier_conversions
        on
            history.account_id = earlier_conversions.account_id
            and history.score_date >= earlier_conversions.converted_date
    where earlier_conversions.account_id is null

),

within_horizon as (

    -- What followed each cohort account within the horizon, one row per outcome.
    select
        cohort_accounts.cohort_date,
        cohort_accounts.account_id,
        1 as converted,
        0 as closed,
        0 as rejected
    from cohort_accounts
    inner join conversions
        on
            cohort_accounts.account_id = conversions.account_id
            and cohort_accounts.cohort_date < conversions.converted_date
            and {{ dbt.datediff('cohort_accounts.cohort_date', 'conversions.converted_date', 'day') }}
            <= {{ pql_calibration_horizon_days() }}

    union all

    select
        cohort_accounts.cohort_date,
        cohort_accounts.account_id,
        0 as converted,
        1 as closed,
        0 as rejected
    from cohort_accounts
    inner join deals
        on
            cohort_accounts.account_id = deals.account_id
            and deals.is_won
            and cohort_accounts.cohort_date < deals.created_date
            and {{ dbt.datediff('cohort_accounts.cohort_date', 'deals.created_date', 'day') }}
            <= {{ pql_calibration_horizon_days() }}

    union all

    select
        cohort_accounts.cohort_date,
        cohort_accounts.account_id,
        0 as converted,
        0 as closed,
        1 as rejected
    from cohort_accounts
    inner join rejections
        on
            cohort_accounts.account_id = rejections.account_id
            and cohort_accounts.cohort_date < rejections.recorded_date
            and {{ dbt.datediff('cohort_accounts.cohort_date', 'rejections.recorded_date', 'day') }}
            <= {{ pql_calibration_horizon_days() }}

),

outcomes as (

    select
        cohort_accounts.cohort_date,
        cohort_accounts.account_id,
        cohort_accounts.band_floor,
        cohort_accounts.is_pql,
        coalesce(max(within_horizon.converted), 0) as converted,
        coalesce(max(within_horizon.closed), 0) as closed,
        -- Turned down and not converted after all.
        case
            when coalesce(max(within_horizon.converted), 0) = 0 then coalesce(max(within_horizon.rejected), 0)
            else 0
        end as rejected
    from cohort_accounts
    left join within_horizon
        on
            cohort_accounts.cohort_date = within_horizon.cohort_date
            and cohort_accounts.account_id = within_horizon.account_id
    group by 1, 2, 3, 4

),

cohorts as (

    select
        cohort_date,
        count(*) as cohort_accounts,
        sum(converted) as cohort_conversions,
        sum(closed) as cohort_closes,
        sum(case when is_pql then 1 else 0 end) as pql_accounts,
        sum(case when is_pql then closed else 0 end) as pql_closes
    from outcomes
    group by 1

),

bands as (

    select
        cohort_date,
        band_floor,
        count(*) as band_accounts,
        sum(converted) as conversions,
        sum(closed) as closes,
        sum(rejected) as rejections
    from outcomes
    group by 1, 2

),

final as (

    select
        bands.cohort_date,
        {{ dbt.concat([
            'cast(bands.band_floor as ' ~ dbt.type_string() ~ ')',
            "'-'",
            'cast(case when bands.band_floor = 90 then 100 else bands.band_floor + 9 end as '
            ~ dbt.type_string() ~ ')',
        ]) }} as score_band,
        cast(bands.band_floor as {{ dbt.type_int() }}) as band_floor,
        cast(bands.band_accounts as {{ dbt.type_int() }}) as band_accounts,
        cast(bands.conversions as {{ dbt.type_int() }}) as conversions,
        cast(bands.conversions * 1.0 / bands.band_accounts as {{ dbt.type_float() }}) as conversion_rate,
        cast(bands.closes as {{ dbt.type_int() }}) as closes,
        cast(bands.closes * 1.0 / bands.band_accounts as {{ dbt.type_float() }}) as close_rate,
        cast(bands.rejections as {{ dbt.type_int() }}) as rejections,
        cast(bands.rejections * 1.0 / bands.band_accounts as {{ dbt.type_float() }}) as rejection_rate,
        cast(cohorts.cohort_conversions * 1.0 / cohorts.cohort_accounts as {{ dbt.type_float() }}) as base_rate,
        cast(
            (bands.conversions * 1.0 / bands.band_accounts)
            / nullif(cohorts.cohort_conversions * 1.0 / cohorts.cohort_accounts, 0)
            as {{ dbt.type_float() }}
        ) as lift,
        cast(cohorts.cohort_accounts as {{ dbt.type_int() }}) as cohort_accounts,
        cast(cohorts.pql_accounts * 1.0 / cohorts.cohort_accounts as {{ dbt.type_float() }}) as cohort_pql_rate,
        cast(cohorts.cohort_closes * 1.0 / cohorts.cohort_accounts as {{ dbt.type_float() }}) as cohort_close_rate,
        cast(cohorts.pql_closes * 1.0 / nullif(cohorts.pql_accounts, 0) as {{ dbt.type_float() }}) as pql_close_rate,
        cast(
            (cohorts.pql_closes * 1.0 / nullif(cohorts.pql_accounts, 0))
            / nullif(cohorts.cohort_closes * 1.0 / cohorts.cohort_accounts, 0)
            as {{ dbt.type_float() }}
        ) as pql_close_vs_overall,
        cast({{ pql_calibration_horizon_days() }} as {{ dbt.type_int() }}) as horizon_days
    from bands
    inner join cohorts
        on bands.cohort_date = cohorts.cohort_date

)

select final.* from final
-- Stale inputs or a broken seed stop the run here: the table keeps its last good rows.
inner join inputs_gate
    on inputs_gate.inputs_are_trusted
