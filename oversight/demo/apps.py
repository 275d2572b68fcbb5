from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "oversight.demo"
    verbose_name = "Demo data"
