-- Accounts per 10-point score band with their tiers: the first look when tuning
-- thresholds (a healthy model puts 5-15% of accounts at PQL or above).
with

scores as (

    select * from {{ ref('pql_scores') }}

),

banded as (

    select
        case when pql_score = 100 then 90 else pql_score - mod(pql_score, 10) end as band_start,
        pql_tier,
        is_pql
    from scores

),

final as (

    select
        band_start,
        band_start + 9 + case when band_start = 90 then 1 else 0 end as band_end,
        count(*) as account_count,
        sum(case when is_pql then 1 else 0 end) as pql_account_count,
        {{ dbt.listagg('distinct pql_tier', "', '") }} as tiers_in_band
    from banded
    group by 1, 2

)

select
    *,
    1.0 * account_count / sum(account_count) over () as share_of_accounts
from final
order by 1 desc
