/* Small maps: a project's location (one marker) and a site visit's itinerary
 * (numbered stops joined in order). The text next to each map says the same
 * thing, so nothing is lost without JavaScript: the map box stays hidden and
 * a short note says so; this script shows the box and hides the note. */
(function () {
  "use strict";

  var setup = window.SharakaMap; // leaflet-setup.js: absent without Leaflet
  if (!setup) {
    return;
  }

  // A stop's marker is a 44 px square (a finger's width); markers whose
  // points are closer than this on screen are pushed apart, each joined to
  // its true point by a short leader line.
  var STOP_SIZE = 44;

  // Small maps sit in the flow of a page: the wheel scrolls the page.
  function baseMap(container) {
    return setup.create(container, { scrollWheelZoom: false });
  }

  // Shows the map box (and what speaks of it) and hides the note that
  // stands in for it without JavaScript.
  function reveal(container) {
    var figure = container.closest("figure") || container;
    figure.querySelectorAll("[hidden]").forEach(function (element) {
      element.hidden = false;
    });
    figure.querySelectorAll(".map-note").forEach(function (note) {
      note.hidden = true;
    });
  }

  function showPoint(container) {
    var data = container.dataset;
    var latlng = [Number(data.lat), Number(data.lng)];
    reveal(container);
    var map = baseMap(container);
    map.setView(latlng, 15);
    L.marker(latlng, {
      icon: setup.markerIcon(data.status || "planned"),
      title: data.title,
      keyboard: false,
    }).addTo(map);
    container.dataset.loaded = "true";
  }

  function listItem(point) {
    return point.anchor ? document.getElementById(point.anchor) : null;
  }

  // Hovering or focusing a stop in the list or on the map marks both.
  function pair(marker, point) {
    var item = listItem(point);
    function on() {
      var icon = marker.getElement();
      if (icon) {
        icon.classList.add("map-stop--current");
      }
      if (item) {
        item.classList.add("itinerary__stop--current");
      }
    }
    function off() {
      var icon = marker.getElement();
      if (icon) {
        icon.classList.remove("map-stop--current");
      }
      if (item) {
        item.classList.remove("itinerary__stop--current");
      }
    }
    marker.on("add", function () {
      var icon = marker.getElement();
      icon.addEventListener("mouseenter", on);
      icon.addEventListener("mouseleave", off);
      icon.addEventListener("focus", on);
      icon.addEventListener("blur", off);
    });
    if (item) {
      item.addEventListener("mouseenter", on);
      item.addEventListener("mouseleave", off);
      item.addEventListener("focusin", on);
      item.addEventListener("focusout", off);
    }
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
    reveal(container);
    var map = baseMap(container);
    var route = points.map(function (point) {
      return L.latLng(point.lat, point.lng);
    });
    var markers = points.map(function (point, index) {
      var number = setup.element("span", "map-stop__number", String(point.order));
      var label = point.order + ". " + point.title;
      var marker = L.marker(route[index], {
        icon: L.divIcon({
          className: "map-stop",
          html: number,
          iconSize: [STOP_SIZE, STOP_SIZE],
          iconAnchor: [STOP_SIZE / 2, STOP_SIZE / 2],
        }),
        title: label,
        riseOnHover: true,
      });
      var box = setup.popup(label);
      if (point.url) {
        box.appendChild(setup.popupLink(point.url, data.labelOpen));
      }
      marker.bindPopup(box);
      setup.labelMarker(marker, label, { order: String(point.order) }).addTo(map);
      pair(marker, point);
      return marker;
    });
    if (route.length > 1) {
      L.polyline(route, { className: "map-route", interactive: false }).addTo(map);
    }
    var leaders = L.layerGroup().addTo(map);

    // Each marker at its spread position, with a leader line and a dot at
    // its true point when it had to move (leaflet-setup.js).
    function layout() {
      setup.placeSpread(map, markers, route, function () {
        return STOP_SIZE;
      }, leaders, true);
    }

    map.fitBounds(L.latLngBounds(route), { maxZoom: 16, padding: [STOP_SIZE, STOP_SIZE] });
    layout();
    map.on("zoomend resize", layout);
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
