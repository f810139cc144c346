"""The authorization matrix's rules: who may open each URL of the project.

Every URL pattern must appear here (or fall under the admin site's rule); a new URL without
a rule fails ``test_every_url_is_classified``. A rule names the roles that get the page; every
other role must be refused (404/403/401, or sent to sign in).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .matrix_world import ROLES

ALL = frozenset(ROLES)
SIGNED_IN = ALL - {"anonymous"}
SIGNED_IN_NOT_BLOCKED = SIGNED_IN - {"blocked_member"}
OWNER = frozenset({"member"})
MODERATORS = frozenset({"moderator", "admin"})
ADMIN = frozenset({"admin"})
GUIDE = frozenset({"peer_guide"})
STAFF_ELSEWHERE = frozenset({"far_coordinator", "other_coordinator", "other_staff"})
TWO_FACTOR = frozenset({"peer_guide", "moderator", "admin"}) | STAFF_ELSEWHERE
COORDINATORS = frozenset({"far_coordinator", "other_coordinator", "admin"})
VOLUNTEERS = GUIDE | COORDINATORS
TREASURER = frozenset({"other_staff", "admin"})
FEE_STAFF = TREASURER | {"other_coordinator"}
PAYING = frozenset({"member", "another_member", "blocked_member"})
STUDY_TEAM = frozenset({"other_staff", "admin"})  # its researcher is on Peer-Partnerskabet's study

Ids = dict[str, Any]


@dataclass(frozen=True)
class Rule:
    allowed: frozenset[str]
    kwargs: Callable[[Ids], dict[str, Any]] = lambda ids: {}
    method: str = "get"
    why: str = ""
    data: Callable[[Ids], dict[str, Any]] = lambda ids: {}
    url: Callable[[Ids], str] | None = None  # for a route reverse() cannot build


def pk(key: str, name: str = "pk") -> Callable[[Ids], dict[str, Any]]:
    return lambda ids: {name: ids[key]}


RULES: dict[str, Rule] = {
    # Site, help, language, notifications
    "front": Rule(ALL),
    "crisis": Rule(ALL, why="help is one click away, for everyone"),
    "styleguide": Rule(ALL, why="the design system's components with sample content only"),
    "accounts:session_ended": Rule(
        SIGNED_IN, why="visitors go on to sign in, told kindly; the signed-in carry on"
    ),
    # Organisations and municipalities: public pages; joining and leaving is one's own
    # Public pages and news (Wagtail); the editor at /cms/ is probed like the admin site
    "wagtail_serve": Rule(ALL, url=lambda ids: "/pages/peerstoette/"),
    "pages:news_feed": Rule(ALL),
    "cms_login": Rule(frozenset(), why="sends everyone to the site's sign-in (two-factor)"),
    "pages_login": Rule(frozenset(), why="sends everyone to the site's sign-in (two-factor)"),
    "wagtailcore_login": Rule(frozenset(), why="shadowed by pages_login"),
    "wagtailadmin_sprite": Rule(ALL, why="the editor's icons; nothing private"),
    "wagtailadmin_javascript_catalog": Rule(ALL, why="the editor's translations; nothing private"),
    "cms_password_reset": Rule(ALL, why="sends everyone to the site's own password reset"),
    "wagtailadmin_password_reset": Rule(ALL, why="shadowed by cms_password_reset"),
    "wagtailadmin_password_reset_done": Rule(ALL, why="shadowed by cms_password_reset"),
    "wagtailadmin_password_reset_complete": Rule(ALL, why="shadowed by cms_password_reset"),
    "wagtailadmin_password_reset_confirm": Rule(
        ALL, lambda ids: {"uidb64": "x", "token": "y"}, why="shadowed by cms_password_reset"
    ),
    "wagtailcore_authenticate_with_password": Rule(
        frozenset(),
        lambda ids: {"page_view_restriction_id": 1, "page_id": 1},
        why="pages are never behind a password",
    ),
    # Volunteers: anyone reads how; members apply; alice's application is screened by the
    # coordinators of Peer to Peer Odense in Odense (none of the probed ones) and admins
    "volunteers:start": Rule(ALL),
    "volunteers:apply": Rule(SIGNED_IN),
    "volunteers:queue": Rule(COORDINATORS),
    "volunteers:application": Rule(OWNER | ADMIN, pk("application")),
    "volunteers:trainings": Rule(COORDINATORS),
    "volunteers:training": Rule(
        frozenset({"far_coordinator", "admin"}),
        pk("training"),
        why="Peer to Peer Odense's training: its coordinators, and those acting for every one",
    ),
    "volunteers:hours": Rule(GUIDE | COORDINATORS - ADMIN, why="peer guides and coordinators"),
    "volunteers:hours_entry": Rule(GUIDE, pk("hours"), why="the guide's own hours"),
    "volunteers:record": Rule(SIGNED_IN, why="one's own record, also after a role has ended"),
    # The coordinator's dashboard and funders' reports: coordinators see their own scope
    "reports:dashboard": Rule(COORDINATORS),
    "reports:report": Rule(COORDINATORS),
    # Workplaces ask anyone's organisation; its staff (roles scoped to it) follow it up
    "workplaces:ask": Rule(ALL),
    "workplaces:sent": Rule(ALL),
    "workplaces:requests": Rule(
        frozenset({"other_coordinator", "other_staff", "admin"}),
        why="staff of some organisation (a role for every organisation makes no one staff)",
    ),
    "workplaces:request": Rule(ADMIN, pk("workplace_request"), why="Peer to Peer Odense's staff"),
    "organisations:places": Rule(
        frozenset({"far_coordinator", "admin"}),
        pk("organisation", "slug"),
        why="the organisation's coordinators (a role for every organisation covers it too)",
    ),
    "organisations:place": Rule(
        ADMIN,
        lambda ids: {"slug": ids["organisation"], "pk": ids["place"]},
        why="a place in Odense: the Odense coordinators acting for the organisation",
    ),
    "organisations:list": Rule(ALL),
    "organisations:detail": Rule(ALL, pk("organisation", "slug")),
    "organisations:municipality": Rule(ALL, lambda ids: {"slug": "odense"}),
    "organisations:join": Rule(SIGNED_IN, pk("organisation", "slug"), method="post"),
    "organisations:notice": Rule(ADMIN),
    "organisations:contact": Rule(ALL, pk("organisation", "slug"), why="anyone may write"),
    "organisations:contact_sent": Rule(ALL, pk("organisation", "slug")),
    "organisations:requests": Rule(
        ADMIN, pk("organisation", "slug"), why="its local contacts' accounts, and admins"
    ),
    "organisations:answered": Rule(
        ADMIN,
        lambda ids: {"slug": ids["organisation"], "pk": ids["contact_request"]},
        method="post",
    ),
    "organisations:leave": Rule(
        SIGNED_IN,
        pk("organisation", "slug"),
        method="post",
        why="one can only leave one's own membership; without one, a message says so",
    ),
    # Fees: Peer-Partnerskabet asks one; "other_staff" is its treasurer; Alice, Eve and the
    # blocked member have paid for a level; Alice asked for the free level
    "membership:mine": Rule(SIGNED_IN),
    "membership:levels": Rule(ALL, pk("fee_organisation", "slug")),
    "membership:join": Rule(
        SIGNED_IN,
        lambda ids: {"slug": ids["fee_organisation"], "pk": ids["level"]},
        method="post",
        why="choosing a level is one's own; whoever has it already is told so",
    ),
    "membership:declare": Rule(
        SIGNED_IN, lambda ids: {"slug": ids["fee_organisation"], "pk": ids["free_level"]}
    ),
    "membership:cancel": Rule(
        PAYING, pk("fee_organisation", "slug"), method="post", why="only one's own level"
    ),
    "membership:receipt": Rule(OWNER | TREASURER, pk("payment")),
    "membership:pay_by_card": Rule(
        frozenset(),
        pk("fee_organisation", "slug"),
        method="post",
        why="offered only when Stripe's keys are set (tests/membership/test_stripe.py)",
    ),
    "membership:stripe_webhook": Rule(
        frozenset(), method="post", why="only Stripe, with a correctly signed event"
    ),
    **{
        f"membership:{name}": Rule(TREASURER, pk("fee_organisation", "slug"))
        for name in ("overview", "terms", "level_new", "payments", "statement")
    },
    "membership:payments_file": Rule(
        TREASURER, lambda ids: {"slug": ids["fee_organisation"], "kind": "xlsx"}
    ),
    "membership:lines": Rule(TREASURER, pk("fee_organisation", "slug")),
    "membership:level": Rule(
        TREASURER, lambda ids: {"slug": ids["fee_organisation"], "pk": ids["level"]}
    ),
    "membership:line": Rule(
        TREASURER,
        lambda ids: {"slug": ids["fee_organisation"], "pk": ids["line"]},
        method="post",
        data=lambda ids: {"aside": "1"},
    ),
    "membership:declarations": Rule(FEE_STAFF, pk("fee_organisation", "slug")),
    "membership:waivers": Rule(FEE_STAFF, pk("fee_organisation", "slug")),
    "membership:decide": Rule(
        FEE_STAFF,
        lambda ids: {"slug": ids["fee_organisation"], "pk": ids["declaration"]},
        method="post",
        data=lambda ids: {"confirm": "1"},
        why="the treasurer, the organisation's own coordinators and admins",
    ),
    # Research: Peer-Partnerskabet's study recruits; "other_staff" is on its team; Alice takes
    # part and her baseline questionnaire is due
    "research:studies": Rule(ALL),
    "research:study": Rule(ALL, pk("study", "slug")),
    "research:take_part": Rule(SIGNED_IN, pk("study", "slug")),
    "research:new": Rule(ADMIN, why="an organisation's admin makes a study and chooses its team"),
    "research:refer": Rule(ALL, pk("study", "slug"), why="professionals refer without an account"),
    "research:consent": Rule(OWNER, pk("study", "slug"), why="one's own participation"),
    "research:participation": Rule(OWNER, pk("study", "slug")),
    "research:instrument": Rule(
        STUDY_TEAM, lambda ids: {"slug": ids["study"], "pk": ids["instrument"]}
    ),
    "research:questionnaire": Rule(
        OWNER, lambda ids: {"slug": ids["study"], "pk": ids["baseline"]}
    ),
    **{
        f"research:{name}": Rule(STUDY_TEAM, pk("study", "slug"), why="the study's team, admins")
        for name in (
            "dashboard",
            "consent_version",
            "export",
            "referrals",
            "instruments",
            "instrument_new",
            "setup",
        )
    },
    "healthz": Rule(ALL, why="for the service manager; says only that the process answers"),
    "readyz": Rule(ALL, why="for the load balancer; says only whether each service answers"),
    "set_language": Rule(ALL, method="post"),
    "notifications": Rule(SIGNED_IN),
    "notification_open": Rule(OWNER, pk("notification"), method="post"),
    "notifications_read_all": Rule(SIGNED_IN, method="post"),
    "notification_settings": Rule(SIGNED_IN),
    # API
    "api:openapi-json": Rule(ALL, why="the schema holds no data"),
    "api:api-root": Rule(frozenset(), why="no page: the API's endpoints are below it"),
    "api_docs": Rule(ALL),
    "api:my_profile": Rule(SIGNED_IN),
    "api:members": Rule(SIGNED_IN),
    "api:member": Rule(SIGNED_IN_NOT_BLOCKED, pk("alice_public_id", "public_id")),
    "api:notifications": Rule(SIGNED_IN),
    "api:activities": Rule(SIGNED_IN),
    "api:mark_read": Rule(OWNER, pk("notification", "notification_id"), method="post"),
    # Sign-in pages (django-allauth)
    "account_login": Rule(ALL),
    "account_logout": Rule(ALL),
    "account_inactive": Rule(ALL),
    "account_signup": Rule(ALL),
    "account_reauthenticate": Rule(SIGNED_IN),
    "account_request_reauthentication_code": Rule(SIGNED_IN),
    "account_confirm_reauthentication_code": Rule(SIGNED_IN),
    "account_email": Rule(SIGNED_IN),
    "account_email_verification_sent": Rule(ALL),
    "account_change_password": Rule(SIGNED_IN),
    "account_set_password": Rule(SIGNED_IN),
    "account_reset_password": Rule(ALL),
    "account_request_login_code": Rule(ALL, why="the owner of a paused account signs in by code"),
    "account_confirm_login_code": Rule(SIGNED_IN, why="only inside a sign-in"),
    "account_confirm_email": Rule(ALL, lambda ids: {"key": "nonsense"}),
    "account_reset_password_from_key_done": Rule(ALL),
    "account_reset_password_from_key": Rule(ALL, lambda ids: {"uidb36": "1", "key": "x-y"}),
    "account_reset_password_done": Rule(ALL),
    "mfa_index": Rule(SIGNED_IN),
    "mfa_authenticate": Rule(SIGNED_IN, why="only inside a sign-in"),
    "mfa_reauthenticate": Rule(SIGNED_IN),
    "mfa_activate_totp": Rule(SIGNED_IN),
    "mfa_deactivate_totp": Rule(TWO_FACTOR, why="only with two-factor turned on"),
    "mfa_view_recovery_codes": Rule(frozenset(), why="nobody here has recovery codes"),
    "mfa_generate_recovery_codes": Rule(SIGNED_IN),
    "mfa_download_recovery_codes": Rule(frozenset(), why="nobody has recovery codes"),
    # Accounts: my own pages
    "accounts:home": Rule(SIGNED_IN),
    "accounts:profile_edit": Rule(SIGNED_IN),
    "accounts:profile_avatar": Rule(SIGNED_IN, method="post"),
    "accounts:blocks": Rule(SIGNED_IN),
    "accounts:access_log": Rule(SIGNED_IN),
    "accounts:export": Rule(SIGNED_IN),
    "accounts:export_json": Rule(SIGNED_IN),
    "accounts:export_page": Rule(SIGNED_IN),
    "accounts:delete": Rule(SIGNED_IN),
    "accounts:tokens": Rule(SIGNED_IN),
    "accounts:token_revoke": Rule(OWNER, pk("token"), method="post"),
    "accounts:consent": Rule(SIGNED_IN),
    "accounts:consent_withdraw": Rule(SIGNED_IN),
    # Accounts: other members
    "accounts:directory": Rule(SIGNED_IN),
    "accounts:profile_detail": Rule(SIGNED_IN_NOT_BLOCKED, pk("alice_public_id", "public_id")),
    "accounts:avatar": Rule(frozenset(), pk("alice_public_id", "public_id"), why="no picture"),
    # Alice herself gets a translated "you cannot block yourself"; the blocked member cannot
    # find her to block. Unblocking only ever removes the caller's own block, and a blocker
    # no longer sees the profile, so it answers every member.
    "accounts:block": Rule(SIGNED_IN_NOT_BLOCKED, pk("alice_public_id", "public_id"), "post"),
    "accounts:unblock": Rule(SIGNED_IN, pk("alice_public_id", "public_id"), "post"),
    "accounts:roles": Rule(ADMIN),
    "accounts:role_revoke": Rule(ADMIN, pk("role"), method="post"),
    # Messaging
    "messaging:inbox": Rule(SIGNED_IN),
    "messaging:conversation": Rule(OWNER, pk("conversation")),
    "messaging:after": Rule(OWNER, lambda ids: {"pk": ids["conversation"], "after_id": 0}),
    "messaging:read": Rule(OWNER, pk("conversation"), method="post"),
    "messaging:mute": Rule(OWNER, pk("conversation"), method="post"),
    "messaging:block": Rule(
        OWNER, pk("conversation"), method="post", data=lambda ids: {"user": ids["bob"]}
    ),
    "messaging:edit": Rule(OWNER, pk("alice_message")),
    "messaging:delete": Rule(OWNER, pk("alice_message"), method="post"),
    "messaging:undo_delete": Rule(OWNER, pk("alice_message"), method="post"),
    "messaging:requests": Rule(SIGNED_IN),
    "messaging:answer": Rule(OWNER, pk("request"), method="post"),
    "messaging:settings": Rule(SIGNED_IN),
    # Alice takes requests from members who share an experience (not the staff here).
    "messaging:write": Rule(
        frozenset({"another_member", "peer_guide"}), pk("alice_public_id", "public_id")
    ),
    # Activities
    "activities:list": Rule(ALL),
    "activities:create": Rule(VOLUNTEERS),
    "activities:mine": Rule(SIGNED_IN),
    "activities:detail": Rule(SIGNED_IN, pk("activity")),
    "activities:edit": Rule(GUIDE | ADMIN, pk("activity")),
    "activities:cancel": Rule(GUIDE | ADMIN, pk("activity")),
    "activities:sign_up": Rule(SIGNED_IN, pk("activity"), method="post"),
    "activities:leave": Rule(SIGNED_IN, pk("activity"), method="post"),
    "activities:attendance": Rule(GUIDE | ADMIN, pk("activity"), method="post"),
    "activities:calendar": Rule(SIGNED_IN),
    "activities:calendar_create": Rule(SIGNED_IN, method="post"),
    "activities:calendar_revoke": Rule(OWNER, pk("feed"), method="post"),
    "activities:feed": Rule(ALL, pk("feed_token", "token"), why="the secret address is the key"),
    "activities:public_feed": Rule(ALL, why="the public activities of every organisation"),
    "activities:courses": Rule(ALL),
    "activities:course_create": Rule(COORDINATORS),
    "activities:course": Rule(ALL, pk("course"), why="courses recruit openly"),
    "activities:course_enrol": Rule(SIGNED_IN, pk("course"), method="post"),
    "activities:course_withdraw": Rule(SIGNED_IN, pk("course"), method="post"),
    "activities:session": Rule(GUIDE | ADMIN, pk("session")),
    "activities:accompaniments": Rule(SIGNED_IN),
    "activities:accompaniment_new": Rule(SIGNED_IN),
    "activities:accompaniment": Rule(OWNER | GUIDE | ADMIN, pk("accompaniment")),
    # PeerMatch
    "matching:home": Rule(SIGNED_IN),
    "matching:profile": Rule(SIGNED_IN),
    "matching:suggestions": Rule(SIGNED_IN),
    # Alice is already matched with the guide; staff here have no match profile.
    "matching:ask": Rule(
        frozenset({"another_member", "blocked_member"}), pk("guide_public_id", "public_id")
    ),
    "matching:match": Rule(OWNER | GUIDE | ADMIN, pk("match")),
    "matching:action": Rule(
        OWNER | GUIDE | ADMIN, lambda ids: {"pk": ids["match"], "action": "pause"}, "post"
    ),
    "matching:check_in": Rule(OWNER, pk("check_in")),
    "matching:coordinate": Rule(COORDINATORS),
    "matching:send_proposal": Rule(
        COORDINATORS,
        method="post",
        data=lambda ids: {"seeker": ids["eve"], "guide": ids["guide"]},
        why="the far coordinator gets a translated refusal: not their municipality; the other "
        "organisation's: not their peer guide",
    ),
    "admin:logout": Rule(ALL, method="post", why="signing out is harmless"),
    # Safety
    # Forums and groups (community): alice's thread (blocked member cannot see it), bob's
    # reply, and alice's hidden group (exists only for her and moderators)
    "community:index": Rule(ALL, why="visitors see the categories and an invitation"),
    "community:category": Rule(SIGNED_IN, lambda ids: {"slug": "everyday-life"}),
    "community:new_thread": Rule(SIGNED_IN, lambda ids: {"slug": "everyday-life"}),
    "community:thread": Rule(SIGNED_IN_NOT_BLOCKED, pk("thread")),
    "community:reply": Rule(SIGNED_IN_NOT_BLOCKED, pk("thread")),
    "community:follow": Rule(
        SIGNED_IN_NOT_BLOCKED, pk("thread"), method="post", data=lambda ids: {"follow": "1"}
    ),
    "community:moderate_thread": Rule(
        MODERATORS, pk("thread"), method="post", data=lambda ids: {"change": "pin"}
    ),
    "community:edit_post": Rule(OWNER | MODERATORS, pk("alice_post")),
    "community:history": Rule(MODERATORS, pk("alice_post")),
    "community:delete_post": Rule(OWNER, pk("alice_post")),
    "community:undo_delete_post": Rule(OWNER, pk("alice_post"), method="post"),
    "community:react": Rule(
        SIGNED_IN_NOT_BLOCKED, pk("bob_post"), method="post", data=lambda ids: {"kind": "thanks"}
    ),
    "community:groups": Rule(SIGNED_IN),
    "community:group_create": Rule(SIGNED_IN),
    "community:group": Rule(OWNER | MODERATORS, pk("group")),
    "community:group_new_thread": Rule(OWNER | MODERATORS, pk("group")),
    "community:group_join": Rule(OWNER | MODERATORS, pk("group"), method="post"),
    "community:group_leave": Rule(OWNER | MODERATORS, pk("group"), method="post"),
    "community:group_members": Rule(OWNER | MODERATORS, pk("group")),
    "community:group_requests": Rule(OWNER | MODERATORS, pk("group")),
    "community:group_edit": Rule(OWNER | MODERATORS, pk("group")),
    "community:group_member": Rule(
        OWNER | MODERATORS,
        lambda ids: {"pk": ids["group"], "membership": ids["group_membership"]},
        method="post",
        data=lambda ids: {"action": "promote"},
    ),
    "community:group_invite": Rule(OWNER | MODERATORS, pk("group")),
    "community:search": Rule(SIGNED_IN),
    "community:following": Rule(SIGNED_IN),
    "safety:alerts": Rule(MODERATORS),
    "safety:alert": Rule(MODERATORS, pk("alert")),
    "safety:alert_write": Rule(
        MODERATORS, pk("alert"), method="post", data=lambda ids: {"body": "Hej, jeg læste det."}
    ),
    "safety:lexicon": Rule(MODERATORS),
    "safety:term_toggle": Rule(MODERATORS, pk("term"), method="post"),
    "safety:muted": Rule(SIGNED_IN),
    "safety:report": Rule(
        frozenset({"member"}), lambda ids: {"kind": "message", "pk": ids["bob_message"]}
    ),
    "safety:reports": Rule(MODERATORS),
    "safety:report_detail": Rule(MODERATORS, pk("report")),
    "safety:decisions": Rule(MODERATORS),
    "safety:restore": Rule(MODERATORS, pk("decision"), method="post"),
    "safety:standing": Rule(SIGNED_IN),
    "safety:appeal_create": Rule(OWNER, pk("decision")),
    "safety:appeals": Rule(MODERATORS),
    "safety:appeal": Rule(MODERATORS, pk("appeal")),
}
