// The only way this page builds elements: children are nodes or text (createTextNode), never markup.
// No string is ever parsed as markup, here or anywhere in the page.

const BOOLEAN_PROPERTIES = new Set(['checked', 'disabled', 'hidden', 'selected', 'required', 'readOnly', 'multiple']);

/** `h('tr', {class: 'row', onclick: fn}, 'text', otherNode)`: an element whose texts are text nodes. */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  setProps(node, props);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; attributes are set one by one (presentation attributes, no style attribute: CSP). */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null) {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function setProps(node, props) {
  for (const [name, value] of Object.entries(props || {})) {
    if (value == null || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'value') {
      node.value = value;
    } else if (BOOLEAN_PROPERTIES.has(name)) {
      node[name] = Boolean(value);
    } else {
      node.setAttribute(name, String(value));
    }
  }
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces what `node` shows with `children`. */
export function show(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A same-page link: `#/…` only, so that no value can turn it into a `javascript:` URL. */
export function link(route, ...children) {
  return h('a', { href: `#/${route}` }, ...children);
}

/** `<dl>` of label → value pairs; values are text or nodes. */
export function facts(pairs) {
  const list = h('dl', { class: 'facts' });
  for (const [term, value] of pairs) {
    list.append(h('dt', {}, term), h('dd', {}, value));
  }
  return list;
}
