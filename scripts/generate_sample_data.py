"""Generate a deterministic, plausible product-led world into a DuckDB file.

Writes raw.accounts, raw.users, raw.events, raw.deals and raw.dispositions (the project's
sources).
The same flags always give the same rows. Accounts follow archetypes - dormant, solo
explorers on free email, casual teams, growing teams, teams evaluating a purchase -
so every tier and every signal appears. Events come in sessions (one user, one day,
a run of events a minute or two apart, page views most of all) with messy event
names, JSON properties holding a session_id, events without ids and exact
duplicates, as real pipelines deliver them.

Deals (the CRM's outcomes) are drawn from behaviour, so the tuning loop has a real
signal to find: each day an account opens a deal with odds raised by what it did in
the 14 days before - a teammate invited, an integration connected, a buying-intent
event (pricing page, paywall, upgrade modal) - and by an ICP fit; deals are won more
often in the ICP. PLANTED_SIGNALS names those events. As a control, about 40% of
accounts view notification settings now and then, at random and with no effect on
deals (NOISE_EVENT): a signal the loop must not find. Reps' dispositions follow the
deals: most accounts with a deal were "sales accepted" a day or two before it, and a
few accounts without one were turned down ("bad fit", "not now", ...), typed as reps
type them. With --independent-deals, deals are drawn at a flat rate, blind to behaviour
and fit: a world with nothing to learn.

    python scripts/generate_sample_data.py --database pql.duckdb --accounts 500
    python scripts/generate_sample_data.py --database big.duckdb --accounts 200000 --events 50000000
    python scripts/generate_sample_data.py --database pql.duckdb --shape segment  # Segment's tables
    python scripts/generate_sample_data.py --database blind.duckdb --independent-deals
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tracker_shapes import SHAPES, write_shape

HISTORY_DAYS = 90
EVENTS_PER_CHUNK = 4_000_000

CORE_EVENTS = [
    "login", "page_viewed", "project_created", "dashboard_viewed",
    "report_exported", "key_feature_used", "search_performed",
]
ACTIVATION_EVENTS = ["workspace_created", "team_member_invited", "integration_connected", "project_published"]
INTENT_EVENTS = [
    "pricing_page_viewed", "billing_portal_opened", "upgrade_modal_clicked", "paywall_hit",
    "sso_settings_viewed", "scim_settings_viewed", "audit_log_viewed", "sales_chat_started",
]
EVENT_NAMES = CORE_EVENTS + ACTIVATION_EVENTS + INTENT_EVENTS

# What raises an account's daily odds of opening a deal (14 days before it), and by how much.
PLANTED_SIGNALS = {
    "team_member_invited": 4.0,
    "integration_connected": 3.0,
    "buying_intent": 6.0,  # any of BUYING_INTENT_EVENTS
}
BUYING_INTENT_EVENTS = ["pricing_page_viewed", "paywall_hit", "upgrade_modal_clicked"]
DEAL_BASE_ODDS_PER_DAY = 0.0006
DEAL_INDEPENDENT_ODDS_PER_DAY = 0.002  # --independent-deals: about as many deals, drawn blind
DEAL_ICP_FACTOR = 2.0
DEAL_LOOKBACK_DAYS = 14
NOISE_EVENT = "notification_settings_viewed"

INDUSTRIES = ["SaaS", "Fintech", "E-commerce", "Healthcare", "Education", "Manufacturing",
              "Media", "Retail", "Non-profit", "Government"]
COUNTRIES = ["US", "GB", "DE", "FR", "CA", "AU", "IN", "BR", "NL", "SE"]
FREE_EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com"]
JOB_TITLES = [
    "Software Engineer", "Product Manager", "Data Analyst", "Designer", "Marketing Manager",
    "Operations Associate", "Customer Success Manager", "Engineering Manager",
    "VP Engineering", "Head of Operations", "CTO", "CEO", "Founder", "Director of Product",
]
FIRST_NAMES = ["ana", "ben", "chen", "dana", "eli", "fatima", "gus", "hana", "ivan", "jo",
               "kofi", "lea", "mia", "noah", "omar", "priya", "quinn", "ravi", "sara", "tom"]
COMPANY_WORDS = ["acme", "globex", "initech", "umbrella", "stark", "wayne", "hooli", "vandelay",
                 "soylent", "tyrell", "cyberdyne", "wonka", "oscorp", "aperture", "pied"]
PLANS = ["free", "trial", "starter"]
PLATFORMS = ["web", "desktop", "ios", "android", "api"]


@dataclass(frozen=True)
class Archetype:
    """A kind of account: how big its team is, how active, when, and on what."""

    name: str
    share: float
    min_users: int
    max_users: int
    activity: float  # relative event volume
    newest_day: int  # events fall between newest_day and oldest_day days before the end date
    oldest_day: int
    recency_ratio: float  # how many times busier the newest day is than the oldest (1 = even)
    activation_weight: float
    intent_weight: float


ARCHETYPES = [
    Archetype("dormant", 0.18, 1, 4, 0.5, 20, 89, 1.0, 1.0, 0.3),
    Archetype("solo_explorer", 0.17, 1, 1, 0.6, 0, 60, 3.0, 0.6, 0.6),
    Archetype("casual_team", 0.30, 2, 5, 1.0, 0, 89, 1.0, 1.0, 0.6),
    Archetype("growing_team", 0.22, 3, 15, 3.0, 0, 89, 4.0, 2.0, 1.2),
    Archetype("evaluating_team", 0.13, 3, 25, 4.0, 0, 60, 8.0, 2.5, 4.0),
]


def _event_probabilities(archetype: Archetype) -> np.ndarray:
    weights = np.array(
        [6, 30, 3, 5, 2, 8, 2]  # core usage dominates, page views most of all
        + [0.15, 0.4, 0.2, 0.3]  # activation
        + [0.3, 0.12, 0.12, 0.1, 0.05, 0.03, 0.04, 0.05],  # intent
        dtype=float,
    )
    weights[len(CORE_EVENTS):len(CORE_EVENTS) + len(ACTIVATION_EVENTS)] *= archetype.activation_weight
    weights[len(CORE_EVENTS) + len(ACTIVATION_EVENTS):] *= archetype.intent_weight
    return weights / weights.sum()


def _recent_first(uniform: np.ndarray, ratio: float) -> np.ndarray:
    """Map uniform draws on [0, 1) to ages on [0, 1) whose density falls evenly (exponentially) by `ratio`.

    Bounded on purpose: the newest day is at most a few times an average day, as in a real
    event stream, so "one new day" in a benchmark is a day's worth of events.
    """
    if ratio == 1.0:
        return uniform
    rate = np.log(ratio)
    return -np.log1p(-uniform * (1 - np.exp(-rate))) / rate


def _account_table(rng: np.random.Generator, count: int, end: dt.datetime):
    archetype_index = rng.choice(len(ARCHETYPES), size=count, p=[a.share for a in ARCHETYPES])
    is_solo = archetype_index == 1
    employee_count = np.round(np.exp(rng.normal(np.where(is_solo, 1.5, 4.5), 1.6))).astype(np.int64)
    employee_count = np.clip(employee_count, 1, 200_000)
    employee_known = rng.random(count) > 0.05
    industry_index = rng.integers(0, len(INDUSTRIES), size=count)
    industry_known = rng.random(count) > 0.06
    icp_industry = industry_index < 3
    icp_match = (employee_count >= 50) & (employee_count <= 5000) & icp_industry
    icp_match = np.where(rng.random(count) < 0.1, ~icp_match, icp_match)
    icp_known = rng.random(count) > 0.05
    free_email = rng.random(count) < np.where(is_solo, 0.7, 0.03)
    signup_days_ago = rng.integers(0, 365, size=count)

    domains, industries = [], []
    for i in range(count):
        if free_email[i]:
            domains.append(FREE_EMAIL_DOMAINS[i % len(FREE_EMAIL_DOMAINS)])
        else:
            domains.append(f"{COMPANY_WORDS[i % len(COMPANY_WORDS)]}{i}.com")
        name = INDUSTRIES[industry_index[i]]
        # Enrichment is messy: some industries arrive padded or in another case.
        industries.append(f" {name.lower()} " if i % 17 == 0 else name)

    table = pa.table({
        "account_id": [f"acc_{i:07d}" for i in range(count)],
        "domain": domains,
        "employee_count": pa.array(employee_count, mask=~employee_known),
        "industry": pa.array(industries, mask=~industry_known),
        "country": [COUNTRIES[i] for i in rng.integers(0, len(COUNTRIES), size=count)],
        "icp_match": pa.array(icp_match, mask=~icp_known),
        "created_at": [end - dt.timedelta(days=int(d), seconds=int(s))
                       for d, s in zip(signup_days_ago, rng.integers(0, 86_400, size=count), strict=True)],
    })
    return table, archetype_index, domains


def _user_table(rng: np.random.Generator, archetype_index: np.ndarray, domains: list[str],
                end: dt.datetime):
    users_per_account = np.array([
        rng.integers(ARCHETYPES[a].min_users, ARCHETYPES[a].max_users + 1) for a in archetype_index
    ])
    first_user = np.concatenate([[0], np.cumsum(users_per_account)[:-1]])
    total = int(users_per_account.sum())
    account_of_user = np.repeat(np.arange(len(archetype_index)), users_per_account)
    titles = rng.integers(0, len(JOB_TITLES), size=total)
    names = rng.integers(0, len(FIRST_NAMES), size=total)
    table = pa.table({
        "user_id": [f"usr_{u:08d}" for u in range(total)],
        "account_id": [f"acc_{a:07d}" for a in account_of_user],
        "email": [
            f"{FIRST_NAMES[name]}.{user}@{domains[account]}"
            for user, (name, account) in enumerate(zip(names, account_of_user, strict=True))
        ],
        "job_title": [JOB_TITLES[t] for t in titles],
        "created_at": [end - dt.timedelta(days=int(d)) for d in rng.integers(0, 365, size=total)],
    })
    return table, users_per_account, first_user


def _event_chunk(rng: np.random.Generator, accounts: np.ndarray, counts: np.ndarray,
                 archetype_index: np.ndarray, users_per_account: np.ndarray,
                 first_user: np.ndarray, first_event_number: int, first_session_number: int,
                 end_day_epoch: int) -> pa.Table:
    """Events of whole accounts, in sessions: one user, one day, a run of events a minute or two apart."""
    account_of_event = np.repeat(accounts, counts)
    n = len(account_of_event)
    first_event_of_account = np.repeat(np.cumsum(counts) - counts, counts)
    rank_in_account = np.arange(n) - first_event_of_account

    # Sessions of 5-30 events, each account its own typical length.
    session_length = rng.integers(5, 31, size=len(accounts))
    local_account = np.repeat(np.arange(len(accounts)), counts)
    sessions_per_account = -(-counts // session_length)  # ceiling division
    first_session_of_account = np.cumsum(sessions_per_account) - sessions_per_account
    session_of_event = first_session_of_account[local_account] + rank_in_account // session_length[local_account]
    position_in_session = rank_in_account % session_length[local_account]
    session_count = int(sessions_per_account.sum())
    account_of_session = np.repeat(accounts, sessions_per_account)
    archetype_of_session = archetype_index[account_of_session]

    session_days_ago = np.empty(session_count, dtype=np.int64)
    for a, archetype in enumerate(ARCHETYPES):
        rows = np.flatnonzero(archetype_of_session == a)
        span = archetype.oldest_day - archetype.newest_day + 1
        session_days_ago[rows] = archetype.newest_day + np.floor(
            span * _recent_first(rng.random(len(rows)), archetype.recency_ratio)).astype(np.int64)
    # The first user of an account has most of its sessions; sessions start early enough to end the same day.
    session_user = first_user[account_of_session] + np.floor(
        users_per_account[account_of_session] * rng.random(session_count) ** 2).astype(np.int64)
    session_start = rng.integers(0, 86_400 - 30 * 120, size=session_count)

    archetype_of_event = archetype_index[account_of_event]
    name_code = np.empty(n, dtype=np.int16)
    for a, archetype in enumerate(ARCHETYPES):
        rows = np.flatnonzero(archetype_of_event == a)
        name_code[rows] = rng.choice(len(EVENT_NAMES), size=len(rows), p=_event_probabilities(archetype))
    seconds_into_day = session_start[session_of_event] + position_in_session * rng.integers(10, 120, size=n)

    return pa.table({
        "event_number": np.arange(first_event_number, first_event_number + n, dtype=np.int64),
        "account_number": account_of_event.astype(np.int64),
        "user_number": session_user[session_of_event],
        "name_code": name_code,
        "event_epoch": end_day_epoch - session_days_ago[session_of_event] * 86_400 + seconds_into_day,
        "platform_code": rng.integers(0, len(PLATFORMS), size=n).astype(np.int16),
        "session_number": first_session_number + session_of_event,
        "is_missing_id": rng.random(n) < 0.01,
        "is_messy_name": rng.random(n) < 0.02,
        "is_duplicated": rng.random(n) < 0.005,
    })


def create_raw_tables(con: duckdb.DuckDBPyConnection, schema: str = "raw") -> None:
    """(Re)create the project's source tables, empty, as the sources yml describes them."""
    con.execute(f"create schema if not exists {schema}")
    con.execute(f"""
        create or replace table {schema}.accounts (
            account_id varchar, domain varchar, employee_count integer, industry varchar,
            country varchar, icp_match boolean, created_at timestamp)""")
    con.execute(f"""
        create or replace table {schema}.users (
            user_id varchar, account_id varchar, email varchar, job_title varchar, created_at timestamp)""")
    con.execute(f"""
        create or replace table {schema}.events (
            event_id varchar, user_id varchar, account_id varchar, event_name varchar,
            event_time timestamp, properties varchar)""")
    con.execute(f"""
        create or replace table {schema}.deals (
            deal_id varchar, account_id varchar, created_at timestamp, closed_at timestamp,
            is_won boolean, amount decimal(18, 2))""")
    con.execute(f"""
        create or replace table {schema}.dispositions (
            account_id varchar, disposition varchar, reason varchar, recorded_at timestamp)""")


def generate(database: Path, accounts: int, events: int | None, end_date: dt.date,
             seed: int, schema: str = "raw", shape: str = "native", independent_deals: bool = False) -> dict[str, int]:
    """Write the sample world into `database`, in the tables `shape` lands (tracker_shapes.py);
    return the native tables' row counts. With independent_deals, every account signed up has the
    same odds of opening a deal each day, whatever it does: a world with nothing to learn."""
    if accounts < 1:
        raise ValueError("--accounts must be at least 1")
    events = accounts * 60 if events is None else events
    if events < 0:
        raise ValueError("--events must not be negative")

    rng = np.random.default_rng(seed)
    # Events end at the last second of the end date (UTC).
    end = dt.datetime.combine(end_date, dt.time(23, 59, 59))
    end_day_epoch = int(dt.datetime.combine(end_date, dt.time(0)).replace(tzinfo=dt.UTC).timestamp())

    account_table, archetype_index, domains = _account_table(rng, accounts, end)
    user_table, users_per_account, first_user = _user_table(rng, archetype_index, domains, end)

    activity = np.array([ARCHETYPES[a].activity for a in archetype_index]) * rng.lognormal(0, 0.6, accounts)
    events_per_account = rng.multinomial(events, activity / activity.sum())

    con = duckdb.connect(str(database))
    try:
        con.execute("set TimeZone = 'UTC'")
        create_raw_tables(con, schema)
        con.execute(f"insert into {schema}.accounts select * from account_table")
        con.execute(f"insert into {schema}.users select * from user_table")
        con.execute("create temporary table event_names (name_code smallint, event_name varchar)")
        con.executemany("insert into event_names values (?, ?)", list(enumerate(EVENT_NAMES)))
        con.execute("create temporary table platforms (platform_code smallint, platform varchar)")
        con.executemany("insert into platforms values (?, ?)", list(enumerate(PLATFORMS)))

        cumulative = np.cumsum(events_per_account)
        start_account, event_number, session_number = 0, 0, 0
        while start_account < accounts:
            # Whole accounts per chunk, about EVENTS_PER_CHUNK events each.
            stop_account = int(np.searchsorted(cumulative, event_number + EVENTS_PER_CHUNK, side="right"))
            stop_account = min(max(stop_account, start_account + 1), accounts)
            chunk_accounts = np.arange(start_account, stop_account)
            chunk = _event_chunk(rng, chunk_accounts, events_per_account[chunk_accounts], archetype_index,
                                 users_per_account, first_user, event_number, session_number, end_day_epoch)
            con.execute(f"""
                insert into {schema}.events
                with generated as (
                    select
                        case when is_missing_id then null
                            else 'evt_' || lpad(cast(event_number as varchar), 12, '0') end as event_id,
                        'usr_' || lpad(cast(user_number as varchar), 8, '0') as user_id,
                        'acc_' || lpad(cast(account_number as varchar), 7, '0') as account_id,
                        case when is_messy_name then ' ' || upper(event_names.event_name) || ' '
                            else event_names.event_name end as event_name,
                        make_timestamp(event_epoch * 1000000) as event_time,
                        cast(json_object(
                            'plan', {PLANS!r}[1 + account_number % 3],
                            'platform', platforms.platform,
                            'session_id', 's_' || cast(session_number as varchar)
                        ) as varchar) as properties,
                        is_duplicated
                    from chunk
                    inner join event_names using (name_code)
                    inner join platforms using (platform_code)
                )
                select event_id, user_id, account_id, event_name, event_time, properties from generated
                union all
                -- Pipelines deliver some events twice.
                select event_id, user_id, account_id, event_name, event_time, properties
                from generated where is_duplicated
            """)
            event_number += len(chunk)
            session_number = int(pc.max(chunk["session_number"]).as_py()) + 1 if len(chunk) else session_number
            start_account = stop_account

        # Outcomes and the control event draw from their own stream, so the events above
        # stay the same rows whatever is done here.
        outcome_rng = np.random.default_rng([seed, 1])
        _insert_noise_events(con, schema, outcome_rng, first_user, end_day_epoch)
        _insert_deals(con, schema, outcome_rng, account_table, end_date, independent_deals)
        _insert_dispositions(con, schema, np.random.default_rng([seed, 2]), accounts, end_date)
        counts = {
            table: con.execute(f"select count(*) from {schema}.{table}").fetchone()[0]
            for table in ("accounts", "users", "events", "deals", "dispositions")
        }
        counts["control events"] = con.execute(
            f"select count(*) from {schema}.events where event_name = ?", [NOISE_EVENT]).fetchone()[0]
        write_shape(con, schema, shape)
    finally:
        con.close()
    return counts


def _insert_noise_events(con: duckdb.DuckDBPyConnection, schema: str, rng: np.random.Generator,
                         first_user: np.ndarray, end_day_epoch: int) -> None:
    """The control: about 40% of accounts view notification settings a few times, at random."""
    accounts = len(first_user)
    viewers = np.flatnonzero(rng.random(accounts) < 0.4)
    views = rng.poisson(4, size=len(viewers)) + 1
    account_of_view = np.repeat(viewers, views)
    n = len(account_of_view)
    days_ago = rng.integers(0, HISTORY_DAYS, size=n)
    noise_events = pa.table({
        "event_id": [f"evt_noise_{i:09d}" for i in range(n)],
        "user_id": [f"usr_{u:08d}" for u in first_user[account_of_view]],
        "account_id": [f"acc_{a:07d}" for a in account_of_view],
        "event_name": [NOISE_EVENT] * n,
        "event_time": pa.array((end_day_epoch - days_ago * 86_400 + rng.integers(0, 86_400, size=n)) * 1_000_000,
                               type=pa.timestamp("us")),
        "properties": [f'{{"session_id": "s_noise_{i}"}}' for i in range(n)],
    })
    con.register("noise_events", noise_events)
    con.execute(f"insert into {schema}.events select * from noise_events")


def _insert_deals(con: duckdb.DuckDBPyConnection, schema: str, rng: np.random.Generator,
                  account_table: pa.Table, end_date: dt.date, independent: bool = False) -> None:
    """At most one deal per account, opened on a day drawn from the account's behaviour before it."""
    accounts = account_table.num_rows
    planted = list(PLANTED_SIGNALS)
    intent_list = ", ".join(f"'{name}'" for name in BUYING_INTENT_EVENTS)
    daily = con.execute(f"""
        select
            cast(substr(account_id, 5) as integer) as account_number,
            date_diff('day', cast(event_time as date), date '{end_date}') as days_ago,
            max(case when lower(trim(event_name)) = 'team_member_invited' then 1 else 0 end) as team_member_invited,
            max(case when lower(trim(event_name)) = 'integration_connected' then 1 else 0 end)
                as integration_connected,
            max(case when lower(trim(event_name)) in ({intent_list}) then 1 else 0 end) as buying_intent
        from {schema}.events
        where account_id like 'acc_%' and event_time < date '{end_date}' + 1
        group by 1, 2
    """).fetchnumpy()
    # did[signal][account, day]: the signal happened that day; day 0 is the oldest.
    in_range = (daily["days_ago"] >= 0) & (daily["days_ago"] < HISTORY_DAYS)
    day_index = HISTORY_DAYS - 1 - daily["days_ago"][in_range]
    account_index = daily["account_number"][in_range]
    odds = np.full((accounts, HISTORY_DAYS), DEAL_INDEPENDENT_ODDS_PER_DAY if independent else DEAL_BASE_ODDS_PER_DAY)
    for signal in [] if independent else planted:
        did = np.zeros((accounts, HISTORY_DAYS + 1), dtype=np.int64)
        did[account_index, day_index + 1] = daily[signal][in_range]
        running = np.cumsum(did, axis=1)
        # Did it happen in the DEAL_LOOKBACK_DAYS days before day d (d itself not included)?
        before = running[:, :HISTORY_DAYS] - np.concatenate(
            [np.zeros((accounts, DEAL_LOOKBACK_DAYS), dtype=np.int64),
             running[:, :HISTORY_DAYS - DEAL_LOOKBACK_DAYS]], axis=1)
        odds *= np.where(before > 0, PLANTED_SIGNALS[signal], 1.0)
    icp = np.asarray(account_table["icp_match"].fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    odds *= np.where(icp & (not independent), DEAL_ICP_FACTOR, 1.0)[:, None]
    # No deal before the first day with a full lookback, nor before the account signed up.
    odds[:, :DEAL_LOOKBACK_DAYS] = 0
    end = dt.datetime.combine(end_date, dt.time(0))
    signup_days_ago = np.array([(end - created).days for created in account_table["created_at"].to_pylist()])
    first_open_day = np.clip(HISTORY_DAYS - 1 - signup_days_ago + 1, 0, HISTORY_DAYS)
    odds[np.arange(HISTORY_DAYS)[None, :] < first_open_day[:, None]] = 0

    opens = rng.random((accounts, HISTORY_DAYS)) < np.minimum(odds, 0.5)
    has_deal = opens.any(axis=1)
    deal_accounts = np.flatnonzero(has_deal)
    open_day = opens[deal_accounts].argmax(axis=1)
    created = [end - dt.timedelta(days=int(HISTORY_DAYS - 1 - d)) + dt.timedelta(seconds=int(s))
               for d, s in zip(open_day, rng.integers(8 * 3600, 18 * 3600, size=len(deal_accounts)), strict=True)]
    cycle_days = rng.integers(3, 31, size=len(deal_accounts))
    win_odds = np.where(icp[deal_accounts], 0.55, 0.3)
    is_won = rng.random(len(deal_accounts)) < win_odds
    employees = np.asarray(account_table["employee_count"].fill_null(20).to_numpy(zero_copy_only=False), dtype=float)
    amount = np.round(rng.lognormal(np.log(3_000 + 40 * np.minimum(employees[deal_accounts], 2_000)), 0.4), -2)
    closed, won = [], []
    for opened, cycle, winner in zip(created, cycle_days, is_won, strict=True):
        closes = opened + dt.timedelta(days=int(cycle))
        still_open = closes.date() > end_date
        closed.append(None if still_open else closes)
        won.append(None if still_open else bool(winner))
    deals = pa.table({
        "deal_id": [f"deal_{i:07d}" for i in range(len(deal_accounts))],
        "account_id": [f"acc_{a:07d}" for a in deal_accounts],
        "created_at": pa.array(created, type=pa.timestamp("us")),
        "closed_at": pa.array(closed, type=pa.timestamp("us")),
        "is_won": pa.array(won, type=pa.bool_()),
        "amount": pa.array(amount, type=pa.float64()),
    })
    con.register("generated_deals", deals)
    con.execute(f"insert into {schema}.deals select * from generated_deals")


def _insert_dispositions(con: duckdb.DuckDBPyConnection, schema: str, rng: np.random.Generator,
                         accounts: int, end_date: dt.date) -> None:
    """Most deals were "sales accepted" a day or two before they opened; about 4% of the accounts
    without a deal were turned down on a day of the last 60. Case and spaces as reps type them."""
    deals = con.execute(f"select account_id, created_at from {schema}.deals order by deal_id").fetchall()
    rows = [(account_id, "Sales accepted", None, created_at - dt.timedelta(days=int(rng.integers(1, 3))))
            for account_id, created_at in deals if rng.random() < 0.6]
    with_deal = {account_id for account_id, _ in deals}
    without_deal = [f"acc_{a:07d}" for a in range(accounts) if f"acc_{a:07d}" not in with_deal]
    rejections = [("Bad fit", "no budget"), ("not now", "revisit next quarter"), (" Wrong contact", None),
                  ("Already a customer", "buys through a partner")]
    end = dt.datetime.combine(end_date, dt.time(0))
    for account_id in without_deal:
        if rng.random() < 0.04:
            disposition, reason = rejections[int(rng.choice(4, p=[0.35, 0.35, 0.2, 0.1]))]
            day = end - dt.timedelta(days=int(rng.integers(0, 60)))
            recorded = day + dt.timedelta(seconds=int(rng.integers(8 * 3600, 18 * 3600)))
            rows.append((account_id, disposition, reason, recorded))
    con.executemany(f"insert into {schema}.dispositions values (?, ?, ?, ?)", rows)


def _parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", type=Path, default=Path("pql.duckdb"), help="DuckDB file to write")
    parser.add_argument("--schema", default="raw", help="schema for the raw tables (default: raw)")
    parser.add_argument("--accounts", type=int, default=500, help="number of accounts (default: 500)")
    parser.add_argument("--events", type=int, default=None,
                        help="number of events before duplicates and control events (default: 60 per account)")
    parser.add_argument("--end-date", type=dt.date.fromisoformat,
                        default=dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1),
                        help="last day with events, YYYY-MM-DD (default: yesterday, UTC, the last complete "
                             "day: later events would lie in the future)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    parser.add_argument("--shape", choices=SHAPES, default="native",
                        help="write the tables this tracker lands instead of the native ones (default: native)")
    parser.add_argument("--independent-deals", action="store_true",
                        help="draw deals at the same odds for every account, whatever it does: a world where "
                             "the tuning command must find nothing")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = _parse_args(argv)
    counts = generate(args.database, args.accounts, args.events, args.end_date, args.seed, args.schema, args.shape,
                      args.independent_deals)
    print(f"Wrote {args.database} ({args.shape} tables): " + ", ".join(f"{n:,} {t}" for t, n in counts.items())
          + f" ({HISTORY_DAYS} days to {args.end_date})")


if __name__ == "__main__":
    main()
