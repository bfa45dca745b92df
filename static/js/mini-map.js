/* Small maps: a project's location (one marker) and a site visit's itinerary
 * (numbered stops joined in order). The text next to each map says the same
 * thing, so nothing is lost without JavaScript. */
(function () {
  "use strict";

  var setup = window.SharakaMap; // leaflet-setup.js: absent without Leaflet
  if (!setup) {
    return;
  }

  // Small maps sit in the flow of a page: the wheel scrolls the page.
  function baseMap(container) {
    return setup.create(container, { scrollWheelZoom: false });
  }

  function showPoint(container) {
    var data = container.dataset;
    var latlng = [Number(data.lat), Number(data.lng)];
    var map = baseMap(container);
    map.setView(latlng, 15);
    L.marker(latlng, {
      icon: setup.markerIcon(data.status || "planned"),
      title: data.title,
      keyboard: false,
    }).addTo(map);
    container.dataset.loaded = "true";
  }

  function showItinerary(container) {
    var data = container.dataset;
    var source = document.getElementById(data.pointsId);
    if (!source) {
      return;
    }
    var points = JSON.parse(source.textContent);
    if (!points.length) {
      return;
    }
    var map = baseMap(container);
    var route = [];
    points.forEach(function (point) {
      var latlng = [point.lat, point.lng];
      route.push(latlng);
      var number = setup.element("span", null, String(point.order));
      var label = point.order + ". " + point.title;
      var marker = L.marker(latlng, {
        icon: L.divIcon({ className: "map-stop", html: number, iconSize: [26, 26] }),
        title: label,
      });
      var box = setup.popup(label);
      if (point.url) {
        box.appendChild(setup.popupLink(point.url, data.labelOpen));
      }
      marker.bindPopup(box);
      setup.labelMarker(marker, label).addTo(map);
    });
    if (route.length > 1) {
      L.polyline(route, { className: "map-route", interactive: false }).addTo(map);
    }
    map.fitBounds(route, { maxZoom: 15, padding: [28, 28] });
    container.dataset.loaded = "true";
  }

  setup.onReady(function () {
    document.querySelectorAll(".mini-map").forEach(function (container) {
      if (container.dataset.pointsId) {
        showItinerary(container);
      } else if (container.dataset.lat && container.dataset.lng) {
        showPoint(container);
      }
    });
  });
})();
