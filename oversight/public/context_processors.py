"""Values every template needs: who runs the service and what it is called."""

from django.conf import settings
from django.http import HttpRequest

PRODUCT_NAME = "Oversight"


def site(request: HttpRequest) -> dict[str, str]:
    return {"council_name": settings.COUNCIL_NAME, "product_name": PRODUCT_NAME}
