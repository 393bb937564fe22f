from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "kshamta.certificates"
    label = "certificates"
    verbose_name = "Certificates"
