// Notifications: toasts on screen and a list in localStorage shown in the header's bell menu.
import { readJson, writeJson } from './store.js';

const KEY = 'crogas.notifications';
const MAX = 50;
const listeners = new Set();

export function notifications() {
  const list = readJson(KEY, []);
  return Array.isArray(list) ? list : [];
}

function save(list) {
  writeJson(KEY, list.slice(0, MAX));
  listeners.forEach((listener) => listener(notifications()));
}

/** type: success | error | warning | info; link: optional {href, text}. */
export function notify(type, message, link = null, { toast = true } = {}) {
  const entry = {
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    type,
    message: String(message),
    link,
    at: Date.now(),
    read: false,
  };
  save([entry, ...notifications()]);
  if (toast) showToast(entry);
  return entry;
}

export function markAllRead() {
  save(notifications().map((entry) => ({ ...entry, read: true })));
}

export function clearNotifications() {
  save([]);
}

export function onNotifications(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab changed the list.
window.addEventListener('storage', (event) => {
  if (event.key === KEY) listeners.forEach((listener) => listener(notifications()));
});

function toastHost() {
  let host = document.querySelector('.toasts');
  if (!host) {
    host = document.createElement('div');
    host.className = 'toasts';
    host.setAttribute('role', 'status');
    host.setAttribute('aria-live', 'polite');
    document.body.append(host);
  }
  return host;
}

export function renderEntry(entry, element) {
  element.textContent = entry.message;
  if (entry.link && /^(https?:\/\/|\/)/.test(entry.link.href)) {
    element.append(' ');
    const a = document.createElement('a');
    a.href = entry.link.href;
    a.textContent = entry.link.text || 'open';
    if (/^https?:/.test(entry.link.href)) {
      a.target = '_blank';
      a.rel = 'noopener';
    }
    element.append(a);
  }
}

function showToast(entry) {
  const toast = document.createElement('div');
  toast.className = `toast ${entry.type}`;
  renderEntry(entry, toast);
  toastHost().append(toast);
  setTimeout(() => toast.remove(), entry.type === 'error' ? 9000 : 5000);
}
