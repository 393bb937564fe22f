"""Background jobs of the certificates app."""

from __future__ import annotations

from django_tasks import task

from kshamta.certificates.models import Certificate


@task()
def render_certificate_pdf(certificate_id: str) -> str:
    """Render and store a certificate's PDF (queued after issue and after revocation)."""
    from kshamta.certificates.render import store_certificate_pdf

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return "missing"
    store_certificate_pdf(certificate)
    return "stored"
