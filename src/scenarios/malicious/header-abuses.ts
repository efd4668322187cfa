/**
 * Hostile request headers, each set one that undici (Node's HTTP client and fetch) really sends: no CR, LF
 * or NUL, only Latin-1, and none of the connection headers it refuses. Each set stays under the 16 KB
 * header limit of common servers, so a refusal is the service's choice, not the transport's.
 */

export interface HeaderAbuse {
  family: "header-abuse";
  headers: Record<string, string>;
  note: string;
}

const eightKilobytes = 8 * 1024;

function hugeCookie(): string {
  const pairs: string[] = [];
  for (let index = 0; index < 200; index += 1) pairs.push(`shopfloor${index}=${"c".repeat(16)}`);
  return pairs.join("; ");
}

function absurdLanguages(): string {
  const languages: string[] = [];
  for (let index = 0; index < 300; index += 1) languages.push(`x-l${index};q=0.${index % 10}`);
  return languages.join(", ");
}

const abuses: readonly (readonly [headers: Record<string, string>, note: string])[] = [
  [{ "x-shopfloor-padding": "a".repeat(eightKilobytes) }, "an 8 KB header value"],
  [{ "x-http-method-override": "DELETE" }, "asks a framework to treat the request as a DELETE"],
  [{ "x-forwarded-for": "127.0.0.1" }, "claims the request came from the machine itself"],
  [{ "x-real-ip": "127.0.0.1", "x-forwarded-host": "localhost" }, "spoofs the client address"],
  [
    { "x-forwarded-for": Array.from({ length: 200 }, (_, index) => `10.0.0.${index}`).join(", ") },
    "a long chain of forwarded addresses",
  ],
  [{ accept: "application/xml;q=1.5, */*;q=-1, text/html;q=abc" }, "invalid quality values"],
  [{ accept: "image/png" }, "asks for a type the service never produces"],
  [{ "accept-language": absurdLanguages() }, "hundreds of languages"],
  [{ cookie: hugeCookie() }, "a cookie header with 200 pairs"],
  [{ "content-type": "application/json; charset=utf-7" }, "a charset that smuggles markup"],
  [{ "content-type": "application/json; charset=ibm037" }, "an EBCDIC charset"],
  [{ "content-type": 'APPLICATION/JSON ; charset="UTF-8"' }, "odd case, spacing and quoting"],
  [{ "x-original-url": "/admin", "x-rewrite-url": "/admin" }, "a path-override header"],
];

export const headerAbuses: readonly HeaderAbuse[] = abuses.map(([headers, note]) => ({
  family: "header-abuse",
  headers,
  note,
}));
