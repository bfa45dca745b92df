"""Our modules import one another along the layers of tests/layering.py, without cycles.

The first three tests read the real tree. The others build small fake trees to show that the
checker itself catches what it should.
"""

from pathlib import Path
from textwrap import dedent

import pytest

from tests.layering import (
    Import,
    collect_imports,
    find_cycles,
    function_level_imports,
    layer_violations,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real_imports():
    return collect_imports(ROOT)


def _report(title, problems):
    return f"{len(problems)} {title}:\n" + "\n".join(problems)


def test_our_modules_import_one_another_without_cycles(real_imports):
    cycles = find_cycles(real_imports)
    assert not cycles, _report("import cycle(s)", cycles)


def test_our_code_is_imported_at_module_level_only(real_imports):
    imports = function_level_imports(real_imports)
    assert not imports, _report("function-level import(s) of our code", imports)


def test_no_module_imports_a_higher_layer(real_imports):
    violations = layer_violations(real_imports)
    assert not violations, _report("import(s) against the layers", violations)


# The checker itself, on fake trees.


def _tree(root: Path, files: dict[str, str]) -> list[Import]:
    """Write ``files`` (path -> source) under ``root``, every folder a package; read it back."""
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(source), encoding="utf-8")
        for folder in path.relative_to(root).parents:
            if folder != Path("."):
                (root / folder / "__init__.py").touch()
    return collect_imports(root)


def _edges(imports):
    return {(i.importer, i.imported) for i in imports}


def test_a_clean_tree_reports_nothing(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "portal/models.py": "from django.db import models\n",
            "portal/search.py": "from .models import Commune\n",
            "associations/models.py": "from portal.models import Commune\n",
            "projects/views.py": """\
                import json

                from associations.models import Association


                def view(request):
                    from django.shortcuts import render  # third-party: not our concern
                """,
            "portal/site/views.py": "from projects import views\nfrom portal import search\n",
        },
    )
    assert len(imports) == 5
    assert find_cycles(imports) == []
    assert function_level_imports(imports) == []
    assert layer_violations(imports) == []


def test_a_cycle_between_two_modules_is_reported(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "portal/models.py": "from portal import search\n",
            "portal/search.py": "\n\nfrom .models import Commune\n",
        },
    )
    [cycle] = find_cycles(imports)
    assert cycle.startswith("cycle of 2 module(s): portal.models → portal.search → portal.models")
    assert "portal/models.py:1: portal.models → portal.search" in cycle
    assert "portal/search.py:3: portal.search → portal.models" in cycle


def test_a_longer_cycle_is_reported_once_as_a_chain_through_every_module(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "projects/a.py": "import projects.b\n",
            "projects/b.py": "import projects.c\n",
            "projects/c.py": "import projects.a\nimport projects.d\n",
            "projects/d.py": "import projects.b\n",
        },
    )
    [cycle] = find_cycles(imports)
    first_line = cycle.splitlines()[0]
    assert first_line == (
        "cycle of 4 module(s): projects.a → projects.b → projects.c → projects.d → projects.b"
        " → projects.c → projects.a"
    )


def test_a_module_importing_itself_is_a_cycle(tmp_path):
    imports = _tree(tmp_path, {"meetings/models.py": "import meetings.models\n"})
    [cycle] = find_cycles(imports)
    assert cycle.startswith("cycle of 1 module(s): meetings.models → meetings.models")


def test_a_cycle_made_through_a_function_level_import_is_still_a_cycle(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "portal/views.py": "def home(request):\n    from portal.search import search\n",
            "portal/search.py": "from portal import views\n",
        },
    )
    [cycle] = find_cycles(imports)
    assert "portal/views.py:2: portal.views → portal.search (inside home())" in cycle


def test_a_function_level_import_of_our_code_is_reported(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "projects/models.py": "",
            "portal/search.py": """\
                import re


                class Index:
                    def rebuild(self):
                        from projects.models import Project
                """,
        },
    )
    assert function_level_imports(imports) == [
        "portal/search.py:6: portal.search → projects.models (inside Index.rebuild())"
    ]


def test_imports_in_async_functions_and_nested_functions_are_function_level(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "portal/models.py": "",
            "portal/views.py": """\
                async def page(request):
                    from portal import models


                def outer():
                    def inner():
                        import portal.models
                """,
        },
    )
    assert function_level_imports(imports) == [
        "portal/views.py:2: portal.views → portal.models (inside page())",
        "portal/views.py:7: portal.views → portal.models (inside outer.inner())",
    ]


def test_imports_in_a_class_body_or_under_type_checking_are_module_level(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "portal/models.py": "",
            "portal/images.py": "",
            "portal/views.py": """\
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:
                    from portal.models import Commune


                class Page:
                    from portal import images
                """,
        },
    )
    assert [(i.imported, i.in_function) for i in imports] == [
        ("portal.models", False),
        ("portal.images", False),
    ]
    assert function_level_imports(imports) == []


def test_an_app_importing_a_higher_app_is_a_layer_violation(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "meetings/models.py": "",
            "associations/views.py": "from django.views import View\nimport meetings.models\n",
        },
    )
    assert layer_violations(imports) == [
        "associations/views.py:2: associations.views → meetings.models: "
        "layer 1 (associations) may not import layer 3 (meetings)"
    ]


def test_the_base_importing_an_app_is_a_layer_violation(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "recommendations/models.py": "",
            "portal/search.py": "def sources():\n    from recommendations.models import R\n",
        },
    )
    [violation] = layer_violations(imports)
    assert violation.startswith("portal/search.py:2: portal.search → recommendations.models")


def test_importing_the_site_layer_is_a_layer_violation(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "portal/site/views.py": "",
            "portal/urls.py": "from django.urls import include\nx = include('portal.site.urls')\n",
            "recommendations/views.py": "from portal.site.views import home\n",
        },
    )
    assert layer_violations(imports) == [
        "recommendations/views.py:1: recommendations.views → portal.site.views: "
        "layer 4 (recommendations) may not import layer 6 (portal.site)"
    ]


def test_the_site_layer_may_import_the_base_and_every_app(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "portal/models.py": "",
            "recommendations/models.py": "",
            "portal/site/urls.py": "from . import views\n",
            "portal/site/views.py": "from portal import models\nimport recommendations.models\n",
        },
    )
    assert len(imports) == 3
    assert layer_violations(imports) == []


def test_relative_imports_are_resolved_to_our_modules(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "projects/models.py": "",
            "projects/services.py": "",
            "projects/templatetags/maps.py": "from .. import models\nfrom ..services import x\n",
            "projects/views.py": "from . import services\nfrom .models import Project\n",
            "projects/__init__.py": "from . import views\nfrom .apps import default\n",
        },
    )
    assert _edges(imports) == {
        ("projects.templatetags.maps", "projects.models"),
        ("projects.templatetags.maps", "projects.services"),
        ("projects.views", "projects.services"),
        ("projects.views", "projects.models"),
        ("projects", "projects.views"),
        ("projects", "projects"),  # `.apps` is not a module here: the package itself
    }


def test_from_a_package_import_a_name_goes_to_the_submodule_or_else_the_package(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "portal/images.py": "",
            "portal/search.py": "",
            "associations/views.py": """\
                from portal import images, some_function
                import portal.search
                import portal.search.helpers
                """,
        },
    )
    assert [(i.line, i.imported) for i in imports] == [
        (1, "portal"),
        (1, "portal.images"),
        (2, "portal.search"),
        (3, "portal.search"),
    ]


def test_third_party_imports_are_not_recorded(tmp_path):
    imports = _tree(
        tmp_path,
        {"portal/views.py": "import os\nfrom django.db import models\nimport portalx\n"},
    )
    assert imports == []


def test_migrations_belong_to_their_apps_layer(tmp_path):
    imports = _tree(
        tmp_path,
        {
            "projects/fields.py": "",
            "meetings/models.py": "",
            "projects/migrations/0001_initial.py": "import projects.fields\nimport meetings.models",
        },
    )
    [violation] = layer_violations(imports)
    assert violation.startswith(
        "projects/migrations/0001_initial.py:2: projects.migrations.0001_initial → meetings.models"
    )
