// Calldata from a function signature and arguments, with ethers v6 (vendored browser bundle, loaded
// on first use so that the pages work without it: raw calldata needs no library).

let ethersModule = null;

export async function loadEthers() {
  if (!ethersModule) {
    ethersModule = import('/vendor/ethers.min.js').catch((error) => {
      ethersModule = null;
      throw new Error(`the ABI library (/vendor/ethers.min.js) did not load: ${error.message}`);
    });
  }
  return ethersModule;
}

/**
 * Splits "42, 0xabc, [1,2], \"a, b\"" at top-level commas; a text starting with "[" is read as a
 * JSON array instead. Empty text: no arguments.
 */
export function splitArguments(text) {
  const source = String(text || '').trim();
  if (!source) return [];
  if (source.startsWith('[') && source.endsWith(']')) {
    try {
      const parsed = JSON.parse(source);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: fall through to the comma split (e.g. one array argument [1,2] written bare)
    }
  }
  const parts = [];
  let depth = 0;
  let quote = null;
  let current = '';
  for (const char of source) {
    if (quote) {
      if (char === quote) quote = null;
      current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === '[' || char === '(') {
      depth++;
      current += char;
    } else if (char === ']' || char === ')') {
      depth--;
      current += char;
    } else if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current.trim());
  return parts.map(readValue);
}

function readValue(text) {
  if ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'"))) {
    return text.slice(1, -1);
  }
  if (text.startsWith('[') || text.startsWith('(')) {
    try {
      return JSON.parse(text.replace(/^\(/, '[').replace(/\)$/, ']'));
    } catch {
      return text;
    }
  }
  return text;
}

/** Booleans typed as text ("false") would be truthy: convert them by the parameter's type. */
function coerce(param, value) {
  if (param.baseType === 'array' && Array.isArray(value)) {
    return value.map((item) => coerce(param.arrayChildren, item));
  }
  if (param.baseType === 'tuple' && Array.isArray(value)) {
    return value.map((item, i) => coerce(param.components[i], item));
  }
  if (param.type === 'bool' && typeof value === 'string') {
    if (/^(true|1)$/i.test(value)) return true;
    if (/^(false|0)$/i.test(value)) return false;
    throw new Error(`argument ${param.name || param.type}: expected true or false, got "${value}"`);
  }
  if (/^u?int\d*$/.test(param.type) && typeof value === 'number') return BigInt(value);
  return value;
}

/**
 * "store(uint256)" (or "function store(uint256 value)") with "42" → {calldata, selector, signature}.
 * Throws an Error with a message for people when the signature or an argument is wrong.
 */
export async function encodeCall(signatureText, argumentsText) {
  const { Interface } = await loadEthers();
  let signature = String(signatureText || '').trim().replace(/;$/, '');
  if (!signature) throw new Error('enter a function signature such as store(uint256)');
  if (!signature.startsWith('function ')) signature = `function ${signature}`;
  let iface;
  try {
    iface = new Interface([signature]);
  } catch (error) {
    throw new Error(`not a valid function signature: ${error.shortMessage || error.message}`);
  }
  const fragment = iface.fragments.find((item) => item.type === 'function');
  if (!fragment) throw new Error('not a function signature');
  const values = splitArguments(argumentsText);
  if (values.length !== fragment.inputs.length) {
    throw new Error(`${fragment.format('sighash')} takes ${fragment.inputs.length} argument(s), got ${values.length}`);
  }
  let calldata;
  try {
    calldata = iface.encodeFunctionData(fragment, values.map((value, i) => coerce(fragment.inputs[i], value)));
  } catch (error) {
    throw new Error(`cannot encode the arguments: ${error.shortMessage || error.message}`);
  }
  return { calldata, selector: fragment.selector, signature: fragment.format('sighash') };
}
