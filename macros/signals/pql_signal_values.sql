{#
    How signals are valued, shared by the scoring run (int_signal_activity,
    int_event_signals, int_attribute_signals: the scored signals on the run's dates) and
    the tuning fit (int_cohort_signal_values: every signal on the calibration cohort
    dates). Each macro writes CTEs over the CTE names it is given, so the models keep
    their refs and the lineage graph stays whole.
    Members: pql_signal_kind, pql_signal_attributes, pql_signal_activity_ctes,
    pql_event_signal_values_ctes, pql_attribute_signal_values_ctes.
#}

{% macro pql_signal_kind(measure) -%}
    {#- 'event' for a signal counted from events, 'attribute' for one read from an account; null for a measure the seed checks refuse. -#}
    case
        when {{ measure }} in (
            'has_event', 'event_count', 'active_days', 'active_users', 'sessions',
            'days_since_last_event', 'days_from_signup_to_first_event'
        ) then 'event'
        when {{ measure }} in ('attribute', 'attribute_in_list') then 'attribute'
    end
{%- endmacro %}


{% macro pql_signal_attributes(measure) -%}
    {#- The attribute names an account measure can read, each a column of account_attributes below. -#}
    {{ return({
        'attribute': ['employee_count', 'is_icp_match', 'user_count', 'economic_buyer_count'],
        'attribute_in_list': ['industry', 'country', 'domain'],
    }[measure]) }}
{%- endmacro %}


{% macro pql_signal_activity_ctes(
    event_signals, signal_events, daily_activity, user_activity, account_activity, first_day, oldest_day=none
) -%}
    {#-
        CTE `signal_activity`: each activity row matched to the event signals in
        `event_signals` whose event it is, from `first_day` (an expression) to the score
        date ('*' signals take every event: per-user days for active users, per-account
        days, fewer, for the rest). `oldest_day`, a literal, lets a warehouse prune the
        activity's partitions.
    -#}
live_signal_events as (

    -- The events each signal is fed by ('*': every event). Only these flow on: most
    -- events feed no valued signal.
    select
        {{ signal_events }}.signal_name,
        {{ signal_events }}.event_name,
        {{ signal_events }}.condition_key,
        {{ event_signals }}.measure
    from {{ signal_events }}
    inner join {{ event_signals }}
        on {{ signal_events }}.signal_name = {{ event_signals }}.signal_name

),

signal_activity as (

    select
        live_signal_events.signal_name,
        {{ daily_activity }}.account_id,
        {{ daily_activity }}.user_id,
        {{ daily_activity }}.activity_date,
        {{ daily_activity }}.event_count,
        -- Sessions are counted over every event: only '*' signals have them (a seed check).
        0 as session_count
    from {{ daily_activity }}
    inner join live_signal_events
        on
            {{ daily_activity }}.event_name = live_signal_events.event_name
            -- Every event of the name, or those that met the row's property condition.
            and coalesce({{ daily_activity }}.condition_key, '') = coalesce(live_signal_events.condition_key, '')
    where
        live_signal_events.event_name != '*'
        and {{ daily_activity }}.activity_date <= {{ pql_score_date() }}
        {%- if oldest_day is not none %}
        and {{ daily_activity }}.activity_date >= {{ oldest_day }}
        {%- endif %}
        and {{ daily_activity }}.activity_date >= {{ first_day }}

    union all

    select
        live_signal_events.signal_name,
        {{ user_activity }}.account_id,
        {{ user_activity }}.user_id,
        {{ user_activity }}.activity_date,
        {{ user_activity }}.event_count,
        {{ user_activity }}.session_count
    from {{ user_activity }}
    cross join live_signal_events
    where
        live_signal_events.event_name = '*'
        and live_signal_events.measure = 'active_users'
        and {{ user_activity }}.activity_date <= {{ pql_score_date() }}
        {%- if oldest_day is not none %}
        and {{ user_activity }}.activity_date >= {{ oldest_day }}
        {%- endif %}
        and {{ user_activity }}.activity_date >= {{ first_day }}

    union all

    select
        live_signal_events.signal_name,
        {{ account_activity }}.account_id,
        cast(null as {{ dbt.type_string() }}) as user_id,
        {{ account_activity }}.activity_date,
        {{ account_activity }}.event_count,
        {{ account_activity }}.session_count
    from {{ account_activity }}
    cross join live_signal_events
    where
        live_signal_events.event_name = '*'
        and live_signal_events.measure != 'active_users'
        and {{ account_activity }}.activity_date <= {{ pql_score_date() }}
        {%- if oldest_day is not none %}
        and {{ account_activity }}.activity_date >= {{ oldest_day }}
        {%- endif %}
        and {{ account_activity }}.activity_date >= {{ first_day }}

)
{%- endmacro %}


{% macro pql_event_signal_values_ctes(accounts, score_dates, event_signals, signal_activity) -%}
    {#-
        CTE `event_signal_values`: per row of `accounts` (score_date, account_id,
        signup_date) and signal of `event_signals`, its value as of that date from the
        rows of `signal_activity` (pql_signal_activity_ctes) at or before it, and how
        old its newest evidence is.
    -#}
activity_in_window as (

    -- Each day counts towards every score date whose window holds it. A window of N
    -- days holds events from midnight of the score date minus N days.
    select
        {{ score_dates }}.score_date,
        {{ signal_activity }}.account_id,
        {{ signal_activity }}.signal_name,
        {{ signal_activity }}.activity_date,
        {{ signal_activity }}.event_count,
        {{ signal_activity }}.session_count,
        -- What a distinct measure counts: days for active days, users for active users.
        case {{ event_signals }}.measure
            when 'active_days' then cast({{ signal_activity }}.activity_date as {{ dbt.type_string() }})
            when 'active_users' then {{ signal_activity }}.user_id
        end as counted_key
    from {{ signal_activity }}
    inner join {{ event_signals }}
        on {{ signal_activity }}.signal_name = {{ event_signals }}.signal_name
    inner join {{ score_dates }}
        on
            {{ signal_activity }}.activity_date <= {{ score_dates }}.score_date
            and {{ dbt.datediff(signal_activity ~ '.activity_date', score_dates ~ '.score_date', 'day') }}
            <= {{ event_signals }}.window_days

),

activity_by_key as (

    -- One row per distinct day or user first: counting rows after is far cheaper
    -- than a distinct count beside the sums.
    select
        score_date,
        account_id,
        signal_name,
        counted_key,
        sum(event_count) as event_count,
        sum(session_count) as sessions,
        min(activity_date) as first_activity_date,
        max(activity_date) as last_activity_date
    from activity_in_window
    group by 1, 2, 3, 4

),

event_measures as (

    select
        score_date,
        account_id,
        signal_name,
        sum(event_count) as event_count,
        count(counted_key) as distinct_count,
        sum(sessions) as sessions,
        min(first_activity_date) as first_activity_date,
        max(last_activity_date) as last_activity_date
    from activity_by_key
    group by 1, 2, 3

),

event_measured as (

    select
        {{ accounts }}.score_date,
        {{ accounts }}.account_id,
        {{ event_signals }}.signal_name,
        case {{ event_signals }}.measure
            when 'has_event'
                then case when coalesce(event_measures.event_count, 0) > 0 then 1 else 0 end
            when 'event_count' then coalesce(event_measures.event_count, 0)
            when 'active_days' then coalesce(event_measures.distinct_count, 0)
            when 'active_users' then coalesce(event_measures.distinct_count, 0)
            when 'sessions' then coalesce(event_measures.sessions, 0)
            -- No event in the window: at least the window's length.
            when 'days_since_last_event'
                then coalesce(
                    {{ dbt.datediff('event_measures.last_activity_date', accounts ~ '.score_date', 'day') }},
                    {{ event_signals }}.window_days
                )
            -- No event in the window, or no sign-up date: unknown.
            when 'days_from_signup_to_first_event'
                then {{ dbt.datediff(accounts ~ '.signup_date', 'event_measures.first_activity_date', 'day') }}
        end as signal_value,
        -- How old the newest evidence is, for rules whose points fade (null: no event).
        {{ dbt.datediff('event_measures.last_activity_date', accounts ~ '.score_date', 'day') }}
            as evidence_age_days
    from {{ accounts }}
    cross join {{ event_signals }}
    left join event_measures
        on
            {{ accounts }}.score_date = event_measures.score_date
            and {{ accounts }}.account_id = event_measures.account_id
            and {{ event_signals }}.signal_name = event_measures.signal_name

),

event_signal_values as (

    select
        score_date,
        account_id,
        signal_name,
        cast(signal_value as {{ dbt.type_bigint() }}) as signal_value,
        cast(evidence_age_days as {{ dbt.type_int() }}) as evidence_age_days
    from event_measured

)
{%- endmacro %}


{% macro pql_attribute_signal_values_ctes(accounts, score_dates, attribute_signals, users, value_lists) -%}
    {#-
        CTE `attribute_signal_values`: per row of `accounts` and signal of
        `attribute_signals`, a firmographic value (employee count, ICP match), whether a
        value is in a value list (industry, country, domain), or a count of the
        account's `users` as of that date (users, economic buyers).
    -#}
listed_values as (

    select distinct
        list_name,
        list_value
    from {{ value_lists }}

),

account_users as (

    -- Users who had signed up by the score date (or whose sign-up time is unknown).
    select
        {{ score_dates }}.score_date,
        {{ users }}.account_id,
        count(*) as user_count,
        sum(case when {{ users }}.is_economic_buyer then 1 else 0 end) as economic_buyer_count
    from {{ users }}
    inner join {{ score_dates }}
        on
            {{ users }}.created_at is null
            or cast({{ users }}.created_at as date) <= {{ score_dates }}.score_date
    group by 1, 2

),

account_attributes as (

    -- One column per name in pql_signal_attributes: numbers, and lower-cased text for lists.
    select
        {{ accounts }}.score_date,
        {{ accounts }}.account_id,
        {{ accounts }}.employee_count,
        case
            when {{ accounts }}.is_icp_match then 1
            when not {{ accounts }}.is_icp_match then 0
        end as is_icp_match,
        coalesce(account_users.user_count, 0) as user_count,
        coalesce(account_users.economic_buyer_count, 0) as economic_buyer_count,
        lower({{ accounts }}.industry) as industry,
        lower({{ accounts }}.country) as country,
        lower({{ accounts }}.domain) as domain
    from {{ accounts }}
    left join account_users
        on
            {{ accounts }}.score_date = account_users.score_date
            and {{ accounts }}.account_id = account_users.account_id

),

attribute_measured as (

    select
        account_attributes.score_date,
        account_attributes.account_id,
        {{ attribute_signals }}.signal_name,
        case
            when {{ attribute_signals }}.measure = 'attribute_in_list'
                then case when listed_values.list_value is null then 0 else 1 end
            {%- for attribute in pql_signal_attributes('attribute') %}
            when {{ attribute_signals }}.attribute_name = '{{ attribute }}'
                then account_attributes.{{ attribute }}
            {%- endfor %}
        end as signal_value
    from account_attributes
    cross join {{ attribute_signals }}
    left join listed_values
        on
            {{ attribute_signals }}.measure = 'attribute_in_list'
            and {{ attribute_signals }}.value_list = listed_values.list_name
            and listed_values.list_value = case {{ attribute_signals }}.attribute_name
                {%- for attribute in pql_signal_attributes('attribute_in_list') %}
                when '{{ attribute }}' then account_attributes.{{ attribute }}
                {%- endfor %}
            end

),

attribute_signal_values as (

    select
        score_date,
        account_id,
        signal_name,
        cast(signal_value as {{ dbt.type_bigint() }}) as signal_value
    from attribute_measured

)
{%- endmacro %}
