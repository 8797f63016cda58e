"""Scholarly identifiers: normalised on clean, and guarded by database constraints."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from stdnum import isbn as stdnum_isbn

from sources.identifiers import normalise_doi, normalise_isbn, validate_orcid
from sources.models import Person, Source

# Kenneth Waltz, Theory of International Politics (McGraw-Hill): a real ISBN-10 and its ISBN-13.
WALTZ_ISBN10 = "0-07-554852-6"
WALTZ_ISBN13 = "9780075548522"


def test_the_isbn_fixtures_are_real_isbns():
    assert stdnum_isbn.is_valid(WALTZ_ISBN10)
    assert stdnum_isbn.to_isbn13(stdnum_isbn.compact(WALTZ_ISBN10)) == WALTZ_ISBN13


def source(**fields):
    values = {"citation_key": "key2000", "item_type": "book", "title": "A title"} | fields
    return Source(**values)


@pytest.mark.parametrize(
    "spelling",
    [
        "10.2307/2009958",
        "https://doi.org/10.2307/2009958",
        "http://dx.doi.org/10.2307/2009958",
        "doi:10.2307/2009958",
        "  DOI: 10.2307/2009958 ",
    ],
)
def test_doi_spellings_normalise_to_the_bare_doi(spelling):
    assert normalise_doi(spelling) == "10.2307/2009958"


def test_doi_is_folded_to_lower_case():
    assert normalise_doi("10.1093/ISQ/SQAB001") == "10.1093/isq/sqab001"


@pytest.mark.django_db
def test_full_clean_stores_the_bare_doi():
    s = source(doi="https://doi.org/10.2307/2009958")
    s.full_clean()
    assert s.doi == "10.2307/2009958"


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["2009958", "10.23/x", "https://example.org/10.2307"])
def test_a_bad_doi_is_rejected_with_a_clear_message(bad):
    with pytest.raises(ValidationError) as error:
        source(doi=bad).full_clean()
    assert "is not a DOI" in " ".join(error.value.message_dict["doi"])


def test_isbn10_with_hyphens_becomes_isbn13():
    assert normalise_isbn(WALTZ_ISBN10) == WALTZ_ISBN13
    assert normalise_isbn("978-0-07-554852-2") == WALTZ_ISBN13


@pytest.mark.django_db
def test_isbn_is_shown_with_hyphens():
    s = source(isbn=WALTZ_ISBN10)
    s.full_clean()
    assert s.isbn == WALTZ_ISBN13
    assert s.isbn_display == "978-0-07-554852-2"


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["0-07-554852-7", "9780075548523", "12345"])
def test_a_bad_isbn_checksum_is_rejected(bad):
    with pytest.raises(ValidationError) as error:
        source(isbn=bad).full_clean()
    assert "is not a valid ISBN" in " ".join(error.value.message_dict["isbn"])


@pytest.mark.django_db
def test_an_isbn10_and_its_isbn13_count_as_duplicates():
    first = source(citation_key="waltz1979", isbn=WALTZ_ISBN10)
    first.full_clean()
    first.save()
    second = source(citation_key="waltz1979b", isbn="978-0-07-554852-2")
    with pytest.raises(ValidationError):
        second.full_clean()
    # And the database refuses it even when validation is skipped.
    with transaction.atomic(), pytest.raises(IntegrityError):
        Source.objects.create(citation_key="waltz1979c", item_type="book", isbn=WALTZ_ISBN13)


@pytest.mark.django_db
def test_database_refuses_an_isbn10():
    with transaction.atomic(), pytest.raises(IntegrityError):
        Source.objects.create(citation_key="x2000", item_type="book", isbn="0075548526")


@pytest.mark.django_db
def test_database_refuses_duplicate_citation_keys():
    Source.objects.create(citation_key="jervis1978", item_type="book", title="One")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Source.objects.create(citation_key="jervis1978", item_type="book", title="Two")


@pytest.mark.django_db
def test_database_refuses_upper_case_citation_keys():
    with transaction.atomic(), pytest.raises(IntegrityError):
        Source.objects.create(citation_key="Jervis1978", item_type="book", title="T")


@pytest.mark.django_db
def test_full_clean_explains_that_citation_keys_are_lower_case():
    with pytest.raises(ValidationError) as error:
        source(citation_key="Jervis1978").full_clean()
    assert "lower-case" in " ".join(error.value.message_dict["citation_key"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "raw", ["10.2307/ABC", "https://doi.org/10.2307/2009958", "doi:10.2307/2009958"]
)
def test_database_refuses_an_unnormalised_doi(raw):
    with transaction.atomic(), pytest.raises(IntegrityError):
        Source.objects.create(citation_key="k2000", item_type="book", title="T", doi=raw)


@pytest.mark.django_db
def test_dois_differing_only_in_case_are_duplicates():
    first = source(citation_key="a2000", doi="10.2307/ABC")
    first.full_clean()
    first.save()
    with pytest.raises(ValidationError):
        source(citation_key="b2000", doi="10.2307/abc").full_clean()


@pytest.mark.django_db
def test_month_13_is_refused_by_validation_and_database():
    with pytest.raises(ValidationError) as error:
        source(year=1978, month=13).full_clean()
    assert "month" in error.value.message_dict
    with transaction.atomic(), pytest.raises(IntegrityError):
        Source.objects.create(citation_key="m2000", item_type="book", year=1978, month=13)


@pytest.mark.django_db
def test_a_month_without_a_year_is_refused_by_the_database():
    with transaction.atomic(), pytest.raises(IntegrityError):
        Source.objects.create(citation_key="m2000", item_type="book", month=5)


def test_orcid_checksum_is_checked():
    validate_orcid("0000-0002-1825-0097")
    validate_orcid("0000-0002-1694-233X")
    for bad in ["0000-0002-1825-0098", "0000-0002-1825-009", "0000000218250097"]:
        with pytest.raises(ValidationError):
            validate_orcid(bad)


@pytest.mark.django_db
def test_person_with_a_bad_orcid_fails_full_clean():
    person = Person(slug="x", family_name="X", orcid="0000-0002-1825-0098")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "ORCID" in " ".join(error.value.message_dict["orcid"])


@pytest.mark.django_db
def test_database_refuses_two_people_with_one_orcid():
    Person.objects.create(slug="a", family_name="A", orcid="0000-0002-1825-0097")
    Person.objects.create(slug="b", family_name="B")
    Person.objects.create(slug="c", family_name="C")  # blank ORCIDs do not collide
    with transaction.atomic(), pytest.raises(IntegrityError):
        Person.objects.create(slug="d", family_name="D", orcid="0000-0002-1825-0097")
