// Run in the page by screen_check.py's `contrast` command. Returns what the browser rendered:
// every visible text's colour (its opacity and its ancestors' folded into the alpha) with the
// background layers under it, walking up the ancestors until an opaque one; every face's disc
// against the box behind it and every feature against the disc; every zone box against the page
// (WCAG 1.4.11); and every line of text that is cut: outside the window, outside the box that
// paints its background, or outside an ancestor that clips.
const transparent = colour => /^rgba\(.*,\s*0\)$/.test(colour) || colour === "transparent";
const alpha = colour => { const m = colour.match(/^rgba\(.*,\s*([\d.]+)\)$/); return m ? Number(m[1]) : 1; };

function describe(element) {
  let text = element.tagName.toLowerCase();
  if (element.id) text += "#" + element.id;
  if (element.dataset && element.dataset.zone) text += "[data-zone=" + element.dataset.zone + "]";
  if (typeof element.className === "string" && element.className) text += "." + element.className.trim().split(/\s+/).join(".");
  return element.parentElement && !element.id ? describe(element.parentElement) + " > " + text : text;
}

// The background layers under an element, its own first, and the element whose box paints the
// first opaque one (the text must stay inside that box to be on that colour).
function background(element) {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.backgroundImage !== "none") layers.push("rgb(255, 0, 255)");  // a picture: not measurable, fail loudly
    const colour = style.backgroundColor;
    if (!transparent(colour)) layers.push(colour);
    if (!transparent(colour) && alpha(colour) >= 1) return { layers, box: e };
  }
  return { layers, box: document.documentElement };
}

function opacity(element) {
  let product = 1;
  for (let e = element; e; e = e.parentElement) product *= Number(getComputedStyle(e).opacity);
  return product;
}

function withAlpha(colour, factor) {
  const n = colour.match(/[\d.]+/g).map(Number);
  return `rgba(${n[0]}, ${n[1]}, ${n[2]}, ${(n.length > 3 ? n[3] : 1) * factor})`;
}

function visible(element) {
  return element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
}

const samples = [], clipped = [];
const inside = (r, b) => r.left >= b.left - 1 && r.top >= b.top - 1 && r.right <= b.right + 1 && r.bottom <= b.bottom + 1;
const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };

const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const element = node.parentElement;
  if (!node.textContent.trim() || !element || ["SCRIPT", "STYLE", "TITLE"].includes(element.tagName) || !visible(element)) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const lines = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  if (!lines.length) continue;
  const style = getComputedStyle(element), under = background(element);
  const what = describe(element) + " \"" + node.textContent.trim().slice(0, 40) + "\"";
  samples.push({ kind: "text", what, colour: withAlpha(style.color, opacity(element)), background: under.layers,
                 size: parseFloat(style.fontSize), weight: Number(style.fontWeight) });
  const boxes = [["the window", view]];
  if (under.box !== document.documentElement && under.box !== document.body) boxes.push(["its box " + describe(under.box), under.box.getBoundingClientRect()]);
  for (let e = element; e && e !== document.documentElement; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.overflowX !== "visible" || s.overflowY !== "visible") {
      if (e !== document.body) boxes.push(["clipped by " + describe(e), e.getBoundingClientRect()]);
    }
    if (s.textOverflow === "ellipsis" && e.scrollWidth > e.clientWidth) clipped.push(what + ": ellipsis");
  }
  for (const line of lines) {
    for (const [name, box] of boxes) {
      if (!inside(line, box)) { clipped.push(`${what}: outside ${name}`); break; }
    }
  }
}

for (const svg of document.querySelectorAll(".face svg")) {
  if (!visible(svg)) continue;
  const disc = svg.querySelector(".disc"), under = background(svg.parentElement);
  for (const shape of svg.querySelectorAll("circle, path, ellipse, line, polyline, polygon, rect")) {
    const style = getComputedStyle(shape), behind = shape === disc ? under.layers : [getComputedStyle(disc).fill, ...under.layers];
    const what = describe(shape.closest("[data-zone]") || svg) + " face " + svg.dataset.mood + " " + (shape === disc ? "disc" : shape.tagName);
    for (const paint of ["fill", "stroke"]) {
      const colour = style[paint];
      if (colour === "none" || transparent(colour)) continue;
      samples.push({ kind: "shape", what: what + " " + paint, colour: withAlpha(colour, opacity(shape)), background: behind });
    }
  }
}

for (const zone of document.querySelectorAll("[data-zone]")) {
  if (!visible(zone)) continue;
  const style = getComputedStyle(zone);
  samples.push({ kind: "shape", what: describe(zone) + " box", colour: withAlpha(style.backgroundColor, opacity(zone)),
                 background: background(zone.parentElement).layers });
}

return { samples, clipped };
