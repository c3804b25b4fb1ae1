from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "perfbudget.serve.web"
    label = "web"
    verbose_name = "网页"

    def ready(self) -> None:
        from perfbudget.serve.web import signals  # noqa: F401  (connects the receivers)
