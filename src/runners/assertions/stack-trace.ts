/**
 * Stack traces in output meant for a user: frames of Node/V8, Python, Java/Kotlin, .NET, Ruby, PHP and
 * Go. Written to match inside JSON too, where quotes are escaped and newlines are `\n`. A frame needs a
 * file with a line number, so prose such as "meet at 10:30" is not a trace.
 */

const stackTracePatterns: readonly RegExp[] = [
  // V8: "at handler (/srv/app/src/routes.ts:12:5)", "at file:///app/x.mjs:3:9", "at async Promise.all (index 0)"
  /\bat (?:async |new )?(?:[\w$.<>[\]]+(?: \[as [\w$]+\])? )?\(?(?:file:\/\/)?[^\s()"'`]*?\.(?:[cm]?[jt]sx?)(?::\d+){2}\)?/,
  /\bat (?:[\w$.<>]+ )?\(?node:[\w/.-]+(?::\d+){2}\)?/,
  // Python
  /Traceback \(most recent call last\)/,
  /\bFile \\?"[^"\\]+\.py\\?", line \d+/,
  // Java, Kotlin, Scala
  /\bat (?:[\w$]+\.)+[\w$<>]+\((?:[\w$]+\.(?:java|kt|scala|groovy):\d+|Native Method|Unknown Source)\)/,
  /\bException in thread \\?"/,
  /\bCaused by: (?:[\w$]+\.)+[\w$]*(?:Exception|Error)\b/,
  // .NET
  /\bat [\w.<>`]+\([^)]*\) in [^\n]+?:line \d+/,
  // Ruby
  /\.rb:\d+:in [`'‘]/,
  // PHP
  /\b(?:Fatal error|Parse error): .{0,200}? in .{1,200}? on line \d+/,
  /Stack trace:\s*(?:\\n)?\s*#0 /,
  // Go
  /\bgoroutine \d+ \[running\]:/,
];

/** The first stack-trace frame or marker in the text, or undefined. */
export function findStackTrace(text: string): string | undefined {
  for (const pattern of stackTracePatterns) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return undefined;
}
