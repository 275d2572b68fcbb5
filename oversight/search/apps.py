from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "oversight.search"

    def ready(self) -> None:
        from . import index

        index.connect_signals()
