-- RudderStack's users as raw users, one row per group each joined (macros/trackers/pql_segment_spec.sql).
{{ config(enabled=pql_event_source() == 'rudderstack') }}
{{ pql_segment_spec_users(source('rudderstack_users', 'users'), source('rudderstack_groups', 'groups')) }}
