{#
    Segment and RudderStack land the same tables (the Segment spec): `tracks`, one row
    per track call; `pages` and `screens`, one per page or screen view; `identifies`,
    one per identify call; `users`, each user's latest traits; `groups`, one per group
    call, its traits as columns. Their staging models
    pass their own sources to these macros.
    Members: pql_segment_spec_events, pql_segment_spec_users, pql_segment_spec_accounts.
#}

{% macro pql_segment_spec_events(tracks, identifies, groups, pages=none, screens=none) %}
    {#-
        Track calls, and page and screen calls when given, as raw events. A page call is
        "Viewed <name> Page" when the app names the page, else "Loaded a Page" (screens
        alike), as Segment's destinations name them; its name, path, URL and title are
        its properties. The user is `user_id`, else the one user its `anonymous_id` was
        identified as; the account is `context_group_id`, else the user's latest group
        call. Copies share their `id` (the message id).
    -#}
with

calls as (

    select
        {{- pql_source_columns('tracks', [
            'id', 'anonymous_id', 'user_id', 'event', 'timestamp', 'context_group_id', 'context_session_id'
        ]) }},
        -- Properties land in a table per event, not here: nothing to compare copies on.
        cast(null as {{ dbt.type_string() }}) as properties
    from {{ tracks }}
    {%- for table_name, views, kind in [('pages', pages, 'Page'), ('screens', screens, 'Screen')] if views is not none %}

    union all

    select
        {{- pql_source_columns(table_name, ['id', 'anonymous_id', 'user_id']) }},
        case
            when trim({{ pql_source_column(table_name, 'name') }}) != ''
                then {{ dbt.concat(["'Viewed '", 'trim(' ~ pql_source_column(table_name, 'name') ~ ')', "' " ~ kind ~ "'"]) }}
            else 'Loaded a {{ kind }}'
        end as event,
        {{- pql_source_columns(table_name, ['timestamp', 'context_group_id', 'context_session_id']) }},
        {{ pql_json_object(
            [('name', pql_source_column(table_name, 'name'))]
            + ([('path', pql_source_column(table_name, 'path')), ('url', pql_source_column(table_name, 'url')),
                ('title', pql_source_column(table_name, 'title'))] if table_name == 'pages' else [])
        ) }} as properties
    from {{ views }}
    {%- endfor %}

),

identified as (

    {{ pql_identity_per_key(
        identifies, pql_source_column('identifies', 'anonymous_id'), pql_source_column('identifies', 'user_id')
    ) }}

),

latest_groups as (

    {{ pql_latest_per_key(
        groups, pql_source_column('groups', 'user_id'), pql_source_column('groups', 'group_id'),
        pql_source_column('groups', 'timestamp')
    ) }}

),

final as (

    select
        calls.id as event_id,
        coalesce(cast(calls.user_id as {{ dbt.type_string() }}), identified.user_id) as user_id,
        coalesce(
            nullif(trim(cast(calls.context_group_id as {{ dbt.type_string() }})), ''), latest_groups.latest_id
        ) as account_id,
        calls.event as event_name,
        calls.timestamp as event_time,
        cast(calls.context_session_id as {{ dbt.type_string() }}) as session_id,
        calls.properties
    from calls
    left join identified
        on
            calls.user_id is null
            and cast(calls.anonymous_id as {{ dbt.type_string() }}) = identified.key_id
    left join latest_groups
        on coalesce(cast(calls.user_id as {{ dbt.type_string() }}), identified.user_id) = latest_groups.key_id

)

select * from final
{% endmacro %}


{% macro pql_segment_spec_users(users, groups) %}
    {#-
        Users as raw users: one row per user and group the user joined (a user in two
        groups has two rows, as in the native `users`), the traits from `users`. A user
        who never joined a group has one row without an account.
    -#}
with

users as (

    select
        {{- pql_source_columns('users', ['id', 'email', 'title', 'created_at']) }}
    from {{ users }}

),

memberships as (

    select distinct
        cast({{ pql_source_column('groups', 'user_id') }} as {{ dbt.type_string() }}) as user_id,
        cast({{ pql_source_column('groups', 'group_id') }} as {{ dbt.type_string() }}) as group_id
    from {{ groups }}
    where
        {{ pql_source_column('groups', 'user_id') }} is not null
        and {{ pql_source_column('groups', 'group_id') }} is not null

),

final as (

    select
        cast(users.id as {{ dbt.type_string() }}) as user_id,
        memberships.group_id as account_id,
        users.email,
        users.title as job_title,
        users.created_at
    from users
    left join memberships
        on cast(users.id as {{ dbt.type_string() }}) = memberships.user_id

)

select * from final
{% endmacro %}


{% macro pql_segment_spec_accounts(groups) %}
    {#-
        Groups as raw accounts: each trait's newest value of the group calls that set
        it. The domain is the host of the `website` trait.
    -#}
with

group_calls as (

    select
        {{- pql_source_columns('groups', ['group_id', 'timestamp'] + pql_group_trait_names()) }}
    from {{ groups }}

),

traits_set as (

    select
        *,
        group_id as account_id,
        timestamp as seen_at
    from group_calls

),

{{ pql_latest_traits_ctes('traits_set') }},

final as (

    select
        account_id,
        {{ pql_account_columns_from_traits() }},
        last_called_at
    from latest_traits

)

select * from final
{% endmacro %}
