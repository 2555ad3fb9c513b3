// Small DOM helpers, the type-ahead (ARIA combobox) and the date slider.

import { api } from './api.js';

export const $ = (sel, root = document) => root.querySelector(sel);

/** Build an element: el('li', {class: 'x'}, 'text', child, …). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

export function showError(node, message) {
  node.textContent = message || '';
  node.hidden = !message;
}

// ---- dates ---------------------------------------------------------------

const DAY = 86400000;
export const toDay = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const fromDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);
export const today = () => new Date().toISOString().slice(0, 10);
export const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
export function addDays(iso, n) {
  return fromDay(toDay(iso) + n);
}

/**
 * Tie a date input to a range slider (one step a day) with key dates as
 * ticks and buttons. onChange(iso) runs after either moves.
 */
export function dateSlider({ input, slider, datalist, buttons, min, max, keyDates = [], onChange }) {
  const set = (iso, from) => {
    if (!isDate(iso)) return;
    if (from !== 'input') input.value = iso;
    if (from !== 'slider') slider.value = toDay(iso);
    slider.setAttribute('aria-valuetext', iso);
    if (buttons) {
      for (const b of buttons.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.date === iso));
    }
    onChange?.(iso);
  };
  const configure = (lo, hi, keys) => {
    slider.min = toDay(lo);
    slider.max = toDay(hi);
    slider.step = 1;
    datalist.replaceChildren(...keys.map((k) => el('option', { value: toDay(k.date), label: k.label })));
    if (buttons) {
      buttons.replaceChildren(
        ...keys.map((k) =>
          el('button', { type: 'button', 'data-date': k.date, 'aria-pressed': 'false', title: k.date, onclick: () => set(k.date, 'button') }, k.label),
        ),
      );
    }
  };
  configure(min, max, keyDates);
  slider.addEventListener('input', () => set(fromDay(Number(slider.value)), 'slider'));
  slider.addEventListener('keydown', (e) => {
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      set(addDays(fromDay(Number(slider.value)), e.key === 'PageUp' ? 365 : -365), 'key');
    }
  });
  input.addEventListener('change', () => set(input.value, 'input'));
  return { set, configure };
}

// ---- type-ahead ----------------------------------------------------------

let ids = 0;

/**
 * A search hit from the API (`{kind, id, name, value, matched?, detail?}`)
 * as {value, label, kind, detail}: `value` is what to send back in a
 * request to get exactly this one.
 */
function hit(h) {
  const label = h.name || h.value || h.id;
  const value = h.value || h.id || label;
  const detail = [h.matched && h.matched !== label ? `“${h.matched}”` : null, h.detail].filter(Boolean).join(' · ');
  return { value, label, kind: (h.kind || '').replace('_', ' '), detail, coords: h.coords || null };
}

/**
 * A combobox over the API's name search. With `chips` (a container), a
 * choice becomes a removable chip; otherwise it fills the input.
 */
export function typeahead(input, { kinds, chips, onChoose }) {
  const list = el('ul', { class: 'suggestions', role: 'listbox', id: `ta-${++ids}`, hidden: true });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  let items = [];
  let active = -1;
  let controller = null;
  let timer = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    }
  };
  const choose = (item) => {
    close();
    if (chips) {
      addChip(chips, item.value, item.label);
      input.value = '';
    } else {
      input.value = item.value;
    }
    onChoose?.(item);
  };
  const render = () => {
    list.replaceChildren(
      ...items.map((item, i) =>
        el(
          'li',
          { role: 'option', id: `${list.id}-${i}`, 'aria-selected': 'false', onmousedown: (e) => { e.preventDefault(); choose(item); } },
          el('span', {}, item.label),
          el('span', { class: 'kind' }, [item.kind, item.detail].filter(Boolean).join(' · ')),
        ),
      ),
    );
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    highlight(items.length ? 0 : -1);
  };
  const lookup = async () => {
    const q = input.value.trim();
    if (q.length < 2 || /^-?\d/.test(q)) {
      items = [];
      render();
      return;
    }
    controller?.abort();
    controller = new AbortController();
    try {
      const data = await api.search({ q, kinds, limit: 8 }, controller.signal);
      const hits = Array.isArray(data) ? data : data.results || data.hits || data.matches || [];
      items = hits.map(hit);
      if (document.activeElement === input) render();
    } catch (e) {
      if (e.name !== 'AbortError') {
        items = [];
        render();
      }
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookup, 120);
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      if (list.hidden) render();
      else highlight((active + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      highlight((active - 1 + items.length) % items.length);
    } else if (e.key === 'Enter') {
      if (!list.hidden && active >= 0) {
        e.preventDefault();
        choose(items[active]);
      } else if (chips && input.value.trim()) {
        e.preventDefault();
        addChip(chips, input.value.trim(), input.value.trim());
        input.value = '';
      }
    } else if (e.key === 'Escape') {
      close();
    } else if (e.key === 'Backspace' && chips && !input.value) {
      chips.lastElementChild?.remove();
    }
  });
}

export function addChip(container, value, label = value) {
  if (chipValues(container).includes(value)) return;
  const chip = el(
    'span',
    { class: 'chip', 'data-value': value },
    label,
    el('button', { type: 'button', 'aria-label': `Remove ${label}`, onclick: () => chip.remove() }, '×'),
  );
  container.append(chip);
}

export const chipValues = (container) => [...container.querySelectorAll('.chip')].map((c) => c.dataset.value);
export const clearChips = (container) => container.replaceChildren();
