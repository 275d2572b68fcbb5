"""Searching the record as a member of the public, a partner officer and someone from
another organisation would: stems, phrases and hyphens, every kind of record, the
index kept current, and restricted records never in results or counts."""

from __future__ import annotations

import pytest

from oversight.search import engine
from oversight.search.index import rebuild
from oversight.search.models import SearchEntry
from oversight.visibility.viewer import PUBLIC
from tests.factories import (
    MeetingFactory,
    RecommendationFactory,
    ResponseFactory,
    ReviewFactory,
    TrackedItemFactory,
)

pytestmark = pytest.mark.django_db


def _found(text, viewer=PUBLIC, **kw):
    return [(m.kind, m.object_id) for m in engine.search(viewer, text, **kw).matches]


@pytest.fixture
def exclusions(commission):
    review = ReviewFactory(body=commission, title="Child Q: Strip Searching of Children")
    rec = RecommendationFactory(
        review=review,
        title="School exclusion",
        text="The Council should reduce the number of pupils facing exclusion from school.",
    )
    return review, rec


def test_a_plural_finds_the_singular_and_the_singular_the_plural(exclusions):
    _, rec = exclusions
    assert ("recommendation", rec.pk) in _found("exclusions")
    assert ("recommendation", rec.pk) in _found("Exclusion")


def test_a_reviews_title_finds_the_review(exclusions):
    review, _ = exclusions
    assert _found("Child Q")[0] == ("review", review.pk)


def test_a_hyphenated_search_finds_the_words_written_apart(commission):
    review = ReviewFactory(body=commission)
    rec = RecommendationFactory(review=review, text="Publish stop and search data monthly.")
    elsewhere = RecommendationFactory(review=review, text="Stop the search for a new venue.")
    hits = _found("stop-and-search")
    assert ("recommendation", rec.pk) in hits
    assert ("recommendation", elsewhere.pk) not in hits
    assert ("recommendation", rec.pk) in _found('"stop and search"')


def test_every_word_must_match(exclusions):
    assert _found("exclusion zebra") == []


def test_responses_actions_and_meetings_are_searched(exclusions, police):
    _, rec = exclusions
    response = ResponseFactory(
        recommendation=rec, organisation=police, text="We will train officers in trauma."
    )
    item = TrackedItemFactory(recommendation=rec, text="Run a mentoring scheme for pupils.")
    meeting = MeetingFactory(title="Safer Neighbourhoods Board, autumn meeting")
    assert ("response", response.pk) in _found("trauma")
    assert ("item", item.pk) in _found("mentoring")
    assert ("meeting", meeting.pk) in _found("neighbourhood")


def test_the_index_follows_edits_and_deletions(exclusions):
    _, rec = exclusions
    rec.text = "Fund youth clubs in every ward."
    rec.save()
    assert ("recommendation", rec.pk) in _found("youth clubs")
    assert ("recommendation", rec.pk) not in _found("pupils")
    pk = rec.pk
    rec.delete()
    assert ("recommendation", pk) not in _found("youth")
    assert not SearchEntry.objects.filter(kind="recommendation", object_id=pk).exists()


def test_restricted_record_is_found_only_by_those_concerned(
    commission, scrutiny_officer, other_officer, viewer_of
):
    review = ReviewFactory(body=commission)
    secret = RecommendationFactory(review=review, text="Review the zephyrine case file.")
    secret.restricted = True
    secret.save()
    for viewer in (PUBLIC, viewer_of(other_officer)):
        found = engine.search(viewer, "zephyrine")
        assert found.matches == [] and found.total == 0 and found.counts == {}
    assert ("recommendation", secret.pk) in _found("zephyrine", viewer_of(scrutiny_officer))


def test_a_record_under_a_restricted_review_is_not_found_by_the_public(commission):
    review = ReviewFactory(body=commission, restricted=True)
    rec = RecommendationFactory(review=review, text="Audit the quillwort contract.")
    assert _found("quillwort") == []
    assert rec.pk


def test_search_syntax_typed_by_a_person_is_not_an_error(exclusions):
    _, rec = exclusions
    for typed in ['exclusion"', "exclusion AND", "NEAR(exclusion", "exclusion*", "-exclusion", "^"]:
        hits = _found(typed)
        assert hits == [] or ("recommendation", rec.pk) in hits


def test_rebuild_indexes_every_record_once(exclusions):
    SearchEntry.objects.all().delete()
    assert _found("exclusions") == []
    assert rebuild() == SearchEntry.objects.count()
    assert ("recommendation", exclusions[1].pk) in _found("exclusions")


def test_passages_are_escaped_with_only_the_match_marked(commission):
    review = ReviewFactory(body=commission)
    rec = RecommendationFactory(review=review, text="<script>alert(1)</script> Fund libraries.")
    [match] = engine.search(PUBLIC, "libraries").matches
    title, passage = engine.highlights("libraries", [match.entry_id])[match.entry_id]
    # Escaped (SQLite) or dropped as markup (PostgreSQL's headline): never a live tag.
    assert "<script" not in passage and "alert(1)" in passage
    assert "<mark>libraries</mark>" in passage
    assert rec.pk == match.object_id


def test_the_search_page_groups_results_and_keeps_the_filters(client, exclusions, police):
    _, rec = exclusions
    ResponseFactory(recommendation=rec, organisation=police, text="We will cut exclusions.")
    page = client.get("/search/", {"q": "exclusions"}).content.decode()
    assert "Recommendations (1)" in page and "Responses (1)" in page
    assert "<mark>" in page
    page = client.get("/search/", {"q": "exclusions", "kind": "response"}).content.decode()
    assert 'value="response" selected' in page
    assert "We will cut" in page and "reduce the number of pupils" not in page


def test_the_search_page_says_when_nothing_matches(client, exclusions):
    page = client.get("/search/", {"q": "zebra"}).content.decode()
    assert "No results for “zebra”" in page


def test_the_index_command_rebuilds_what_a_bulk_change_left_behind(exclusions):
    from io import StringIO

    from django.core.management import call_command

    SearchEntry.objects.all().delete()
    out = StringIO()
    call_command("search_index", stdout=out)
    assert out.getvalue().strip() == f"search index: {SearchEntry.objects.count()} records indexed"
    assert ("review", exclusions[0].pk) in _found("Child Q")
