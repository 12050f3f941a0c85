// Single-key shortcuts for a screen, ignored while the user types in a field.
export function bindKeys(bindings) {
  const listener = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const target = event.target;
    const typing = target instanceof HTMLElement
      && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (typing && event.key !== 'Escape') {
      return;
    }
    const action = bindings[event.key];
    if (action) {
      event.preventDefault();
      action(event);
    }
  };
  document.addEventListener('keydown', listener);
  return () => document.removeEventListener('keydown', listener);
}
