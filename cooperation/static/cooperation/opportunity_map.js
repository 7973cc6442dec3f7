// The small map on an opportunity page: one labelled dot per county seat. Without JavaScript,
// Leaflet or tiles the page keeps its list of places, which this map only illustrates.
(function () {
  "use strict";
  var element = document.getElementById("opportunity-map");
  var data = document.getElementById("map-markers");
  if (!element || !data || typeof L === "undefined") {
    return;
  }
  var markers = JSON.parse(data.textContent);
  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false, keyboard: false });
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: element.dataset.attribution,
  }).addTo(map);
  var points = markers.map(function (marker) {
    L.circleMarker([marker.lat, marker.lon], { radius: 8, interactive: false })
      .bindTooltip(marker.name, { permanent: true, direction: "right" })
      .addTo(map);
    return [marker.lat, marker.lon];
  });
  map.fitBounds(points, { padding: [40, 40], maxZoom: 10 });
})();
