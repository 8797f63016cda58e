"""The admin import page: paste or upload, see what each entry would become, confirm; bad
files are refused with a message and nothing is ever half-written."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from sources.models import Person, Source
from tests.helpers import soup
from tests.test_html_validity import describe, validate

IMPORT = "/admin/sources/source/import/"
CHANGELIST = "/admin/sources/source/"

BIB = r"""@article{Jervis78, author = {Jervis, Robert}, title = {Cooperation under the Security
Dilemma}, journal = {World Politics}, year = 1978, doi = {10.2307/2009958}}
@book{waltz79, author = {Waltz, Kenneth N.}, title = {Theory of International Politics},
  year = {1979}}
@article{battig09, author = {B\"{a}ttig, Michele B. and Bernauer, Thomas}, title = {National
Institutions}, journal = {International Organization}, year = {2009}, pages = {281--308}}
@article{notitle, author = {Nobody, A.}, year = {2001}}
"""


@pytest.fixture(autouse=True)
def english(client, settings):
    """The admin takes its language from the browser; these tests read it in English. (And
    a fast password hasher: every test logs an editor in.)"""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def preview(client, text=BIB, **data):
    return client.post(IMPORT, {"text": text, "format": "auto", **data})


def table_rows(response):
    table = soup(response).find("table", id="import-preview")
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody("tr")]


def confirm_data(response):
    form = soup(response).find("form", id="confirm_form")
    data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    return data


def test_the_sources_list_links_to_the_import_page(editor):
    page = soup(editor.get(CHANGELIST))
    assert page.find("a", href=IMPORT).get_text(strip=True) == "Import BibTeX, RIS or CSL-JSON"
    assert reverse("admin:sources_source_import") == IMPORT


def test_the_form_has_a_label_for_every_field(editor):
    response = editor.get(IMPORT)
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Import sources"
    form = page.find("form", id="import_form")
    assert form["enctype"] == "multipart/form-data"
    fields = form.find_all(["textarea", "select", "input"], attrs={"id": True})
    assert {f["name"] for f in fields} == {"text", "upload", "format"}
    for field in fields:
        assert page.find("label", attrs={"for": field["id"]}), field["name"]


def test_preview_lists_each_entry_and_writes_nothing(editor, sample):
    response = preview(editor)
    assert response.status_code == 200
    rows = table_rows(response)
    assert [r[1] for r in rows] == ["duplicate", "new", "new", "invalid"]
    assert "jervis1978" in rows[0][-1] and "DOI" in rows[0][-1]
    assert rows[2][2:5] == [
        "battig09",
        "Michele B. Bättig; Thomas Bernauer",
        "2009",
    ]
    assert "No title" in rows[3][-1]
    assert "2 new, 1 duplicates, 1 invalid" in soup(response).find(id="content-main").p.text
    assert not Source.objects.filter(citation_key__in=["waltz79", "battig09"]).exists()


def test_confirm_carries_the_text_unchanged_and_imports_the_new_entries(editor, sample):
    data = confirm_data(preview(editor))
    assert data["text"] == BIB
    assert data["format"] == "bibtex"
    assert data["confirm"] == "Import 2 new sources"
    response = editor.post(IMPORT, data, follow=True)
    assert response.redirect_chain == [(CHANGELIST, 302)]
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["2 created, 1 duplicates skipped, 1 invalid."]
    battig = Source.objects.with_creators().get(citation_key="battig09")
    assert battig.pages == "281–308"
    assert [c.person.family_name for c in battig.authors] == ["Bättig", "Bernauer"]


def test_an_uploaded_file_is_previewed_and_confirmed(editor, db):
    upload = SimpleUploadedFile(
        "refs.ris",
        b"TY  - BOOK\r\nAU  - Waltz, Kenneth\r\n"
        b"TI  - Man, the State, and War\r\nPY  - 1959\r\nER  - \r\n",
    )
    response = editor.post(IMPORT, {"text": "", "upload": upload, "format": "ris"})
    assert response.status_code == 200
    assert table_rows(response)[0][1:3] == ["new", "waltz1959"]
    assert "Read as RIS" in response.text
    editor.post(IMPORT, confirm_data(response))
    assert Source.objects.get().citation_key == "waltz1959"


def test_a_file_in_windows_1252_is_read_and_the_editor_told(editor, db):
    upload = SimpleUploadedFile("old.bib", "@book{k, title = {Café}}".encode("cp1252"))
    response = editor.post(IMPORT, {"upload": upload, "format": "auto"})
    assert table_rows(response)[0][5] == "Café"
    assert "Windows-1252" in soup(response).find("ul", class_="messagelist").text
    assert confirm_data(response)["text"] == "@book{k, title = {Café}}"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"text": "Some notes, not a bibliography."},
            "does not look like BibTeX, RIS or CSL-JSON",
        ),
        ({"text": '{"title": "one item"}'}, "must be an array"),
        ({"text": "[{,]"}, "not valid JSON"),
        ({"text": "@book{k, title = {T}}", "format": "ris"}, "No RIS records"),
        ({"text": "   "}, "Paste entries or choose a file"),
        ({"text": "@book{k, title={T}}", "format": "docx"}, "Select a valid choice"),
    ],
)
def test_unreadable_input_gives_the_form_back_with_a_message(editor, db, data, message):
    response = editor.post(IMPORT, {"format": "auto", **data})
    assert response.status_code == 400
    page = soup(response)
    assert message in page.find(id="import_form").get_text(" ")
    assert page.find("textarea", attrs={"name": "text"}).text.strip() == data["text"].strip()
    assert not Source.objects.exists()


def test_text_and_file_together_are_refused(editor, db):
    upload = SimpleUploadedFile("a.bib", b"@book{k, title={T}}")
    response = editor.post(IMPORT, {"text": "@book{j, title={T}}", "upload": upload})
    assert response.status_code == 400
    assert "not both" in response.text


def test_an_oversized_upload_is_refused_with_the_limit(editor, db, settings):
    settings.SOURCES_IMPORT_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.bib", b"@book{k, title={T}}" + b" " * 2000)
    response = editor.post(IMPORT, {"upload": upload, "format": "auto"})
    assert response.status_code == 413
    assert "too large" in response.text and "1.0\xa0KB" in response.text


def test_a_post_larger_than_django_accepts_is_refused_with_a_message(editor, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = editor.post(IMPORT, {"text": "@book{k, title={T}}" + " " * 2000})
    assert response.status_code == 413
    assert "too large" in response.text


def test_with_csrf_checks_an_oversized_post_is_still_a_4xx(db, django_user_model, settings):
    """The CSRF middleware reads the body before the view; Django then answers 400."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("e", "e@example.org", "pw-E-1"))
    token = soup(client.get(IMPORT)).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(IMPORT, {"csrfmiddlewaretoken": token, "text": "x" * 2000})
    assert response.status_code == 400


def test_a_tampered_confirmation_is_refused(editor, db):
    response = editor.post(IMPORT, {"confirm": "Import", "format": "bibtex"})
    assert response.status_code == 400
    assert "paste or upload the file again" in response.text
    response = editor.post(IMPORT, {"confirm": "Import", "text": "not bibtex", "format": "bibtex"})
    assert response.status_code == 400
    assert not Source.objects.exists()


def test_a_database_refusal_on_confirm_writes_nothing_and_keeps_the_text(editor, db, monkeypatch):
    from sources.cite.imports.dedupe import Seen

    Source.objects.create(citation_key="x", item_type="book", title="X", doi="10.2307/2009958")
    data = confirm_data(preview(editor, text=BIB.replace("Jervis78", "j")))
    # Another editor's save slipped in between preview and confirm, past the checks.
    monkeypatch.setattr(Seen, "from_db", classmethod(lambda cls: cls(keys={"x"})))
    response = editor.post(IMPORT, data)
    assert response.status_code == 409
    assert "Nothing was imported" in response.text
    assert (
        soup(response).find("textarea", attrs={"name": "text"}).text.strip()
        == BIB.replace("Jervis78", "j").strip()
    )
    assert list(Source.objects.values_list("citation_key", flat=True)) == ["x"]


def test_titles_with_html_stay_text_in_the_preview(editor, db):
    text = "@book{k, title = {<script>alert(1)</script><img src=x onerror=alert(2)>}}"
    response = preview(editor, text=text)
    page = soup(response)
    assert page.find("table", id="import-preview").find("script") is None
    assert page.find("table", id="import-preview").find("img") is None
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert table_rows(response)[0][5] == "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_visitors_are_sent_to_log_in(client, db):
    response = client.get(IMPORT)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_without_permission_to_add_sources_are_refused(client, db, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw-Reader-1", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_source"))
    client.force_login(user)
    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"text": BIB}).status_code == 403
    assert "Import BibTeX" not in client.get(CHANGELIST).text
    user.user_permissions.add(Permission.objects.get(codename="add_source"))
    assert client.get(IMPORT).status_code == 200


def test_posts_without_the_csrf_token_are_refused(db, django_user_model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("e", "e@example.org", "pw-E-1"))
    assert client.post(IMPORT, {"text": BIB}).status_code == 403
    assert not Source.objects.exists()


def test_the_page_works_in_chinese(editor, db):
    response = editor.get(IMPORT, HTTP_ACCEPT_LANGUAGE="zh-hant")
    assert response.status_code == 200
    assert soup(response).html["lang"] == "zh-hant"


def _bib(n, start=0):
    return "".join(
        f"@book{{b{i}, author = {{Author{i}, A. and Shared, S.}}, title = {{Book {i}}}}}\n"
        for i in range(start, start + n)
    )


def test_preview_query_count_does_not_grow_with_the_file(editor, db, django_assert_num_queries):
    """The preview checks duplicates and people against the whole atlas in bulk: session,
    user, then sources, their first creators and people, whatever the file's size."""
    for n in (2, 30):
        with django_assert_num_queries(5):
            preview(editor, text=_bib(n))


def test_confirm_query_count_does_not_grow_with_the_file(editor, db, django_assert_num_queries):
    """Confirming adds only bulk inserts (people, sources, credits) inside one savepoint."""
    for n, start in ((2, 0), (30, 100)):
        data = confirm_data(preview(editor, text=_bib(n, start)))
        with django_assert_num_queries(10):
            editor.post(IMPORT, data)
    assert Person.objects.filter(family_name="Shared").count() == 1
    assert Source.objects.count() == 32


def test_form_page_query_count(editor, django_assert_num_queries):
    """The empty form reads nothing but the session and the user."""
    with django_assert_num_queries(2):
        editor.get(IMPORT)


def test_the_form_preview_and_error_pages_are_valid_html(editor, sample, tmp_path):
    """Checked with the Nu HTML Checker like the public pages (its notes about the admin's own
    sidebar are informational, not errors)."""
    pages = {
        "form": editor.get(IMPORT).text,
        "preview": preview(editor).text,
        "error": preview(editor, text="not a bibliography").text,
    }
    errors = [m for m in validate(pages, tmp_path) if m["type"] == "error"]
    assert not errors, "\n".join(describe(m) for m in errors)
