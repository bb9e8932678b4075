// localStorage with a fallback when storage is unavailable (private modes, disabled cookies).
const memory = new Map();

export function read(key, fallback = null) {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value;
  } catch {
    return memory.has(key) ? memory.get(key) : fallback;
  }
}

export function write(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    memory.set(key, value);
  }
}

export function readJson(key, fallback) {
  try {
    const text = read(key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

export function writeJson(key, value) {
  write(key, JSON.stringify(value));
}
