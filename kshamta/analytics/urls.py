from django.urls import path

from kshamta.analytics import views

app_name = "analytics"
urlpatterns = [
    path("", views.coverage, name="coverage"),
    path("<int:org_id>/", views.coverage, name="coverage_org"),
    path("<int:org_id>/export.csv", views.export_csv, name="export_csv"),
    path("<int:org_id>/export.xlsx", views.export_xlsx, name="export_xlsx"),
]
