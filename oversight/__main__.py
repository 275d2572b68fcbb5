"""The `oversight` command: Django's manage.py for this project, plus its own commands."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    # Django command names cannot contain hyphens; accept `load-extraction` as users
    # type it and run `load_extraction`.
    if len(argv) > 1 and "-" in argv[1] and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    try:
        execute_from_command_line(argv)
    except ImproperlyConfigured as exc:
        # A setting missing from the environment: say which, not a traceback.
        sys.exit(f"oversight: {exc}")


if __name__ == "__main__":
    main()
