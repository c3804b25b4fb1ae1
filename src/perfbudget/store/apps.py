from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "perfbudget.store"
    label = "store"
    verbose_name = "预算文件库"
    default_auto_field = "django.db.models.BigAutoField"
