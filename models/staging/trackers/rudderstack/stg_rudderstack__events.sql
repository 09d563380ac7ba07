-- RudderStack's track calls as raw events (macros/trackers/pql_segment_spec.sql).
{{ config(enabled=pql_event_source() == 'rudderstack') }}
{{ pql_segment_spec_events(source('rudderstack', 'tracks'), source('rudderstack', 'identifies'), source('rudderstack', 'groups')) }}
