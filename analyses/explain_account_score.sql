-- Why did an account score what it did? Every signal the live rule set reads, its
-- value, and the points each rule gave (on its own, after component caps, and as
-- counted in the 0-100 score), next to the account's final score.
--   dbt compile -s explain_account_score --vars '{pql_account_id: acc_0000278}'
-- then run the SQL printed (or target/compiled/.../explain_account_score.sql).
{% set account_id = var("pql_account_id", "") | replace("'", "''") %}

with

signals as (

    select * from {{ ref('int_account_signals') }}

),

contributions as (

    select * from {{ ref('pql_score_contributions') }}

),

scores as (

    select * from {{ ref('pql_scores') }}

),

final as (

    select
        signals.account_id,
        signals.signal_name,
        signals.signal_value,
        contributions.rule_id,
        contributions.component,
        contributions.raw_points,
        contributions.capped_points,
        contributions.counted_points,
        contributions.reason,
        scores.product_score,
        scores.fit_score,
        scores.intent_score,
        scores.pql_score,
        scores.pql_tier
    from signals
    left join contributions
        on
            signals.account_id = contributions.account_id
            and signals.signal_name = contributions.signal_name
    inner join scores
        on signals.account_id = scores.account_id
    where signals.account_id = '{{ account_id }}'

)

select * from final
order by component asc, counted_points desc, signal_name asc
