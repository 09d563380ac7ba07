"""Hand-made raw data whose classic scores are worked out by hand below.

Score date D = 2026-03-31. The 30-day window starts 2026-03-01 00:00 UTC, the
14-day window 2026-03-17 00:00 UTC; events from 2026-04-01 00:00 on are ignored.

Classic model (docs/scoring_models.md): product = 15 workspace + 15 invite +
15 integration + 1 per active day (max 5); fit = employees 50-500: 15,
501-5000: 10, >5000: 5; industry SaaS/Fintech/E-commerce: 10, else 3; ICP: 5;
intent = 10 pricing + 10 billing (14 days). Tiers 90 / 70 / 50.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from generate_sample_data import create_raw_tables

SCORE_DATE = "2026-03-31"

ACCOUNTS = [
    # account_id, domain, employee_count, industry, country, icp_match, created_at
    ("acc_hot", "hot.io", 120, "SaaS", "US", True, "2026-02-01 09:00:00"),
    ("acc_no_events", "quiet.io", 250, None, "DE", None, "2026-03-01 09:00:00"),
    ("acc_edges", "edges.io", 5001, "Healthcare", "US", False, "2026-01-15 09:00:00"),
    ("acc_engaged", "Engaged.IO ", 500, " fintech ", "GB", True, "2026-03-15 09:00:00"),
    ("acc_pql", "pql.io", 49, "E-commerce", "US", True, "2026-03-05 09:00:00"),
    ("acc_large", "large.io", 501, "SaaS", "FR", False, "2025-12-01 09:00:00"),
    ("acc_unknowns", "unknown.io", None, "Retail", None, None, "2025-11-01 09:00:00"),
    ("acc_custom", "custom.io", 10, "Media", "US", False, "2026-03-10 09:00:00"),
    ("acc_gmail", " GMAIL.com", 3, "SaaS", "US", False, "2026-03-20 09:00:00"),
]

USERS = [
    # user_id, account_id, email, job_title, created_at
    ("u_hot_1", "acc_hot", "ana@hot.io", "CEO", "2026-02-01 09:00:00"),
    ("u_hot_2", "acc_hot", "ben@hot.io", "Engineer", "2026-02-02 09:00:00"),
    ("u_edges", "acc_edges", "eli@edges.io", "Analyst", "2026-01-15 09:00:00"),
    ("u_engaged", "acc_engaged", "jo@engaged.io", "VP Sales", "2026-03-15 09:00:00"),
    ("u_pql", "acc_pql", "mia@pql.io", "Founder", "2026-03-05 09:00:00"),
    ("u_large", "acc_large", "omar@large.io", "Designer", "2025-12-01 09:00:00"),
    ("u_unknowns", "acc_unknowns", "sara@unknown.io", None, "2025-11-01 09:00:00"),
    ("u_custom", "acc_custom", "tom@custom.io", "Manager", "2026-03-10 09:00:00"),
    ("u_gmail", "acc_gmail", "kofi@gmail.com", "Founder", "2026-03-20 09:00:00"),
]

EVENTS = [
    # event_id, user_id, account_id, event_name, event_time, properties
    # acc_hot: every classic signal; 7 active days (capped at 5).
    ("e01", "u_hot_1", "acc_hot", "workspace_created", "2026-03-02 10:00:00", '{"plan": "trial"}'),
    ("e02", "u_hot_1", "acc_hot", "team_member_invited", "2026-03-03 11:00:00", "{}"),
    ("e03", "u_hot_2", "acc_hot", "integration_connected", "2026-03-05 09:00:00", "{}"),
    ("e04", "u_hot_2", "acc_hot", "page_viewed", "2026-03-10 09:00:00", "{}"),
    ("e05", "u_hot_2", "acc_hot", "page_viewed", "2026-03-12 09:00:00", "{}"),
    ("e06", "u_hot_1", "acc_hot", "pricing_page_viewed", "2026-03-20 09:00:00", "{}"),
    ("e07", "u_hot_1", "acc_hot", "billing_portal_opened", "2026-03-25 09:00:00", "{}"),
    # acc_edges: window edges.
    ("e10", "u_edges", "acc_edges", "team_member_invited", "2026-02-28 23:59:59", "{}"),  # before the 30-day window
    ("e11", "u_edges", "acc_edges", "workspace_created", "2026-03-01 00:00:00", "{}"),  # first instant of it
    ("e12", "u_edges", "acc_edges", "billing_portal_opened", "2026-03-16 23:59:59", "{}"),  # before the 14-day window
    ("e13", "u_edges", "acc_edges", "pricing_page_viewed", "2026-03-17 00:00:00", "{}"),  # first instant of it
    ("e14", "u_edges", "acc_edges", "integration_connected", "2026-04-01 00:00:00", "{}"),  # after the score date
    # acc_engaged: messy event name, 5 active days.
    ("e20", "u_engaged", "acc_engaged", " Team_Member_Invited ", "2026-03-20 10:00:00", "{}"),
    ("e21", "u_engaged", "acc_engaged", "page_viewed", "2026-03-21 10:00:00", "{}"),
    ("e22", "u_engaged", "acc_engaged", "page_viewed", "2026-03-22 10:00:00", "{}"),
    ("e23", "u_engaged", "acc_engaged", "page_viewed", "2026-03-23 10:00:00", "{}"),
    ("e24", "u_engaged", "acc_engaged", "page_viewed", "2026-03-24 10:00:00", "{}"),
    # acc_pql: duplicates delivered by the pipeline (same id; no id but same who/what/when).
    ("e30", "u_pql", "acc_pql", "workspace_created", "2026-03-10 08:00:00", "{}"),
    ("e31", "u_pql", "acc_pql", "team_member_invited", "2026-03-10 09:00:00", "{}"),
    ("e32", "u_pql", "acc_pql", "integration_connected", "2026-03-11 09:00:00", "{}"),
    (None, "u_pql", "acc_pql", "page_viewed", "2026-03-12 09:00:00", "{}"),
    (None, "u_pql", "acc_pql", "page_viewed", "2026-03-12 09:00:00", "{}"),
    ("e34", "u_pql", "acc_pql", "pricing_page_viewed", "2026-03-30 09:00:00", "{}"),
    ("e34", "u_pql", "acc_pql", "pricing_page_viewed", "2026-03-30 09:00:00", "{}"),
    # acc_large: the last second of the score date still counts.
    ("e40", "u_large", "acc_large", "billing_portal_opened", "2026-03-31 12:00:00", "{}"),
    ("e41", "u_large", "acc_large", "page_viewed", "2026-03-31 23:59:59", "{}"),
    # acc_unknowns: only an event long before the window.
    ("e50", "u_unknowns", "acc_unknowns", "workspace_created", "2026-01-10 09:00:00", "{}"),
    # acc_custom: tracking that names the invite event differently.
    ("e60", "u_custom", "acc_custom", "Teammate Invited", "2026-03-15 09:00:00", "{}"),
    # acc_gmail: one invitation, delivered twice.
    ("e80", "u_gmail", "acc_gmail", "team_member_invited", "2026-03-26 09:00:00", "{}"),
    ("e80", "u_gmail", "acc_gmail", "team_member_invited", "2026-03-26 09:00:00", "{}"),
    # An account missing from the accounts table is not scored.
    ("e70", "u_ghost", "acc_ghost", "workspace_created", "2026-03-15 09:00:00", "{}"),
]

# account_id: (product, fit, intent, pql_score, tier)
EXPECTED_CLASSIC = {
    # 15 + 15 + 15 + min(7, 5) | 15 + 10 + 5 | 10 + 10
    "acc_hot": (50, 30, 20, 100, "Hot PQL"),
    # no events | 250 employees: 15, unknown industry: 3, unknown ICP: 0
    "acc_no_events": (0, 18, 0, 18, "Cold"),
    # workspace 15 + days 03-01, 03-16, 03-17: 3 | >5000: 5, other industry: 3 | pricing 10
    "acc_edges": (18, 8, 10, 36, "Cold"),
    # invite 15 + 5 days | 500 employees: 15, " fintech ": 10, ICP: 5 | none
    "acc_engaged": (20, 30, 0, 50, "Engaged"),
    # 15 + 15 + 15 + 4 days | 49 employees: 0, E-commerce: 10, ICP: 5 | pricing 10
    "acc_pql": (49, 15, 10, 74, "PQL"),
    # 1 day | 501 employees: 10, SaaS: 10 | billing 10
    "acc_large": (1, 20, 10, 31, "Cold"),
    # nothing in 30 days | unknown employees: 0, Retail: 3, unknown ICP: 0 | none
    "acc_unknowns": (0, 3, 0, 3, "Cold"),
    # 1 day ("teammate invited" is not mapped) | 10 employees: 0, Media: 3 | none
    "acc_custom": (1, 3, 0, 4, "Cold"),
    # invite 15 + 1 day | 3 employees: 0, SaaS: 10 | none
    "acc_gmail": (16, 10, 0, 26, "Cold"),
}

# The project's default model (seeds/pql_rules.csv, scoring_model "recommended"):
# product (cap 50) = workspace 5, 1 invite 10 / 2+ invites 15, integration 10, project published 10,
#   2 active users 5 / 3+ 10, 1 per active day (max 5), single user -5, no activity in 14 days -10;
# fit (cap 25) = employees 11-49: 5, 50-500: 12, 501-5000: 10, >5000: 6; ICP industry 8, other 2;
#   ICP 5; free email domain -10;
# intent (cap 25) = pricing 8, billing 8, upgrade/paywall 10, enterprise feature 10, sales chat 8.
EXPECTED_RECOMMENDED = {
    # 5 + 10 + 10 + 2 users 5 + 5 days | 12 + 8 + 5 | 8 + 8
    "acc_hot": (35, 25, 16, 76, "PQL"),
    # 5 + 10 + 10 - 5 single user + 4 days | 49 employees: 5, E-commerce 8, ICP 5 | pricing 8
    "acc_pql": (24, 18, 8, 50, "Engaged"),
    # -10 no activity in 14 days, floored at 0 | 250 employees 12, unknown industry 2 | none
    "acc_no_events": (0, 14, 0, 14, "Cold"),
    # the duplicated invite counts once: 10 - 5 single user + 1 day | SaaS 8 - 10 free email, floored | none
    "acc_gmail": (6, 0, 0, 6, "Cold"),
}


def add_fixture_world(database: Path, accounts=ACCOUNTS, users=USERS, events=EVENTS) -> None:
    """Insert the given rows (by default the hand-made world) into existing raw tables."""
    with duckdb.connect(str(database)) as con:
        if accounts:
            con.executemany("insert into raw.accounts values (?, ?, ?, ?, ?, ?, ?)", accounts)
        if users:
            con.executemany("insert into raw.users values (?, ?, ?, ?, ?)", users)
        if events:
            con.executemany("insert into raw.events values (?, ?, ?, ?, ?, ?)", events)


def write_raw_tables(database: Path, accounts=ACCOUNTS, users=USERS, events=EVENTS) -> None:
    """Create raw.accounts, raw.users and raw.events in `database` holding the given rows."""
    with duckdb.connect(str(database)) as con:
        create_raw_tables(con)
    add_fixture_world(database, accounts, users, events)


# A second hand-made world for the published models ("depth_breadth_aha",
# "activation_intensity"): events their rules read, which the classic world does not have.
PUBLISHED_ACCOUNTS = [
    # account_id, domain, employee_count, industry, country, icp_match, created_at
    ("pub_deep", "deep.io", 150, "SaaS", "US", True, "2026-03-01 09:00:00"),
    ("pub_fast", "fast.io", 300, "Retail", "US", False, "2026-03-20 09:00:00"),
    ("pub_dormant", "dormant.io", 20, "SaaS", "US", True, "2026-01-05 09:00:00"),
]
PUBLISHED_USERS = [
    ("u_deep_1", "pub_deep", "ceo@deep.io", "CEO", "2026-03-01 09:00:00"),
    ("u_deep_2", "pub_deep", "dev@deep.io", "Engineer", "2026-03-02 09:00:00"),
    ("u_deep_3", "pub_deep", "ux@deep.io", "Designer", "2026-03-03 09:00:00"),
    ("u_fast_1", "pub_fast", "ops@fast.io", "Head of Ops", "2026-03-20 09:00:00"),
    ("u_fast_2", "pub_fast", "an1@fast.io", "Analyst", "2026-03-21 09:00:00"),
    ("u_fast_3", "pub_fast", "an2@fast.io", "Analyst", "2026-03-21 09:00:00"),
    ("u_dormant", "pub_dormant", "me@dormant.io", "Founder", "2026-01-05 09:00:00"),
]
PUBLISHED_EVENTS = [
    # pub_deep: three users; the key feature 3 times in one session; the aha event 6 days ago.
    ("d1", "u_deep_2", "pub_deep", "key_feature_used", "2026-03-28 10:00:00", "{}"),
    ("d2", "u_deep_2", "pub_deep", "key_feature_used", "2026-03-28 10:05:00", "{}"),
    ("d3", "u_deep_2", "pub_deep", "key_feature_used", "2026-03-28 10:10:00", "{}"),
    ("d4", "u_deep_1", "pub_deep", "report_exported", "2026-03-29 09:00:00", "{}"),
    ("d5", "u_deep_3", "pub_deep", "project_published", "2026-03-25 09:00:00", "{}"),
    ("d6", "u_deep_1", "pub_deep", "page_viewed", "2026-03-30 09:00:00", "{}"),
    # pub_fast: activated 2 days after sign-up by three users, 7 sessions in 14 days, a paywall.
    ("f1", "u_fast_1", "pub_fast", "project_published", "2026-03-22 10:00:00", "{}"),
    ("f2", "u_fast_2", "pub_fast", "workspace_created", "2026-03-23 10:00:00", "{}"),
    ("f3", "u_fast_3", "pub_fast", "integration_connected", "2026-03-24 10:00:00", "{}"),
    ("f4", "u_fast_1", "pub_fast", "team_member_invited", "2026-03-26 09:00:00", "{}"),
    ("f5", "u_fast_1", "pub_fast", "team_member_invited", "2026-03-26 09:01:00", "{}"),
    ("f6", "u_fast_1", "pub_fast", "key_feature_used", "2026-03-30 10:00:00", "{}"),
    ("f7", "u_fast_1", "pub_fast", "key_feature_used", "2026-03-30 10:10:00", "{}"),
    ("f8", "u_fast_1", "pub_fast", "key_feature_used", "2026-03-30 10:20:00", "{}"),
    ("f9", "u_fast_1", "pub_fast", "key_feature_used", "2026-03-30 11:30:00", "{}"),  # 70 minutes on: a new session
    ("f10", "u_fast_1", "pub_fast", "key_feature_used", "2026-03-30 11:35:00", "{}"),
    ("f11", "u_fast_2", "pub_fast", "paywall_hit", "2026-03-30 15:00:00", "{}"),
    # pub_dormant: everything 26 days before the score date.
    ("m1", "u_dormant", "pub_dormant", "project_published", "2026-03-05 10:00:00", "{}"),
    ("m2", "u_dormant", "pub_dormant", "key_feature_used", "2026-03-05 10:05:00", "{}"),
    ("m3", "u_dormant", "pub_dormant", "page_viewed", "2026-03-05 10:10:00", "{}"),
]

# depth_breadth_aha: product (cap 95) = key feature once 10 / 3+ times 20, secondary feature 10,
#   2 active users 15 / 3+ 25, aha 30 - each fading 5 a week past 14 days - active in 3 days 10 /
#   in 7 days 5; fit (cap 20) = 11-200 employees 5, 201-1000 10, an economic buyer 10; total clamped.
EXPECTED_DEPTH_BREADTH_AHA = {
    # 20 + 10 + 25 + 30 + 10 = 95 | 5 + CEO 10 | none: 110, clamped to 100
    "pub_deep": (95, 15, 0, 100, "High PQL"),
    # 20 + 25 + 30 + 10 | 10 + "Head of Ops" 10 | none: 105, clamped; outside the ICP, so self-serve
    "pub_fast": (85, 20, 0, 100, "High PQL"),
    # key feature once 10 - 5 faded, aha 30 - 5 faded (26 days: one whole week past 14) | 5 + founder 10
    "pub_dormant": (30, 15, 0, 45, "Mid PQL"),
}

# activation_intensity: activation (max 30) = milestone 20, within 7 days of sign-up 10; usage
#   intensity (max 30) = 3-6 sessions in 14 days 10 / 7+ 20, core feature 5+ times in 30 days 10;
#   fit (cap 25) = 50-199 employees 10 / 200+ 20, ICP industry 5; intent (cap 30) = paywall 15,
#   enterprise feature 15, 2+ invites 10. PQL 50+, Hot PQL 70+ or any hot trigger.
EXPECTED_ACTIVATION_INTENSITY = {
    # milestone 20 (24 days after sign-up) + 4 sessions 10 | 10 + SaaS 5 | none
    "pub_deep": (30, 15, 0, 45, "Cold"),
    # 20 + 10 | 7 sessions 20 + core 10 | 200+ 20 | paywall 15 + 2 invites 10: 105, clamped
    "pub_fast": (60, 20, 25, 100, "Hot PQL"),
    # milestone 20 (59 days after sign-up), no sessions in 14 days | SaaS 5 | none
    "pub_dormant": (20, 5, 0, 25, "Cold"),
}
