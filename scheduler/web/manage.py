"""``python -m scheduler.web.manage COMMAND``: Django's management commands for the workspace."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scheduler.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["scheduler-web", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
