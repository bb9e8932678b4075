// Light/dark theme and the default gas tier, both kept in localStorage.
import { read, write } from './store.js';

export const THEME_KEY = 'crogas.theme';
export const TIER_KEY = 'crogas.gasLevel';
export const TIERS = ['slow', 'normal', 'fast'];

export function currentTheme() {
  return document.documentElement.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
}

export function setTheme(theme) {
  const value = theme === 'dark' ? 'dark' : 'light';
  document.documentElement.setAttribute('data-theme', value);
  write(THEME_KEY, value);
  document.dispatchEvent(new CustomEvent('crogas:theme', { detail: value }));
}

export function toggleTheme() {
  setTheme(currentTheme() === 'dark' ? 'light' : 'dark');
}

export function defaultTier() {
  const tier = read(TIER_KEY);
  return TIERS.includes(tier) ? tier : 'normal';
}

export function setDefaultTier(tier) {
  if (!TIERS.includes(tier)) return;
  write(TIER_KEY, tier);
  document.dispatchEvent(new CustomEvent('crogas:tier', { detail: tier }));
}
