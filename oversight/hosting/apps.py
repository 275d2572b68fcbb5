from django.apps import AppConfig


class HostingConfig(AppConfig):
    name = "oversight.hosting"
    verbose_name = "Hosting"
