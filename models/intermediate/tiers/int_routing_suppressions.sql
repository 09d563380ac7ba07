-- One row per score date and account that a rep's disposition keeps out of sales
-- routing that day: the account's latest disposition recorded on or before the date
-- (a later one replaces it, whatever it says) is one pql_dispositions gives
-- do_not_route_days, and fewer than that many days have passed since. On the day
-- they have, the account routes as usual again. int_account_routing names it as a
-- routing gate, in the words and treatment given here.
with

accounts as (

    select
        score_date,
        account_id
    from {{ ref('int_scored_accounts') }}

),

dispositions as (

    select * from {{ ref('int_dispositions') }}

),

latest as (

    select
        accounts.score_date,
        accounts.account_id,
        dispositions.disposition,
        dispositions.recorded_at,
        dispositions.recorded_date,
        dispositions.do_not_route_days,
        cast({{ dbt.dateadd('day', 'dispositions.do_not_route_days', 'dispositions.recorded_date') }} as date)
            as routable_again_on,
        row_number() over (
            partition by accounts.score_date, accounts.account_id
            order by dispositions.recorded_at desc, dispositions.disposition asc
        ) as recency
    from accounts
    inner join dispositions
        on
            accounts.account_id = dispositions.account_id
            and accounts.score_date >= dispositions.recorded_date

),

final as (

    -- As int_account_routing names it: a gate of its own, before the seed's gates.
    select
        score_date,
        account_id,
        disposition,
        recorded_at,
        routable_again_on,
        'disposition' as routing_gate_id,
        {{ dbt.concat([
            "'sales said '", 'disposition', "' on '", 'cast(recorded_date as ' ~ dbt.type_string() ~ ')',
        ]) }} as routing_gate,
        'Do not route' as routing_gate_treatment,
        '{{ pql_scoring_settings() }}' as built_for
    from latest
    where
        recency = 1
        and do_not_route_days > 0
        and score_date < routable_again_on

)

select * from final
