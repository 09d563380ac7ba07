{#
    Where each tracker keeps the account and the session, and which of its optional
    tables are read, each from its var with its default.
    Members: pql_snowplow_account_context, pql_snowplow_account_field,
    pql_snowplow_late_copy_days, pql_snowplow_collected_since_timestamp, pql_group_type,
    pql_mixpanel_account_property, pql_mixpanel_session_property, pql_read_pages,
    pql_read_screens.
#}

{% macro pql_snowplow_account_context() %}
    {#-
        The Snowplow context column holding the account (contexts_com_acme_account_1):
        var pql_snowplow_account_context. Unset, an event's account is its user's.
    -#}
    {{ return(pql_name_var('pql_snowplow_account_context', none)) }}
{% endmacro %}


{% macro pql_snowplow_account_field() %}
    {#- The field of that context holding the account id: var pql_snowplow_account_field. -#}
    {{ return(pql_name_var('pql_snowplow_account_field', 'account_id')) }}
{% endmacro %}


{% macro pql_snowplow_late_copy_days() %}
    {#-
        How many days after an event's first copy another copy may still be collected: var
        pql_snowplow_late_copy_days. Snowplow's collectors retry for hours, not days; a
        copy later than this counts as an event of its own.
    -#}
    {{- pql_whole_number_var('pql_snowplow_late_copy_days', 3) -}}
{% endmacro %}


{% macro pql_snowplow_collected_since_timestamp() %}
    {#-
        SQL timestamp literal: how far back an incremental run reads atomic.events to find
        copies - the days it re-reads and pql_snowplow_late_copy_days before them, so the
        first copy of every copy it re-reads is among them.
    -#}
    {{- pql_incremental_start_timestamp(extra_days=pql_snowplow_late_copy_days() | int) -}}
{%- endmacro %}


{% macro pql_group_type() %}
    {#-
        The group type whose groups are the accounts, in Amplitude's `groups` and
        PostHog's `$groups`: var pql_group_type.
    -#}
    {{ return(pql_name_var('pql_group_type', 'company')) }}
{% endmacro %}


{% macro pql_mixpanel_account_property() %}
    {#- The Mixpanel event property holding the account id: var pql_mixpanel_account_property. -#}
    {{ return(pql_name_var('pql_mixpanel_account_property', 'account_id')) }}
{% endmacro %}


{% macro pql_mixpanel_session_property() %}
    {#-
        The Mixpanel event property holding a session id, if the app sets one: var
        pql_mixpanel_session_property. Unset, sessions are runs with no 30-minute gap.
    -#}
    {{ return(pql_name_var('pql_mixpanel_session_property', none)) }}
{% endmacro %}


{% macro pql_read_pages() %}
    {#- Whether Segment's or RudderStack's `pages` are read: var pql_read_pages, true by default (dbt_project.yml). -#}
    {{ return(pql_boolean_var('pql_read_pages', true)) }}
{% endmacro %}


{% macro pql_read_screens() %}
    {#- Whether Segment's or RudderStack's `screens` are read: var pql_read_screens, false by default (dbt_project.yml). -#}
    {{ return(pql_boolean_var('pql_read_screens', false)) }}
{% endmacro %}
