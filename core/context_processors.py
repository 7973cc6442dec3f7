from core.navigation import main_navigation


def site_navigation(request):
    return {"main_navigation": main_navigation()}
