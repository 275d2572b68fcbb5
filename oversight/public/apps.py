from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "oversight.public"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the start-up checks)
