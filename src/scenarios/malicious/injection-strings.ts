/**
 * The catalogue of injection payloads: well-known probes for SQL, NoSQL, shell, path, template, markup
 * and format-string handling. A correct program stores, echoes or refuses each one as plain text.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: template-injection payloads are plain strings.
import type { CataloguedString, PayloadFamily } from "./payload-family.js";

export const injectionStrings: Readonly<
  Record<Exclude<PayloadFamily, "naughty-string">, readonly CataloguedString[]>
> = {
  "sql-injection": [
    ["' OR '1'='1", "a tautology that widens a WHERE clause built by string concatenation"],
    [
      "'; DROP TABLE users; --",
      "a stacked query that drops a table when statements are concatenated",
    ],
    ['" OR ""="', "a tautology for queries that quote with double quotes"],
    ["1 OR 1=1", "a tautology in a numeric context, where no quote is needed"],
    ["' UNION SELECT NULL, NULL, NULL --", "a UNION that reads other columns into the result"],
    ["admin'--", "a comment that cuts off the rest of a login query"],
    ["' AND SLEEP(5) --", "a time-based blind probe: a slow answer shows the query ran it"],
    ["%' OR 1=1 --", "a LIKE wildcard followed by a tautology"],
    ["\\'; SELECT 1; --", "a backslash that escapes the escaping quote"],
    ["1' ORDER BY 99 --", "a column-count probe that errors when concatenated"],
  ],
  "nosql-injection": [
    [
      '{"$gt": ""}',
      "a MongoDB operator sent as text, dangerous when the text is parsed as a query",
    ],
    ['{"$ne": null}', "a not-equal operator that matches every document"],
    ["[$ne]=1", "a query-string operator that some parsers turn into an object"],
    ["'; return true; var shopfloor='", "JavaScript that breaks out of a $where string"],
    ["this.password.match(/.*/)//", "a $where expression that matches every document"],
    [".*", "a regular expression wildcard, dangerous when text is used as $regex"],
    ["'||'a'=='a", "a JavaScript tautology for a $where built by concatenation"],
    ['{"$where": "sleep(1000) || true"}', "a time-based $where probe sent as text"],
    ["db.dropDatabase()", "a shell command, harmful only when text is evaluated"],
  ],
  "shell-injection": [
    ["; id", "a command separator after an argument passed to a shell"],
    ["$(id)", "command substitution"],
    ["`id`", "backtick command substitution"],
    ["| cat /etc/passwd", "a pipe into another command"],
    ["&& echo shopfloor-pwned", "a conditional second command"],
    ["'; id; echo '", "breaks out of single quotes added by the program"],
    ["--output=/tmp/shopfloor-pwned", "argument injection: text read as an option"],
    ["-rf", "argument injection: text that looks like short options"],
    ["> /tmp/shopfloor-pwned", "a redirection that writes a file"],
    ["$HOME", "variable expansion, which a shell performs and a program must not"],
    ["*", "a glob that a shell expands into file names"],
  ],
  "path-traversal": [
    ["../../../../etc/passwd", "relative traversal out of the served folder"],
    ["..\\..\\..\\windows\\win.ini", "traversal with Windows separators"],
    ["%2e%2e%2f%2e%2e%2fetc%2fpasswd", "URL-encoded traversal decoded after the check"],
    ["..%252f..%252fetc%252fpasswd", "double URL-encoded traversal"],
    ["....//....//etc/passwd", "traversal that survives a single removal of ../"],
    ["/etc/passwd", "an absolute path where a relative name is expected"],
    ["..%c0%af..%c0%afetc/passwd", "an overlong UTF-8 slash"],
    ["file:///etc/passwd", "a file URL where a name or URL is expected"],
    ["C:\\Windows\\System32\\drivers\\etc\\hosts", "an absolute Windows path"],
    ["../../etc/passwd\u0000.png", "a NUL that truncates the name after an extension check"],
  ],
  "template-injection": [
    ["{{7*7}}", "Handlebars, Jinja or Twig expression: 49 in the answer means it was evaluated"],
    ["${7*7}", "JavaScript template literal or EL expression"],
    ["<%= 7*7 %>", "EJS or ERB expression"],
    ["#{7*7}", "Ruby or Pug interpolation"],
    ["{{constructor.constructor('return process')()}}", "a sandbox escape in JavaScript templates"],
    ["${{7*7}}", "a mixed form some engines evaluate twice"],
    ["{% for shopfloor in range(3) %}x{% endfor %}", "a Jinja or Twig statement"],
    ["*{7*7}", "a Thymeleaf selection expression"],
    ["[[${7*7}]]", "Thymeleaf inline expression"],
    ["\\{{7*7}}", "a backslash before braces, which some engines treat as an escape"],
  ],
  xss: [
    ["<script>alert(1)</script>", "a script element echoed into HTML"],
    ['"><img src=x onerror=alert(1)>', "breaks out of an attribute into an event handler"],
    ["javascript:alert(1)", "a script URL where a link is expected"],
    ["<svg onload=alert(1)>", "an SVG event handler"],
    ["'-alert(1)-'", "breaks out of a JavaScript string in an inline script"],
    ['<iframe src="javascript:alert(1)"></iframe>', "a frame with a script URL"],
    ["</title><script>alert(1)</script>", "closes an element the text was placed in"],
    ["<ScRiPt>alert(1)</sCrIpT>", "mixed case that slips past a case-sensitive filter"],
    ["&lt;script&gt;alert(1)&lt;/script&gt;", "pre-escaped markup that must not be unescaped"],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', "an entity-split script URL"],
  ],
  "format-string": [
    ["%s%s%s%s%s", "C printf: reads arguments that were never passed"],
    ["%n%n%n%n", "C printf: writes to memory"],
    ["%x %x %x %x", "C printf: leaks the stack"],
    ["%999999999d", "a huge field width that exhausts memory"],
    ["{0}", ".NET or Python positional format placeholder"],
    ["{}", "Python, Rust or SLF4J placeholder"],
    ["%1$s", "a positional printf argument"],
    ["%%", "an escaped percent that must come back as two characters"],
    ["{0.__class__}", "Python str.format attribute access"],
    ["%-2147483648s", "an extreme negative width"],
  ],
};
