/* Admin location picker: click the map to fill latitude and longitude; type
 * in the fields to move the marker. The fields stay the source of truth and
 * work by hand without this script. */
(function () {
  "use strict";

  var setup = window.SharakaMap; // leaflet-setup.js: absent without Leaflet
  if (!setup) {
    return;
  }

  function setUp(container) {
    var data = container.dataset;
    var latInput = document.getElementById(data.latitudeInput);
    var lngInput = document.getElementById(data.longitudeInput);
    if (!latInput || !lngInput) {
      return;
    }

    var map = setup.create(container);
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
        icon: setup.markerIcon("picker", 20),
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
      // The server's bounds (Morocco), from data-default-bounds.
      map.fitBounds(setup.bounds(data.defaultBounds));
    }
    container.dataset.loaded = "true";
  }

  setup.onReady(function () {
    document.querySelectorAll(".location-picker").forEach(setUp);
  });
})();
