from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConceptsConfig(AppConfig):
    name = "concepts"
    verbose_name = _("Concepts")

    def ready(self):
        from concepts import search
        from concepts.models import Concept, Definition
        from sources import citing

        citing.register(Definition, lambda: Definition.objects.select_related("concept"))
        # A concept body cites sources too (field body_en / body_zh_hant).
        citing.register(Concept, lambda: Concept.objects.all())
        search.register()
