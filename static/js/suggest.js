// Search-as-you-type for the typed filters (portal/lookups.py). Each box
// with data-suggest-url gets a <datalist> filled, as the visitor types, from
// the site's suggestions: the value is the record's short code, the label its
// name. Without this script the box works the same: the server resolves the
// typed name when the form is sent.
(function () {
  "use strict";

  var DELAY_MS = 200;
  var MIN_CHARACTERS = 2;

  function option(item) {
    var element = document.createElement("option");
    element.value = item.value;
    element.label = item.label;
    element.textContent = item.label;
    return element;
  }

  function enhance(input, index) {
    var list = document.createElement("datalist");
    var timer = null;
    var asked = "";
    var controller = null;
    list.id = "suggestions-" + index;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("list", list.id);

    function ask() {
      var q = input.value.trim();
      if (q.length < MIN_CHARACTERS || q === asked) {
        return;
      }
      asked = q;
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        signal: controller.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          list.replaceChildren.apply(list, data.results.map(option));
        })
        .catch(function () {
          // An aborted or failed request leaves the box as a plain text box.
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY_MS);
    });
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
})();
