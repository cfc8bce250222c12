const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * The string values of a JSON document that may still be arriving, in order, the last one
 * possibly unfinished: what a reader wants to see of a structured answer while it is written.
 * Object keys, numbers and punctuation are left out; an escape cut off at the end is dropped.
 */
export const stringValuesOf = (json: string): string[] => {
  const values: string[] = [];
  // Per open container: an object (true) or an array (false); and whether the next string in
  // an object is a key.
  const inObject: boolean[] = [];
  let expectKey = false;
  let i = 0;
  while (i < json.length) {
    const char = json[i];
    if (char === '"') {
      let value = '';
      i += 1;
      while (i < json.length && json[i] !== '"') {
        if (json[i] !== '\\') {
          value += json[i];
          i += 1;
          continue;
        }
        const code = json[i + 1];
        if (code === 'u') {
          const hex = json.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
          value += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (code !== undefined && ESCAPES[code] !== undefined) {
          value += ESCAPES[code];
          i += 2;
        } else {
          break;
        }
      }
      if (!expectKey) values.push(value);
      i += 1;
      continue;
    }
    if (char === '{' || char === '[') {
      inObject.push(char === '{');
      expectKey = char === '{';
    } else if (char === '}' || char === ']') {
      inObject.pop();
      expectKey = false;
    } else if (char === ':') {
      expectKey = false;
    } else if (char === ',') {
      expectKey = inObject.at(-1) === true;
    }
    i += 1;
  }
  return values;
};
