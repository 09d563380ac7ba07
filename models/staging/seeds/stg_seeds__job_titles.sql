-- pql_job_titles with each keyword as titles are matched on (trimmed, lowercase).
with

job_titles as (

    select * from {{ ref('pql_job_titles') }}

),

final as (

    select
        lower(trim(title_keyword)) as title_keyword,
        seniority_rank,
        is_economic_buyer
    from job_titles

)

select * from final
