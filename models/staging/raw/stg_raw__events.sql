-- Product events as of the score date: names normalised, exact duplicates dropped,
-- events after the score date left out so a past date scores deterministically.
with

source as (

    select * from {{ source('raw', 'events') }}

),

renamed as (

    select
        cast(event_id as {{ dbt.type_string() }}) as source_event_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        lower(trim(cast(event_name as {{ dbt.type_string() }}))) as event_name,
        cast(event_time as {{ dbt.type_timestamp() }}) as event_at,
        {{ pql_json_text('properties', 'session_id') }} as session_id,
        properties
    from source

),

keyed as (

    select
        *,
        -- Events without a pipeline id are identified by who did what when.
        coalesce(
            source_event_id,
            {{ dbt.hash(dbt.concat([
                "coalesce(user_id, '')", "'|'",
                "coalesce(account_id, '')", "'|'",
                "coalesce(event_name, '')", "'|'",
                "coalesce(cast(event_at as " ~ dbt.type_string() ~ "), '')"
            ])) }}
        ) as event_id
    from renamed
    where event_at < {{ pql_score_date_end() }}

),

deduplicated as (

    -- Copies of one event (same id, account, user, name and time) collapse into one
    -- row; grouping is cheaper than ranking rows. Time is in the key so that a filter
    -- on event_at reaches the raw table. An id delivered with different contents stays
    -- as two rows, for the key test to flag rather than to lose one silently.
    select
        event_id,
        account_id,
        user_id,
        event_name,
        event_at,
        min(source_event_id) as source_event_id,
        min(session_id) as session_id,
        {{ dbt.any_value('properties') }} as properties
    from keyed
    group by 1, 2, 3, 4, 5

),

final as (

    select
        event_id,
        source_event_id,
        user_id,
        account_id,
        event_name,
        event_at,
        cast(event_at as date) as event_date,
        session_id,
        properties
    from deduplicated

)

select * from final
