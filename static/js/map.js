/* The development map: draws the GeoJSON of the projects in view.
 *
 * Everything it needs comes from data- attributes on #project-map; the list
 * under the map is the same content without JavaScript. */
(function () {
  "use strict";

  var container = document.getElementById("project-map");
  var setup = window.SharakaMap; // leaflet-setup.js: absent without Leaflet
  if (!container || !setup) {
    return;
  }
  var data = container.dataset;
  var element = setup.element;
  var statusLine = document.getElementById("map-status-line");

  var statusLabels = {};
  document.querySelectorAll("[data-status-label]").forEach(function (item) {
    statusLabels[item.dataset.status] = item.dataset.statusLabel;
  });

  function say(message) {
    if (statusLine) {
      statusLine.textContent = message;
    }
  }

  var map = setup.create(container);
  map.fitBounds(setup.bounds(data.bounds), { maxZoom: 14, padding: [40, 40] });

  var layer = L.layerGroup().addTo(map);

  function popupFor(props) {
    var box = setup.popup(props.title);
    var facts = element("dl", "map-popup-facts");
    [
      [data.labelSector, props.sector],
      [data.labelStatus, statusLabels[props.status] || props.status],
      [data.labelProgress, data.percentPattern.replace("{value}", props.progress)],
    ].forEach(function (pair) {
      facts.appendChild(element("dt", null, pair[0]));
      facts.appendChild(element("dd", null, pair[1]));
    });
    box.appendChild(facts);
    var bar = element("progress", "map-popup-progress");
    bar.max = 100;
    bar.value = props.progress;
    bar.setAttribute("aria-label", data.labelProgress);
    box.appendChild(bar);
    box.appendChild(setup.popupLink(props.url, data.labelOpen));
    return box;
  }

  // Markers are at least 24 px wide (WCAG's smallest target), and markers
  // closer than that on screen are spread apart with a leader line to their
  // point, so that each can be seen and touched.
  var MARKER_SIZE = 24;

  function projectMarker(feature, latlng) {
    var props = feature.properties;
    var marker = L.marker(latlng, {
      icon: setup.markerIcon(props.status, MARKER_SIZE),
      title: props.title,
    });
    marker.bindPopup(popupFor(props), { maxWidth: 280 });
    return setup.labelMarker(marker, props.title, { projectId: props.id, status: props.status });
  }

  // Size class and diameter in pixels: more projects, larger circle.
  function clusterSize(count) {
    if (count < 10) return ["s", 30];
    if (count < 100) return ["m", 38];
    if (count < 1000) return ["l", 46];
    return ["xl", 56];
  }

  function clusterMarker(feature, latlng) {
    var count = feature.properties.count;
    var label = data.labelCluster.replace("{count}", String(count));
    var inner = element("span", null, String(count));
    var size = clusterSize(count);
    var marker = L.marker(latlng, {
      icon: L.divIcon({
        className: "map-cluster map-cluster--" + size[0],
        html: inner,
        iconSize: [size[1], size[1]],
      }),
      title: label,
    });
    setup.labelMarker(marker, label, { count: count });
    marker.on("click", function () {
      var box = feature.bbox;
      if (box) {
        map.fitBounds(setup.bounds(box), { padding: [32, 32] });
      } else {
        map.setView(latlng, map.getZoom() + 2);
      }
    });
    return marker;
  }

  // Markers on the map by what they show. A new answer only replaces the
  // markers whose feature changed: panning (a popup's autopan included)
  // keeps the markers that stay, and their open popup, instead of swapping
  // every element under the visitor's pointer.
  var drawn = {};

  function featureKey(feature) {
    return JSON.stringify([feature.geometry.coordinates, feature.bbox, feature.properties]);
  }

  function draw(collection) {
    var next = {};
    collection.features.forEach(function (feature) {
      var key = featureKey(feature);
      if (next[key]) {
        return;
      }
      var marker = drawn[key];
      if (!marker) {
        var latlng = L.GeoJSON.coordsToLatLng(feature.geometry.coordinates);
        marker = feature.properties.cluster
          ? clusterMarker(feature, latlng)
          : projectMarker(feature, latlng);
        layer.addLayer(marker);
      }
      next[key] = marker;
    });
    Object.keys(drawn).forEach(function (key) {
      if (!next[key]) {
        layer.removeLayer(drawn[key]);
      }
    });
    drawn = next;
    layout();
    container.dataset.loaded = "true";
    container.dataset.total = String(collection.total);
    say(data.labelCount.replace("{count}", String(collection.total)));
  }

  var leaders = L.layerGroup().addTo(map);

  function iconWidth(marker) {
    return marker.options.icon.options.iconSize[0];
  }

  function layout() {
    var markers = Object.keys(drawn).map(function (key) {
      return drawn[key];
    });
    var homes = markers.map(function (marker) {
      if (!marker.home) {
        marker.home = marker.getLatLng();
      }
      return marker.home;
    });
    setup.placeSpread(
      map,
      markers,
      homes,
      function (i, j) {
        return (iconWidth(markers[i]) + iconWidth(markers[j])) / 2 + 2;
      },
      leaders,
      false
    );
  }

  map.on("zoomend", layout);

  // aria-busy is set from the moment the view moves until the answer for
  // the latest view is in; data-loaded says an answer has been drawn.
  // Together they tell a reader (and a test) when the markers are settled.
  var pending = null;
  var timer = null;

  function busy() {
    container.setAttribute("aria-busy", "true");
  }

  function settleUnlessAnotherLoadIsComing() {
    if (!pending && timer === null) {
      container.removeAttribute("aria-busy");
    }
  }

  // Rounded outwards so that visitors looking at nearly the same view share
  // the server's cached answer.
  function viewParameters() {
    var bounds = map.getBounds();
    var west = Math.max(-180, Math.floor(bounds.getWest() * 1000) / 1000);
    var south = Math.max(-90, Math.floor(bounds.getSouth() * 1000) / 1000);
    var east = Math.min(180, Math.ceil(bounds.getEast() * 1000) / 1000);
    var north = Math.min(90, Math.ceil(bounds.getNorth() * 1000) / 1000);
    return "bbox=" + [west, south, east, north].join(",") + "&zoom=" + Math.round(map.getZoom());
  }

  function load() {
    timer = null;
    if (pending) {
      pending.abort();
    }
    var request = new AbortController();
    pending = request;
    var url = data.geojsonUrl + (data.geojsonUrl.indexOf("?") === -1 ? "?" : "&") + viewParameters();
    busy();
    fetch(url, { signal: request.signal, headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (collection) {
        if (pending !== request) {
          return; // a later view's request is on its way
        }
        pending = null;
        draw(collection);
        settleUnlessAnotherLoadIsComing();
      })
      .catch(function (error) {
        if (error.name === "AbortError" || pending !== request) {
          return;
        }
        pending = null;
        settleUnlessAnotherLoadIsComing();
        say(data.labelError);
      });
  }

  map.on("moveend", function () {
    busy();
    window.clearTimeout(timer);
    timer = window.setTimeout(load, 150);
  });
  load();
})();
