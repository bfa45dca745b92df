/* What every map of the site shares: the development map (map.js), the
 * small maps (mini-map.js) and the admin location picker
 * (location-picker.js). Load it with `defer` after Leaflet and before the
 * script that uses it; it defines window.SharakaMap, or nothing when
 * Leaflet is missing (then the pages keep their text without a map).
 *
 * Everything a map needs comes from data- attributes on its container:
 * data-tile-url and data-tile-attribution for the tiles, and bounds as
 * "minLon,minLat,maxLon,maxLat" (the server decides them; no copy here). */
(function () {
  "use strict";

  if (typeof L === "undefined") {
    return;
  }

  function isRtl() {
    return document.documentElement.dir === "rtl";
  }

  // A map with the site's tiles. Controls sit at the start of the reading
  // direction: zoom top-right in Arabic, attribution in the opposite corner.
  // `options` adds to Leaflet's map options (e.g. scrollWheelZoom: false).
  function create(container, options) {
    var rtl = isRtl();
    var map = L.map(
      container,
      Object.assign({}, options, { zoomControl: false, attributionControl: false })
    );
    L.control.zoom({ position: rtl ? "topright" : "topleft" }).addTo(map);
    L.control.attribution({ position: rtl ? "bottomleft" : "bottomright" }).addTo(map);
    L.tileLayer(container.dataset.tileUrl, {
      attribution: container.dataset.tileAttribution,
      maxZoom: 19,
    }).addTo(map);
    return map;
  }

  // "minLon,minLat,maxLon,maxLat" (a data- attribute) or the same four
  // numbers as an array (a GeoJSON bbox), as Leaflet's [[south, west],
  // [north, east]].
  function bounds(bbox) {
    var b = typeof bbox === "string" ? bbox.split(",").map(Number) : bbox;
    return [
      [b[1], b[0]],
      [b[3], b[2]],
    ];
  }

  // The round marker of css/map.css: "map-marker map-marker--<modifier>"
  // (a project status, or "picker"), centred on its point.
  function markerIcon(modifier, size) {
    size = size || 18;
    var half = Math.round(size / 2);
    return L.divIcon({
      className: "map-marker map-marker--" + modifier,
      iconSize: [size, size],
      iconAnchor: [half, half],
      popupAnchor: [0, -half],
    });
  }

  // Names the marker's element for assistive technology once it is on the
  // map, and copies `data` into its data- attributes.
  function labelMarker(marker, label, data) {
    marker.on("add", function () {
      var icon = marker.getElement();
      if (icon) {
        icon.setAttribute("aria-label", label);
        Object.keys(data || {}).forEach(function (key) {
          icon.dataset[key] = data[key];
        });
      }
    });
    return marker;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // A popup's content in the page's direction, starting with its title;
  // the caller appends the rest.
  function popup(title) {
    var box = element("div", "map-popup");
    box.dir = document.documentElement.dir || "auto";
    box.appendChild(element("p", "map-popup-title", title));
    return box;
  }

  function popupLink(url, label) {
    var link = element("a", "map-popup-link", label);
    link.href = url;
    return link;
  }

  // Screen positions for markers whose points are too close to tell apart
  // (or to touch): each pair closer than `gap(i, j)` pixels pushes apart
  // along the line between them. `points` are Leaflet points in the map's
  // container; with `size`, positions stay inside a box of that size.
  function spread(points, gap, size) {
    var placed = points.map(function (p) {
      return { x: p.x, y: p.y };
    });
    for (var round = 0; round < 60; round++) {
      var moved = false;
      for (var i = 0; i < placed.length; i++) {
        for (var j = i + 1; j < placed.length; j++) {
          var need = gap(i, j);
          var dx = placed[j].x - placed[i].x;
          var dy = placed[j].y - placed[i].y;
          var apart = Math.max(Math.abs(dx), Math.abs(dy));
          if (apart >= need) {
            continue;
          }
          if (dx === 0 && dy === 0) {
            // Same point: fan out by order.
            dx = Math.cos(j);
            dy = Math.sin(j);
          }
          var length = Math.sqrt(dx * dx + dy * dy);
          var push = (need - apart) / 2 + 1;
          placed[i].x -= (dx / length) * push;
          placed[i].y -= (dy / length) * push;
          placed[j].x += (dx / length) * push;
          placed[j].y += (dy / length) * push;
          moved = true;
        }
      }
      if (size) {
        placed.forEach(function (p, index) {
          var half = gap(index, index) / 2;
          p.x = Math.min(Math.max(p.x, half), size.x - half);
          p.y = Math.min(Math.max(p.y, half), size.y - half);
        });
      }
      if (!moved) {
        break;
      }
    }
    return placed;
  }

  // Moves each marker to its spread position, joined by a leader line (and a
  // dot) to its true point `homes[i]` when it had to move. `leaders` is a
  // layer group, emptied first.
  function placeSpread(map, markers, homes, gap, leaders, keepInside) {
    var spots = spread(
      homes.map(function (latlng) {
        return map.latLngToContainerPoint(latlng);
      }),
      gap,
      keepInside ? map.getSize() : null
    );
    leaders.clearLayers();
    markers.forEach(function (marker, index) {
      var spot = map.containerPointToLatLng(L.point(spots[index].x, spots[index].y));
      marker.setLatLng(spot);
      if (map.latLngToContainerPoint(homes[index]).distanceTo(spots[index]) > 2) {
        leaders.addLayer(
          L.polyline([homes[index], spot], { className: "map-leader", interactive: false })
        );
        leaders.addLayer(
          L.circleMarker(homes[index], {
            className: "map-leader-dot",
            radius: 3,
            interactive: false,
          })
        );
      }
    });
  }

  // Runs `start` once the document is parsed (at once if it already is).
  function onReady(start) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  window.SharakaMap = {
    create: create,
    bounds: bounds,
    markerIcon: markerIcon,
    labelMarker: labelMarker,
    element: element,
    popup: popup,
    popupLink: popupLink,
    spread: spread,
    placeSpread: placeSpread,
    onReady: onReady,
  };
})();
