"""``python -m scheduler.web.manage workspace export HALF-YEAR DIR | import DIR``: the
database's versions to a CLI workspace folder and back (same files, same numbers)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from scheduler.io import InputError
from scheduler.web import services as s
from scheduler.web.models import HalfYear


class Command(BaseCommand):
    help = "Export a half-year's versions to a CLI workspace folder, or import one."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        out = sub.add_parser("export")
        out.add_argument("halfyear")
        out.add_argument("folder")
        into = sub.add_parser("import")
        into.add_argument("folder")

    def handle(self, *args, action, **opts):
        try:
            if action == "export":
                halfyear = HalfYear.objects.filter(label=opts["halfyear"]).first()
                if halfyear is None:
                    raise CommandError(f"no half-year '{opts['halfyear']}'")
                numbers = s.export_workspace(halfyear, opts["folder"])
                self.stdout.write(f"exported versions {numbers} to {opts['folder']}")
            else:
                made = s.import_workspace(opts["folder"])
                self.stdout.write(f"imported {len(made)} versions: "
                                  + ", ".join(f"{v.halfyear} v{v.number}" for v in made))
        except InputError as exc:
            raise CommandError(str(exc)) from None
