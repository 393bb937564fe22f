"""Mandatory courses, assignment runs and compliance (mounted at /assignments/, namespace "assignments")."""

from django.urls import path

from kshamta.learning import assignment_views as views

app_name = "assignments"
urlpatterns = [
    path("mandatory/", views.mandatory, name="mandatory"),
    path("mandatory/<int:rule_id>/withdraw/", views.withdraw_mandatory, name="withdraw_mandatory"),
    path("runs/<int:job_id>/", views.job, name="job"),
    path("runs/<int:job_id>/rerun/", views.rerun_job, name="rerun_job"),
    path("compliance/", views.compliance_overview, name="compliance"),
    path("compliance/<int:org_id>/", views.compliance_overview, name="compliance_org"),
    path("compliance/<int:org_id>/people/", views.compliance_people, name="compliance_people"),
    path("compliance/<int:org_id>/people.csv", views.compliance_csv, name="compliance_csv"),
]
