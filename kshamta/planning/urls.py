from django.urls import path

from kshamta.planning import views

app_name = "planning"
urlpatterns = [
    path("", views.plan_list, name="plans"),
    path("new/", views.plan_new, name="plan_new"),
    path("<int:plan_id>/", views.plan_detail, name="plan"),
    path("<int:plan_id>/documents/", views.plan_documents, name="documents"),
    path("<int:plan_id>/documents/<int:document_id>/delete/", views.document_delete, name="document_delete"),
    path("<int:plan_id>/documents/<int:document_id>/file/", views.document_file, name="document_file"),
    path("<int:plan_id>/analyse/", views.plan_analyse, name="analyse"),
    path("<int:plan_id>/analysis/", views.analysis_progress, name="analysis_progress"),
    path("<int:plan_id>/designations/<int:designation_id>/", views.designation_detail, name="designation"),
    path("<int:plan_id>/lines/<int:line_id>/", views.course_line, name="course_line"),
    path("<int:plan_id>/competencies/<int:competency_id>/courses/", views.add_course, name="add_course"),
    path("<int:plan_id>/competencies/<int:competency_id>/level/", views.competency_level, name="competency_level"),
    path("<int:plan_id>/comment/", views.plan_comment, name="comment"),
    path("<int:plan_id>/submit/", views.plan_submit, name="submit"),
    path("<int:plan_id>/approve/", views.plan_approve, name="approve"),
    path("<int:plan_id>/return/", views.plan_return, name="return"),
    path("<int:plan_id>/publish/", views.plan_publish, name="publish"),
    path("<int:plan_id>/revise/", views.plan_revise, name="revise"),
    path("<int:plan_id>/plan.pdf", views.export_pdf, name="export_pdf"),
    path("<int:plan_id>/plan.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:plan_id>/plan.json", views.export_json, name="export_json"),
    path("<int:plan_id>/import/", views.plan_import, name="import"),
]
