"""Run the test provider: `python -m tests.signin.provider.serve SETUP.json`.

SETUP.json holds the database path, the RSA key, the client (id, secret, redirect
URI) and the users (username, password, email, name, groups). The server listens on a
free port of 127.0.0.1 and prints that port on its first line of output when ready."""

import json
import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main(setup_path: str) -> None:
    setup = json.loads(open(setup_path).read())
    application = None
    server = make_server(
        "127.0.0.1",
        0,
        lambda environ, start: application(environ, start),
        server_class=_Server,
        handler_class=_QuietHandler,
    )
    port = server.server_port
    os.environ["PROVIDER_DB"] = setup["database"]
    os.environ["PROVIDER_ISSUER"] = f"http://127.0.0.1:{port}/o"
    os.environ["PROVIDER_RSA_KEY"] = setup["rsa_key"]
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.signin.provider.settings"

    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    client = setup["client"]
    Application.objects.create(
        name="Oversight",
        client_id=client["id"],
        client_secret=client["secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=client["redirect_uri"],
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    for person in setup["users"]:
        first, _, last = person["name"].partition(" ")
        user = User.objects.create_user(
            person["username"],
            email=person["email"],
            password=person["password"],
            first_name=first,
            last_name=last,
        )
        for group in person.get("groups", []):
            user.groups.add(Group.objects.get_or_create(name=group)[0])
    application = get_wsgi_application()
    print(port, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1])
