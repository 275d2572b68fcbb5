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
        clone = self.filter(q).distinct() if q is not None else self._chain()
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

    Each concrete model defines `public_q(prefix)`, `open_q(prefix, drafts)` and
    `concerned_q(viewer, prefix)`; a record under a restricted parent is restricted too
    (see `docs/information-governance.md`)."""

    restricted = models.BooleanField(
        default=False,
        help_text="Only signed-in members of the organisations and bodies concerned can see it.",
    )
    # Set by the importer so that loading the same document again finds the same record.
    source_key = models.CharField(max_length=300, blank=True, db_index=True, editable=False)

    objects = PrivateManager()
    private_objects = PrivateManager()
    public_objects = VisibleManager()

    class Meta:
        abstract = True


class AppendOnly(models.Model):
    """A record that is written once and never changed or deleted from the app."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and type(self)._base_manager.filter(pk=self.pk).exists():
            raise ValidationError(f"{self._meta.verbose_name} records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(f"{self._meta.verbose_name} records cannot be deleted.")
