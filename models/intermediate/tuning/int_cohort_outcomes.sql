-- One row per account scored on a calibration cohort date and not converted by then:
-- its score, score band and PQL flag that day (pql_score_history), and whether within var
-- pql_calibration_horizon_days after the date it converted (int_conversions: a deal
-- opened, or a rep's disposition counted as a conversion), won a deal, or was turned
-- down by a rep without converting. pql_calibration counts these per cohort and band.
--
-- No leakage: a cohort's scores are the history rows of its date, computed from events
-- at or before it; accounts that had converted by then are left out (already in the
-- pipeline), and only outcomes after the date count. Cohort dates are every
-- var pql_calibration_cohort_every_days days back from the newest date whose horizon
-- has passed; newer ones are left out until their outcome is known.
with

history as (

    -- As of the score date: tuned as of a past date, later history is not known yet (and
    -- int_cohort_signal_values values signals from events up to the score date only).
    select * from {{ ref('int_score_history') }}
    where score_date <= {{ pql_score_date() }}

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

outcome_events as (

    -- Every outcome an account can have, on the day it happened.
    select
        account_id,
        converted_date as outcome_date,
        1 as converted,
        0 as closed,
        0 as rejected
    from conversions

    union all

    select
        account_id,
        created_date as outcome_date,
        0 as converted,
        1 as closed,
        0 as rejected
    from deals
    where is_won

    union all

    select
        account_id,
        recorded_date as outcome_date,
        0 as converted,
        0 as closed,
        1 as rejected
    from rejections

),

within_horizon as (

    -- What followed each cohort account within the horizon, one row per outcome.
    select
        cohort_accounts.cohort_date,
        cohort_accounts.account_id,
        outcome_events.converted,
        outcome_events.closed,
        outcome_events.rejected
    from cohort_accounts
    inner join outcome_events
        on
            cohort_accounts.account_id = outcome_events.account_id
            and cohort_accounts.cohort_date < outcome_events.outcome_date
            and {{ dbt.datediff('cohort_accounts.cohort_date', 'outcome_events.outcome_date', 'day') }}
            <= {{ pql_calibration_horizon_days() }}

),

outcomes as (

    select
        cohort_accounts.cohort_date,
        cohort_accounts.account_id,
        cohort_accounts.pql_score,
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
    group by 1, 2, 3, 4, 5

)

select * from outcomes
