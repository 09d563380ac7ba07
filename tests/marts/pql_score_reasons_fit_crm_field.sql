-- score_reasons must fit a 255-character CRM text field.
select
    account_id,
    score_reasons
from {{ ref('pql_scores') }}
where {{ dbt.length('score_reasons') }} > 255
