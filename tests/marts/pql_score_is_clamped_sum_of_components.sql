-- pql_score must equal product + fit + intent clamped to 0-100.
select
    account_id,
    product_score,
    fit_score,
    intent_score,
    pql_score
from {{ ref('pql_scores') }}
where
    pql_score != case
        when product_score + fit_score + intent_score < 0 then 0
        when product_score + fit_score + intent_score > 100 then 100
        else product_score + fit_score + intent_score
    end
