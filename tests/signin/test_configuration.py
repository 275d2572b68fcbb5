"""Council sign-in and object storage are switched on from the environment alone, and
a live site so configured starts with a clean deployment check."""

from __future__ import annotations

from tests.security.test_deploy_settings import PRODUCTION, oversight

SHOW = """
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
from oversight.signin import provider
trusted = settings.OIDC_TRUSTED_EMAIL_DOMAINS
print(type(storages["default"]).__name__, provider.is_configured(), trusted)
"""
CONFIGURED = {
    "OIDC_ISSUER": "https://login.microsoftonline.com/00000000-1111-2222-3333-444444444444/v2.0/",
    "OIDC_CLIENT_ID": "oversight-app",
    "OIDC_CLIENT_SECRET": "a-secret",
    "OIDC_TRUSTED_EMAIL_DOMAINS": "hackney.gov.uk, @learningtrust.co.uk",
    "EVIDENCE_S3_BUCKET": "council-evidence",
    "AWS_S3_REGION_NAME": "eu-west-2",
}


def test_without_the_environment_files_are_on_disk_and_council_sign_in_is_off(tmp_path):
    shown = oversight([], tmp_path, python=["-c", SHOW], **PRODUCTION)
    assert shown.stdout.split() == ["FileSystemStorage", "False", "[]"], shown.stderr


def test_the_environment_switches_on_object_storage_and_council_sign_in(tmp_path):
    shown = oversight([], tmp_path, python=["-c", SHOW], **PRODUCTION, **CONFIGURED)
    assert shown.stdout.strip() == ("S3Storage True ['hackney.gov.uk', 'learningtrust.co.uk']"), (
        shown.stderr
    )


def test_a_live_site_with_both_configured_passes_the_deployment_check(tmp_path):
    checked = oversight(
        ["check", "--deploy", "--fail-level", "WARNING"], tmp_path, **PRODUCTION, **CONFIGURED
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
