from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConceptsConfig(AppConfig):
    name = "concepts"
    verbose_name = _("Concepts")

    def ready(self):
        from concepts.models import Definition
        from sources import citing

        citing.register(Definition, lambda: Definition.objects.select_related("concept"))
