/* Route map and print button: progressive enhancement only. The ordered list of stops on the page
   is the content; this draws the same stops on a Leaflet map (markers and a line work without map
   tiles, which load from OpenStreetMap only when reachable) and offers a button to print. */
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  var container = document.getElementById("route-map");
  var data = document.getElementById("route-map-points");
  if (!container || !data || typeof L === "undefined") {
    return;
  }
  var points = JSON.parse(data.textContent);
  if (!points.length) {
    return;
  }
  container.closest("figure").hidden = false;

  // Wheel zoom off: scrolling the page past the map must keep scrolling the page.
  var map = L.map(container, { scrollWheelZoom: false, zoomControl: false });
  L.control
    .zoom({ zoomInTitle: container.dataset.zoomIn, zoomOutTitle: container.dataset.zoomOut })
    .addTo(map);
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution:
      '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
  }).addTo(map);

  var positions = points.map(function (point) {
    return [point.lat, point.lon];
  });
  L.polyline(positions, { color: "#0d5c8c", weight: 4, opacity: 0.8 }).addTo(map);
  points.forEach(function (point) {
    var label = point.number + ". " + point.name;
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = label;
    // On routes and trips a permanent number ties each marker to its place in the list of stops.
    var marker = L.marker([point.lat, point.lon], { alt: label, title: label }).bindPopup(link);
    if (points.length > 1) {
      marker.bindTooltip(String(point.number), {
        permanent: true,
        direction: "right",
        offset: [-4, 8],
        className: "route-map-number",
      });
    }
    marker.addTo(map);
  });
  map.fitBounds(positions, { padding: [24, 24], maxZoom: 13 });
})();
