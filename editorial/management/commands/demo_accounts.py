"""Local demo logins, one per editorial role. Never in production: the passwords are public."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

# (username, group or None for a superuser); each password is "<username>-demo".
ACCOUNTS = [
    ("admin", None),
    ("editor", "Editors"),
    ("moderator", "Moderators"),
    ("translator", "Translators"),
]


def demo_password(username):
    return f"{username}-demo"


class Command(BaseCommand):
    help = "Creates (or resets) demo admin, editor, moderator and translator logins for local use."

    def handle(self, *args, **options):
        if not settings.DEBUG:  # production settings never turn DEBUG on
            raise CommandError(
                "demo_accounts only runs with development settings (DEBUG=True): its passwords "
                "are published in the README."
            )
        users = get_user_model()
        for username, group_name in ACCOUNTS:
            user, _ = users.objects.get_or_create(
                username=username, defaults={"email": f"{username}@localhost"}
            )
            user.is_superuser = user.is_staff = group_name is None
            user.set_password(demo_password(username))
            user.save()
            if group_name:
                user.groups.set([Group.objects.get(name=group_name)])
            self.stdout.write(f"{username:<11} password: {demo_password(username)}")
        self.stdout.write(f"Log in at {settings.WAGTAILADMIN_BASE_URL}/admin/")
