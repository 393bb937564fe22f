from django.urls import path

from kshamta.engagement import views

app_name = "engagement"
urlpatterns = [
    path("karma/", views.karma, name="karma"),
    path("ratings/<str:code>/", views.rate, name="rate"),
    path("ratings/<str:code>/delete/", views.delete_rating, name="delete_rating"),
]
