from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "kshamta.catalog"
    label = "catalog"
    verbose_name = "Catalog"
