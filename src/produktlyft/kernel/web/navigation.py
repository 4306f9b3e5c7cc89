"""How a page module plugs in: a router plus the navigation entries it offers."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from fastapi import APIRouter

from produktlyft.kernel.access import Actor, Permission


@dataclass(frozen=True)
class NavEntry:
    """A link in the main navigation. `label` is a gettext message id; the entry shows only to
    people whose role grants `permission` (None: to everyone, signed in or not). An entry with
    a `parent` (the path of a main entry) belongs to that area's own menu, not the main one."""

    label: str
    path: str
    permission: Permission | None = Permission.READ
    order: int = 100
    parent: str | None = None

    def visible_to(self, actor: Actor | None) -> bool:
        if self.permission is None:
            return True
        return actor is not None and actor.can(self.permission)

    def is_current(self, path: str) -> bool:
        return path == self.path or (self.path != "/" and path.startswith(self.path + "/"))


@dataclass(frozen=True)
class PageGroup:
    name: str
    router: APIRouter
    nav: tuple[NavEntry, ...]


def page_group(module: ModuleType) -> PageGroup:
    """Read a page module: it must expose `router` and may expose `nav`."""
    router = getattr(module, "router", None)
    if not isinstance(router, APIRouter):
        raise TypeError(f"{module.__name__} must define `router = page_router()`")
    return PageGroup(module.__name__.rsplit(".", 1)[-1], router, tuple(getattr(module, "nav", ())))
