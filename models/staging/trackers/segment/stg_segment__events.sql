-- Segment's track calls as raw events (macros/trackers/pql_segment_spec.sql).
{{ config(enabled=pql_event_source() == 'segment') }}
{{ pql_segment_spec_events(source('segment', 'tracks'), source('segment', 'identifies'), source('segment', 'groups')) }}
