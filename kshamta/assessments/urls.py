from django.urls import path

from kshamta.assessments import views

app_name = "assessments"
urlpatterns = [
    path("<int:assessment_id>/", views.intro, name="intro"),
    path("<int:assessment_id>/start/", views.start, name="start"),
    path("attempts/<int:attempt_id>/", views.take, name="take"),
    path("attempts/<int:attempt_id>/save/", views.autosave, name="autosave"),
    path("attempts/<int:attempt_id>/submit/", views.submit, name="submit"),
    path("attempts/<int:attempt_id>/result/", views.result, name="result"),
    path("manage/new/<int:version_id>/", views.manage_new, name="manage_new"),
    path("manage/<int:assessment_id>/", views.manage, name="manage"),
    path("manage/<int:assessment_id>/delete/", views.manage_delete, name="manage_delete"),
    path("manage/<int:assessment_id>/sections/new/", views.manage_section_new, name="manage_section_new"),
    path("manage/sections/<int:section_id>/", views.manage_section, name="manage_section"),
    path("manage/sections/<int:section_id>/delete/", views.manage_section_delete, name="manage_section_delete"),
    path("manage/sections/<int:section_id>/import/", views.manage_section_import, name="manage_section_import"),
    path(
        "manage/sections/<int:section_id>/questions/new/<str:kind>/",
        views.manage_question_new,
        name="manage_question_new",
    ),
    path("manage/questions/<int:question_id>/", views.manage_question, name="manage_question"),
    path("manage/questions/<int:question_id>/delete/", views.manage_question_delete, name="manage_question_delete"),
]
