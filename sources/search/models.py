"""The search index: one row per searchable page, written by sources.search.indexing.

Besides these columns each database keeps its own full-text index over the three token
columns, created by migration: on PostgreSQL two generated tsvectors with GIN indexes,
`names_vector` (titles and alternative names) and `search_vector` (everything), so that
neither needs rechecking row by row; on SQLite an FTS5 table with a column per field,
`sources_searchdocument_fts`, kept in step by triggers. Changing a token column therefore
needs SQL in its migration as well: PostgreSQL refuses to alter a column a generated column
reads, and SQLite drops the triggers when Django rebuilds the table.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class SearchDocument(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20)
    published = models.BooleanField(default=True)
    url_en = models.CharField(max_length=500)
    url_zh_hant = models.CharField(max_length=500)
    title_en = models.CharField(max_length=500, blank=True)
    title_zh_hant = models.CharField(max_length=500, blank=True)
    subtitle_en = models.CharField(max_length=300, blank=True)
    subtitle_zh_hant = models.CharField(max_length=300, blank=True)
    # Plain text of the page in each language, for snippets.
    body_en = models.TextField(blank=True)
    body_zh_hant = models.TextField(blank=True)
    # " slug other-slug ", padded so that a tag is matched as a whole word.
    tags = models.TextField(blank=True)
    start_year = models.SmallIntegerField(null=True, blank=True)
    end_year = models.SmallIntegerField(null=True, blank=True)
    # Folded titles and alternative names, one per line (for phrases and prefixes), and the
    # same with words stemmed (for whole-title matches: "security dilemmas").
    title_keys = models.TextField(blank=True)
    alt_keys = models.TextField(blank=True)
    title_stems = models.TextField(blank=True)
    alt_stems = models.TextField(blank=True)
    # Folded body padded with spaces, for phrase checks in SQL (LIKE).
    folded_body = models.TextField(blank=True)
    tokens_title = models.TextField(blank=True)
    tokens_alt = models.TextField(blank=True)
    tokens_body = models.TextField(blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "object_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="sources_searchdocument_unique_object"
            )
        ]

    def __str__(self):
        return f"{self.kind}: {self.title_en or self.title_zh_hant}"


class SearchTerm(models.Model):
    """A word found in the index: the vocabulary that typos are corrected towards."""

    word = models.CharField(max_length=30, unique=True)

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word
