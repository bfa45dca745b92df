from tests.browser.pages import public_pages
from tests.browser.helpers import screenshot
JS = """() => [...document.querySelectorAll('body *')].filter(e => {const r=e.getBoundingClientRect(); return r.right > 361 || r.left < -1}).slice(0,15).map(e => e.tagName+'.'+e.className+' '+Math.round(e.getBoundingClientRect().left)+'..'+Math.round(e.getBoundingClientRect().right)+' '+(e.textContent||'').slice(0,40).replace(/\\s+/g,' '))"""
def test_d(page, live_server, demo_data):
    page.set_viewport_size({"width": 360, "height": 740})
    for name in ("map", "certificate-print"):
        page.goto(live_server.url + public_pages("fr")[name])
        print(name, "\n".join(page.evaluate(JS)))
        screenshot(page, "debug-"+name)
