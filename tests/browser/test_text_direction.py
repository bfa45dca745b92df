"""Arabic titles and values line up on the right of Arabic pages, French ones on the left.

Blocks that take their direction from their own text (a title that may be an
Arabic fallback on a French page) must still see the text of the link or
date they hold; otherwise an Arabic title is laid out left to right.
"""

import pytest

pytestmark = pytest.mark.browser

# The blocks whose direction follows their text, holding a link or a date.
BLOCKS = ".card__title, .facts dd, .entry__title, .timeline__title"

# For each block: the gap, in pixels, between the block's start edge and its
# text (right edge in Arabic, left edge in French).
GAP_AT_START = """
(selector) => [...document.querySelectorAll(selector)].flatMap((block) => {
  const range = document.createRange();
  range.selectNodeContents(block);
  const lines = [...range.getClientRects()];
  if (!lines.length) return [];
  const box = block.getBoundingClientRect();
  const rtl = getComputedStyle(document.documentElement).direction === "rtl";
  const gap = rtl
    ? box.right - Math.max(...lines.map((line) => line.right))
    : Math.min(...lines.map((line) => line.left)) - box.left;
  return [[block.textContent.trim().slice(0, 40), Math.round(gap)]];
})
"""


# For each list of facts: where each value's text starts (its right edge in
# Arabic, its left edge in French), in pixels from the viewport's left.
VALUE_START_EDGES = """
() => [...document.querySelectorAll(".facts")].map((list) => {
  const rtl = getComputedStyle(document.documentElement).direction === "rtl";
  return [...list.querySelectorAll(":scope > div > dd")].flatMap((value) => {
    const range = document.createRange();
    range.selectNodeContents(value);
    const lines = [...range.getClientRects()];
    if (!lines.length) return [];
    const edge = rtl
      ? Math.max(...lines.map((line) => line.right))
      : Math.min(...lines.map((line) => line.left));
    return [[value.textContent.trim().slice(0, 40), Math.round(edge)]];
  });
}).filter((edges) => edges.length > 1)
"""


@pytest.mark.parametrize("lang", ["ar", "fr"])
@pytest.mark.parametrize(
    "path",
    [
        "",
        "projects/",
        "projects/guelmim-corniche-oum-laachar/",
        "meetings/guelmim-civil-society-outreach-meeting/",
    ],
)
def test_titles_and_values_start_at_the_start_edge(page, live_server, demo_data, lang, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/{lang}/{path}")

    gaps = page.evaluate(GAP_AT_START, BLOCKS)
    value_edges = page.evaluate(VALUE_START_EDGES)

    assert len(gaps) >= 3
    assert [(text, gap) for text, gap in gaps if gap > 2] == []
    # The values of one list of facts start on the same line, figures included.
    for edges in value_edges:
        assert max(edge for _text, edge in edges) - min(edge for _text, edge in edges) <= 2, edges
