"""Typed filters in a real browser: suggestions while the visitor types, and the
same filter by the form alone (the server resolves the typed name)."""

import pytest

from tests import factories


@pytest.fixture
def communes(transactional_db):
    guelmim = factories.CommuneFactory(name_fr="Guelmim", slug="guelmim", province_ar="كلميم")
    factories.ProjectFactory(commune=guelmim, title_fr="Route de Guelmim")
    factories.ProjectFactory(title_fr="École ailleurs")
    return guelmim


def test_typing_a_commune_suggests_it_and_the_form_filters_by_it(page, live_server, communes):
    page.goto(f"{live_server.url}/fr/projects/")
    box = page.locator("input[name=commune]")
    with page.expect_response(lambda response: "/fr/suggest/communes/" in response.url):
        box.fill("guel")
    options = page.locator(f"datalist#{box.get_attribute('list')} option")
    options.first.wait_for(state="attached")
    assert options.first.get_attribute("value") == "guelmim"
    assert "Guelmim" in options.first.get_attribute("label")

    box.fill("Guelmim")
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**/fr/projects/?*commune=Guelmim*")
    titles = page.locator(".card--project .card__title").all_inner_texts()
    assert titles == ["Route de Guelmim"]
    assert page.locator(".field__resolved").inner_text().startswith("Affichage")
