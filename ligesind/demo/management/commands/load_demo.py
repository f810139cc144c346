from django.core.management.base import BaseCommand

from ligesind.demo.activities import load_demo_activities
from ligesind.demo.community import load_demo_community
from ligesind.demo.fees import load_demo_fees
from ligesind.demo.matching import load_demo_matching
from ligesind.demo.messages import load_demo_messages
from ligesind.demo.organisations import load_demo_organisations
from ligesind.demo.pages import load_demo_pages
from ligesind.demo.people import DEMO_PASSWORD, MEMBER_COUNT, MEMBER_LOGIN, load_demo
from ligesind.demo.research import load_demo_research
from ligesind.demo.safety import load_demo_safety
from ligesind.demo.volunteers import load_demo_volunteers
from ligesind.demo.workplaces import load_demo_workplaces


class Command(BaseCommand):
    help = "Load Danish demo data (safe to run again)."

    def handle(self, *args: object, **options: object) -> None:
        logins = load_demo()
        load_demo_messages()
        load_demo_activities()
        load_demo_matching()
        load_demo_safety()
        load_demo_community()
        load_demo_organisations()
        load_demo_volunteers()
        load_demo_workplaces()
        load_demo_fees()
        load_demo_research()
        load_demo_pages()
        out = self.stdout
        out.write(self.style.SUCCESS(f"Demo data loaded: {MEMBER_COUNT} members and staff."))
        out.write(f"\nEvery demo login has the password: {DEMO_PASSWORD}\n")
        out.write(
            f"  member (no two-factor)     {MEMBER_LOGIN}  (also medlem2 … medlem{MEMBER_COUNT})"
        )
        for login in logins:
            places = f" ({', '.join(login.municipalities)})" if login.municipalities else ""
            out.write(f"  {login.role:<26} {login.email}{places}")
        out.write(
            "\nThe public pages' editor is at /cms/ (admins; the news editor writes the news"
            " of Peer-Partnerskabet only)."
            "\nStaff logins ask for a two-factor code. Get the current one with:\n"
            "  .venv/bin/python -m ligesind democode EMAIL\n"
        )
