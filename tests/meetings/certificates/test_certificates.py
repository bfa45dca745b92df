"""Certificates of appreciation: codes, verification, rate limit, print page, PDF, QR."""

import base64
import datetime
import io
import re
from collections import defaultdict
from html import unescape

import pypdf
import pytest
import zxingcpp
from django.urls import reverse
from django.utils import translation
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf.generic import ByteStringObject, ContentStream, TextStringObject

from meetings import models
from meetings.certificates import views as certificate_views
from meetings.certificates.forms import normalise_code
from meetings.certificates.pdf import LocalFetcher
from meetings.certificates.services import award_certificate
from meetings.models import CODE_ALPHABET, CODE_LENGTH, Meeting, generate_certificate_code
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://sharaka.example.org"
NAME_AR = "جمعية الأمل للتنمية"
NAME_FR = "Association Al Amal pour le développement"


def in_french(text: str) -> str:
    """The interface text as the French pages show it (the catalog is complete)."""
    with translation.override("fr"):
        return translation.gettext(text)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def certificate():
    commune = factories.CommuneFactory(name_ar="كلميم", name_fr="Guelmim")
    meeting = factories.MeetingFactory(
        commune=commune, title_ar="منتدى الجمعيات", title_fr="Forum des associations"
    )
    association = factories.AssociationFactory(commune=commune, name_ar=NAME_AR, name_fr=NAME_FR)
    signatory = factories.PersonFactory(
        full_name_ar="عبد الرحيم بوعيدة",
        full_name_fr="Abderrahim Bouaida",
        role_ar="رئيس المجلس",
        role_fr="Président du conseil",
    )
    return award_certificate(
        meeting=meeting,
        citation="عربون تقدير للمشاركة الفعالة",
        citation_ar="عربون تقدير للمشاركة الفعالة",
        citation_fr="En reconnaissance d'une participation active",
        awarded_on=datetime.date(2024, 5, 10),
        association=association,
        signatory=signatory,
    )


def verify_url(certificate, lang="fr"):
    with translation.override(lang):
        return reverse("certificates:verify_code", kwargs={"code": certificate.code})


def page_url(name, certificate, lang="fr"):
    with translation.override(lang):
        return reverse(f"certificates:{name}", kwargs={"code": certificate.code})


def form_url(lang="fr"):
    with translation.override(lang):
        return reverse("certificates:verify")


# --- codes -------------------------------------------------------------------


def test_generated_codes_are_twelve_characters_of_the_alphabet_and_all_distinct():
    codes = [generate_certificate_code() for _ in range(1000)]
    assert all(len(code) == CODE_LENGTH == 12 for code in codes)
    assert all(set(code) <= set(CODE_ALPHABET) for code in codes)
    assert len(CODE_ALPHABET) == 32
    assert len(set(codes)) == 1000


def test_code_generator_draws_from_the_secrets_module(monkeypatch):
    drawn = []

    def fake_choice(alphabet):
        drawn.append(alphabet)
        return "Z"

    monkeypatch.setattr(models.secrets, "choice", fake_choice)
    assert generate_certificate_code() == "Z" * 12
    assert drawn == [CODE_ALPHABET] * 12


def test_each_saved_certificate_gets_its_own_code_and_a_serial(certificate):
    other = award_certificate(
        meeting=certificate.meeting,
        citation="تقدير",
        citation_ar="تقدير",
        awarded_on=datetime.date(2024, 5, 10),
        name="Fatima Zahra",
    )
    assert certificate.code != other.code
    assert (certificate.serial, other.serial) == ("2024/0001", "2024/0002")


def _award(meeting, on):
    return award_certificate(
        meeting=meeting, citation="تقدير", citation_ar="تقدير", awarded_on=on, name="Fatima Zahra"
    )


def test_serials_start_again_at_0001_in_another_commune(certificate):
    elsewhere = factories.MeetingFactory(commune=factories.CommuneFactory(name_fr="Tan-Tan"))
    assert _award(elsewhere, datetime.date(2024, 6, 1)).serial == "2024/0001"
    assert _award(elsewhere, datetime.date(2024, 6, 1)).serial == "2024/0002"
    # The first commune's count goes on from its own last number.
    assert _award(certificate.meeting, datetime.date(2024, 6, 1)).serial == "2024/0002"


def test_serials_start_again_at_0001_in_a_new_year(certificate):
    assert _award(certificate.meeting, datetime.date(2025, 1, 2)).serial == "2025/0001"
    # The year is the award's: a late 2024 award continues 2024's numbers.
    assert _award(certificate.meeting, datetime.date(2024, 12, 31)).serial == "2024/0002"
    assert _award(certificate.meeting, datetime.date(2025, 3, 1)).serial == "2025/0002"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("abcd-efgh-jkmn", "ABCDEFGHJKMN"),
        ("  ab cd ef gh jk mn ", "ABCDEFGHJKMN"),
        ("ABCDEFGHJKM", ""),  # too short
        ("ABCDEFGHJKMNP", ""),  # too long
        ("ABCDEFGHIJKL", ""),  # I and L are not in the alphabet
        ("<script>", ""),
        ("", ""),
    ],
)
def test_codes_are_read_case_insensitively_without_spaces_or_dashes(typed, expected):
    assert normalise_code(typed) == expected


# --- verification ------------------------------------------------------------


def test_form_page_has_a_labelled_code_field(client):
    response = client.get(form_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<label for="id_code">[^<]+</label>', html)
    assert 'name="code"' in html
    assert "certificate-result" not in html


def test_valid_code_typed_in_lower_case_with_dashes_shows_every_detail(certificate, client):
    typed = f"{certificate.code[:4].lower()}-{certificate.code[4:8]} {certificate.code[8:]}"
    response = client.get(form_url(), {"code": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert in_french("This certificate is valid") in html
    for shown in (
        NAME_FR,
        "En reconnaissance d&#x27;une participation active",
        "Forum des associations",
        "Guelmim",
        "10 mai 2024",
        "Abderrahim Bouaida",
        "Président du conseil",
        "2024/0001",
        certificate.code,
    ):
        assert shown in html, shown
    assert page_url("print", certificate) in html
    assert page_url("pdf", certificate) in html


def test_code_url_shows_the_certificate_in_arabic(certificate, client):
    response = client.get(verify_url(certificate, "ar"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'dir="rtl"' in html
    assert NAME_AR in html
    assert "كلميم" in html


def test_meeting_is_linked_only_when_published(certificate, client, monkeypatch):
    monkeypatch.setattr(Meeting, "get_absolute_url", lambda self: f"/fr/meetings/{self.slug}/")
    link = f'href="/fr/meetings/{certificate.meeting.slug}/"'
    assert link in client.get(verify_url(certificate)).content.decode()

    Meeting.objects.filter(pk=certificate.meeting_id).update(published=False)
    response = client.get(verify_url(certificate))
    html = response.content.decode()
    assert link not in html
    # Verification does not depend on publication.
    assert response.status_code == 200
    assert in_french("This certificate is valid") in html
    assert "Forum des associations" in html


def test_revoked_certificate_says_so_with_date_and_reason(certificate, client):
    certificate.revoke("Attribuée par erreur", on=datetime.date(2025, 1, 15))
    response = client.get(verify_url(certificate))
    html = response.content.decode()
    assert response.status_code == 200
    assert in_french("This certificate has been revoked") in html
    assert "15 janvier 2025" in html
    assert "Attribuée par erreur" in html
    assert in_french("This certificate is valid") not in html


def _result_section(html):
    return re.search(r'<section class="certificate-result.*?</section>', html, re.S).group(0)


def test_unknown_code_reveals_nothing(certificate, client):
    unknown = "ZZZZZZZZZZZZ" if certificate.code != "ZZZZZZZZZZZZ" else "YYYYYYYYYYYY"
    response = client.get(f"/fr/certificates/verify/{unknown}/")
    html = response.content.decode()
    assert response.status_code == 404
    assert in_french("No certificate matches this code") in html
    for hidden in (NAME_FR, "Guelmim", "Forum des associations", certificate.code, "2024/0001"):
        assert hidden not in html
    by_form = client.get(form_url(), {"code": unknown})
    assert by_form.status_code == 200
    assert _result_section(by_form.content.decode()) == _result_section(html)


def test_malformed_code_gets_the_same_answer_as_an_unknown_one(certificate, client):
    unknown = client.get(form_url(), {"code": "ZZZZZZZZZZZZ"}).content.decode()
    for malformed in ("abc", "IIIIIIIIIIII", certificate.code + "X", "' OR 1=1 --"):
        response = client.get(form_url(), {"code": malformed})
        html = response.content.decode()
        assert response.status_code == 200
        assert _result_section(html) == _result_section(unknown)
        assert NAME_FR not in html
    assert client.get("/fr/certificates/verify/abc%21/").status_code == 404


def test_empty_form_does_not_look_anything_up(client, settings, monkeypatch):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (1, 600)
    monkeypatch.setattr(certificate_views, "find_certificate", _must_not_be_called)
    for _ in range(3):
        response = client.get(form_url())
        assert response.status_code == 200
        assert "certificate-result" not in response.content.decode()


# --- rate limit --------------------------------------------------------------


def _must_not_be_called(code):
    raise AssertionError("no look-up may be made over the limit")


def test_lookups_over_the_limit_are_refused_per_ip(certificate, client, settings, monkeypatch):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (3, 600)
    url = verify_url(certificate)
    for _ in range(3):
        assert client.get(url, REMOTE_ADDR="203.0.113.7").status_code == 200

    monkeypatch.setattr(certificate_views, "find_certificate", _must_not_be_called)
    refused = client.get(url, REMOTE_ADDR="203.0.113.7")
    html = refused.content.decode()
    assert refused.status_code == 429
    message = in_french(
        "Too many certificate look-ups from your connection (at most %(limit)d in "
        "%(minutes)d minutes). Please wait a few minutes and try again."
    )
    assert message % {"limit": 3, "minutes": 10} in unescape(html)
    assert NAME_FR not in html
    by_form = client.get(form_url(), {"code": certificate.code}, REMOTE_ADDR="203.0.113.7")
    assert by_form.status_code == 429
    assert client.get(page_url("pdf", certificate), REMOTE_ADDR="203.0.113.7").status_code == 429

    monkeypatch.undo()
    other = client.get(url, REMOTE_ADDR="198.51.100.20")
    assert other.status_code == 200
    assert NAME_FR in other.content.decode()


PROXY = "10.0.0.5"


def test_spoofed_forwarded_for_is_ignored_without_a_trusted_proxy(certificate, client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (2, 600)
    url = verify_url(certificate)
    statuses = [
        client.get(url, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        for n in range(3)
    ]
    assert [response.status_code for response in statuses] == [200, 200, 429]


def test_visitors_behind_the_trusted_proxy_are_limited_separately(certificate, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (2, 600)
    url = verify_url(certificate)

    def get(forwarded_for):
        return client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for).status_code

    assert [get("203.0.113.7") for _ in range(2)] == [200, 200]
    # What the visitor writes before the proxy's entry does not make them someone else.
    assert get("198.51.100.99, 203.0.113.7") == 429
    assert [get("198.51.100.20") for _ in range(3)] == [200, 200, 429]


def test_malformed_forwarded_for_counts_against_the_proxy_address(certificate, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (2, 600)
    url = verify_url(certificate)
    statuses = [
        client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=header).status_code
        for header in ("garbage", "", "203.0.113.7; x")
    ]
    assert statuses == [200, 200, 429]
    assert client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 200


def test_rate_limit_message_is_translated(certificate, client, settings):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = (0, 600)
    response = client.get(verify_url(certificate, "ar"))
    assert response.status_code == 429
    assert 'role="alert"' in response.content.decode()


# --- printable page ----------------------------------------------------------


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_print_page_answers_in_each_language(certificate, client, lang, direction):
    response = client.get(page_url("print", certificate, lang))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert certificate.code in html
    assert "2024/0001" in html
    assert "css/certificate.css" in html
    assert page_url("pdf", certificate, lang) in html


def test_print_page_has_no_inline_style_or_script(certificate, client):
    html = client.get(page_url("print", certificate, "ar")).content.decode()
    assert not re.search(r"\sstyle\s*=", html, re.I)
    assert "<style" not in html.lower()
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html, re.I)


def test_print_page_shows_the_french_details(certificate, client):
    html = client.get(page_url("print", certificate, "fr")).content.decode()
    for shown in (
        in_french("Certificate of appreciation"),
        NAME_FR,
        "Guelmim",
        "Forum des associations",
        "Abderrahim Bouaida",
        "Président du conseil",
    ):
        assert shown in html, shown
    assert "REVOKED" not in html


def test_revoked_certificate_print_page_carries_the_mark(certificate, client):
    certificate.revoke(on=datetime.date(2025, 1, 15))
    html = client.get(page_url("print", certificate, "fr")).content.decode()
    assert in_french("REVOKED on %(date)s") % {"date": "15 janvier 2025"} in html


def test_print_and_pdf_of_unknown_code_are_404(client):
    assert client.get("/fr/certificates/ZZZZZZZZZZZZ/print/").status_code == 404
    assert client.get("/fr/certificates/ZZZZZZZZZZZZ/pdf/").status_code == 404
    assert client.get("/fr/certificates/nonsense/print/").status_code == 404


def _qr_text(html):
    match = re.search(r'<img class="certificate-qr" src="data:image/png;base64,([^"]+)"', html)
    assert match, "the page embeds its QR code as a PNG data URI"
    image = Image.open(io.BytesIO(base64.b64decode(match.group(1)))).convert("L")
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1
    return results[0].text


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_qr_code_opens_the_absolute_verification_url(certificate, client, lang):
    html = client.get(page_url("print", certificate, lang)).content.decode()
    expected = f"{SITE}/{lang}/certificates/verify/{certificate.code}/"
    assert _qr_text(html) == expected
    # Printed under the code too, as a link, free to wrap only after a slash.
    printed = (
        f'<a href="{expected}">https://<wbr>sharaka.example.org/<wbr>{lang}/<wbr>'
        f"certificates/<wbr>verify/<wbr>{certificate.code}/<wbr></a>"
    )
    assert printed in html
    # ...and that address really answers with the certificate.
    response = client.get(expected.removeprefix(SITE))
    assert response.status_code == 200
    assert "certificate-result--valid" in response.content.decode()


# --- PDF ---------------------------------------------------------------------


def _pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    return "".join(page.extract_text() for page in reader.pages)


def _lines(text):
    return [line.strip() for line in text.splitlines()]


def _glyphs(font) -> dict[int, tuple[str, str]]:
    """What each glyph of a PDF font draws: its letters, and its form where it can be told.

    The text comes from the font's ToUnicode map, which WeasyPrint fills with
    the letters of the source text, in their plain form. Whether a glyph is a
    letter's initial, medial, final or isolated form is only in the embedded
    font's own cmap, which maps the Arabic presentation forms (U+FB50-U+FEFF)
    to the glyphs that draw them: a glyph found there reads as that form. A
    glyph that draws several letters (a ligature), or that only shaping reaches
    (Noto Naskh draws lam-alef as two such pieces), reads as its letters.
    """
    descendant = font["/DescendantFonts"][0].get_object()
    assert descendant["/CIDToGIDMap"] == "/Identity"  # character codes are glyph ids
    embedded = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
    ttf = TTFont(io.BytesIO(embedded))
    order = ttf.getGlyphOrder()
    code_points = defaultdict(list)
    for code_point, name in ttf.getBestCmap().items():
        code_points[name].append(code_point)
    to_unicode = font["/ToUnicode"].get_object().get_data().decode("ascii")
    glyphs = {}
    for gid, utf16 in re.findall(r"^<([0-9a-f]{4})> <([0-9a-f]+)>$", to_unicode, re.M):
        gid, text = int(gid, 16), bytes.fromhex(utf16).decode("utf-16-be")
        points = sorted(code_points.get(order[gid], []))
        forms = [point for point in points if 0xFB50 <= point <= 0xFEFF]
        if len(text) > 1 or not points:
            glyphs[gid] = (text, text)
        else:
            glyphs[gid] = (text, chr(forms[0] if forms else points[0]))
    return glyphs


def _drawn_runs(content: bytes) -> list[list[tuple[str, str]]]:
    """The page's text as drawn: each run's glyphs, as (letters, form), in stream
    order, which is their order from left to right on the page (each glyph
    moves the pen on by its width)."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    page = reader.pages[0]
    fonts = {name: _glyphs(font.get_object()) for name, font in page["/Resources"]["/Font"].items()}
    runs, font = [], None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tf":
            font = fonts[operands[0]]
        elif operator in (b"TJ", b"Tj"):
            items = operands[0] if operator == b"TJ" else operands
            codes = b"".join(
                item.original_bytes if isinstance(item, TextStringObject) else bytes(item)
                for item in items
                if isinstance(item, (TextStringObject, ByteStringObject))
            )
            runs.append([font[int.from_bytes(codes[i : i + 2])] for i in range(0, len(codes), 2)])
    return runs


def _read_right_to_left(runs, letters):
    """The glyph forms of the run that draws ``letters`` from right to left, in
    reading order; fails if no run does (a left-to-right drawing reads reversed)."""
    for run in runs:
        if "".join(text for text, _form in reversed(run)) == letters:
            return "".join(form for _text, form in reversed(run))
    for run in runs:
        if "".join(text for text, _form in run) == letters:
            raise AssertionError(f"{letters!r} is drawn left to right")
    raise AssertionError(f"no run draws {letters!r}")


def test_pdf_in_french_names_the_recipient(certificate, client):
    response = client.get(page_url("pdf", certificate, "fr"))
    text = _pdf_text(response)
    assert len(pypdf.PdfReader(io.BytesIO(response.content)).pages[0].images) == 1  # the QR
    assert NAME_FR in _lines(text)
    assert certificate.code in text
    assert "Association Nour" not in text  # the check can fail


def test_pdf_in_arabic_names_the_recipient(certificate, client):
    """What a reader copying the PDF's text gets: each Arabic line in logical
    order, in plain letters, exactly as typed.

    WeasyPrint draws Arabic glyphs from left to right, last letter first;
    pypdf turns each run of right-to-left letters back, and WeasyPrint's
    ToUnicode map gives the plain letters, not presentation forms. So a PDF
    that drew the name left to right would extract it reversed and fail here;
    lines mixing Arabic with digits or Latin come out in pypdf's own order and
    are not compared. Extraction cannot tell joined letters from isolated ones:
    the next test looks at the glyphs.
    """
    text = _pdf_text(client.get(page_url("pdf", certificate, "ar")))
    assert NAME_AR in _lines(text)
    assert "جماعة كلميم" in _lines(text)  # the commune, in the national header
    assert NAME_AR[::-1] not in text
    assert "جمعية النور" not in text  # the check can fail
    assert NAME_FR not in text


def test_pdf_draws_arabic_right_to_left_in_joined_letters(certificate, client):
    """The glyphs themselves, as the page draws them: the recipient and the
    commune are drawn from right to left, and every letter in the form its
    place in the word calls for (initial, medial, final, isolated).

    A rendering without shaping draws each letter's isolated glyph, and one
    without bidi draws the first letter on the left: either fails here, since
    the forms come from the embedded font's own cmap, not from the text. The
    expected forms are Unicode's; lam-alef reads as its two letters, however
    the font draws it.
    """
    runs = _drawn_runs(client.get(page_url("pdf", certificate, "ar")).content)
    # jeem initial, meem medial, alef final, ain initial, teh marbuta final;
    # kaf initial, lam medial, meem medial, yeh medial, meem final
    assert _read_right_to_left(runs, "جماعة كلميم") == (
        "\ufe9f\ufee4\ufe8e\ufecb\ufe94 \ufedb\ufee0\ufee4\ufef4\ufee2"
    )
    # jeem initial, meem medial, ain medial, yeh medial, teh marbuta final;
    # alef isolated, lam-alef, meem initial, lam final;
    # lam initial, lam medial, teh medial, noon medial, meem medial, yeh medial, teh marbuta final
    assert _read_right_to_left(runs, NAME_AR) == (
        "\ufe9f\ufee4\ufecc\ufef4\ufe94 "
        "\ufe8d\u0644\u0623\ufee3\ufede "
        "\ufedf\ufee0\ufe98\ufee8\ufee4\ufef4\ufe94"
    )


@pytest.mark.parametrize(
    ("broken", "failure"),
    [
        # LEFT-TO-RIGHT OVERRIDE around the names: first letter drawn on the left.
        (lambda html: html.replace(NAME_AR, f"\u202d{NAME_AR}\u202c"), "drawn left to right"),
        # Contextual forms switched off: each letter's isolated glyph.
        (
            lambda html: html.replace(
                "</head>",
                "<style>*{font-feature-settings:'init' 0,'medi' 0,'fina' 0}</style></head>",
            ),
            "\ufed9\ufedd\ufee1\ufef1\ufee1",  # kaf, lam, meem, yeh, meem: all isolated
        ),
    ],
    ids=["reversed", "unshaped"],
)
def test_the_arabic_glyph_check_fails_on_a_broken_rendering(
    certificate, client, monkeypatch, broken, failure
):
    """The check above is not vacuous: the same certificate drawn reversed, or
    with its letters unjoined, fails it for that reason."""
    from meetings.certificates import pdf as certificate_pdf

    render = certificate_pdf.render_to_string
    monkeypatch.setattr(
        certificate_pdf, "render_to_string", lambda *args, **kwargs: broken(render(*args, **kwargs))
    )
    with pytest.raises(AssertionError, match=re.escape(failure)):
        test_pdf_draws_arabic_right_to_left_in_joined_letters(certificate, client)


def test_pdf_wraps_the_address_only_after_a_slash_and_keeps_each_label_whole(
    certificate, client, settings
):
    settings.SITE_URL = (  # too long for one line
        "https://portail-participatif.commune-territoriale-de-guelmim.gov.ma"
    )
    address = f"{settings.SITE_URL}/fr/certificates/verify/{certificate.code}/"
    lines = _lines(_pdf_text(client.get(page_url("pdf", certificate, "fr"))))
    printed = [next(line for line in lines if line.startswith("https://"))]
    while len("".join(printed)) < len(address):
        printed.append(lines[lines.index(printed[0]) + len(printed)])
    assert "".join(printed) == address
    assert len(printed) > 1
    assert all(line.endswith("/") for line in printed), printed
    assert f"{in_french('Verification code')} {certificate.code}" in lines


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_pdf_page_is_a4_landscape(certificate, client, lang):
    """297 × 210 mm, to the point, and not a portrait page turned by /Rotate."""
    page = pypdf.PdfReader(
        io.BytesIO(client.get(page_url("pdf", certificate, lang)).content)
    ).pages[0]
    points_per_mm = 72 / 25.4
    assert float(page.mediabox.width) == pytest.approx(297 * points_per_mm, abs=1)
    assert float(page.mediabox.height) == pytest.approx(210 * points_per_mm, abs=1)
    assert page.get("/Rotate", 0) == 0


def test_revoked_pdf_carries_the_mark(certificate, client):
    certificate.revoke(on=datetime.date(2025, 1, 15))
    text = _pdf_text(client.get(page_url("pdf", certificate, "fr")))
    assert in_french("REVOKED on %(date)s") % {"date": "15 janvier 2025"} in text


def test_pdf_fetcher_serves_static_files_and_data_uris_only():
    from weasyprint.urls import URLFetchingError

    fetcher = LocalFetcher()
    css = fetcher.fetch("https://certificate.invalid/static/css/certificate.css")
    assert b"A4 landscape" in css.read()
    assert fetcher.fetch("data:text/plain;base64,b2s=").read() == b"ok"
    for refused in (
        "http://127.0.0.1:8000/static/css/certificate.css",
        "https://example.org/logo.png",
        "file:///etc/passwd",
        "https://certificate.invalid/static/../portal/settings.py",
        "https://certificate.invalid/media/communes/logo.png",
    ):
        with pytest.raises(URLFetchingError):
            fetcher.fetch(refused)


def test_commune_logo_is_on_the_page_and_inlined_in_the_pdf(certificate, client):
    from django.core.files.base import ContentFile

    from meetings.certificates.pdf import logo_data_uri

    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "green").save(buffer, format="PNG")
    commune = certificate.commune
    commune.logo.save("guelmim.png", ContentFile(buffer.getvalue()), save=True)

    html = client.get(page_url("print", certificate, "fr")).content.decode()
    assert f'<img class="certificate-logo" src="{commune.logo.url}"' in html
    assert logo_data_uri(commune).startswith("data:image/png;base64,")
    response = client.get(page_url("pdf", certificate, "fr"))
    assert NAME_FR in _lines(_pdf_text(response))
    images = pypdf.PdfReader(io.BytesIO(response.content)).pages[0].images
    assert len(images) == 2  # the logo and the QR code


def test_certificate_pages_are_neither_cached_nor_indexed(certificate, client):
    for url in (
        verify_url(certificate),
        page_url("print", certificate),
        page_url("pdf", certificate),
    ):
        response = client.get(url)
        assert "no-cache" in response["Cache-Control"], url
    assert (
        '<meta name="robots" content="noindex">'
        in client.get(verify_url(certificate)).content.decode()
    )


# --- A certificate a council hands out -------------------------------------------------


@pytest.fixture
def certificate_of_guelmim(certificate):
    commune = certificate.commune
    commune.region_ar, commune.region_fr = "جهة كلميم واد نون", "Région de Guelmim-Oued Noun"
    commune.province_ar, commune.province_fr = "إقليم كلميم", "Province de Guelmim"
    commune.save()
    return certificate


def _pdf_fonts(response) -> set[str]:
    page = pypdf.PdfReader(io.BytesIO(response.content)).pages[0]
    return {str(font["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}


def test_arabic_pdf_has_the_national_header_and_done_at_on(certificate_of_guelmim, client):
    lines = _lines(_pdf_text(client.get(page_url("pdf", certificate_of_guelmim, "ar"))))
    for line in ("المملكة المغربية", "وزارة الداخلية", "جهة كلميم واد نون", "إقليم كلميم"):
        assert line in lines
    assert "جماعة كلميم" in lines
    assert "رئيس المجلس" in lines  # the signatory's role, above the name
    assert "عبد الرحيم بوعيدة" in lines
    text = " ".join(lines)
    assert "حرر بكلميم في" in text


def test_french_pdf_has_the_national_header_and_done_at_on(certificate_of_guelmim, client):
    lines = _lines(_pdf_text(client.get(page_url("pdf", certificate_of_guelmim, "fr"))))
    for line in ("Royaume du Maroc", "Ministère de l'Intérieur", "Province de Guelmim"):
        assert line in lines
    assert "Commune de Guelmim" in lines
    assert "Fait à Guelmim, le 10 mai 2024" in lines
    assert "Président du conseil" in lines
    assert "Abderrahim Bouaida" in lines


def test_french_pdf_draws_latin_and_digits_in_one_latin_typeface(certificate_of_guelmim, client):
    fonts = _pdf_fonts(client.get(page_url("pdf", certificate_of_guelmim, "fr")))
    # Noto Serif for the text (regular and bold), a monospace face for the code.
    assert not [font for font in fonts if "Arabic" in font or "Amiri" in font], fonts
    assert any("Noto-Serif" in font for font in fonts), fonts


def test_arabic_pdf_draws_arabic_in_one_arabic_typeface(certificate_of_guelmim, client):
    fonts = _pdf_fonts(client.get(page_url("pdf", certificate_of_guelmim, "ar")))
    arabic = {font.split("+")[-1].removesuffix("-Bold") for font in fonts if "Arabic" in font}
    assert arabic == {"Noto-Naskh-Arabic"}, fonts
    assert not [font for font in fonts if "Amiri" in font], fonts


def test_pdf_link_downloads_the_file(certificate, client):
    response = client.get(page_url("pdf", certificate, "fr"))
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{certificate.code}.pdf"'
    )
    for page in ("print", "verify_code"):
        html = client.get(page_url(page, certificate, "fr")).content.decode()
        assert (
            f'href="{page_url("pdf", certificate, "fr")}" type="application/pdf" download' in html
        )


def test_the_verification_form_is_indexed_but_a_result_is_not(certificate, client):
    form = client.get(form_url()).content.decode()
    assert 'content="noindex"' not in form
    for url in (verify_url(certificate), form_url() + f"?code={certificate.code}"):
        assert '<meta name="robots" content="noindex">' in client.get(url).content.decode()
    missing = client.get(form_url() + "?code=AAAAAAAAAAAA").content.decode()
    assert '<meta name="robots" content="noindex">' in missing
