-- RudderStack's groups as raw accounts, from their traits (macros/trackers/pql_segment_spec.sql).
{{ config(enabled=pql_event_source() == 'rudderstack') }}
{{ pql_segment_spec_accounts(source('rudderstack_groups', 'groups')) }}
