// Building the page. Everything shown comes in as text: h() turns strings into text nodes and sets attributes one by
// one, so a payload such as <img src=x onerror=…> is displayed as those characters and never parsed as markup.
// Nothing in the console hands text to the HTML parser.

/**
 * An element: h('a', {href: '#/runs', class: 'x', onclick: fn}, 'text', child, [more]). Attributes whose value is
 * null, undefined or false are left out; true sets an empty attribute; functions named on… become listeners.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value' && 'value' in element) {
      element.value = value;
    } else if (name === 'checked' || name === 'selected') {
      element[name] = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** What update() last showed in a container; anything else put there makes it show its data again. */
const lastShown = new WeakMap();

/** Replaces what `element` holds with `children`. */
export function fill(element, ...children) {
  lastShown.delete(element);
  element.replaceChildren();
  append(element, children);
  return element;
}

const FINAL_RUN = new Set(['completed', 'failed', 'cancelled']);

export function isFinal(status) {
  return FINAL_RUN.has(status);
}

/** A status as a badge: its colour says good, bad, waiting or neutral, its text says the status itself. */
export function badge(status) {
  const tone = {
    completed: 'good',
    delivered: 'good',
    failed: 'bad',
    dead: 'bad',
    gone: 'bad',
    running: 'busy',
    pending: 'busy',
    queued: 'busy',
    waiting: 'wait',
    cancelled: 'neutral',
  }[status] || 'neutral';
  return h('span', { class: `badge ${tone}`, 'data-status': status }, status || 'unknown');
}

/** An instant as local date and time, the exact ISO value in its datetime attribute and tooltip. */
export function time(iso) {
  if (!iso) {
    return h('span', { class: 'muted' }, '—');
  }
  const date = new Date(iso);
  return h('time', { datetime: iso, title: iso }, Number.isNaN(date.getTime()) ? iso : date.toLocaleString());
}

/** A JSON value, indented, as text. */
export function json(value) {
  return h('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}

/** A short message in the page: kind 'error' is announced at once (role=alert), others politely. */
export function message(kind, ...children) {
  return h('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, children);
}

/** What an API refusal says, for a message. */
export function problemText(error) {
  if (error && error.problem) {
    const fields = (error.problem.errors || []).map((e) => `${e.field}: ${e.message}`);
    return [`${error.code}: ${error.problem.detail || error.problem.title || ''}`, ...fields].join(' — ');
  }
  return error && error.message ? error.message : String(error);
}

/** A section of a page under its own heading, named by it for assistive technology. */
export function section(id, title, ...children) {
  return h('section', { 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), children);
}

/** One term of a definition list of facts; an absent value shows as a dash, a number with its digits grouped. */
export function fact(label, value) {
  let shown = value;
  if (value === null || value === undefined) {
    shown = '—';
  } else if (typeof value === 'number') {
    shown = value.toLocaleString();
  } else if (!(value instanceof Node)) {
    shown = String(value);
  }
  return h('div', {}, h('dt', {}, label), h('dd', {}, shown));
}

/** A labelled form control; `control` is an input, select or textarea element. */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 10)}`;
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) {
    control.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('small', { id: hintId }, hint) : null);
}

export function select(name, options, chosen) {
  return h(
    'select',
    { name },
    options.map(([value, label]) => h('option', { value, selected: value === (chosen || '') }, label)),
  );
}

/**
 * A table that scrolls sideways on a narrow screen rather than widening the page; on a phone each row reads as a
 * card (the cells carry their column's name in data-label).
 */
export function table(caption, columns, rows, empty = 'Nothing to show.') {
  if (rows.length === 0) {
    return h('p', { class: 'muted empty' }, empty);
  }
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'cards' },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        rows.map((cells) => h('tr', {}, cells.map((cell, i) => h('td', { 'data-label': columns[i] }, h('div', {}, cell))))),
      ),
    ),
  );
}

/**
 * Asks before something that cannot be undone, in a modal dialog (Escape or "Keep" says no). `body` is a list of
 * paragraphs or nodes. Resolves true only when the person chose `confirmLabel`.
 */
export function confirmAction({ title, body, confirmLabel, danger = false }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const heading = h('h2', { id: 'confirm-title' }, title);
    const yes = h('button', { type: 'button', class: danger ? 'danger' : 'primary', 'data-answer': 'yes' }, confirmLabel);
    const no = h('button', { type: 'button', 'data-answer': 'no' }, 'Keep as it is');
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      heading,
      body.map((part) => (part instanceof Node ? part : h('p', {}, part))),
      h('div', { class: 'actions' }, no, yes),
    );
    yes.addEventListener('click', () => dialog.close('yes'));
    no.addEventListener('click', () => dialog.close('no'));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected) {
        opener.focus();
      }
      resolve(dialog.returnValue === 'yes');
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    no.focus();
  });
}

/** A secret shown this once (an API key, a signing secret), with the warning that it will not be shown again. */
export function shownOnce(title, entries) {
  return h(
    'section',
    { class: 'shown-once', 'aria-labelledby': 'shown-once-title' },
    h('h3', { id: 'shown-once-title' }, title),
    h('p', {}, 'Copy these now: the bridge shows them only this once and keeps only their digests or sealed copies.'),
    h(
      'dl',
      {},
      entries.map(([label, value]) => [h('dt', {}, label), h('dd', {}, h('code', { class: 'secret' }, value))]),
    ),
  );
}

/** Puts focus on the page's heading after a navigation, so a keyboard or screen-reader user starts there. */
export function focusHeading(root) {
  const heading = root.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

/**
 * Shows what `build` makes of `data` in `container`, unless the same data is shown already: a page that refreshes
 * itself leaves alone what did not change, and keeps the keyboard focus on the element of the same id when it does.
 */
export function update(container, data, build) {
  const text = JSON.stringify(data);
  if (lastShown.get(container) === text) {
    return;
  }
  const active = document.activeElement;
  const focused = active && container.contains(active) ? active.id : null;
  fill(container, build());
  lastShown.set(container, text);
  if (focused) {
    const again = document.getElementById(focused);
    if (again) {
      again.focus();
    }
  }
}
