"""`oversight update-report REVIEW --format pdf|docx|html --output FILE
[--audience public|restricted] [--issue]`: the update report on one review.

REVIEW is a review's id or a part of its title that only one review has. The public
version (the default) leaves out every restricted record; the restricted version holds
everything and says on every page that it is not for publication. `--issue` records the
report as issued, so that the next one says what has changed since.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from oversight.reports.formats import FORMATS, render
from oversight.reports.models import Audience
from oversight.reports.operations import issue_report, report_content
from oversight.tracker.models import Review
from oversight.visibility.viewer import Viewer

# The command is run by whoever runs the server: it sees every record, as an
# administrator does; the audience decides what the report holds.
OPERATOR = Viewer(is_superuser=True)


def find_review(term: str) -> Review:
    """The review whose id is `term`, else the one review whose title contains it;
    CommandError when none or several match, naming them."""
    reviews = Review.objects.visible_to(OPERATOR).select_related("body")
    if term.isdigit():
        found = reviews.filter(pk=int(term)).first()
        if found is not None:
            return found
    matches = list(reviews.filter(title__icontains=term.strip()).order_by("title", "pk")[:11])
    if not matches:
        raise CommandError(f"No review has the id or a title containing {term!r}.")
    if len(matches) > 1:
        listed = "\n".join(f"  {r.pk}: {r.title}" for r in matches[:10])
        more = "\n  ..." if len(matches) > 10 else ""
        raise CommandError(
            f"{term!r} matches several reviews; give the id or more of the title:\n{listed}{more}"
        )
    return matches[0]


class Command(BaseCommand):
    help = "Write the update report on a review as PDF, DOCX or HTML."

    def add_arguments(self, parser):
        parser.add_argument("review", help="The review's id or a unique part of its title.")
        parser.add_argument("--format", choices=sorted(FORMATS), default="pdf")
        parser.add_argument("--output", "-o", required=True, help="Write to this file.")
        parser.add_argument("--audience", choices=Audience.values, default=Audience.PUBLIC.value)
        parser.add_argument(
            "--issue",
            action="store_true",
            help="Record the report as issued: the next report says what changed since.",
        )

    def handle(self, *args, review: str, format: str, output: str, audience: str, **options):
        found = find_review(review)
        try:
            if options["issue"]:
                _, content = issue_report(found, viewer=OPERATOR, audience=audience)
            else:
                content = report_content(found, OPERATOR, audience)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        Path(output).write_bytes(render(content, format))
        s = content.summary
        self.stderr.write(
            f"Wrote the {audience} update report on {found.title!r} ({s.recommendations} "
            f"recommendations, {s.items} items) to {output}"
            + (" and recorded it as issued." if options["issue"] else ".")
        )
