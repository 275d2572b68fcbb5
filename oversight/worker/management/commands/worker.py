"""`oversight worker [--once] [--poll SECONDS]`: the worker process.

Reads uploaded documents as they are queued and sends the update rounds' reminders on
schedule (daily at REMINDERS_AT), in a loop, until SIGTERM or SIGINT, which it obeys
after the job in hand. Run one or several (as a systemd service, see
docs/operations.md): they never do the same job twice. `--once` does what is waiting now
and exits."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from oversight.worker.loop import Worker


class Command(BaseCommand):
    help = "Read queued imports and send scheduled reminders, until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Do what is waiting now, then exit."
        )
        parser.add_argument(
            "--poll",
            type=float,
            default=5.0,
            help="Seconds to wait when there is nothing to do (default 5).",
        )

    def handle(self, *args, once: bool, poll: float, **options):
        worker = Worker(poll_seconds=poll)
        worker.handle_signals()
        if not once:
            self.stdout.write(f"Worker started; waiting for work every {poll:g} s")
            self.stdout.flush()
        done = worker.run(once=once)
        self.stdout.write(f"Worker stopped after {done} jobs")
