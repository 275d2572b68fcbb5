"""With uploads kept in an S3 bucket (EVIDENCE_S3_BUCKET), a backup holds the bucket's
files too, and a restore puts them into the new installation's empty bucket. Against a
real S3-compatible server on this machine (moto in server mode), SQLite installations."""

from __future__ import annotations

import socket

import boto3
import pytest
from moto.server import ThreadedMotoServer

from tests.security.test_deploy_settings import PRODUCTION, oversight

pytestmark = pytest.mark.xdist_group("object-storage")

SAVE = (
    "from django.core.files.base import ContentFile; "
    "from django.core.files.storage import default_storage; "
    "print(default_storage.save('evidence/7/pathway.pdf', ContentFile(b'%PDF-1.4 pathway')))"
)


@pytest.fixture
def s3(monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=url,
        region_name="eu-west-2",
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    for bucket in ("live-evidence", "new-evidence"):
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
    yield url, client
    server.stop()


def installation(tmp_path, name: str, url: str, bucket: str):
    folder = tmp_path / name
    folder.mkdir()
    env = {
        **PRODUCTION,
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "STOPSEARCH_DB": str(folder / "stopsearch.duckdb"),
        "EVIDENCE_S3_BUCKET": bucket,
        "EVIDENCE_S3_PREFIX": "oversight",
        "AWS_S3_ENDPOINT_URL": url,
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
    }
    return folder, env


def run(folder, env, *args):
    result = oversight(list(args), folder, **env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_a_backup_holds_the_buckets_files_and_restores_them_into_an_empty_bucket(tmp_path, s3):
    url, client = s3
    live, live_env = installation(tmp_path, "live", url, "live-evidence")
    run(live, live_env, "migrate", "--verbosity", "0")
    assert run(live, live_env, "shell", "--no-imports", "-c", SAVE).stdout.strip() == (
        "evidence/7/pathway.pdf"
    )
    archive = live / "backup.tar.gz"
    assert "1 uploaded files" in run(live, live_env, "backup", str(archive)).stdout

    new, new_env = installation(tmp_path, "new", url, "new-evidence")
    run(new, new_env, "migrate", "--verbosity", "0")
    run(new, new_env, "restore", str(archive))
    body = client.get_object(Bucket="new-evidence", Key="oversight/evidence/7/pathway.pdf")
    assert body["Body"].read() == b"%PDF-1.4 pathway"

    # The bucket now holds files: a second restore there is refused.
    again = oversight(["restore", str(archive)], new, **new_env)
    assert again.returncode != 0 and "already holds" in again.stderr
