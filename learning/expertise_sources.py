"""Completed modules (and learning paths, every live module of them completed) are light evidence of expertise on
the module's topics, unless the learner hides their learning activity (their profile setting)."""

from learning.models import LearningPathPage, ModulePage
from learning.progress import Enrolment
from portal.expertise.models import Kind
from portal.expertise.sources import Fact, for_users
from portal.searchable import page_readers


def facts(user_ids):
    completions = (
        Enrolment.objects.filter(for_users("user_id", user_ids), module__isnull=False, completed_at__isnull=False)
        .exclude(user__profile__show_learning_activity=False)
        .values_list("user_id", "module_id", "completed_at")
    )
    done = {}
    for user_id, module_id, completed_at in completions:
        done.setdefault(user_id, {})[module_id] = completed_at
    if not done:
        return
    modules = {
        module.pk: module
        for module in ModulePage.objects.live()
        .filter(pk__in={pk for finished in done.values() for pk in finished})
        .prefetch_related("topics")
    }
    for user_id, finished in done.items():
        for module_id, completed_at in finished.items():
            module = modules.get(module_id)
            readers = page_readers(module) if module is not None else None
            if readers:
                topic_ids = [topic.pk for topic in module.topics.all()]
                yield Fact.about_page(user_id, Kind.MODULE, module, topic_ids, readers, completed_at)
    for path in LearningPathPage.objects.live().prefetch_related("path_modules__module__topics"):
        path_modules = [link.module for link in path.path_modules.all() if link.module.live]
        readers = page_readers(path)
        if not path_modules or not readers:
            continue
        topic_ids = {topic.pk for module in path_modules for topic in module.topics.all()}
        for user_id, finished in done.items():
            if all(module.pk in finished for module in path_modules):
                completed_at = max(finished[module.pk] for module in path_modules)
                yield Fact.about_page(user_id, Kind.PATH, path, topic_ids, readers, completed_at)
