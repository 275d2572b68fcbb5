"""Values every template needs: who runs the service, what it is called, and where the
signed-in reader's own page is."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

PRODUCT_NAME = "Oversight"


def site(request: HttpRequest) -> dict:
    return {
        "council_name": settings.COUNCIL_NAME,
        "product_name": PRODUCT_NAME,
        "own_page": lambda: _own_page(request),
    }


def _own_page(request: HttpRequest) -> dict[str, str]:
    """The navigation's link to the reader's own page: a community member's is about
    them (oversight/community), everyone else's is the dashboard. Worked out only when a
    page shows it (templates call it), from the viewer the view has already read."""
    from oversight.directory.models import Person
    from oversight.visibility.viewer import viewer_for

    if viewer_for(request).role == Person.Role.COMMUNITY:
        url, label = reverse("community_home"), "Your page"
    else:
        url, label = "/dashboard/", "Dashboard"
    # aria-current: "page" on the page itself, "true" on the pages beneath it.
    current = "page" if request.path == url else "true" if request.path.startswith(url) else ""
    return {"url": url, "label": label, "current": current}
