/* Admin location picker: click the map to fill latitude and longitude; type
 * in the fields to move the marker. The fields stay the source of truth and
 * work by hand without this script. */
(function () {
  "use strict";

  if (typeof L === "undefined") {
    return;
  }
  var rtl = document.documentElement.dir === "rtl";

  function setUp(container) {
    var data = container.dataset;
    var latInput = document.getElementById(data.latitudeInput);
    var lngInput = document.getElementById(data.longitudeInput);
    if (!latInput || !lngInput) {
      return;
    }

    var map = L.map(container, { zoomControl: false, attributionControl: false });
    L.control.zoom({ position: rtl ? "topright" : "topleft" }).addTo(map);
    L.control.attribution({ position: rtl ? "bottomleft" : "bottomright" }).addTo(map);
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution, maxZoom: 19 }).addTo(map);

    var marker = null;

    function readInputs() {
      var lat = parseFloat(latInput.value);
      var lng = parseFloat(lngInput.value);
      if (!isFinite(lat) || !isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        return null;
      }
      return L.latLng(lat, lng);
    }

    function writeInputs(latlng) {
      var wrapped = latlng.wrap();
      latInput.value = wrapped.lat.toFixed(6);
      lngInput.value = wrapped.lng.toFixed(6);
      [latInput, lngInput].forEach(function (input) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }

    function place(latlng) {
      if (marker) {
        marker.setLatLng(latlng);
        return;
      }
      marker = L.marker(latlng, {
        icon: L.divIcon({ className: "map-marker map-marker--picker", iconSize: [20, 20] }),
        draggable: true,
        title: data.labelMarker,
      }).addTo(map);
      marker.on("dragend", function () {
        writeInputs(marker.getLatLng());
      });
    }

    map.on("click", function (event) {
      place(event.latlng);
      writeInputs(event.latlng);
    });

    [latInput, lngInput].forEach(function (input) {
      input.addEventListener("input", function () {
        var latlng = readInputs();
        if (latlng) {
          place(latlng);
          map.panTo(latlng);
        }
      });
    });

    var start = readInputs();
    if (start) {
      map.setView(start, 14);
      place(start);
    } else {
      var b = data.defaultBounds.split(",").map(Number); // minLon,minLat,maxLon,maxLat
      map.fitBounds([[b[1], b[0]], [b[3], b[2]]]);
    }
    container.dataset.loaded = "true";
  }

  function start() {
    document.querySelectorAll(".location-picker").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
