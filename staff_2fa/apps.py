from django.apps import AppConfig


class Staff2faConfig(AppConfig):
    name = "staff_2fa"
    verbose_name = "Staff two-factor authentication"
