"""Evidence kept in an S3 bucket (EVIDENCE_S3_BUCKET) instead of on disk, against a
real S3-compatible server on this machine (moto in server mode): an owner's upload
through the update form lands in the bucket, and the file is served back only to those
who may see its item."""

from __future__ import annotations

import socket

import boto3
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer

from oversight.settings import object_storage
from oversight.tracker.models import Evidence, TrackedItem
from tests.factories import ReviewFactory, TrackedItemFactory

pytestmark = pytest.mark.xdist_group("object-storage")
BUCKET = "council-evidence"


@pytest.fixture(scope="module")
def s3_server():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """A fresh bucket, and the site configured for it as the environment would."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", s3_server)
    monkeypatch.setenv("AWS_S3_REGION_NAME", "eu-west-2")
    monkeypatch.setenv("EVIDENCE_S3_PREFIX", "oversight")
    s3 = boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-2")
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    settings.STORAGES = {**settings.STORAGES, "default": object_storage(BUCKET)}
    yield s3
    for entry in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        s3.delete_object(Bucket=BUCKET, Key=entry["Key"])
    s3.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def review(commission):
    return ReviewFactory(body=commission)


def upload_evidence(client, person, item, name: str, content: bytes) -> Evidence:
    client.force_login(person.user)
    response = client.post(
        f"/items/{item.pk}/update/",
        {
            "narrative": "The new referral pathway is live.",
            "status": TrackedItem.Status.IN_PROGRESS,
            "progress": 60,
            "files": SimpleUploadedFile(name, content, "application/pdf"),
            "evidence_note": "The pathway as published",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return Evidence.objects.get(update__item=item)


def test_owner_uploads_evidence_into_the_bucket_and_the_public_reads_it_back(
    client, bucket, review, police, police_officer, tmp_path
):
    item = TrackedItemFactory(recommendation__review=review, owner_org=police)
    assert TrackedItem.objects.public().filter(pk=item.pk).exists()
    evidence = upload_evidence(client, police_officer, item, "pathway.pdf", b"%PDF-1.4 pathway")

    key = f"oversight/evidence/{item.pk}/pathway.pdf"
    assert evidence.file.name == f"evidence/{item.pk}/pathway.pdf"
    stored = bucket.get_object(Bucket=BUCKET, Key=key)
    assert stored["Body"].read() == b"%PDF-1.4 pathway"
    assert not (tmp_path / "media").exists()  # nothing written to disk

    response = client.get(f"/evidence/{evidence.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 pathway"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "sandbox"


def test_a_second_file_of_the_same_name_is_kept_beside_the_first(
    client, bucket, review, police, police_officer
):
    item = TrackedItemFactory(recommendation__review=review, owner_org=police)
    upload_evidence(client, police_officer, item, "minutes.pdf", b"first")
    client.force_login(police_officer.user)
    client.post(
        f"/items/{item.pk}/update/",
        {
            "narrative": "Second board meeting held.",
            "status": TrackedItem.Status.IN_PROGRESS,
            "progress": 70,
            "files": SimpleUploadedFile("minutes.pdf", b"second", "application/pdf"),
        },
    )
    files = [e.file for e in Evidence.objects.filter(update__item=item).order_by("pk")]
    assert len({f.name for f in files}) == 2
    assert [f.open("rb").read() for f in files] == [b"first", b"second"]


def test_restricted_items_evidence_in_the_bucket_is_not_served_to_the_public(
    client, bucket, review, police, police_officer, other_officer
):
    secret = TrackedItemFactory(recommendation__review=review, owner_org=police, restricted=True)
    evidence = upload_evidence(client, police_officer, secret, "safeguarding.pdf", b"secret")
    assert default_storage.exists(evidence.file.name)

    assert client.get(f"/evidence/{evidence.pk}/").status_code == 404
    client.force_login(other_officer.user)
    assert client.get(f"/evidence/{evidence.pk}/").status_code == 404
    client.force_login(police_officer.user)
    response = client.get(f"/evidence/{evidence.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"secret"
