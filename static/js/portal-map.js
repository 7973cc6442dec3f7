/* Every map on the portal (routes, trips, attractions, opportunities): progressive enhancement
   only. The page's own list of places is the content; this draws the same places on a Leaflet map.

   Each `[data-portal-map]` element names the JSON script of its points ({name, lat, lon, url?,
   number?}). Under the markers lie the reference places the portal serves itself (county seats,
   /maps/places.geojson), under those the rivers and canals (a static GSHHG extract,
   static/maps/rivers.geojson) and, lowest, the county and district boundaries with the city's
   outline (static/maps/counties.geojson), so the map means something on a closed network; the
   areas a page names (`data-areas`, e.g. the whole city for a "Citywide" item) are shaded and
   shown whole, with or without points; tiles are
   drawn only when the site configures a tile source (MAP_TILE_URL). Markers are numbered buttons: Tab reaches
   each, Enter opens its popup, and the arrow keys pan the focused map (Leaflet's keyboard
   handler). Markers closer than MARKER_SIZE pixels are spread around their centre so none hides
   another. */
(function () {
  "use strict";

  var MARKER_SIZE = 28;

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  if (typeof L === "undefined") {
    return;
  }

  function icon(label, text, offset) {
    return L.divIcon({
      className: "portal-map-marker",
      html: "<span>" + text + "</span>",
      iconSize: [MARKER_SIZE, MARKER_SIZE],
      iconAnchor: [MARKER_SIZE / 2 - offset.x, MARKER_SIZE / 2 - offset.y],
      popupAnchor: [offset.x, offset.y - MARKER_SIZE / 2],
    });
  }

  // Pixel offsets that fan out markers drawn on top of each other at the map's first zoom.
  function spreadOffsets(map, latlngs) {
    var pixels = latlngs.map(function (latlng) {
      return map.latLngToLayerPoint(latlng);
    });
    var offsets = pixels.map(function () {
      return L.point(0, 0);
    });
    var grouped = pixels.map(function () {
      return false;
    });
    pixels.forEach(function (pixel, i) {
      if (grouped[i]) {
        return;
      }
      var group = [i];
      for (var j = i + 1; j < pixels.length; j++) {
        if (!grouped[j] && pixel.distanceTo(pixels[j]) < MARKER_SIZE) {
          group.push(j);
          grouped[j] = true;
        }
      }
      if (group.length > 1) {
        group.forEach(function (index, k) {
          var angle = (2 * Math.PI * k) / group.length - Math.PI / 2;
          var radius = (MARKER_SIZE * 0.7 * group.length) / Math.PI + 6;
          offsets[index] = L.point(
            Math.round(radius * Math.cos(angle) - (pixels[index].x - pixel.x)),
            Math.round(radius * Math.sin(angle) - (pixels[index].y - pixel.y))
          );
        });
      }
    });
    return offsets;
  }

  // A GeoJSON layer the portal serves, in a pane of its own stacked at `zIndex`. If it cannot be
  // loaded, the map is drawn all the same: the markers still show where the places are.
  function drawGeoJSON(map, url, pane, zIndex, options) {
    map.createPane(pane).style.zIndex = zIndex;
    return fetch(url, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (collection) {
        if (collection) {
          L.geoJSON(collection, L.extend({ interactive: false, pane: pane }, options)).addTo(map);
        }
      })
      .catch(function () {
        /* drawn without this layer */
      });
  }

  // Under the route's line (overlayPane, 400); a line's name, where the data gives one, in the
  // page's language. The layer's attribution credits the data in the attribution control.
  function drawRivers(map, url, attribution) {
    var language = document.documentElement.lang.toLowerCase();
    return drawGeoJSON(map, url, "rivers", 350, {
      attribution: attribution,
      style: function (feature) {
        return {
          color: "#8db8d8", // lighter than the route's line, as in tourism/static_map.py
          weight: feature.properties.class === 1 ? 3 : 1.5,
          opacity: 0.9,
          dashArray: feature.properties.class < 8 ? null : "4 3", // WDBII's canals are 8 to 10
        };
      },
      onEachFeature: function (feature, layer) {
        var name = feature.properties.name;
        if (name && name[language]) {
          layer.bindTooltip(name[language], {
            permanent: true,
            direction: "center",
            className: "portal-map-river",
            pane: "rivers",
          });
        }
      },
    });
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  // Under the rivers; the areas in `highlighted` are shaded. Resolves to a function that writes
  // each county's name where it fits at the current zoom (the county is wider and taller than
  // its name), covers no other label or marker and repeats no place's name, and hides it
  // elsewhere.
  function drawCounties(map, url, attribution, highlighted) {
    var language = document.documentElement.lang.toLowerCase();
    var labels = [];
    function fitLabels() {
      // A seat named like its county (辉县市, Huixian) already names it.
      var placeNames = Array.prototype.filter
        .call(map.getContainer().querySelectorAll(".portal-map-place"), function (element) {
          return element.style.visibility !== "hidden";
        })
        .map(function (element) {
          return element.textContent;
        });
      var taken = Array.prototype.map.call(
        map
          .getContainer()
          .querySelectorAll(".portal-map-place, .portal-map-river, .leaflet-marker-icon"),
        function (element) {
          return element.getBoundingClientRect();
        }
      );
      labels.forEach(function (label) {
        var bounds = label.area.getBounds();
        var size = map
          .latLngToLayerPoint(bounds.getSouthEast())
          .subtract(map.latLngToLayerPoint(bounds.getNorthWest()));
        var element = label.tooltip.getElement();
        var box = element.getBoundingClientRect();
        var fits =
          placeNames.indexOf(element.textContent) === -1 &&
          size.x > box.width * 1.2 &&
          size.y > box.height * 2 &&
          !taken.some(function (other) {
            return overlaps(box, other);
          });
        element.style.visibility = fits ? "" : "hidden";
        if (fits) {
          taken.push(box);
        }
      });
    }
    return drawGeoJSON(map, url, "counties", 340, {
      attribution: attribution,
      style: function (feature) {
        var city = feature.properties.kind === "city";
        var shaded = highlighted.indexOf(feature.properties.key) !== -1;
        return {
          color: shaded ? "#0d5c8c" : "#7a8793", // the route's line colour when shaded
          weight: shaded || city ? 2.5 : 1,
          opacity: 0.9,
          dashArray: city || shaded ? null : "5 3",
          fill: shaded,
          fillColor: "#0d5c8c",
          fillOpacity: 0.12,
        };
      },
      onEachFeature: function (feature, layer) {
        var properties = feature.properties;
        if (properties.kind !== "county") {
          return;
        }
        var tooltip = L.tooltip({
          permanent: true,
          direction: "center",
          className: "portal-map-county",
          pane: "counties",
        })
          .setLatLng([properties.label[1], properties.label[0]])
          .setContent(language === "zh-hans" ? properties.name_zh : properties.name_en);
        labels.push({ area: layer, tooltip: tooltip });
      },
    }).then(function () {
      labels.forEach(function (label) {
        label.tooltip.addTo(map);
      });
      return fitLabels;
    });
  }

  // Their own pane, between the line (overlayPane) and the markers, labels included.
  function drawReferencePlaces(map, url) {
    return drawGeoJSON(map, url, "places", 450, {
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, {
          radius: 3,
          color: "#5b6b78",
          weight: 1,
          fillOpacity: 0.6,
          interactive: false,
          pane: "places",
        }).bindTooltip(feature.properties.name, {
          permanent: true,
          direction: "bottom",
          className: "portal-map-place",
          pane: "places",
        });
      },
    });
  }

  function drawMap(container) {
    var data = document.getElementById(container.dataset.points);
    var points = data ? JSON.parse(data.textContent) : [];
    var areas = container.dataset.areas ? container.dataset.areas.split(" ") : [];
    if (!points.length && !areas.length) {
      return;
    }
    var figure = container.closest("figure") || container;
    figure.hidden = false;
    var fallback = document.getElementById(container.dataset.replaces || "");
    if (fallback) {
      fallback.hidden = true;
    }

    // Wheel zoom off: scrolling the page past the map must keep scrolling the page.
    // A map of areas zooms in quarter steps, so that a whole city or county fills the box.
    var map = L.map(container, {
      zoomSnap: areas.length ? 0.25 : 1,
      scrollWheelZoom: false,
      zoomControl: false,
      keyboard: true,
    });
    map.attributionControl.setPrefix(false);
    L.control
      .zoom({ zoomInTitle: container.dataset.zoomIn, zoomOutTitle: container.dataset.zoomOut })
      .addTo(map);
    if (container.dataset.tiles) {
      L.tileLayer(container.dataset.tiles, {
        maxZoom: 18,
        attribution: container.dataset.attribution,
      }).addTo(map);
    }

    var latlngs = points.map(function (point) {
      return L.latLng(point.lat, point.lon);
    });
    var bounds = L.latLngBounds(latlngs);
    if (areas.length) {
      var box = container.dataset.areaBox.split(",").map(Number);
      bounds.extend([
        [box[0], box[1]],
        [box[2], box[3]],
      ]);
    }
    // Padding of a marker's size keeps every marker whole inside the map, even at 390 px.
    map.fitBounds(bounds, {
      padding: [MARKER_SIZE + 8, MARKER_SIZE + 8],
      maxZoom: Number(container.dataset.maxZoom || 13),
    });
    var layers = [
      container.dataset.counties &&
        drawCounties(map, container.dataset.counties, container.dataset.countiesAttribution, areas),
      container.dataset.rivers &&
        drawRivers(map, container.dataset.rivers, container.dataset.riversAttribution),
      container.dataset.places && drawReferencePlaces(map, container.dataset.places),
    ];
    if (container.dataset.line !== undefined && latlngs.length > 1) {
      L.polyline(latlngs, { color: "#0d5c8c", weight: 4, opacity: 0.8, interactive: false }).addTo(
        map
      );
    }
    var offsets = spreadOffsets(map, latlngs);
    points.forEach(function (point, i) {
      var numbered = point.number !== undefined && points.length > 1;
      var label = numbered ? point.number + ". " + point.name : point.name;
      var marker = L.marker(latlngs[i], {
        icon: icon(label, numbered ? String(point.number) : "", offsets[i]),
        title: label,
        keyboard: true,
        riseOnHover: true,
      });
      var content = document.createElement(point.url ? "a" : "span");
      if (point.url) {
        content.href = point.url;
      }
      content.textContent = label;
      marker.bindPopup(content).addTo(map);
      var element = marker.getElement();
      element.setAttribute("aria-label", label);
      element.alt = label;
    });
    // County names go where the other labels and the markers have left room for them.
    Promise.all(layers).then(function (drawn) {
      var fitCountyNames = drawn[0];
      if (fitCountyNames) {
        fitCountyNames();
        map.on("zoomend", fitCountyNames);
      }
    });
  }

  document.querySelectorAll("[data-portal-map]").forEach(drawMap);
})();
