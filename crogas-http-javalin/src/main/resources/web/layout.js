// The shared header: active nav link, notifications bell, settings (default tier, theme), theme toggle.
import { clearNotifications, markAllRead, notifications, onNotifications, renderEntry } from './notify.js';
import { currentTheme, defaultTier, setDefaultTier, setTheme, TIERS, toggleTheme } from './theme.js';
import { el } from './format.js';

const ICONS = {
  bell: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8"/><path d="M10.3 20a2 2 0 0 0 3.4 0"/></svg>',
  gear: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="3"/><path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z"/></svg>',
  sun: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" aria-hidden="true"><circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/></svg>',
  moon: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"/></svg>',
};

function iconButton(id, icon, label) {
  const button = el('button', { class: 'icon-btn', id, type: 'button', title: label, 'aria-label': label });
  button.innerHTML = ICONS[icon];
  return button;
}

function dropdown(button, menu) {
  const wrap = el('div', { class: 'dropdown' }, button, menu);
  button.setAttribute('aria-haspopup', 'true');
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const open = menu.hidden;
    document.querySelectorAll('.menu').forEach((other) => {
      other.hidden = true;
    });
    document.querySelectorAll('[aria-haspopup]').forEach((other) => other.setAttribute('aria-expanded', 'false'));
    menu.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) menu.dispatchEvent(new Event('menu:open'));
  });
  menu.addEventListener('click', (event) => event.stopPropagation());
  return wrap;
}

function notificationsMenu() {
  const button = iconButton('notes-btn', 'bell', 'Notifications');
  const count = el('span', { class: 'badge-count', id: 'notes-count', hidden: true });
  button.append(count);
  const list = el('div', { id: 'notes-list' });
  const clear = el('button', { class: 'btn secondary small', type: 'button', id: 'notes-clear', text: 'Clear' });
  const menu = el(
    'div',
    { class: 'menu', id: 'notes-menu', hidden: true, role: 'dialog', 'aria-label': 'Notifications' },
    el('div', { class: 'menu-head' }, el('span', { text: 'Notifications' }), clear),
    list,
  );
  const render = (entries) => {
    const unread = entries.filter((entry) => !entry.read).length;
    count.textContent = unread > 9 ? '9+' : String(unread);
    count.hidden = unread === 0;
    list.replaceChildren();
    if (!entries.length) {
      list.append(el('div', { class: 'menu-empty', text: 'No notifications yet.' }));
      return;
    }
    for (const entry of entries) {
      const body = el('div');
      renderEntry(entry, body);
      body.append(el('time', { datetime: new Date(entry.at).toISOString(), text: new Date(entry.at).toLocaleString() }));
      list.append(el('div', { class: `note-item ${entry.type}${entry.read ? '' : ' unread'}` }, el('span', { class: 'dot' }), body));
    }
  };
  render(notifications());
  onNotifications(render);
  clear.addEventListener('click', () => clearNotifications());
  menu.addEventListener('menu:open', () => setTimeout(markAllRead, 1500));
  return dropdown(button, menu);
}

function settingsMenu() {
  const button = iconButton('settings-btn', 'gear', 'Settings');
  const tier = el('select', { id: 'setting-tier' });
  for (const name of TIERS) tier.append(el('option', { value: name, text: name[0].toUpperCase() + name.slice(1) }));
  tier.value = defaultTier();
  tier.addEventListener('change', () => setDefaultTier(tier.value));
  const theme = el('select', { id: 'setting-theme' });
  theme.append(el('option', { value: 'light', text: 'Light' }), el('option', { value: 'dark', text: 'Dark' }));
  theme.value = currentTheme();
  theme.addEventListener('change', () => setTheme(theme.value));
  document.addEventListener('crogas:theme', (event) => {
    theme.value = event.detail;
  });
  document.addEventListener('crogas:tier', (event) => {
    tier.value = event.detail;
  });
  const menu = el(
    'div',
    { class: 'menu', id: 'settings-menu', hidden: true, role: 'dialog', 'aria-label': 'Settings' },
    el('div', { class: 'menu-head' }, el('span', { text: 'Settings' })),
    el('div', { class: 'setting' }, el('label', { for: 'setting-tier', text: 'Default gas tier' }), tier,
      el('span', { class: 'hint', text: 'Pre-selected on the Execute page; kept in this browser.' })),
    el('div', { class: 'setting' }, el('label', { for: 'setting-theme', text: 'Theme' }), theme),
  );
  return dropdown(button, menu);
}

function themeToggle() {
  const button = iconButton('theme-toggle', currentTheme() === 'dark' ? 'sun' : 'moon', 'Toggle light/dark theme');
  const update = () => {
    button.innerHTML = ICONS[currentTheme() === 'dark' ? 'sun' : 'moon'];
  };
  button.addEventListener('click', toggleTheme);
  document.addEventListener('crogas:theme', update);
  return button;
}

export function initLayout() {
  const page = document.body.dataset.page;
  document.querySelectorAll('.nav a').forEach((link) => {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
  });
  const tools = document.getElementById('header-tools');
  if (tools) tools.replaceChildren(notificationsMenu(), settingsMenu(), themeToggle());
  document.addEventListener('click', () => {
    document.querySelectorAll('.menu').forEach((menu) => {
      menu.hidden = true;
    });
    document.querySelectorAll('[aria-haspopup]').forEach((button) => button.setAttribute('aria-expanded', 'false'));
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') document.querySelectorAll('.menu').forEach((menu) => (menu.hidden = true));
  });
}
