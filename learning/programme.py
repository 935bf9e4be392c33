"""The KM programme view: for each stage and role, the recommended learning path, key reference articles and
communities to join; a person's next step from their role, their department's stage and what they completed; and
a manager's team with each person's progress on their stage's path. Every function runs a number of queries that
does not grow with the amount of content or the size of the team (only with the number of roles)."""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.db.models import Q

from home.models import ReferenceArticlePage
from learning.models import LearningPathPage, LessonPage
from learning.programme_stages import stage_of_department
from learning.progress import LessonCompletion, Progress
from portal.people.models import Profile
from portal.programme import communities_to_join
from portal.taxonomy.models import Audience, Stage

ARTICLES_PER_CELL = 3
COMMUNITIES_PER_CELL = 2
MANAGER_ROLE = "manager"
STAGE_ORDER = [stage.value for stage in Stage]


@dataclass
class Cell:
    """What the programme recommends to one role at one stage."""

    stage: str
    role: Audience
    path: LearningPathPage | None = None
    articles: list = field(default_factory=list)
    communities: list = field(default_factory=list)

    @property
    def path_is_from_another_stage(self) -> bool:
        return self.path is not None and self.path.stage != self.stage


def stage_label(stage: str) -> str:
    return Stage(stage).label if stage in STAGE_ORDER else stage


def recommended_path(paths, role, stage):
    """The live path for the role and stage, else the role's path at the nearest stage (the earlier one on a
    tie), else None. `paths` are all readable paths, by title."""
    own = [path for path in paths if path.audience_id == role.pk]
    if not own:
        return None
    here = STAGE_ORDER.index(stage)

    def distance(path):
        there = STAGE_ORDER.index(path.stage) if path.stage in STAGE_ORDER else len(STAGE_ORDER) * 2
        return (abs(there - here), there)

    return min(own, key=distance)


def readable_paths():
    """Live paths every reader may open, with their audience."""
    return list(LearningPathPage.objects.live().public().select_related("audience").order_by("title"))


def programme_grid() -> dict:
    """Rows of stages, each with one cell per role, filled from live public content only."""
    roles = list(Audience.objects.all())
    paths = readable_paths()
    articles = list(
        ReferenceArticlePage.objects.live()
        .public()
        .exclude(stage="")
        .defer_streamfields()
        .prefetch_related("audiences")
        .order_by("-first_published_at", "title")
    )
    communities = communities_to_join()
    rows = []
    for stage in Stage:
        cells = []
        for role in roles:
            cells.append(
                Cell(
                    stage=stage.value,
                    role=role,
                    path=recommended_path(paths, role, stage.value),
                    articles=[a for a in articles if a.stage == stage and _serves(a, role)][:ARTICLES_PER_CELL],
                    communities=_communities_for(communities, role, stage.value),
                )
            )
        rows.append({"stage": stage, "cells": cells})
    return {"roles": roles, "rows": rows}


def _serves(page, role) -> bool:
    return any(audience.pk == role.pk for audience in page.audiences.all())


def _communities_for(communities, role, stage):
    """The role's communities at this stage first, then the role's communities at other stages."""
    for_role = [community for community in communities if _serves(community, role)]
    at_stage = [community for community in for_role if community.stage == stage]
    others = [community for community in for_role if community.stage != stage]
    return (at_stage + others)[:COMMUNITIES_PER_CELL]


@dataclass
class NextStep:
    """A signed-in person's next step in the programme. `kind` says which: "choose_role" (no role set),
    "no_path" (nothing for their role yet), "lesson" (the next lesson of their path) or "complete"."""

    kind: str
    role: Audience | None = None
    department: str = ""
    stage: str = ""
    path: LearningPathPage | None = None
    progress: Progress | None = None

    @property
    def stage_label(self) -> str:
        return stage_label(self.stage) if self.stage else ""

    @property
    def path_is_from_another_stage(self) -> bool:
        return self.path is not None and self.path.stage != self.stage


def next_step_for(user, request=None) -> NextStep | None:
    """The person's next step; None for anonymous readers."""
    if not user.is_authenticated:
        return None
    role = Profile.role_of(user)
    if role is None:
        return NextStep("choose_role")
    department = Profile.objects.filter(user=user).values_list("department", flat=True).first() or ""
    stage = stage_of_department(department, request)
    path = recommended_path(readable_paths(), role, stage)
    if path is None:
        return NextStep("no_path", role, department, stage)
    progress = path.progress_for(user)
    if progress.total == 0:  # every module of the path unpublished: nothing to take (and no lesson to link)
        return NextStep("no_path", role, department, stage)
    kind = "complete" if progress.complete else "lesson"
    return NextStep(kind, role, department, stage, path, progress)


def is_manager(user) -> bool:
    role = Profile.role_of(user)
    return role is not None and role.slug == MANAGER_ROLE


def team_of(manager, request=None) -> dict:
    """The people in the manager's department (never anyone else), each with their role's path for the
    department's stage and their progress on it."""
    department = Profile.objects.filter(user=manager).values_list("department", flat=True).first() or ""
    if not department:
        return {"department": "", "stage": "", "rows": []}
    stage = stage_of_department(department, request)
    people = list(
        Profile.objects.active().filter(department=department).select_related("user", "role").order_by("display_name")
    )
    paths = readable_paths()
    chosen = {}
    for person in people:
        if person.role_id is not None and person.role_id not in chosen:
            chosen[person.role_id] = recommended_path(paths, person.role, stage)
    lessons_of = {}
    for path in {path.pk: path for path in chosen.values() if path is not None}.values():
        modules = path.modules()
        in_modules = reduce(operator.or_, (Q(path__startswith=module.path) for module in modules), Q(pk__in=[]))
        lessons_of[path.pk] = list(LessonPage.objects.live().filter(in_modules).order_by("path"))
    all_lessons = [lesson.pk for lessons in lessons_of.values() for lesson in lessons]
    done = {}
    for user_id, lesson_id in LessonCompletion.objects.filter(
        user__in=[person.user_id for person in people], lesson_id__in=all_lessons
    ).values_list("user_id", "lesson_id"):
        done.setdefault(user_id, set()).add(lesson_id)
    rows = []
    for person in people:
        path = chosen.get(person.role_id)
        progress = Progress.of(lessons_of[path.pk], done.get(person.user_id, set())) if path else None
        rows.append({"person": person, "path": path, "progress": progress})
    return {"department": department, "stage": stage, "stage_label": stage_label(stage), "rows": rows}
