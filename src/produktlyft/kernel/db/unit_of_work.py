"""One transaction and the repositories that work inside it."""

from __future__ import annotations

from functools import cached_property

from sqlalchemy import Connection

from produktlyft.accounts.repository import AccountRepository
from produktlyft.decisions.repository import DecisionRepository
from produktlyft.inventory.browse_repository import BrowseRepository
from produktlyft.inventory.change_log import ChangeLogRepository
from produktlyft.inventory.repository import InventoryRepository
from produktlyft.review.repository import ReviewRepository
from produktlyft.surveys.extras_repository import SurveyExtrasRepository
from produktlyft.surveys.repository import SurveyRepository
from produktlyft.workflows.repository import WorkflowRepository


class UnitOfWork:
    """Repositories sharing one connection; the transaction is owned by `Database`."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    @cached_property
    def inventory(self) -> InventoryRepository:
        return InventoryRepository(self.connection)

    @cached_property
    def changes(self) -> ChangeLogRepository:
        return ChangeLogRepository(self.connection)

    @cached_property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.connection)

    @cached_property
    def browse(self) -> BrowseRepository:
        return BrowseRepository(self.connection)

    @cached_property
    def review(self) -> ReviewRepository:
        return ReviewRepository(self.connection)

    @cached_property
    def surveys(self) -> SurveyRepository:
        return SurveyRepository(self.connection)

    @cached_property
    def survey_extras(self) -> SurveyExtrasRepository:
        return SurveyExtrasRepository(self.connection)

    @cached_property
    def decisions(self) -> DecisionRepository:
        return DecisionRepository(self.connection)

    @cached_property
    def workflows(self) -> WorkflowRepository:
        return WorkflowRepository(self.connection)
