-- One row per account per date this run scores (int_score_dates): every account in
-- the accounts table, except one that signed up after the date - as of that date it
-- did not exist yet. An account with no sign-up time is scored on every date. The
-- intraday job scores only the accounts whose day changed since the run before it
-- started (int_intraday_changes): what this run and the one before it noted, so that
-- a run that failed after noting a change loses nothing. Every scoring model after
-- this one works on these rows alone.
-- depends_on: {{ ref('int_intraday_changes') }}
with

score_dates as (

    select * from {{ ref('int_score_dates') }}

),

accounts as (

    select * from {{ ref('int_accounts') }}

),

{% if pql_is_intraday_run() %}

    day_changes as (

        select * from {{ ref('int_intraday_changes') }}
        where score_date = {{ pql_score_date() }}

    ),

    changed_lately as (

        select account_id
        from day_changes
        where changed_at >= coalesce(
            (
                select max(earlier.changed_at) from day_changes as earlier
                where earlier.changed_at < {{ pql_run_started_timestamp() }}
            ),
            {{ pql_run_started_timestamp() }}
        )

    ),

{% endif %}

final as (

    select
        score_dates.score_date,
        accounts.account_id,
        accounts.domain,
        accounts.employee_count,
        accounts.industry,
        accounts.country,
        accounts.is_icp_match,
        cast(accounts.created_at as date) as signup_date,
        '{{ pql_scoring_settings() }}' as built_for
    from score_dates
    inner join accounts
        on
            accounts.created_at is null
            or cast(accounts.created_at as date) <= score_dates.score_date
    {% if pql_is_intraday_run() -%}
        where accounts.account_id in (select changed_lately.account_id from changed_lately)
    {%- endif %}

)

select * from final
