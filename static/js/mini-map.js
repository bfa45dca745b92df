/* Small maps: a project's location (one marker) and a site visit's itinerary
 * (numbered stops joined in order). The text next to each map says the same
 * thing, so nothing is lost without JavaScript. */
(function () {
  "use strict";

  if (typeof L === "undefined") {
    return;
  }
  var rtl = document.documentElement.dir === "rtl";

  function baseMap(container) {
    var map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      scrollWheelZoom: false,
    });
    L.control.zoom({ position: rtl ? "topright" : "topleft" }).addTo(map);
    L.control.attribution({ position: rtl ? "bottomleft" : "bottomright" }).addTo(map);
    L.tileLayer(container.dataset.tileUrl, {
      attribution: container.dataset.tileAttribution,
      maxZoom: 19,
    }).addTo(map);
    return map;
  }

  function popupText(title, url, linkLabel) {
    var box = document.createElement("div");
    box.className = "map-popup";
    box.dir = document.documentElement.dir || "auto";
    var name = document.createElement("p");
    name.className = "map-popup-title";
    name.textContent = title;
    box.appendChild(name);
    if (url) {
      var link = document.createElement("a");
      link.className = "map-popup-link";
      link.href = url;
      link.textContent = linkLabel;
      box.appendChild(link);
    }
    return box;
  }

  function showPoint(container) {
    var data = container.dataset;
    var latlng = [Number(data.lat), Number(data.lng)];
    var map = baseMap(container);
    map.setView(latlng, 15);
    L.marker(latlng, {
      icon: L.divIcon({
        className: "map-marker map-marker--" + (data.status || "planned"),
        iconSize: [18, 18],
        iconAnchor: [9, 9],
      }),
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
      var number = document.createElement("span");
      number.textContent = String(point.order);
      var label = point.order + ". " + point.title;
      var marker = L.marker(latlng, {
        icon: L.divIcon({ className: "map-stop", html: number, iconSize: [26, 26] }),
        title: label,
      });
      marker.bindPopup(popupText(label, point.url, data.labelOpen));
      marker.on("add", function () {
        var icon = marker.getElement();
        if (icon) {
          icon.setAttribute("aria-label", label);
        }
      });
      marker.addTo(map);
    });
    if (route.length > 1) {
      L.polyline(route, { className: "map-route", interactive: false }).addTo(map);
    }
    map.fitBounds(route, { maxZoom: 15, padding: [28, 28] });
    container.dataset.loaded = "true";
  }

  function start() {
    document.querySelectorAll(".mini-map").forEach(function (container) {
      // The partials may both be on one page, each bringing this script.
      if (container.dataset.started) {
        return;
      }
      container.dataset.started = "true";
      if (container.dataset.pointsId) {
        showItinerary(container);
      } else if (container.dataset.lat && container.dataset.lng) {
        showPoint(container);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
