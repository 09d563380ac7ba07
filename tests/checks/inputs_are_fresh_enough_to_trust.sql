-- Warns when an input's newest row is more than its warn_after_hours behind: the
-- scores are still built, but a pipe may be slowing down.
{{ config(severity='warn') }}
select * from {{ ref('int_input_freshness') }}
where freshness != 'fresh'
