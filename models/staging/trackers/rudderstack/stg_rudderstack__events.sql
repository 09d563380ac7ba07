-- RudderStack's track, page and screen calls as raw events (macros/trackers/pql_segment_spec.sql).
{{ config(enabled=pql_event_source() == 'rudderstack') }}
{{ pql_segment_spec_events(
    source('rudderstack_tracks', 'tracks'),
    source('rudderstack_identifies', 'identifies'),
    source('rudderstack_groups', 'groups'),
    pages=source('rudderstack_pages', 'pages') if pql_read_pages() else none,
    screens=source('rudderstack_screens', 'screens') if pql_read_screens() else none,
) }}
