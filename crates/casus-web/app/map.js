// The world map: loads map.svg (plate carrée in hundredths of a degree, so
// x = lon × 100 and y = −lat × 100), zooms and pans by changing the
// viewBox, turns a click into lon/lat, and colours countries by class.

const UNITS = 100;
const WORLD = { x: -18000, y: -8400, w: 36000, h: 14200 };
const SVG_NS = 'http://www.w3.org/2000/svg';

export class WorldMap {
  constructor(container) {
    this.container = container;
    this.view = { ...WORLD };
    this.onPick = null;
    this.ready = this.load();
  }

  async load() {
    const response = await fetch('map.svg');
    this.container.innerHTML = await response.text();
    this.svg = this.container.querySelector('svg');
    this.svg.removeAttribute('id');
    this.svg.setAttribute('focusable', 'false');
    this.marks = this.svg.querySelector('#marks');
    this.byId = new Map();
    this.byA2 = new Map();
    for (const path of this.svg.querySelectorAll('path.c')) {
      this.byA2.set(path.dataset.a2, path);
      if (path.dataset.id) {
        const list = this.byId.get(path.dataset.id) || [];
        list.push(path);
        this.byId.set(path.dataset.id, list);
      }
    }
    this.addPatterns();
    this.bindEvents();
    this.reset();
    new ResizeObserver(() => this.apply()).observe(this.container);
  }

  addPatterns() {
    const defs = this.svg.querySelector('defs');
    defs.insertAdjacentHTML(
      'beforeend',
      `<pattern id="stripes" width="16" height="16" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
         <rect width="16" height="16" fill="#f3d9a8"/><rect width="7" height="16" fill="#b86e00"/></pattern>
       <pattern id="dots" width="16" height="16" patternUnits="userSpaceOnUse">
         <rect width="16" height="16" fill="#f3d9a8"/><circle cx="8" cy="8" r="4" fill="#b86e00"/></pattern>`,
    );
  }

  /** Screen point -> [lat, lon] through the SVG's own inverse transform. */
  toLatLon(clientX, clientY) {
    const pt = this.svg.createSVGPoint();
    pt.x = clientX;
    pt.y = clientY;
    const p = pt.matrixTransform(this.svg.getScreenCTM().inverse());
    return [-p.y / UNITS, p.x / UNITS];
  }

  bindEvents() {
    let drag = null;
    this.svg.addEventListener('pointerdown', (e) => {
      drag = { x: e.clientX, y: e.clientY, view: { ...this.view }, moved: false };
    });
    this.svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 5) return;
      if (!drag.moved) this.svg.setPointerCapture(e.pointerId);
      drag.moved = true;
      const scale = 1 / this.svg.getScreenCTM().a;
      this.view.x = drag.view.x - dx * scale;
      this.view.y = drag.view.y - dy * scale;
      this.apply();
    });
    this.svg.addEventListener('pointerup', (e) => {
      const wasDrag = drag && drag.moved;
      drag = null;
      if (!wasDrag && this.onPick) {
        const [lat, lon] = this.toLatLon(e.clientX, e.clientY);
        this.onPick(lat, lon);
      }
    });
    this.svg.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const [lat, lon] = this.toLatLon(e.clientX, e.clientY);
        this.zoom(e.deltaY < 0 ? 1.4 : 1 / 1.4, lon * UNITS, -lat * UNITS);
      },
      { passive: false },
    );
    this.container.addEventListener('keydown', (e) => {
      const step = this.view.w / 8;
      const keys = {
        ArrowLeft: () => this.pan(-step, 0),
        ArrowRight: () => this.pan(step, 0),
        ArrowUp: () => this.pan(0, -step),
        ArrowDown: () => this.pan(0, step),
        '+': () => this.zoom(1.5),
        '=': () => this.zoom(1.5),
        '-': () => this.zoom(1 / 1.5),
        Enter: () => {
          if (this.onPick) {
            const cx = this.view.x + this.view.w / 2;
            const cy = this.view.y + this.view.h / 2;
            this.onPick(-cy / UNITS, cx / UNITS);
          }
        },
      };
      if (keys[e.key]) {
        e.preventDefault();
        keys[e.key]();
      }
    });
  }

  /** Height over width of the map box, so the view fills it without bands. */
  ratio() {
    const w = this.container.clientWidth;
    const h = this.container.clientHeight;
    return w > 0 && h > 0 ? h / w : WORLD.h / WORLD.w;
  }

  pan(dx, dy) {
    this.view.x += dx;
    this.view.y += dy;
    this.apply();
  }

  zoom(factor, cx = this.view.x + this.view.w / 2, cy = this.view.y + this.view.h / 2) {
    const w = Math.min(WORLD.w * 1.2, Math.max(200, this.view.w / factor));
    const h = w * this.ratio();
    this.view = { x: cx - ((cx - this.view.x) * w) / this.view.w, y: cy - ((cy - this.view.y) * h) / this.view.h, w, h };
    this.apply();
  }

  reset() {
    const r = this.ratio();
    const w = Math.max(WORLD.w, WORLD.h / r);
    const h = w * r;
    this.view = { x: WORLD.x + (WORLD.w - w) / 2, y: WORLD.y + (WORLD.h - h) / 2, w, h };
    this.apply();
  }

  /** Centre on lat/lon with a window `span` degrees wide. */
  focus(lat, lon, span = 24) {
    const w = span * UNITS;
    const h = w * this.ratio();
    this.view = { x: lon * UNITS - w / 2, y: -lat * UNITS - h / 2, w, h };
    this.apply();
  }

  /** Fit the countries of the given polity ids (and a point) in view. */
  fit(ids, point) {
    let box = null;
    const grow = (b) => {
      box = box
        ? { x0: Math.min(box.x0, b.x0), y0: Math.min(box.y0, b.y0), x1: Math.max(box.x1, b.x1), y1: Math.max(box.y1, b.y1) }
        : b;
    };
    for (const id of ids) {
      const paths = this.byId.get(id) || [];
      const mainland = paths.filter((p) => p.dataset.mainland);
      for (const path of mainland.length ? mainland : paths) {
        const b = path.getBBox();
        // Skip far-flung overseas pieces: countries wider than half the world.
        if (b.width < WORLD.w / 2) grow({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height });
      }
    }
    if (point) grow({ x0: point[1] * UNITS - 300, y0: -point[0] * UNITS - 300, x1: point[1] * UNITS + 300, y1: -point[0] * UNITS + 300 });
    if (!box) return this.reset();
    const pad = 0.08;
    let w = (box.x1 - box.x0) * (1 + 2 * pad);
    let h = (box.y1 - box.y0) * (1 + 2 * pad);
    const ratio = this.ratio();
    if (h / w > ratio) w = h / ratio;
    else h = w * ratio;
    w = Math.min(WORLD.w, Math.max(1600, w));
    h = w * ratio;
    this.view = { x: (box.x0 + box.x1) / 2 - w / 2, y: (box.y0 + box.y1) / 2 - h / 2, w, h };
    this.apply();
  }

  apply() {
    if (!this.svg) return;
    const v = this.view;
    this.svg.setAttribute('viewBox', `${v.x} ${v.y} ${v.w} ${v.h}`);
    // Keep marks a constant size on screen.
    const r = v.w / 120;
    for (const c of this.marks.querySelectorAll('circle')) c.setAttribute('r', r);
    for (const t of this.marks.querySelectorAll('text')) {
      // Inline style: the stylesheet's font size would win over an attribute.
      t.style.fontSize = `${r * 2.4}px`;
      t.style.strokeWidth = `${r / 3}px`;
      t.setAttribute('x', Number(t.dataset.x) + r * 1.4);
    }
  }

  /** Remove every class and title set by a view. */
  clear() {
    if (!this.svg) return;
    for (const path of this.svg.querySelectorAll('path.c')) {
      path.setAttribute('class', 'c');
      path.querySelector('title')?.remove();
    }
    for (const t of this.svg.querySelectorAll('path.t')) t.setAttribute('class', 't');
    this.marks.replaceChildren();
  }

  /** Add a class (and a tooltip line) to every path of a polity id. */
  paint(id, cls, title) {
    for (const path of this.byId.get(id) || []) {
      path.classList.add(cls);
      if (title) {
        let t = path.querySelector('title');
        if (!t) {
          t = document.createElementNS(SVG_NS, 'title');
          path.append(t);
        }
        t.textContent = t.textContent ? `${t.textContent}\n${title}` : `${path.dataset.name}: ${title}`;
      }
    }
  }

  has(id) {
    return this.byId.has(id);
  }

  /** Hatch a territory: its kb outline if the map has one, else the countries given. */
  hatch(territory, fallbackIds = []) {
    const path = this.svg.querySelector(`path.t[data-territory="${CSS.escape(territory || '')}"]`);
    if (path) {
      path.classList.add('hatched');
      return true;
    }
    for (const id of fallbackIds) for (const p of this.byId.get(id) || []) {
      const copy = p.cloneNode(false);
      copy.setAttribute('class', 't hatched');
      this.marks.before(copy);
      copy.dataset.copy = '1';
    }
    return fallbackIds.length > 0;
  }

  mark(lat, lon, label) {
    const x = lon * UNITS;
    const y = -lat * UNITS;
    const c = document.createElementNS(SVG_NS, 'circle');
    c.setAttribute('cx', x);
    c.setAttribute('cy', y);
    c.setAttribute('class', 'mark');
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('y', y);
    t.dataset.x = x;
    t.setAttribute('class', 'mark-label');
    t.setAttribute('dominant-baseline', 'middle');
    t.textContent = label;
    this.marks.append(c, t);
    this.apply();
  }

  clearCopies() {
    if (!this.svg) return;
    for (const p of this.svg.querySelectorAll('path[data-copy]')) p.remove();
  }
}
