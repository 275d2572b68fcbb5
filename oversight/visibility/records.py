"""Records that can be restricted, and records that are written once.

The default manager of every restrictable model is the safe one: `Model.objects` holds
only what the public may see, and `Model.objects.visible_to(viewer)` what one viewer may
see. The unrestricted manager says what it is: `Model.private_objects`, used only where
the whole table is needed to write or to match (operations, the importer, the demo).
`tests/test_visibility_boundary.py` fails on any other use of it.

A query set remembers whose view it holds, so it cannot be silently widened or
narrowed: `Model.objects.filter(...).visible_to(viewer)` for a signed-in viewer is an
error (start from `Model.objects.visible_to(viewer)`), never a quiet public-only list.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .viewer import PUBLIC, Viewer

NOTHING = Q(pk__in=[])


class ScopeError(TypeError):
    """A query set already narrowed to one viewer was asked for another viewer's view."""


class RestrictedQuerySet(models.QuerySet):
    """Query sets of models with a restricted flag, narrowed to one viewer's view.

    `_scope` is the viewer whose view this is, or None for the unrestricted table."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._scope: Viewer | None = None

    def _clone(self):
        clone = super()._clone()
        clone._scope = self._scope
        return clone

    def _narrowed(self, viewer: Viewer, q: Q | None):
        if q is None:
            clone = self._chain()
        elif viewer.is_authenticated:
            # Who is concerned is found through many-to-many links, which repeat rows.
            clone = self.filter(q).distinct()
        else:
            clone = self.filter(q)  # the public flag is in the row itself: no joins
        clone._scope = viewer
        return clone

    def public(self):
        return self.visible_to(PUBLIC)

    def visible_to(self, viewer: Viewer):
        if self._scope is not None:
            if self._scope == viewer:
                return self
            raise ScopeError(
                f"This {self.model.__name__} query set is already narrowed to another "
                f"viewer; start from {self.model.__name__}.objects.visible_to(viewer)."
            )
        return self._narrowed(viewer, visible_q(self.model, viewer))


def visible_q(model, viewer: Viewer, prefix: str = "") -> Q | None:
    """The condition for `model`'s records (under `prefix`) that `viewer` may see, or
    None when the viewer sees everything (administrators)."""
    if viewer.is_admin:
        return None
    q = model.public_q(prefix)
    if viewer.is_authenticated:
        q |= model.open_q(prefix, drafts=viewer.is_staff_role)
        q |= model.concerned_q(viewer, prefix)
    return q


class VisibleManager(models.Manager.from_queryset(RestrictedQuerySet)):
    """`Model.objects`, the default manager: on its own it holds only what the public
    may see (so do related managers, such as `review.recommendations`, and anything
    else that reaches for the default manager); `visible_to(viewer)` starts from the
    whole table and narrows it to that viewer."""

    def get_queryset(self):
        return super().get_queryset().public()

    def visible_to(self, viewer: Viewer):
        queryset = RestrictedQuerySet(self.model, using=self._db)
        # A related manager (`meeting.agenda_items`) keeps its own filter.
        apply_rel_filters = getattr(self, "_apply_rel_filters", None)
        if apply_rel_filters is not None:
            queryset = apply_rel_filters(queryset)
        return queryset.visible_to(viewer)


class PrivateManager(models.Manager.from_queryset(RestrictedQuerySet)):
    """`Model.private_objects`: every row, restricted or not. Only for writing and
    matching records; never for what a page, feed or export shows."""


class Restrictable(models.Model):
    """Any record can be marked restricted: then only those concerned may see it.

    One rule decides what is restricted, for every kind of record: a record is
    restricted when it is marked so or when anything it hangs from is (an action
    minuted under an exempt agenda item, a response to a restricted recommendation).
    A concrete model names what it hangs from and adds its own conditions:

    - `parents`: records it is shown with; it is public (or open to signed-in readers)
      only when each of them that is set is too.
    - `restricting_parents`: records whose restriction it inherits but whose
      publication it does not wait for (a forward plan entry for a meeting not yet
      published).
    - `own_public_q(prefix)` and `own_open_q(prefix, drafts)`: its own publication.
    - `concerned_q(viewer, prefix)`: who is concerned with it and so sees it even when
      it is restricted.
    """

    restricted = models.BooleanField(
        default=False,
        help_text="Only signed-in members of the organisations and bodies concerned can see it.",
    )
    # What `public_rule_q` says of this row, kept by the database (visibility.shown).
    shown_publicly = models.BooleanField(default=False, editable=False, db_index=True)
    # Set by the importer so that loading the same document again finds the same record.
    source_key = models.CharField(max_length=300, blank=True, db_index=True, editable=False)

    parents: tuple[str, ...] = ()
    restricting_parents: tuple[str, ...] = ()

    objects = VisibleManager()
    private_objects = PrivateManager()

    class Meta:
        abstract = True

    @classmethod
    def _parent_models(cls, names):
        # Models are found through their fields, so no app imports another for this.
        return [(name, cls._meta.get_field(name)) for name in names]

    @classmethod
    def _each_parent(cls, names, prefix: str, rule) -> Q:
        q = Q()
        for name, field in cls._parent_models(names):
            parent_q = rule(field.related_model, f"{prefix}{name}__")
            q &= (Q(**{f"{prefix}{name}__isnull": True}) | parent_q) if field.null else parent_q
        return q

    @classmethod
    def unrestricted_q(cls, prefix: str = "") -> Q:
        """Neither this record nor anything it hangs from is restricted."""
        return Q(**{f"{prefix}restricted": False}) & cls._each_parent(
            cls.parents + cls.restricting_parents,
            prefix,
            lambda model, at: model.unrestricted_q(at),
        )

    @classmethod
    def public_q(cls, prefix: str = "") -> Q:
        """What anyone, signed in or not, may see: the rule's answer, as the database
        keeps it in each row (`visibility.shown`)."""
        return Q(**{f"{prefix}shown_publicly": True})

    @classmethod
    def public_rule_q(cls, prefix: str = "") -> Q:
        """The rule for what anyone may see: unrestricted, published as the record's own
        conditions say, and everything it is shown with public too."""
        return (
            cls.unrestricted_q(prefix)
            & cls.own_public_q(prefix)
            & cls._each_parent(cls.parents, prefix, lambda model, at: model.public_rule_q(at))
        )

    @classmethod
    def open_q(cls, prefix: str, drafts: bool) -> Q:
        """What every signed-in reader may see; drafts too for those who work on them."""
        return (
            cls.unrestricted_q(prefix)
            & cls.own_open_q(prefix, drafts)
            & cls._each_parent(cls.parents, prefix, lambda model, at: model.open_q(at, drafts))
        )

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        return Q()

    @classmethod
    def own_open_q(cls, prefix: str, drafts: bool) -> Q:
        return Q()

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        return NOTHING


class RestrictableHistory(HistoricalRecords):
    """The history of a restrictable record, less its public flag: nobody sets the flag
    (the database works it out, visibility.shown), and the copy saved with a version
    would be whatever the instance happened to hold, not what the public saw."""

    def __init__(self, *args, excluded_fields=None, **kwargs):
        excluded = [*(excluded_fields or []), "shown_publicly"]
        super().__init__(*args, excluded_fields=excluded, **kwargs)


class AppendOnlyQuerySet(models.QuerySet):
    """`.update()` and `.delete()` would bypass the model's refusal: refused here too."""

    def update(self, **kwargs):
        raise ValidationError(f"{self.model._meta.verbose_name} records cannot be changed.")

    def delete(self):
        raise ValidationError(f"{self.model._meta.verbose_name} records cannot be deleted.")


class AppendOnly(models.Model):
    """A record that is written once and never changed or deleted from the app. The
    database refuses it too (oversight.safekeeping), whatever sends the query."""

    append_only = True  # what oversight.safekeeping looks for to protect the table
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and type(self)._base_manager.filter(pk=self.pk).exists():
            raise ValidationError(f"{self._meta.verbose_name} records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(f"{self._meta.verbose_name} records cannot be deleted.")
