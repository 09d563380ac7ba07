-- One row per user of a scored account (a user in two accounts is a contact of each):
-- the account's score and tier, the user's own activity in the account in the last 30
-- days, and a flag on the one contact a rep should reach first - the most senior
-- economic buyer among users active in the last 30 days, else the most active user
-- (int_contacts_ranked). What a reverse ETL tool syncs to CRM contact records.
-- Read by the reverse ETL syncs in models/exposures.yml: granted to their role.
{{ config(grants=pql_reverse_etl_grants(), pre_hook="{{ pql_inputs_gate_check() }}") }}

with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

contacts as (

    select * from {{ ref('int_contacts_ranked') }}

),

scores as (

    select * from {{ ref('pql_scores') }}

),

final as (

    select
        contacts.user_id,
        contacts.account_id,
        contacts.email,
        contacts.job_title,
        contacts.seniority_rank,
        contacts.is_economic_buyer,
        contacts.last_active_date,
        contacts.active_days_30d,
        contacts.events_30d,
        contacts.key_actions,
        contacts.is_primary_contact,
        contacts.primary_contact_reason,
        scores.pql_score,
        scores.pql_tier,
        scores.is_pql,
        scores.treatment,
        scores.score_date
    from contacts
    -- Users of accounts missing from the accounts table have no score to sync.
    inner join scores
        on contacts.account_id = scores.account_id

)

select final.* from final
-- A gate this command did not build, or scoring tables built by another run, stop it
-- here (macro pql_inputs_gate_passed): the table keeps its last good rows.
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate') }}
