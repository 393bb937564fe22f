from django.urls import path

from kshamta.onboarding import views

app_name = "onboarding"
urlpatterns = [
    path("imports/", views.import_list, name="imports"),
    path("imports/new/", views.import_new, name="import_new"),
    path("imports/<int:job_id>/", views.import_detail, name="import"),
    path("imports/<int:job_id>/progress/", views.import_progress, name="import_progress"),
    path("imports/<int:job_id>/confirm/", views.import_confirm, name="import_confirm"),
    path("imports/<int:job_id>/resume/", views.import_resume, name="import_resume"),
    path("imports/<int:job_id>/errors.csv", views.import_errors, name="import_errors"),
    path("template.xlsx", views.import_template, {"kind": "xlsx"}, name="template_xlsx"),
    path("template.csv", views.import_template, {"kind": "csv"}, name="template_csv"),
]
