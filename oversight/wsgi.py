import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
application = get_wsgi_application()

# A WSGI server runs no system checks: refuse here, before serving, as `runserver` does.
from oversight.public.checks import refuse_without_secret_key  # noqa: E402

refuse_without_secret_key()
