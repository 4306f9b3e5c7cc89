"""Copy the front-end packages installed by `npm ci` into the Python package.

The web app ships these files inside `produktlyft/kernel/web/static/vendor/`, so installing
produktlyft needs no Node.js. Run through `make assets` after changing package.json.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
TARGET = ROOT / "src" / "produktlyft" / "kernel" / "web" / "static" / "vendor"

# package -> [(file inside the package, where it goes under vendor/)]
FILES: dict[str, list[tuple[str, str]]] = {
    "@digdir/designsystemet-css": [
        ("dist/src/index.css", "designsystemet/designsystemet.css"),
        ("dist/theme/designsystemet.css", "designsystemet/theme.css"),
    ],
    "htmx.org": [("dist/htmx.min.js", "htmx/htmx.min.js")],
    # the API documentation at /api/v1/docs; its NOTICE and the bundle's third-party licences
    # travel with it (Apache-2.0)
    "swagger-ui-dist": [
        ("swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"),
        ("swagger-ui.css", "swagger-ui/swagger-ui.css"),
        ("NOTICE", "swagger-ui/NOTICE-swagger-ui-dist.txt"),
        ("swagger-ui-bundle.js.LICENSE.txt", "swagger-ui/swagger-ui-bundle.js.LICENSE.txt"),
    ],
}
# The theme names Inter but does not ship it: take the Latin subsets Swedish and English need.
FONT_WEIGHTS = (400, 500, 600)
FONT_SUBSETS = ("latin", "latin-ext")


def _version(package: str) -> str:
    manifest = json.loads((MODULES / package / "package.json").read_text(encoding="utf-8"))
    return str(manifest["version"])


def _copy_licence(package: str, folder: Path) -> None:
    for name in ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE"):
        source = MODULES / package / name
        if source.exists():
            shutil.copyfile(source, folder / f"LICENSE-{package.replace('/', '-')}.txt")
            return


def _fonts() -> None:
    folder = TARGET / "inter"
    folder.mkdir(parents=True, exist_ok=True)
    rules = []
    for weight in FONT_WEIGHTS:
        for subset in FONT_SUBSETS:
            name = f"inter-{subset}-{weight}-normal.woff2"
            shutil.copyfile(MODULES / "@fontsource/inter/files" / name, folder / name)
            css = (MODULES / "@fontsource/inter" / f"{weight}.css").read_text(encoding="utf-8")
            block = css.split(f"/* inter-{subset}-{weight}-normal */", 1)[1].split("}", 1)[0]
            unicode_range = block.split("unicode-range:", 1)[1].split(";", 1)[0].strip()
            rules.append(
                "@font-face{font-family:'Inter';font-style:normal;font-display:swap;"
                f"font-weight:{weight};src:url(./{name}) format('woff2');"
                f"unicode-range:{unicode_range}}}"
            )
    (folder / "inter.css").write_text("\n".join(rules) + "\n", encoding="utf-8")
    _copy_licence("@fontsource/inter", folder)


def main() -> int:
    if not MODULES.is_dir():
        print("node_modules is missing: run `npm ci` first (make assets does)", file=sys.stderr)
        return 1
    if TARGET.exists():
        shutil.rmtree(TARGET)
    versions = {}
    for package, files in FILES.items():
        for source, destination in files:
            path = TARGET / destination
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(MODULES / package / source, path)
            _copy_licence(package, path.parent)
        versions[package] = _version(package)
    _fonts()
    versions["@fontsource/inter"] = _version("@fontsource/inter")
    (TARGET / "versions.json").write_text(json.dumps(versions, indent=2) + "\n", encoding="utf-8")
    print(f"copied {len(versions)} packages into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
