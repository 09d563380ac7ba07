{% macro pql_event_source() %}
    {#-
        Whose tables staging reads the product events from: var pql_event_source, one of
        native (the raw tables as docs/configuration.md lists them), segment, rudderstack,
        snowplow, amplitude, mixpanel or posthog. Its default is set in dbt_project.yml,
        because the sources' `enabled` reads it too.
    -#}
    {%- set trackers = pql_tracker_tables().keys() | list -%}
    {%- set chosen = var('pql_event_source') | string -%}
    {%- if chosen not in trackers -%}
        {{ exceptions.raise_compiler_error(
            "var pql_event_source must be one of " ~ trackers | join(', ') ~ "; got '" ~ chosen ~ "'"
        ) }}
    {%- endif -%}
    {{ return(chosen) }}
{% endmacro %}


{% macro pql_tracker_model(table_name) %}
    {#-
        The tracker's staging model that stg_raw__<table_name> reads instead of the raw
        table, or none when the raw table (native shape) is read: a tracker lands events
        always, users and accounts only where its tables hold them (the others read the
        app's or CRM's `users` and `accounts`). The sources' `enabled` says the same.
    -#}
    {%- set tracker = pql_event_source() -%}
    {{ return('stg_' ~ tracker ~ '__' ~ table_name if table_name in pql_tracker_tables()[tracker] else none) }}
{% endmacro %}


{% macro pql_tracker_tables() %}
    {#-
        The shapes pql_event_source may name, each with the raw tables its own tables stand
        in for (native: none). Adding a tracker registers it here and in
        scripts/tracker_shapes.py, beside its folder under models/staging/trackers/.
    -#}
    {{ return({
        'native': [],
        'segment': ['events', 'users', 'accounts'],
        'rudderstack': ['events', 'users', 'accounts'],
        'snowplow': ['events'],
        'amplitude': ['events'],
        'mixpanel': ['events'],
        'posthog': ['events', 'accounts'],
    }) }}
{% endmacro %}


{% macro pql_events_take_the_users_account() %}
    {#-
        Whether an event without an account is its user's, when `users` gives the user
        exactly one: for the trackers whose users come from the app's `users` table
        (Snowplow, Amplitude, Mixpanel, PostHog). Native events name their account, and
        Segment's and RudderStack's take the user's latest group call, beside their users.
    -#}
    {{ return(pql_event_source() != 'native' and pql_tracker_model('users') is none) }}
{% endmacro %}


{% macro pql_events_record_load_time() %}
    {#-
        Whether the tracker's events say when each row was loaded (loaded_at), never before
        the event happened: Snowplow's collector_tstamp. An incremental run then reads only
        the rows loaded in the days it re-reads (pql_events_since_condition), not every
        row of history; elsewhere loaded_at is null.
    -#}
    {{ return(pql_event_source() == 'snowplow') }}
{% endmacro %}
