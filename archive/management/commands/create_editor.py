import getpass
import os

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

PASSWORD_VARIABLE = "ARCHIVE_EDITOR_PASSWORD"  # noqa: S105 - the variable's name, not a password
ATTEMPTS = 3


class Command(BaseCommand):
    help = (
        "Create an editor account: staff, in the Editors group, no user management. "
        f"The password is asked for twice, or read from {PASSWORD_VARIABLE} (for scripts)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")

    def handle(self, *args, username, email, **options):
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already a user called {username!r}.")
        user = User(username=username, email=email, is_staff=True)
        password = os.environ.get(PASSWORD_VARIABLE) or self.ask_password(user)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name="Editors"))
        self.stdout.write(f"Editor {username} created; they can sign in at /admin/.")

    def ask_password(self, user):
        """Twice, so a typing slip cannot lock the editor out; validated before it is accepted."""
        for _attempt in range(ATTEMPTS):
            password = getpass.getpass("Password: ")
            if getpass.getpass("Password (again): ") != password:
                self.stderr.write("The two passwords differ; try again.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
                continue
            return password
        raise CommandError(f"No password set after {ATTEMPTS} attempts; nothing was created.")
