-- Every disposition must have a name of at most 40 characters (it is named in the
-- score reasons, which fit a 255-character CRM field), listed once whatever its case,
-- count as a conversion or a rejection, and keep the account out of routing for 0
-- days or more.
{{ config(tags=['run_independent']) }}
with

dispositions as (

    select * from {{ ref('stg_seeds__dispositions') }}

),

problems as (

    select
        disposition,
        'disposition is blank' as problem
    from dispositions
    where disposition is null or disposition = ''

    union all

    select
        disposition,
        'disposition is longer than 40 characters' as problem
    from dispositions
    where {{ dbt.length('disposition') }} > 40

    union all

    select
        disposition,
        'disposition is listed more than once (case and spaces aside)' as problem
    from dispositions
    where disposition != ''
    group by disposition
    having count(*) > 1

    union all

    select
        disposition,
        'counts_as must be conversion or rejection' as problem
    from dispositions
    where counts_as is null or counts_as not in ('conversion', 'rejection')

    union all

    select
        disposition,
        'do_not_route_days must be 0 or more' as problem
    from dispositions
    where do_not_route_days is null or do_not_route_days < 0

)

select * from problems
