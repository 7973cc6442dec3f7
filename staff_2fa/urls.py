from django.urls import path

from staff_2fa import views

app_name = "staff_2fa"
urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("setup/", views.setup, name="setup"),
    path("remove/", views.remove, name="remove"),
    path("backup-codes/", views.backup_codes, name="backup_codes"),
]
