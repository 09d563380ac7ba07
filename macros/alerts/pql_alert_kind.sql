{% macro pql_alert_kind(is_pql, was_pql, hot_trigger, previous_hot_trigger, is_new_account) %}
    {#-
        SQL expression, the alert an account's day earns against the day before, if any:
        'pql_entry' when it holds a PQL tier and held none the day before (the handoff of
        pql_handoffs), else 'hot_trigger' when a hot trigger holds and none did the day
        before; null otherwise. `was_pql` is null when the account held no tier the day
        before: then only a new account alerts (pql_is_new_account), not one whose history
        or rule set starts today. The one definition the intraday runs
        (int_intraday_scores) and the daily record (int_alert_candidates, from
        int_tier_changes) share.
    -#}
    case
        when {{ was_pql }} is null and not ({{ is_new_account }}) then null
        when {{ is_pql }} and not coalesce({{ was_pql }}, false) then 'pql_entry'
        when {{ hot_trigger }} is not null and {{ previous_hot_trigger }} is null then 'hot_trigger'
    end
{%- endmacro %}
