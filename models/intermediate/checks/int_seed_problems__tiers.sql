-- Each rule set's tier bands must cover 0-100 exactly: no inverted band, no overlap,
-- no gap, starting at 0 and ending at 100, ranks rising with scores. Every band below
-- the top must be at least pql_tier_hysteresis_points wide, so the dead bands of
-- pql_tier_changes (just under each tier's min_score) never overlap.
with

tiers as (

    select * from {{ ref('stg_seeds__tiers') }}

),

ordered as (

    select
        scoring_model,
        tier_name,
        tier_rank,
        min_score,
        max_score,
        lag(max_score) over (partition by scoring_model order by min_score, max_score) as previous_max_score,
        lag(tier_name) over (partition by scoring_model order by min_score, max_score) as previous_tier_name,
        lag(tier_rank) over (partition by scoring_model order by min_score, max_score) as previous_tier_rank,
        row_number() over (partition by scoring_model order by min_score, max_score) as band_number,
        row_number() over (partition by scoring_model order by max_score desc, min_score desc) as band_number_from_top
    from tiers

),

problems as (

    select
        scoring_model,
        tier_name,
        'band is inverted: min_score is above max_score' as problem
    from ordered
    where min_score > max_score

    union all

    select
        scoring_model,
        tier_name,
        'band reaches outside 0-100' as problem
    from ordered
    where min_score < 0 or max_score > 100

    union all

    select
        scoring_model,
        tier_name,
        'first band must start at 0' as problem
    from ordered
    where band_number = 1 and min_score != 0

    union all

    select
        scoring_model,
        tier_name,
        'last band must end at 100' as problem
    from ordered
    where band_number_from_top = 1 and max_score != 100

    union all

    select
        scoring_model,
        tier_name,
        {{ dbt.concat(["'band overlaps tier '", 'previous_tier_name']) }} as problem
    from ordered
    where min_score <= previous_max_score

    union all

    select
        scoring_model,
        tier_name,
        {{ dbt.concat(["'gap between this band and tier '", 'previous_tier_name']) }} as problem
    from ordered
    where min_score > previous_max_score + 1

    union all

    select
        scoring_model,
        tier_name,
        {{ dbt.concat(["'tier_rank must be above that of lower tier '", 'previous_tier_name']) }} as problem
    from ordered
    where tier_rank <= previous_tier_rank

    union all

    select
        scoring_model,
        tier_name,
        'band is narrower than var pql_tier_hysteresis_points ({{ pql_tier_hysteresis_points() }})' as problem
    from ordered
    where band_number_from_top > 1 and max_score - min_score + 1 < {{ pql_tier_hysteresis_points() }}

)

select * from problems
