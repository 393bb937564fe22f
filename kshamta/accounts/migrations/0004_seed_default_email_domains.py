"""The default allow-list: addresses on gov.in and nic.in (and their subdomains) register straight away."""

from django.db import migrations

DEFAULT_DOMAINS = ["gov.in", "nic.in"]


def add_default_domains(apps, schema_editor):  # type: ignore[no-untyped-def]
    EmailDomain = apps.get_model("accounts", "EmailDomain")
    for domain in DEFAULT_DOMAINS:
        EmailDomain.objects.get_or_create(domain=domain)


def remove_default_domains(apps, schema_editor):  # type: ignore[no-untyped-def]
    EmailDomain = apps.get_model("accounts", "EmailDomain")
    EmailDomain.objects.filter(domain__in=DEFAULT_DOMAINS, added_by__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_registration_domains_and_change_requests")]

    operations = [migrations.RunPython(add_default_domains, remove_default_domains)]
