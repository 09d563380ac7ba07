-- One row per user of an account this run scores (int_scored_accounts), with the
-- seniority and economic-buyer flag their job title earns in pql_job_titles. Keywords
-- match whole words (punctuation counts as a space); when several match, the longest
-- keyword wins, so "Vice President" is a vice president and not a president.
with

scored_accounts as (

    select account_id from {{ ref('int_scored_accounts') }}

),

users as (

    select * from {{ ref('int_users') }}
    where account_id in (select scored_accounts.account_id from scored_accounts)

),

job_titles as (

    select * from {{ ref('stg_seeds__job_titles') }}

),

distinct_titles as (

    -- Titles repeat across users: match each distinct title once, not once per user.
    select distinct coalesce(job_title, '') as job_title_key
    from users

),

padded_titles as (

    -- Punctuation counts as a space, and the title is padded, so keywords match whole words.
    select
        job_title_key,
        {{ dbt.concat([
            "' '",
            "replace(replace(replace(replace(replace(lower(job_title_key), ',', ' '), '-', ' '), '&', ' '), '/', ' '), '.', ' ')",
            "' '",
        ]) }} as padded_title
    from distinct_titles

),

title_matches as (

    select
        padded_titles.job_title_key,
        job_titles.seniority_rank,
        job_titles.is_economic_buyer,
        row_number() over (
            partition by padded_titles.job_title_key
            order by {{ dbt.length('job_titles.title_keyword') }} desc, job_titles.seniority_rank asc
        ) as match_rank
    from padded_titles
    inner join job_titles
        on padded_titles.padded_title like {{ dbt.concat(["'% '", 'job_titles.title_keyword', "' %'"]) }}

),

final as (

    select
        users.user_id,
        users.account_id,
        users.email,
        users.job_title,
        users.created_at,
        title_matches.seniority_rank,
        coalesce(title_matches.is_economic_buyer, false) as is_economic_buyer,
        '{{ pql_scoring_settings() }}' as built_for
    from users
    left join title_matches
        on
            coalesce(users.job_title, '') = title_matches.job_title_key
            and title_matches.match_rank = 1

)

select * from final
