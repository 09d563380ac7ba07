-- One row per account and date of int_score_history: the tier the account holds that
-- day after hysteresis (var pql_tier_hysteresis_points; docs/history.md tells the
-- rule), and whether it is held in a dead band, which the next day carries on from.
-- int_tier_changes compares each day with the one before.
--
-- Incremental: a run recomputes the dates it scores and every history date after them,
-- from each account's state on the newest state date before, so a daily run costs one
-- date. After a stopped run it recomputes from the day after the newest state, as far
-- back as var pql_incremental_lookback_days allows. A state is looked for within var
-- pql_max_window_days; an account with none starts from nothing. --full-refresh
-- recomputes the whole history.
{{ config(**pql_replaced_days_config('score_date', ['account_id'])) }}
{#- Literal bounds, so that a warehouse reads only the days they allow (partition pruning). #}
{%- set earliest_recompute = pql_earliest_recompute_date_string() %}
{%- set state_search_from = pql_state_search_from_date_string() %}
{%- set in_date_order = 'partition by account_id, scoring_model order by score_date' %}

with

{% if is_incremental() %}

    stored_dates as (

        -- The newest stored state, and the newest before the first date this run scores.
        select
            max(score_date) as newest_date,
            max(case
                when score_date < cast('{{ pql_first_score_date_string() }}' as date) then score_date
            end) as newest_date_before_run
        from {{ this }}
        where score_date >= cast('{{ state_search_from }}' as date)

    ),

    recompute_start as (

        -- The first date to recompute: the first this run scores, or the day after the
        -- newest state when that is earlier, but not before the lookback allows; and the
        -- state date before it, which the recomputed dates carry on from.
        select
            case
                when
                    newest_date is null
                    or newest_date >= cast('{{ pql_first_score_date_string() }}' as date)
                    then cast('{{ pql_first_score_date_string() }}' as date)
                when newest_date < cast('{{ earliest_recompute }}' as date)
                    then cast('{{ earliest_recompute }}' as date)
                else cast({{ dbt.dateadd('day', 1, 'newest_date') }} as date)
            end as first_date,
            case
                when newest_date >= cast('{{ pql_first_score_date_string() }}' as date)
                    then newest_date_before_run
                else newest_date
            end as previous_state_date
        from stored_dates

    ),

    previous_states as (

        -- Each account's state on the last state date before the recomputed ones: it
        -- carries the tier held, and whether the account was held in a dead band.
        select
            score_date,
            account_id,
            scoring_model,
            pql_score,
            hot_trigger,
            cast(null as {{ dbt.type_int() }}) as day_tier_rank,
            dead_band_tier_rank,
            cast(null as {{ dbt.type_int() }}) as dead_band_min_score,
            tier_rank as known_tier_rank,
            is_held_in_dead_band as known_is_held,
            true as is_previous_state
        from {{ this }}
        where
            score_date >= cast('{{ state_search_from }}' as date)
            and score_date = (select recompute_start.previous_state_date from recompute_start)

    ),

{% endif %}

history as (

    select * from {{ ref('int_score_history_banded') }}
    {% if is_incremental() %}
        where
            score_date >= cast('{{ earliest_recompute }}' as date)
            and score_date >= (select recompute_start.first_date from recompute_start)
    {% endif %}

),

sequence_rows as (

    -- The recomputed dates, after the state each account starts from.
    select
        *,
        cast(null as {{ dbt.type_int() }}) as known_tier_rank,
        cast(null as {{ dbt.type_boolean() }}) as known_is_held,
        false as is_previous_state
    from history
    {% if is_incremental() %}
        union all
        select * from previous_states
    {% endif %}

),

band_visits as (

    -- Consecutive days in the same dead band are one visit to it; the score on the day
    -- before the visit began says how the account entered it (a state row already knows).
    select
        *,
        case
            when
                dead_band_tier_rank is not null
                and (previous_band_tier_rank is null or previous_band_tier_rank != dead_band_tier_rank)
                then 1
            else 0
        end as starts_visit,
        case
            when is_previous_state then known_is_held
            else day_before_score >= dead_band_min_score
        end as enters_from_above
    from (
        select
            *,
            lag(dead_band_tier_rank) over ({{ in_date_order }}) as previous_band_tier_rank,
            lag(pql_score) over ({{ in_date_order }}) as day_before_score
        from sequence_rows
    ) as with_previous_day

),

numbered_visits as (

    select
        *,
        sum(starts_visit) over (
            partition by account_id, scoring_model
            order by score_date asc
            rows between unbounded preceding and current row
        ) as visit_number
    from band_visits

),

held as (

    select
        *,
        dead_band_tier_rank is not null
        and max(case when starts_visit = 1 and enters_from_above then 1 else 0 end) over (
            partition by account_id, scoring_model, visit_number
        ) = 1 as is_held_in_dead_band
    from numbered_visits

),

steady as (

    -- In a dead band an account keeps the tier it entered the band from, if from that
    -- tier or above, unless the day's own tier (a hot trigger's) is higher.
    select
        *,
        case
            when is_previous_state then known_tier_rank
            when is_held_in_dead_band and dead_band_tier_rank > day_tier_rank then dead_band_tier_rank
            else day_tier_rank
        end as tier_rank
    from held

),

final as (

    select
        score_date,
        account_id,
        scoring_model,
        cast(pql_score as {{ dbt.type_int() }}) as pql_score,
        hot_trigger,
        cast(dead_band_tier_rank as {{ dbt.type_int() }}) as dead_band_tier_rank,
        is_held_in_dead_band,
        cast(tier_rank as {{ dbt.type_int() }}) as tier_rank,
        -- Which run wrote the row: int_tier_changes redoes the rows written since it last ran.
        cast(
            '{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }}
        ) as computed_at
    from steady
    where not is_previous_state

)

select * from final
