"""Every public page, as the server sends it with the demo records, in Arabic
and in French, is valid HTML for the Nu HTML Checker; so is the 404 page.

All the documents go to one run of the checker: starting Java costs more than
checking one more page.
"""

from tests.browser.helpers import validate_html_documents
from tests.browser.pages import not_found_page, public_pages

LANGUAGES = ("ar", "fr")
# The main public pages of the URL contract: none may drop out of the check.
REQUIRED = set(
    "home commune meetings meeting-guelmim projects project associations association"
    " recommendations recommendation map certificate-verify-form certificate-verify"
    " search open-data not-found".split()
)


def test_every_public_page_is_valid_html_in_arabic_and_french(page, live_server, demo_data):
    documents = {}
    for lang in LANGUAGES:
        pages = {name: (path, 200) for name, path in public_pages(lang).items()}
        pages["not-found"] = (not_found_page(lang), 404)
        for name, (path, status) in pages.items():
            response = page.request.get(live_server.url + path)
            assert response.status == status, f"{lang} {name}: {path} answered {response.status}"
            assert response.headers["content-type"].startswith("text/html"), path
            documents[f"{lang} {name} ({path})"] = response.text()
        assert REQUIRED <= pages.keys()

    errors = [
        f"{document}: {error}"
        for document, found in validate_html_documents(documents).items()
        for error in found
    ]
    assert errors == [], "\n".join(errors)


def test_one_run_of_the_checker_tells_each_document_its_own_errors():
    valid = '<!doctype html><html lang="en"><head><title>t</title></head><body></body></html>'
    broken = (
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        "<body><p><div>block in a paragraph</p></body></html>"
    )
    found = validate_html_documents({"valid": valid, "broken": broken, "again valid": valid})

    assert found.keys() == {"valid", "broken", "again valid"}
    assert found["valid"] == found["again valid"] == []
    assert found["broken"] and all(error.startswith("line 1: ") for error in found["broken"])
