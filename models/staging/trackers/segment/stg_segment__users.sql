-- Segment's users as raw users, one row per group each joined (macros/trackers/pql_segment_spec.sql).
{{ config(enabled=pql_event_source() == 'segment') }}
{{ pql_segment_spec_users(source('segment_users', 'users'), source('segment_groups', 'groups')) }}
