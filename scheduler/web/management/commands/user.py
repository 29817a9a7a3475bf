"""``python -m scheduler.web.manage user add|role|list``: the first accounts and their roles."""

from __future__ import annotations

import getpass
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from scheduler.web.demo import set_role
from scheduler.web.models import Body, Role


class Command(BaseCommand):
    help = "Add users and give them roles (planner, editor of a body, commission, viewer)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="add a user (asks for the password)")
        add.add_argument("username")
        add.add_argument("--role", choices=Role.values, default=Role.VIEWER)
        add.add_argument("--body", help="editors: the id of their ministry or akimat")
        add.add_argument("--password-stdin", action="store_true",
                         help="read the password from standard input")
        role = sub.add_parser("role", help="change a user's role")
        role.add_argument("username")
        role.add_argument("role", choices=Role.values)
        role.add_argument("--body")
        sub.add_parser("list", help="list users and roles")

    def handle(self, *args, action, **opts):
        User = get_user_model()
        if action == "list":
            for user in User.objects.order_by("username").select_related("membership__body"):
                m = getattr(user, "membership", None)
                self.stdout.write(f"{user.username}\t{m.role if m else '-'}\t"
                                  f"{m.body.code if m and m.body else ''}")
            return
        body = opts.get("body")
        if body and not Body.objects.filter(code=body).exists():
            raise CommandError(f"--body '{body}': no such ministry or akimat (import an "
                               "instance first)")
        if action == "add":
            if User.objects.filter(username=opts["username"]).exists():
                raise CommandError(f"user '{opts['username']}' exists; use 'user role'")
            if opts["password_stdin"]:
                password = sys.stdin.readline().rstrip("\n")
            else:
                password = getpass.getpass("Password: ")
            user = User(username=opts["username"])
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from None
            if opts["role"] == Role.EDITOR and not body:
                raise CommandError("an editor needs --body")
            user.set_password(password)
            user.save()
            set_role(user, opts["role"], body)
            self.stdout.write(f"added {user.username} ({opts['role']})")
        else:
            try:
                user = User.objects.get(username=opts["username"])
            except User.DoesNotExist:
                raise CommandError(f"no user '{opts['username']}'") from None
            try:
                set_role(user, opts["role"], body)
            except ValueError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"{user.username} is now {opts['role']}")
