"""/programme/ (public: the stages x roles roadmap, and the signed-in person's next step) and /programme/team/
(managers only: their department's people and their progress)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from learning.programme import is_manager, next_step_for, programme_grid, team_of


def programme(request):
    return TemplateResponse(
        request,
        "learning/programme.html",
        {
            "grid": programme_grid(),
            "next_step": next_step_for(request.user, request),
            "is_manager": is_manager(request.user),
        },
    )


@login_required
def team(request):
    if not is_manager(request.user):
        raise PermissionDenied("Only managers have a team view.")
    return TemplateResponse(request, "learning/programme_team.html", team_of(request.user, request))
