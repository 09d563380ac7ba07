"""A day of events for the intraday job, worked out by hand under the `recommended` rule set.

Yesterday (YESTERDAY) is closed by the daily run; the score date (TODAY) then arrives in LOADS,
slices of the day an event pipeline lands one after another, with an intraday run after each, and
OVERNIGHT, the events that land after the day's last intraday run and before the next morning's
daily run. A sample world (generated, its own events of today held back and landed by the same
slices) plays around the hand-made accounts below.

Recommended, in brief: product (cap 50) = workspace 5, one invitation 10, integration 10,
project published 10, 2 active users 5 / 3+ 10, 1 per active day (5 at most), single user -5;
fit (cap 25) = 50-500 employees 12, ICP industry 8, ICP 5; intent (cap 25) = pricing 8,
billing 8, upgrade or paywall 10, enterprise feature 10. Tiers: Engaged 50, PQL 70, Hot PQL 90;
a paywall hit is a hot trigger (Hot PQL, 4-hour SLA), an enterprise feature one too (24 hours);
an account outside the ICP is routed "Self-serve only" whatever it does.
"""

from __future__ import annotations

import datetime as dt
import hashlib

YESTERDAY = "2026-03-30"
TODAY = "2026-03-31"
HOLDOUT_SHARE = 0.2

# The pieces of today's events the pipeline lands, each followed by an intraday run: up to (not
# including) each time.
LOADS = ["2026-03-31 06:00:00", "2026-03-31 09:05:00", "2026-03-31 12:00:00", "2026-04-01 00:00:00"]


def held_out_id(prefix: str) -> str:
    """The first id `prefix_N` the holdout of HOLDOUT_SHARE takes (macro pql_is_held_out)."""
    threshold = f"{round(HOLDOUT_SHARE * 2**32):08x}"
    return next(f"{prefix}_{n}" for n in range(1000)
                if hashlib.md5(f"{prefix}_{n}".encode()).hexdigest()[-8:] < threshold)


HELD_OUT = held_out_id("acc_held")

# account_id, domain, employee_count, industry, country, icp_match, created_at
ACCOUNTS = [
    # Fit 12 + 8 + 5 = 25 for all but the gated one.
    ("acc_paywall", "paywall.io", 120, "SaaS", "US", True, "2026-03-01 09:00:00"),
    ("acc_climber", "climb.io", 300, "Fintech", "US", True, "2026-03-01 09:00:00"),
    ("acc_gated", "gated.io", 250, "SaaS", "US", False, "2026-03-01 09:00:00"),
    (HELD_OUT, "held.io", 250, "SaaS", "US", True, "2026-03-01 09:00:00"),
    ("acc_tried_sso", "sso.io", 200, "SaaS", "US", True, "2026-03-01 09:00:00"),
    ("acc_afternoon", "afternoon.io", 200, "SaaS", "US", True, "2026-03-01 09:00:00"),
    ("acc_evening", "evening.io", 200, "SaaS", "US", True, "2026-03-01 09:00:00"),
    ("acc_late_arrival", "late.io", 200, "SaaS", "US", True, "2026-03-01 09:00:00"),
]
# Signs up today, at 10:00: its row lands with the third load.
NEW_ACCOUNT = ("acc_new", "new.io", 80, "SaaS", "US", True, "2026-03-31 10:00:00")

# user_id, account_id, email, job_title, created_at: three users each (two for acc_paywall).
USERS = [
    ("u_pw_1", "acc_paywall", "ana@paywall.io", "CEO", "2026-03-01 09:00:00"),
    ("u_pw_2", "acc_paywall", "ben@paywall.io", "Engineer", "2026-03-01 09:00:00"),
    *[(f"{account[4:]}_{n}", account, f"{n}@{account[4:]}.io", title, "2026-03-01 09:00:00")
      for account in ("acc_climber", "acc_gated", HELD_OUT, "acc_tried_sso", "acc_afternoon", "acc_evening",
                      "acc_late_arrival")
      for n, title in ((1, "VP Sales"), (2, "Engineer"), (3, "Designer"))],
]
NEW_USER = ("new_1", "acc_new", "1@new.io", "Founder", "2026-03-31 10:00:00")


def _history(account: str, *, invited: bool = False, integrated: bool = False) -> list[tuple]:
    """Before today: a workspace (5), a project published (10), three active users (10) and five
    active days in the last 30 (5): product 30, so fit 25 makes 55, Engaged. An invitation
    makes it 65, and an integration too 75, a PQL."""
    user = account[4:]
    events = [
        (f"{user}_h1", f"{user}_1", account, "workspace_created", "2026-03-10 10:00:00"),
        (f"{user}_h2", f"{user}_2", account, "project_published", "2026-03-20 10:00:00"),
        (f"{user}_h3", f"{user}_3", account, "page_viewed", "2026-03-25 10:00:00"),
        (f"{user}_h4", f"{user}_3", account, "page_viewed", "2026-03-27 10:00:00"),
        (f"{user}_h5", f"{user}_1", account, "page_viewed", "2026-03-29 10:00:00"),
    ]
    if invited:
        events.append((f"{user}_h6", f"{user}_1", account, "team_member_invited", "2026-03-29 11:00:00"))
    if integrated:
        events.append((f"{user}_h7", f"{user}_2", account, "integration_connected", "2026-03-29 12:00:00"))
    return events


# event_id, user_id, account_id, event_name, event_time (properties "{}").
HISTORY = [
    # acc_paywall: a workspace and three days of one user: 5 + 3 - 5 (single user) = 3, with fit 28, Cold.
    ("pw_h1", "u_pw_1", "acc_paywall", "workspace_created", "2026-03-02 10:00:00"),
    ("pw_h2", "u_pw_1", "acc_paywall", "page_viewed", "2026-03-25 10:00:00"),
    ("pw_h3", "u_pw_1", "acc_paywall", "page_viewed", "2026-03-28 10:00:00"),
    *_history("acc_climber"),
    *_history("acc_gated"),  # fit 20 outside the ICP: 50, Engaged, and routed self-serve
    *_history(HELD_OUT, invited=True),
    *_history("acc_tried_sso", invited=True, integrated=True),
    *_history("acc_afternoon", invited=True),
    *_history("acc_evening", invited=True),
    *_history("acc_late_arrival", invited=True),
]

TODAYS_EVENTS = [
    # acc_paywall: active again (29), then a second user (39), then the paywall at 09:10 - a hot
    # trigger, so a Hot PQL due by 13:10. The page view at 09:12 lands with it and changes nothing.
    ("pw_1", "u_pw_1", "acc_paywall", "page_viewed", "2026-03-31 05:00:00"),
    ("pw_2", "u_pw_2", "acc_paywall", "login", "2026-03-31 08:50:00"),
    ("pw_3", "u_pw_1", "acc_paywall", "paywall_hit", "2026-03-31 09:10:00"),
    ("pw_4", "u_pw_1", "acc_paywall", "page_viewed", "2026-03-31 09:12:00"),
    # acc_climber: 55 -> an invitation 65 -> an integration at 07:30, 75, a PQL -> pricing and billing
    # at 10:00, 91, a Hot PQL: one alert, fired at 07:30.
    ("cl_1", "climber_1", "acc_climber", "team_member_invited", "2026-03-31 03:00:00"),
    ("cl_2", "climber_2", "acc_climber", "integration_connected", "2026-03-31 07:30:00"),
    ("cl_3", "climber_3", "acc_climber", "project_published", "2026-03-31 07:45:00"),
    ("cl_4", "climber_1", "acc_climber", "pricing_page_viewed", "2026-03-31 10:00:00"),
    ("cl_5", "climber_1", "acc_climber", "billing_portal_opened", "2026-03-31 10:05:00"),
    # acc_gated: 50 -> 60 -> 70, a PQL outside the ICP: suppressed.
    ("ga_1", "gated_1", "acc_gated", "integration_connected", "2026-03-31 08:00:00"),
    ("ga_2", "gated_1", "acc_gated", "team_member_invited", "2026-03-31 08:05:00"),
    # The held-out account: 65 -> an integration at 08:30, 75, a PQL held out of routing: suppressed.
    ("ho_1", f"{HELD_OUT[4:]}_2", HELD_OUT, "integration_connected", "2026-03-31 08:30:00"),
    # acc_tried_sso: a PQL since yesterday (75) tries SSO at 11:00: a hot trigger starts, due in 24 hours.
    ("pa_1", "tried_sso_1", "acc_tried_sso", "sso_settings_viewed", "2026-03-31 11:00:00"),
    # acc_new signs up at 10:00 and hits the paywall at 10:20: new, so its first tier alerts.
    ("nw_1", "new_1", "acc_new", "workspace_created", "2026-03-31 10:05:00"),
    ("nw_2", "new_1", "acc_new", "paywall_hit", "2026-03-31 10:20:00"),
    # acc_afternoon: 65 -> an integration at 13:00, 75: the alert of the fourth load.
    ("af_1", "afternoon_2", "acc_afternoon", "integration_connected", "2026-03-31 13:00:00"),
    # acc_evening: active at 10:30 (65, scored through 10:30), then an integration at 23:50 that lands
    # overnight: the next morning's daily run raises it, fired at 23:50.
    ("ev_1", "evening_3", "acc_evening", "page_viewed", "2026-03-31 10:30:00"),
    # acc_late_arrival: active at 15:00 (65); an integration dated 14:00 lands only overnight, late.
    ("la_1", "late_arrival_3", "acc_late_arrival", "page_viewed", "2026-03-31 15:00:00"),
]
OVERNIGHT = [
    ("ev_2", "evening_2", "acc_evening", "integration_connected", "2026-03-31 23:50:00"),
    ("la_2", "late_arrival_2", "acc_late_arrival", "integration_connected", "2026-03-31 14:00:00"),
]

# What each load's intraday run raises among the hand-made accounts: account -> (alert, fired_at,
# due_by, suppressed_by). The sample world raises its own besides.
RAISED_BY_LOAD = [
    {},
    {
        "acc_climber": ("became a PQL", "2026-03-31 07:30:00", "2026-04-01 07:30:00", None),
        # Both its events are new since the day began: the SLA clock starts at the first (08:00).
        "acc_gated": ("became a PQL", "2026-03-31 08:00:00", None, "Self-serve only: outside the ICP"),
        HELD_OUT: ("became a PQL", "2026-03-31 08:30:00", None, "Holdout"),
    },
    {
        "acc_paywall": ("became a Hot PQL", "2026-03-31 09:10:00", "2026-03-31 13:10:00", None),
        "acc_tried_sso": ("Hot trigger: tried an enterprise feature (SSO/SCIM/audit log)", "2026-03-31 11:00:00",
                            "2026-04-01 11:00:00", None),
        "acc_new": ("became a Hot PQL", "2026-03-31 10:20:00", "2026-03-31 14:20:00", None),
    },
    {
        "acc_afternoon": ("became a PQL", "2026-03-31 13:00:00", "2026-04-01 13:00:00", None),
    },
]
# What the next morning's daily run adds: what no intraday run saw. acc_late_arrival's alert fires at the
# earliest of its day's events, the late 14:00 integration, as none followed its 15:00 scoring.
RAISED_OVERNIGHT = {
    "acc_evening": ("became a PQL", "2026-03-31 23:50:00", "2026-04-01 23:50:00", None),
    "acc_late_arrival": ("became a PQL", "2026-03-31 14:00:00", "2026-04-01 14:00:00", None),
}


def as_event_rows(events: list[tuple]) -> list[tuple]:
    return [(*event, "{}") for event in events]


def in_load(event_time: str, load: int) -> bool:
    """Whether an event of today lands with load `load` (0-based)."""
    start = TODAY + " 00:00:00" if load == 0 else LOADS[load - 1]
    return start <= event_time < LOADS[load]


def parse(timestamp: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(timestamp) if timestamp else None
