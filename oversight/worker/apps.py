from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "oversight.worker"
    verbose_name = "Worker"
