-- Warns when an input's newest row is more than its warn_after_hours behind: the
-- scores are still built, but a pipe may be slowing down.
{{ config(severity='warn') }}
{{ pql_stale_inputs('warn_after_hours') }}
