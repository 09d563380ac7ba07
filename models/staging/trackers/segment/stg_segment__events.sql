-- Segment's track, page and screen calls as raw events (macros/trackers/pql_segment_spec.sql).
{{ config(enabled=pql_event_source() == 'segment') }}
{{ pql_segment_spec_events(
    source('segment_tracks', 'tracks'),
    source('segment_identifies', 'identifies'),
    source('segment_groups', 'groups'),
    pages=source('segment_pages', 'pages') if pql_read_pages() else none,
    screens=source('segment_screens', 'screens') if pql_read_screens() else none,
) }}
