/**
 * The Go name protoc-gen-go gives a proto field (its strs.GoCamelCase): `order_id` -> `OrderId`,
 * `sku2_code` -> `Sku2Code`. The generated getter is `Get` + this name.
 */
export function goCamelCase(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charAt(i);
    const next = name.charAt(i + 1);
    if (c === '.' && isLower(next)) continue;
    if (c === '.') out += '_';
    else if (c === '_' && (i === 0 || name.charAt(i - 1) === '.')) out += 'X';
    else if (c === '_' && isLower(next)) continue;
    else if (isDigit(c)) out += c;
    else {
      out += isLower(c) ? c.toUpperCase() : c;
      while (i + 1 < name.length && isLower(name.charAt(i + 1))) out += name.charAt(++i);
    }
  }
  return out;
}

function isLower(c: string): boolean {
  return c >= 'a' && c <= 'z';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
