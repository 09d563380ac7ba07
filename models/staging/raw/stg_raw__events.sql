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
        cast(event_at as date) as event_date,
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

    select
        *,
        -- Exact duplicates share their time, so partitioning by day loses none of them
        -- and lets a filter on event_date reach the raw table below this window.
        row_number() over (
            partition by event_date, event_id
            order by event_at, event_name, user_id
        ) as occurrence
    from keyed

),

final as (

    select
        event_id,
        source_event_id,
        user_id,
        account_id,
        event_name,
        event_at,
        event_date,
        session_id,
        properties
    from deduplicated
    where occurrence = 1

)

select * from final
