from django.conf import settings


def site(request):
    """Site-wide template values: the languages for the switcher and hreflang links."""
    return {"SITE_NAME": "IR Atlas", "DEBUG": settings.DEBUG}
