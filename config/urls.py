from django.contrib import admin
from django.urls import include, path

from kshamta.api.api import api
from kshamta.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("", include("kshamta.accounts.urls")),
    path("org/", include("kshamta.orgs.urls")),
    path("onboarding/", include("kshamta.onboarding.urls")),
    path("coverage/", include("kshamta.analytics.urls")),
    path("courses/", include("kshamta.catalog.urls")),
    path("competencies/", include("kshamta.competencies.urls")),
    path("cbp/", include("kshamta.planning.urls")),
    path("studio/", include("kshamta.catalog.studio_urls")),
    path("learn/", include("kshamta.learning.urls")),
    path("assignments/", include("kshamta.learning.assignment_urls")),
    path("assessments/", include("kshamta.assessments.urls")),
    path("programmes/", include("kshamta.programmes.urls")),
    path("", include("kshamta.certificates.urls")),
    path("", include("kshamta.engagement.urls")),
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
]
